// The budget-integration rules of review year Y, target year Y+1
// (spec/records.md "The rules computed", Integration): ldp-30, budget-20,
// self-30 and dimensions-3, on small workspaces written to disk and loaded.
#include "kudrang/rules/integration.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using kudrang::test::minimal_workspace;
using kudrang::test::TempDir;
using Files = std::map<std::string, std::string>;

namespace {

// One project line of a community plan.
std::string proj(const std::string& id, const std::string& category, const std::string& agency,
                 const std::string& status = "proposed", const std::string& dimension = "economy",
                 int priority = 1)
{
  return "  - { id: " + id + ", name: โครงการ " + id + ", dimension: " + dimension +
         ", category: " + category + (agency.empty() ? "" : ", agency: " + agency) +
         ", priority: " + std::to_string(priority) + ", status: " + status + " }\n";
}

// `n` eligible projects (support, agency lao) E1..En.
std::string eligible(int n, const std::string& prefix = "E")
{
  std::string s;
  for (int i = 1; i <= n; ++i)
    s += proj(prefix + std::to_string(i), "support", "lao", "proposed", "infrastructure", i);
  return s;
}

// The community plan of `village` for review year `year`, id m0<village>-<year>.
std::string plan(int village, const std::string& projects, int year = 2563)
{
  return "kind: community-plan\nid: m0" + std::to_string(village) + "-" + std::to_string(year) +
         "\nvillage: " + std::to_string(village) + "\nyear: " + std::to_string(year) +
         "\nperiod: { from: " + std::to_string(year + 1) + ", to: " + std::to_string(year + 3) + " }\n" +
         R"(households: { total: 10, participating: 10, self_analysis: 10 }
process: { lao_from_start: true, lao_adopted: true, sufficiency_economy: true }
book: true
projects:
)" + projects;
}

// A development-plan project: `budget` is the YAML mapping of money per year.
std::string dev(const std::string& id, const std::string& budget, const std::string& sources)
{
  return "  - { id: " + id + ", name: โครงการ " + id + ", budget: " + budget + ", sources: [" + sources +
         "] }\n";
}

std::string dev_plan(const std::string& projects)
{
  return "kind: development-plan\nid: ldp-2561-2565\nperiod: { from: 2561, to: 2565 }\nprojects:\n" +
         projects;
}

std::string budget(int year, const std::string& lines, const std::string& stage = "draft")
{
  return "kind: budget\nyear: " + std::to_string(year) + "\nstage: " + stage + "\nlines:\n" + lines;
}

std::string line(const std::string& id, const std::string& project, const std::string& amount = "100000")
{
  return "  - { id: " + id + ", name: รายการ " + id + ", amount: " + amount + ", project: " + project +
         " }\n";
}

// Loads the files as a tree of workspaces; fixtures must have no errors
// (warnings such as budget-unplanned are allowed).
LoadedTree load(const std::map<std::string, std::string>& files)
{
  return test::load_valid_tree(files);
}

const IntegrationRule& rule(const IntegrationResult& r, const std::string& id)
{
  for (const auto& x : r.rules) {
    if (x.id == id)
      return x;
  }
  FAIL("no rule " << id);
  return r.rules.front();
}

// The plan/project ids of the eligible projects, in report order.
std::vector<std::string> eligible_ids(const IntegrationResult& r)
{
  std::vector<std::string> out;
  for (const auto& e : r.eligible)
    out.push_back(e.plan->id + "/" + e.project->id);
  return out;
}

} // namespace

TEST_CASE("integration: the rules, their order and thresholds")
{
  auto tree = load({{"kudrang.yaml", minimal_workspace(1)}, {"plans/m01.yaml", plan(1, eligible(1))}});
  auto r = check_integration(tree.workspaces.at(0), 2563);
  CHECK(r.year == 2563);
  CHECK(r.target_year == 2564);
  REQUIRE(r.rules.size() == 4);
  CHECK(r.rules[0].id == "ldp-30");
  CHECK(r.rules[0].threshold == 30);
  CHECK(r.rules[1].id == "budget-20");
  CHECK(r.rules[1].threshold == 20);
  CHECK(r.rules[2].id == "self-30");
  CHECK(r.rules[2].threshold == 100);
  CHECK(r.rules[3].id == "dimensions-3");
  CHECK(r.rules[3].threshold == 100);
  CHECK_FALSE(r.has_budget);
}

TEST_CASE("integration: 0 eligible projects")
{
  // Self projects, and a support project of another agency: nothing eligible.
  auto tree =
      load({{"kudrang.yaml", minimal_workspace(1)},
            {"plans/m01.yaml",
             plan(1, proj("S1", "self", "", "done", "economy") + proj("S2", "self", "", "done", "health") +
                         proj("A1", "support", "สำนักงานเกษตรอำเภอ", "proposed", "society"))}});
  auto r = check_integration(tree.workspaces.at(0), 2563);
  CHECK(r.eligible.empty());
  const auto& ldp = rule(r, "ldp-30");
  CHECK(ldp.ratio.num == 0);
  CHECK(ldp.ratio.den == 0);
  CHECK_FALSE(ldp.met);
  CHECK_FALSE(ldp.ratio.hundredths().has_value());
  CHECK(ldp.needed == 0);
  const auto& b20 = rule(r, "budget-20");
  CHECK(b20.ratio.den == 0);
  CHECK_FALSE(b20.met);
  CHECK(b20.needed == 0);
  CHECK_FALSE(r.all_met());
}

TEST_CASE("integration: ldp-30 at and around 30%")
{
  Files files = {{"kudrang.yaml", minimal_workspace(1)},
                 {"plans/m01.yaml", plan(1, proj("S1", "self", "", "done") + eligible(10))}};
  SUBCASE("exactly 30%: 3 of 10 taken up meets")
  {
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1, m01-2563/E2") +
                 dev("ldp-002", "{ 2564: 50000, 2565: 50000 }", "m01-2563/E3"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    const auto& ldp = rule(r, "ldp-30");
    CHECK(ldp.ratio.num == 3);
    CHECK(ldp.ratio.den == 10);
    CHECK(ldp.met);
    CHECK(ldp.needed == 0);
    CHECK(r.eligible.size() == 10);
  }
  SUBCASE("2 of 10: not met, 1 more needed")
  {
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1, m01-2563/E2"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    const auto& ldp = rule(r, "ldp-30");
    CHECK(ldp.ratio.num == 2);
    CHECK(ldp.ratio.den == 10);
    CHECK_FALSE(ldp.met);
    CHECK(ldp.needed == 1);
    CHECK(ldp.ratio.hundredths() == 2000);
  }
  SUBCASE("one development-plan project taking up several community-plan projects: each counts")
  {
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1, m01-2563/E5, m01-2563/E9, m01-2563/E10"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "ldp-30").ratio.num == 4);
    CHECK(rule(r, "ldp-30").met);
    for (const auto& e : r.eligible) {
      CAPTURE(e.project->id);
      bool taken =
          e.project->id == "E1" || e.project->id == "E5" || e.project->id == "E9" || e.project->id == "E10";
      CHECK(e.in_ldp == taken);
      CHECK(e.dev_projects.size() == (taken ? 1u : 0u));
    }
  }
  SUBCASE("a community-plan project taken up by two development-plan projects counts once")
  {
    files["development-plan/ldp.yaml"] = dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1") +
                                                  dev("ldp-002", "{ 2564: 20000 }", "m01-2563/E1"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "ldp-30").ratio.num == 1);
    CHECK(rule(r, "ldp-30").needed == 2);
  }
  SUBCASE("money planned only for another year (Y+2) is not counted")
  {
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2565: 100000 }", "m01-2563/E1, m01-2563/E2, m01-2563/E3") +
                 dev("ldp-002", "{ 2563: 100000 }", "m01-2563/E4"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "ldp-30").ratio.num == 0);
    CHECK(rule(r, "ldp-30").ratio.den == 10);
    CHECK_FALSE(rule(r, "ldp-30").met);
    CHECK(rule(r, "ldp-30").needed == 3);
  }
  SUBCASE("money 0 for Y+1 is not counted")
  {
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2564: 0, 2565: 100000 }", "m01-2563/E1, m01-2563/E2, m01-2563/E3"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "ldp-30").ratio.num == 0);
  }
  SUBCASE("the same records checked for review year 2564: the year-2563 plans are not counted")
  {
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2565: 100000 }", "m01-2563/E1, m01-2563/E2, m01-2563/E3"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2564);
    CHECK(r.target_year == 2565);
    CHECK(rule(r, "ldp-30").ratio.den == 0);
    CHECK(rule(r, "self-30").ratio.den == 0);
    CHECK(r.plans.empty());
  }
}

TEST_CASE("integration: which projects are eligible")
{
  Files files = {{"kudrang.yaml", minimal_workspace(1)}};
  SUBCASE("self projects and agencies other than 'lao' are not eligible, though taken up")
  {
    files["plans/m01.yaml"] =
        plan(1, proj("S1", "self", "", "done") + proj("A1", "support", "สำนักงานเกษตรอำเภอ") +
                    proj("A2", "joint", "") + proj("J1", "joint", "lao") + proj("P1", "support", "lao"));
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/S1, m01-2563/A1, m01-2563/A2, m01-2563/J1"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(eligible_ids(r) == std::vector<std::string>{"m01-2563/J1", "m01-2563/P1"});
    CHECK(rule(r, "ldp-30").ratio.num == 1);
    CHECK(rule(r, "ldp-30").ratio.den == 2);
    CHECK(rule(r, "ldp-30").met);
  }
  SUBCASE("dropped projects are excluded from both counts")
  {
    files["plans/m01.yaml"] = plan(1, eligible(3) + proj("D1", "support", "lao", "dropped") +
                                          proj("D2", "joint", "lao", "dropped"));
    files["development-plan/ldp.yaml"] =
        dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/D1, m01-2563/D2"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(eligible_ids(r) == std::vector<std::string>{"m01-2563/E1", "m01-2563/E2", "m01-2563/E3"});
    CHECK(rule(r, "ldp-30").ratio.num == 0);
    CHECK(rule(r, "ldp-30").ratio.den == 3);
    CHECK(rule(r, "ldp-30").needed == 1);
  }
  SUBCASE("in-progress and done projects are eligible")
  {
    files["plans/m01.yaml"] =
        plan(1, proj("J1", "joint", "lao", "in-progress") + proj("J2", "support", "lao", "done"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(r.eligible.size() == 2);
  }
  SUBCASE("eligible projects by village, then priority")
  {
    files["kudrang.yaml"] = minimal_workspace(2);
    files["plans/m01.yaml"] = plan(2, proj("X", "support", "lao", "proposed", "economy", 3) +
                                          proj("Y", "support", "lao", "proposed", "economy", 1));
    files["plans/m02.yaml"] = plan(1, proj("Z", "joint", "lao", "proposed", "economy", 2) +
                                          proj("W", "joint", "lao", "proposed", "economy", 1));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(eligible_ids(r) ==
          std::vector<std::string>{"m01-2563/W", "m01-2563/Z", "m02-2563/Y", "m02-2563/X"});
  }
}

TEST_CASE("integration: budget-20 at and around 20%")
{
  // 10 eligible; E1..E5 taken up with money for 2564: ldp-30 is 5 of 10.
  Files files = {
      {"kudrang.yaml", minimal_workspace(1)},
      {"plans/m01.yaml", plan(1, eligible(10))},
      {"development-plan/ldp.yaml",
       dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1") +
                dev("ldp-002", "{ 2564: 100000 }", "m01-2563/E2, m01-2563/E3, m01-2563/E4, m01-2563/E5") +
                dev("ldp-003", "{ 2565: 100000 }", "m01-2563/E2, m01-2563/E6"))}};
  SUBCASE("exactly 20%: 1 of 5 carried by a line of the Y+1 budget")
  {
    files["budget/2564.yaml"] = budget(2564, line("b-1", "ldp-001"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(r.has_budget);
    CHECK(rule(r, "ldp-30").ratio.num == 5);
    CHECK(rule(r, "ldp-30").met);
    const auto& b20 = rule(r, "budget-20");
    CHECK(b20.ratio.num == 1);
    CHECK(b20.ratio.den == 5);
    CHECK(b20.met);
    CHECK(b20.needed == 0);
  }
  SUBCASE("an enacted budget counts the same")
  {
    files["budget/2564.yaml"] = budget(2564, line("b-1", "ldp-001"), "enacted");
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "budget-20").ratio.num == 1);
    CHECK(rule(r, "budget-20").met);
  }
  SUBCASE("one line carrying a project that takes up 4: 4 of 5")
  {
    files["budget/2564.yaml"] = budget(2564, line("b-1", "ldp-002"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "budget-20").ratio.num == 4);
    CHECK(rule(r, "budget-20").ratio.den == 5);
  }
  SUBCASE("no budget record: 0 of 5, 1 needed")
  {
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK_FALSE(r.has_budget);
    const auto& b20 = rule(r, "budget-20");
    CHECK(b20.ratio.num == 0);
    CHECK(b20.ratio.den == 5);
    CHECK_FALSE(b20.met);
    CHECK(b20.needed == 1);
  }
  SUBCASE("a budget of another year (Y+2) does not count")
  {
    files["budget/2565.yaml"] = budget(2565, line("b-1", "ldp-003"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK_FALSE(r.has_budget);
    CHECK(rule(r, "budget-20").ratio.num == 0);
  }
  SUBCASE("a Y+1 line carrying a project with no money for Y+1 does not count")
  {
    // ldp-003 takes up E2 (in ldp-30 through ldp-002) and E6 (not), with money for 2565 only.
    files["budget/2564.yaml"] = budget(2564, line("b-1", "ldp-003"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(r.has_budget);
    CHECK(rule(r, "ldp-30").ratio.num == 5);
    CHECK(rule(r, "budget-20").ratio.num == 0);
    CHECK(rule(r, "budget-20").ratio.den == 5);
    for (const auto& e : r.eligible) {
      CAPTURE(e.project->id);
      CHECK_FALSE(e.in_budget);
    }
  }
}

TEST_CASE("integration: self-30 and dimensions-3 count plans")
{
  Files files = {{"kudrang.yaml", minimal_workspace(3)}};
  // Village 1: 3 self of 10 (none in action: self-30 asks only for the share), 3 dimensions.
  files["plans/m01.yaml"] =
      plan(1, proj("S1", "self", "", "proposed", "economy") + proj("S2", "self", "", "proposed", "health") +
                  proj("S3", "self", "", "proposed", "culture") + eligible(7));
  SUBCASE("every plan passing: 1 of 1")
  {
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    REQUIRE(r.plans.size() == 1);
    CHECK(r.plans[0].self.num == 3);
    CHECK(r.plans[0].self.den == 10);
    CHECK(r.plans[0].dimensions == 4); // economy, health, culture, infrastructure
    CHECK(rule(r, "self-30").met);
    CHECK(rule(r, "self-30").ratio.num == 1);
    CHECK(rule(r, "dimensions-3").met);
  }
  SUBCASE("one plan of three failing each: 2 of 3, 1 plan to fix")
  {
    // Village 2: 2 self of 9 (a dropped self project not counted), 2 dimensions
    // (a dropped project of a third dimension not counted).
    files["plans/m02.yaml"] =
        plan(2, proj("S1", "self", "", "done", "economy") + proj("S2", "self", "", "done", "economy") +
                    proj("S3", "self", "", "dropped", "health") + eligible(7));
    // Village 3: 4 self of 10 over 3 dimensions.
    files["plans/m03.yaml"] =
        plan(3, proj("S1", "self", "", "done", "economy") + proj("S2", "self", "", "done", "health") +
                    proj("S3", "self", "", "done", "economy") + proj("S4", "self", "", "done", "economy") +
                    eligible(6));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    REQUIRE(r.plans.size() == 3);
    CHECK(r.plans[1].plan->id == "m02-2563");
    CHECK(r.plans[1].self.num == 2);
    CHECK(r.plans[1].self.den == 9);
    CHECK(r.plans[1].dimensions == 2);
    CHECK(r.plans[2].dimensions == 3);
    const auto& self = rule(r, "self-30");
    CHECK(self.ratio.num == 2);
    CHECK(self.ratio.den == 3);
    CHECK_FALSE(self.met);
    CHECK(self.needed == 1);
    const auto& dims = rule(r, "dimensions-3");
    CHECK(dims.ratio.num == 2);
    CHECK(dims.ratio.den == 3);
    CHECK_FALSE(dims.met);
    CHECK(dims.needed == 1);
  }
  SUBCASE("a plan with every project dropped fails both")
  {
    files["plans/m02.yaml"] =
        plan(2, proj("S1", "self", "", "dropped", "economy") + proj("S2", "self", "", "dropped", "health") +
                    proj("S3", "self", "", "dropped", "culture"));
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(rule(r, "self-30").ratio.num == 1);
    CHECK(rule(r, "self-30").ratio.den == 2);
    CHECK(rule(r, "dimensions-3").ratio.num == 1);
    CHECK(rule(r, "dimensions-3").needed == 1);
  }
  SUBCASE("plans of other review years are not counted")
  {
    files["plans/m01-2562.yaml"] = plan(1, proj("J1", "joint", "lao"), 2562);
    auto tree = load(files);
    auto r = check_integration(tree.workspaces.at(0), 2563);
    CHECK(r.plans.size() == 1);
    CHECK(rule(r, "self-30").ratio.den == 1);
    CHECK(rule(r, "ldp-30").ratio.den == 7);
  }
}

TEST_CASE("integration: add_integration sums workspaces and decides again")
{
  // a: 5 eligible, 1 taken up and budgeted. b: 5 eligible, 2 taken up, none budgeted.
  Files files = {
      {"a/kudrang.yaml", minimal_workspace(1)},
      {"a/plans/m01.yaml",
       plan(1, proj("S1", "self", "", "done", "economy") + proj("S2", "self", "", "done", "health") +
                   proj("S3", "self", "", "done", "culture") + eligible(5))},
      {"a/development-plan/ldp.yaml", dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1"))},
      {"a/budget/2564.yaml", budget(2564, line("b-1", "ldp-001"))},
      {"b/kudrang.yaml", minimal_workspace(1)},
      {"b/plans/m01.yaml", plan(1, proj("S1", "self", "", "done", "economy") + eligible(5))},
      {"b/development-plan/ldp.yaml",
       dev_plan(dev("ldp-001", "{ 2564: 100000 }", "m01-2563/E1, m01-2563/E2"))},
  };
  auto tree = load(files);
  REQUIRE(tree.workspaces.size() == 2);
  auto a = check_integration(tree.workspaces[0], 2563);
  auto b = check_integration(tree.workspaces[1], 2563);
  // Each workspace alone.
  CHECK(rule(a, "ldp-30").ratio.num == 1);
  CHECK(rule(a, "ldp-30").ratio.den == 5);
  CHECK_FALSE(rule(a, "ldp-30").met); // 20%
  CHECK(rule(a, "ldp-30").needed == 1);
  CHECK(rule(a, "budget-20").met); // 1 of 1
  CHECK(rule(b, "ldp-30").ratio.num == 2);
  CHECK(rule(b, "ldp-30").met);          // 40%
  CHECK_FALSE(rule(b, "budget-20").met); // 0 of 2
  CHECK(rule(b, "budget-20").needed == 1);
  CHECK(a.has_budget);
  CHECK_FALSE(b.has_budget);

  IntegrationResult total;
  add_integration(total, a);
  add_integration(total, b);
  CHECK(total.year == 2563);
  CHECK(total.target_year == 2564);
  CHECK(total.has_budget);
  REQUIRE(total.rules.size() == 4);
  const auto& ldp = rule(total, "ldp-30");
  CHECK(ldp.ratio.num == 3);
  CHECK(ldp.ratio.den == 10);
  CHECK(ldp.met);
  CHECK(ldp.needed == 0);
  const auto& b20 = rule(total, "budget-20");
  CHECK(b20.ratio.num == 1);
  CHECK(b20.ratio.den == 3);
  CHECK(b20.met); // 33.33%
  // a's plan: 3 self of 8 (37.5%), 4 dimensions; b's: 1 self of 6 (16.67%), 2 dimensions.
  const auto& self = rule(total, "self-30");
  CHECK(self.ratio.num == 1);
  CHECK(self.ratio.den == 2);
  CHECK_FALSE(self.met);
  CHECK(self.needed == 1);
  const auto& dims = rule(total, "dimensions-3");
  CHECK(dims.ratio.num == 1);
  CHECK(dims.ratio.den == 2);
  CHECK(dims.threshold == 100);
  CHECK_FALSE(total.all_met());
}
