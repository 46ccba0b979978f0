// The quality grade of a community plan (spec/records.md "The rules
// computed", Grade): six criteria, thresholds inclusive and decided in
// integers, A/B/C from the number met.
#include "kudrang/records/parsed_record.hpp"
#include "kudrang/render/grade_render.hpp"
#include "kudrang/rules/grade.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using kudrang::test::TempDir;
using V = std::vector<std::string>;

namespace {

// A community plan of village 1 reviewed in 2563, from its households,
// process and projects (YAML fragments).
std::string plan_yaml(const std::string& households, const std::string& projects,
                      const std::string& process = "{ lao_from_start: true, lao_adopted: true, "
                                                   "sufficiency_economy: true }",
                      bool book = true)
{
  return R"(kind: community-plan
id: m01-2563
village: 1
year: 2563
period: { from: 2564, to: 2566 }
households: )" +
         households + "\nprocess: " + process + "\nbook: " + (book ? "true" : "false") +
         "\nprojects:" + (projects.empty() ? " []\n" : "\n" + projects);
}

// One project line; joint and support projects go to agency lao.
std::string project(const std::string& id, const std::string& category, const std::string& status)
{
  return "  - { id: " + id + ", name: โครงการ " + id + ", dimension: economy, category: " + category +
         (category == "self" ? "" : ", agency: lao") + ", status: " + status + " }\n";
}

// `n` projects of one category and status, ids prefix1, prefix2, ...
std::string projects(int n, const std::string& prefix, const std::string& category, const std::string& status)
{
  std::string s;
  for (int i = 1; i <= n; ++i)
    s += project(prefix + std::to_string(i), category, status);
  return s;
}

CommunityPlan parse_plan(const std::string& yaml)
{
  ParsedRecord r = parse_record(yaml, "plans/m01.yaml");
  for (const auto& d : r.diagnostics)
    FAIL_CHECK(format_diagnostic(d));
  REQUIRE(r.kind == "community-plan");
  return std::get<CommunityPlan>(r.value);
}

// Ten projects: 3 self (one done), 7 support: criterion 5 met.
const std::string ten_projects = project("S1", "self", "done") + project("S2", "self", "proposed") +
                                 project("S3", "self", "proposed") + projects(7, "J", "support", "proposed");

PlanGrade grade(const CommunityPlan& p, const GradeThresholds& t = {})
{
  return grade_plan(p, t, AdoptionEvidence{});
}

const std::string full_households = "{ total: 10, participating: 10, self_analysis: 10 }";

} // namespace

TEST_CASE("grade: a plan meeting all six criteria is graded A")
{
  auto plan = parse_plan(plan_yaml(full_households, ten_projects));
  auto g = grade(plan);
  CHECK(g.plan == &plan);
  CHECK(g.met == 6);
  CHECK(g.grade == 'A');
  for (int i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(g.criteria[static_cast<size_t>(i)].no == i + 1);
    CHECK(g.criteria[static_cast<size_t>(i)].met);
  }
  CHECK(g.criteria[0].evidence == Evidence::computed);
  CHECK(g.criteria[1].evidence == Evidence::computed);
  CHECK(g.criteria[2].evidence == Evidence::declared);
  CHECK(g.criteria[3].evidence == Evidence::declared);
  CHECK(g.criteria[4].evidence == Evidence::computed);
  CHECK(g.criteria[5].evidence == Evidence::declared);
  CHECK(grade_advice(g, false).empty());
  CHECK(std::string(evidence_id(Evidence::computed)) == "computed");
  CHECK(std::string(evidence_id(Evidence::verified)) == "verified");
  CHECK(std::string(evidence_id(Evidence::declared)) == "declared");
}

TEST_CASE("grade: 0 households meets neither household criterion and has no percent")
{
  auto plan = parse_plan(plan_yaml("{ total: 0, participating: 0, self_analysis: 0 }", ten_projects));
  auto g = grade(plan);
  for (size_t i : {size_t{0}, size_t{1}}) {
    CAPTURE(i);
    const auto& c = g.criteria[i];
    CHECK_FALSE(c.met);
    CHECK(c.evidence == Evidence::computed);
    REQUIRE(c.ratio);
    CHECK(c.ratio->num == 0);
    CHECK(c.ratio->den == 0);
    CHECK_FALSE(c.ratio->hundredths().has_value());
    CHECK(c.threshold == 70);
    CHECK(c.needed == 0);
  }
  CHECK(g.met == 4);
  CHECK(g.grade == 'C');
  CHECK(grade_advice(g, false) ==
        V{"criterion 1: the number of households is not recorded (households.total is 0)",
          "criterion 2: the number of households is not recorded (households.total is 0)"});
}

TEST_CASE("grade: exactly 70% participation passes")
{
  auto participation = [](long participating, long total) {
    auto plan = parse_plan(plan_yaml("{ total: " + std::to_string(total) +
                                         ", participating: " + std::to_string(participating) +
                                         ", self_analysis: " + std::to_string(total) + " }",
                                     ten_projects));
    return grade(plan).criteria[1];
  };
  SUBCASE("7 of 10")
  {
    auto c = participation(7, 10);
    CHECK(c.met);
    CHECK(c.ratio->hundredths() == 7000);
    CHECK(c.needed == 0);
  }
  SUBCASE("7000 of 10000")
  {
    auto c = participation(7000, 10000);
    CHECK(c.met);
    CHECK(c.threshold == 70);
  }
  SUBCASE("69.99%: 6999 of 10000 fails and needs 1")
  {
    auto c = participation(6999, 10000);
    CHECK_FALSE(c.met);
    CHECK(c.ratio->hundredths() == 6999);
    CHECK(c.needed == 1);
  }
  SUBCASE("one below: 6 of 10 fails and needs 1")
  {
    auto c = participation(6, 10);
    CHECK_FALSE(c.met);
    CHECK(c.needed == 1);
  }
  SUBCASE("152 households: 107 (70.39%) passes, 106 (69.74%) fails")
  {
    CHECK(participation(107, 152).met);
    auto c = participation(106, 152);
    CHECK_FALSE(c.met);
    CHECK(c.needed == 1);
  }
  SUBCASE("all households")
  {
    CHECK(participation(10, 10).met);
  }
}

TEST_CASE("grade: exactly 70% self-analysis passes")
{
  auto self_analysis = [](long analysed, long total) {
    auto plan = parse_plan(plan_yaml("{ total: " + std::to_string(total) +
                                         ", participating: " + std::to_string(total) +
                                         ", self_analysis: " + std::to_string(analysed) + " }",
                                     ten_projects));
    return grade(plan);
  };
  SUBCASE("7 of 10")
  {
    auto g = self_analysis(7, 10);
    CHECK(g.criteria[0].met);
    CHECK(g.criteria[0].evidence == Evidence::computed);
    CHECK(g.criteria[0].needed == 0);
    CHECK(g.grade == 'A');
  }
  SUBCASE("69.99%: 6999 of 10000 fails and needs 1")
  {
    auto g = self_analysis(6999, 10000);
    CHECK_FALSE(g.criteria[0].met);
    CHECK(g.criteria[0].ratio->hundredths() == 6999);
    CHECK(g.criteria[0].needed == 1);
    CHECK(g.met == 5);
    CHECK(g.grade == 'B');
  }
  SUBCASE("one below: 6 of 10 fails")
  {
    auto g = self_analysis(6, 10);
    CHECK_FALSE(g.criteria[0].met);
    CHECK(g.criteria[0].needed == 1);
  }
  SUBCASE("100 of 152 (65.79%) needs 7")
  {
    auto g = self_analysis(100, 152);
    CHECK_FALSE(g.criteria[0].met);
    CHECK(g.criteria[0].needed == 7);
    CHECK(grade_advice(g, false) ==
          V{"criterion 1: 100 of 152 households analysed their own data (65.79%); 7 more reach 70%"});
  }
}

TEST_CASE("grade: criterion 5, self-reliant projects at least 30% and carried out")
{
  auto c5 = [](const std::string& list) {
    return grade(parse_plan(plan_yaml(full_households, list))).criteria[4];
  };
  SUBCASE("0 projects: not met, no percent")
  {
    auto c = c5("");
    CHECK_FALSE(c.met);
    CHECK(c.evidence == Evidence::computed);
    REQUIRE(c.ratio);
    CHECK(c.ratio->den == 0);
    CHECK_FALSE(c.ratio->hundredths().has_value());
  }
  SUBCASE("all projects dropped: not met, 0 of 0")
  {
    auto c = c5(project("S1", "self", "dropped") + project("J1", "joint", "dropped"));
    CHECK_FALSE(c.met);
    CHECK(c.ratio->num == 0);
    CHECK(c.ratio->den == 0);
    CHECK_FALSE(c.ratio->hundredths().has_value());
  }
  SUBCASE("exactly 3 of 10 self, one done: met")
  {
    auto c = c5(ten_projects);
    CHECK(c.met);
    CHECK(c.ratio->num == 3);
    CHECK(c.ratio->den == 10);
    CHECK(c.threshold == 30);
    CHECK(c.self_in_action);
    CHECK(c.needed == 0);
  }
  SUBCASE("a self project in progress counts as carried out")
  {
    auto c = c5(project("S1", "self", "in-progress") + projects(2, "T", "self", "proposed") +
                projects(7, "J", "joint", "proposed"));
    CHECK(c.met);
    CHECK(c.self_in_action);
  }
  SUBCASE("2 of 9 self: not met, 1 more self project needed")
  {
    auto c = c5(project("S1", "self", "done") + project("S2", "self", "proposed") +
                projects(7, "J", "support", "proposed"));
    CHECK_FALSE(c.met);
    CHECK(c.ratio->num == 2);
    CHECK(c.ratio->den == 9);
    CHECK(c.needed == 1);
  }
  SUBCASE("0 of 5 self: 3 more self projects needed (3 of 8 = 37.5%)")
  {
    auto c = c5(projects(5, "J", "joint", "done"));
    CHECK_FALSE(c.met);
    CHECK(c.needed == 3);
    CHECK_FALSE(c.self_in_action);
  }
  SUBCASE("dropped projects are left out of the denominator: 3 self of 10 with 2 dropped support is 3/10")
  {
    auto c = c5(ten_projects + project("D1", "support", "dropped") + project("D2", "joint", "dropped"));
    CHECK(c.ratio->num == 3);
    CHECK(c.ratio->den == 10);
    CHECK(c.met); // 3/12 = 25% would fail
  }
  SUBCASE(
      "dropped projects are left out of the numerator: a dropped self project does not make 2/9 into 3/10")
  {
    auto c = c5(project("S1", "self", "done") + project("S2", "self", "proposed") +
                project("S3", "self", "dropped") + projects(7, "J", "support", "proposed"));
    CHECK(c.ratio->num == 2);
    CHECK(c.ratio->den == 9);
    CHECK_FALSE(c.met);
  }
  SUBCASE("30% self but none in progress or done: not met, and the advice says so")
  {
    // A done joint project does not count, nor does a dropped self project.
    std::string list = projects(3, "S", "self", "proposed") + project("K1", "joint", "done") +
                       projects(6, "J", "support", "proposed") + project("X1", "self", "dropped");
    auto plan = parse_plan(plan_yaml(full_households, list));
    auto g = grade(plan);
    const auto& c = g.criteria[4];
    CHECK(c.ratio->num == 3);
    CHECK(c.ratio->den == 10);
    CHECK(c.ratio->meets(30));
    CHECK_FALSE(c.self_in_action);
    CHECK_FALSE(c.met);
    CHECK(c.needed == 0);
    CHECK(g.met == 5);
    CHECK(g.grade == 'B');
    CHECK(grade_advice(g, false) == V{"criterion 5: no self-reliant project is in progress or done yet"});
    CHECK(grade_advice(g, true) == V{"เกณฑ์ที่ 5: ยังไม่มีโครงการที่ชุมชนทำเองอยู่ระหว่างดำเนินการหรือแล้วเสร็จ"});
  }
}

// spec/records.md: a ratio whose denominator is 0 has `needed` 0. Criterion 5
// of a plan with no (or only dropped) projects is 0 of 0. (Regression:
// Ratio::needed_added once returned 1 for a zero denominator.)
TEST_CASE("grade: criterion 5 of a plan with no counted projects needs 0")
{
  SUBCASE("no projects")
  {
    CHECK(grade(parse_plan(plan_yaml(full_households, ""))).criteria[4].needed == 0);
  }
  SUBCASE("all dropped")
  {
    CHECK(
        grade(parse_plan(plan_yaml(full_households, project("S1", "self", "dropped")))).criteria[4].needed ==
        0);
  }
}

TEST_CASE("grade: criterion 3 declared, without a development plan covering Y+1")
{
  auto c3 = [](const std::string& process, const AdoptionEvidence& e) {
    return grade_plan(parse_plan(plan_yaml(full_households, ten_projects, process)), {}, e).criteria[2];
  };
  SUBCASE("lao_from_start and lao_adopted: met, declared")
  {
    auto c = c3("{ lao_from_start: true, lao_adopted: true, sufficiency_economy: true }", {});
    CHECK(c.met);
    CHECK(c.evidence == Evidence::declared);
  }
  SUBCASE("lao_adopted false: not met")
  {
    CHECK_FALSE(c3("{ lao_from_start: true, lao_adopted: false, sufficiency_economy: true }", {}).met);
  }
  SUBCASE("lao_from_start false: not met")
  {
    CHECK_FALSE(c3("{ lao_from_start: false, lao_adopted: true, sufficiency_economy: true }", {}).met);
  }
  SUBCASE("a development plan covering only Y (2563), not Y+1, leaves it declared")
  {
    AdoptionEvidence e;
    e.plan_years = {2561, 2562, 2563};
    e.carried_sources = {"m01-2563/S1"};
    auto c = c3("{ lao_from_start: true, lao_adopted: false, sufficiency_economy: true }", e);
    CHECK(c.evidence == Evidence::declared);
    CHECK_FALSE(c.met);
  }
}

TEST_CASE("grade: criterion 3 verified against the development plan and budget")
{
  AdoptionEvidence e;
  e.plan_years = {2564}; // Y+1 of review year 2563
  auto c3 = [&](const std::string& process) {
    return grade_plan(parse_plan(plan_yaml(full_households, ten_projects, process)), {}, e).criteria[2];
  };
  const std::string from_start = "{ lao_from_start: true, lao_adopted: false, sufficiency_economy: true }";
  SUBCASE("a project of the plan carried by a budget line, lao_from_start: met, though lao_adopted is false")
  {
    e.carried_sources = {"m01-2563/J7"};
    auto c = c3(from_start);
    CHECK(c.evidence == Evidence::verified);
    CHECK(c.met);
  }
  SUBCASE("carried but not lao_from_start: not met")
  {
    e.carried_sources = {"m01-2563/J7"};
    auto c = c3("{ lao_from_start: false, lao_adopted: true, sufficiency_economy: true }");
    CHECK(c.evidence == Evidence::verified);
    CHECK_FALSE(c.met);
  }
  SUBCASE("nothing carried: not met, though lao_adopted is declared")
  {
    auto plan =
        parse_plan(plan_yaml(full_households, ten_projects,
                             "{ lao_from_start: true, lao_adopted: true, sufficiency_economy: true }"));
    e.budget_years = {2564};  // a budget of Y+1 exists (without it the advice says it is not entered)
    auto g = grade_plan(plan, {}, e);
    CHECK(g.criteria[2].evidence == Evidence::verified);
    CHECK_FALSE(g.criteria[2].met);
    CHECK(grade_advice(g, false) ==
          V{"criterion 3: no project of this plan has reached a development-plan project with a budget "
            "line yet (verified against the development plan and budget)"});
  }
  SUBCASE("only another plan's project carried: not met")
  {
    e.carried_sources = {"m02-2563/J7", "m01-2562/J7"};
    CHECK_FALSE(c3(from_start).met);
  }
}

namespace {

const std::string dev_plan_2561_2565 = R"(kind: development-plan
id: ldp-2561-2565
period: { from: 2561, to: 2565 }
projects:
  - id: ldp-001
    name: ถนนคอนกรีต
    budget: { 2564: 100000, 2565: 100000 }
    sources: [m01-2563/P02]
  - id: ldp-002
    name: ประปา
    budget: { 2564: 50000 }
    sources: [m01-2563/P03]
)";

const std::string plan_m01 = R"(kind: community-plan
id: m01-2563
village: 1
year: 2563
period: { from: 2564, to: 2566 }
households: { total: 10, participating: 10, self_analysis: 10 }
process: { lao_from_start: true, lao_adopted: false, sufficiency_economy: true }
book: true
projects:
  - { id: P01, name: บัญชีครัวเรือน, dimension: economy, category: self, status: done }
  - { id: P02, name: ถนน, dimension: infrastructure, category: support, agency: lao, status: proposed }
  - { id: P03, name: ประปา, dimension: infrastructure, category: support, agency: lao, status: proposed }
)";

// Loads a workspace from files; the fixtures must have no errors.
LoadedTree load(const std::map<std::string, std::string>& files)
{
  return test::load_valid_tree(files);
}

} // namespace

TEST_CASE("grade: adoption evidence from a loaded workspace")
{
  std::map<std::string, std::string> files = {{"kudrang.yaml", kudrang::test::minimal_workspace(1)},
                                              {"plans/m01.yaml", plan_m01},
                                              {"development-plan/2561-2565.yaml", dev_plan_2561_2565}};
  SUBCASE("a development plan covering Y+1 and a budget line: verified and met")
  {
    files["budget/2564.yaml"] = "kind: budget\nyear: 2564\nstage: draft\nlines:\n"
                                "  - { id: b-1, name: ถนน, amount: 100000, project: ldp-001 }\n";
    auto tree = load(files);
    REQUIRE(tree.workspaces.size() == 1);
    const Workspace& ws = tree.workspaces[0];
    auto e = adoption_evidence(ws);
    CHECK(e.plan_years == std::set<int>{2561, 2562, 2563, 2564, 2565});
    CHECK(e.carried_sources == std::set<std::string>{"m01-2563/P02"});
    CHECK(e.verifiable(2563));
    auto g = grade_plan(ws.plans.at(0).value, ws.grade_criteria().grade, e);
    CHECK(g.criteria[2].evidence == Evidence::verified);
    CHECK(g.criteria[2].met);
    CHECK(g.grade == 'A');
  }
  SUBCASE("a line of some other year's budget also carries it")
  {
    files["budget/2565.yaml"] = "kind: budget\nyear: 2565\nstage: enacted\nlines:\n"
                                "  - { id: b-1, name: ถนน, amount: 100000, project: ldp-001 }\n";
    auto tree = load(files);
    const Workspace& ws = tree.workspaces.at(0);
    auto e = adoption_evidence(ws);
    auto g = grade_plan(ws.plans.at(0).value, ws.grade_criteria().grade, e);
    CHECK(g.criteria[2].evidence == Evidence::verified);
    CHECK(g.criteria[2].met);
  }
  SUBCASE("no budget record: verified and not met, though the development plan takes the project up")
  {
    auto tree = load(files);
    const Workspace& ws = tree.workspaces.at(0);
    auto e = adoption_evidence(ws);
    CHECK(e.carried_sources.empty());
    auto g = grade_plan(ws.plans.at(0).value, ws.grade_criteria().grade, e);
    CHECK(g.criteria[2].evidence == Evidence::verified);
    CHECK_FALSE(g.criteria[2].met);
    CHECK(g.grade == 'B');
  }
  SUBCASE("a development plan ending in Y (2563): declared, and lao_adopted false is not met")
  {
    std::string dp = dev_plan_2561_2565;
    dp.replace(dp.find("to: 2565"), 8, "to: 2563");
    files["development-plan/2561-2565.yaml"] = dp;
    auto tree = load(files);
    const Workspace& ws = tree.workspaces.at(0);
    auto e = adoption_evidence(ws);
    CHECK_FALSE(e.verifiable(2563));
    auto g = grade_plan(ws.plans.at(0).value, ws.grade_criteria().grade, e);
    CHECK(g.criteria[2].evidence == Evidence::declared);
    CHECK_FALSE(g.criteria[2].met);
    CHECK(grade_advice(g, false) ==
          V{"criterion 3: not declared that plan activities are in the development plan and budget "
            "(process.lao_adopted)"});
  }
}

TEST_CASE("grade: criteria 4 and 6 are declared")
{
  SUBCASE("sufficiency_economy false")
  {
    auto g = grade(
        parse_plan(plan_yaml(full_households, ten_projects,
                             "{ lao_from_start: true, lao_adopted: true, sufficiency_economy: false }")));
    CHECK_FALSE(g.criteria[3].met);
    CHECK(g.criteria[3].evidence == Evidence::declared);
    CHECK(g.grade == 'B');
  }
  SUBCASE("book false")
  {
    auto g = grade(parse_plan(
        plan_yaml(full_households, ten_projects,
                  "{ lao_from_start: true, lao_adopted: true, sufficiency_economy: true }", false)));
    CHECK_FALSE(g.criteria[5].met);
    CHECK(g.criteria[5].evidence == Evidence::declared);
    CHECK(g.grade == 'B');
    CHECK(grade_advice(g, false) == V{"criterion 6: the plan is not yet a bound book (book)"});
  }
}

TEST_CASE("grade: from the number of criteria met")
{
  SUBCASE("6 A, 5 B, 4 C, 3 and fewer none")
  {
    CHECK(grade_from_met(6) == 'A');
    CHECK(grade_from_met(5) == 'B');
    CHECK(grade_from_met(4) == 'C');
    CHECK_FALSE(grade_from_met(3).has_value());
    CHECK_FALSE(grade_from_met(0).has_value());
  }
  SUBCASE("a plan meeting 3: criteria 4, 5 and 6 (no households met, not adopted)")
  {
    auto g = grade(
        parse_plan(plan_yaml("{ total: 10, participating: 6, self_analysis: 6 }", ten_projects,
                             "{ lao_from_start: true, lao_adopted: false, sufficiency_economy: true }")));
    CHECK(g.met == 3);
    CHECK_FALSE(g.grade.has_value());
  }
  SUBCASE("a plan meeting 4")
  {
    auto g = grade(
        parse_plan(plan_yaml("{ total: 10, participating: 6, self_analysis: 7 }", ten_projects,
                             "{ lao_from_start: true, lao_adopted: false, sufficiency_economy: true }")));
    CHECK(g.met == 4);
    CHECK(g.grade == 'C');
  }
  SUBCASE("the distribution counts grades")
  {
    GradeDistribution d;
    d.add('A');
    d.add('B');
    d.add('B');
    d.add('C');
    d.add(std::nullopt);
    CHECK(d.a == 1);
    CHECK(d.b == 2);
    CHECK(d.c == 1);
    CHECK(d.none == 1);
    CHECK(d.total() == 5);
  }
}

TEST_CASE("grade: custom thresholds 60/60/25")
{
  const GradeThresholds t{60, 60, 25};
  SUBCASE("6 of 10 households meet 60 but not the default 70")
  {
    auto plan = parse_plan(plan_yaml("{ total: 10, participating: 6, self_analysis: 6 }", ten_projects));
    auto g = grade_plan(plan, t, {});
    CHECK(g.criteria[0].met);
    CHECK(g.criteria[1].met);
    CHECK(g.criteria[0].threshold == 60);
    CHECK(g.criteria[1].threshold == 60);
    CHECK(g.grade == 'A');
    CHECK_FALSE(grade(plan).criteria[1].met);
  }
  SUBCASE("59 of 100 fails 60 and needs 1")
  {
    auto g = grade_plan(
        parse_plan(plan_yaml("{ total: 100, participating: 59, self_analysis: 59 }", ten_projects)), t, {});
    CHECK_FALSE(g.criteria[0].met);
    CHECK_FALSE(g.criteria[1].met);
    CHECK(g.criteria[1].needed == 1);
  }
  SUBCASE("1 self of 4 (25%) meets 25 but not the default 30")
  {
    auto plan = parse_plan(
        plan_yaml(full_households, project("S1", "self", "done") + projects(3, "J", "joint", "done")));
    auto g = grade_plan(plan, t, {});
    CHECK(g.criteria[4].met);
    CHECK(g.criteria[4].threshold == 25);
    auto d = grade(plan);
    CHECK_FALSE(d.criteria[4].met);
    CHECK(d.criteria[4].needed == 1); // 2 of 5 = 40%
  }
  SUBCASE("1 self of 5 (20%) fails 25 and needs 1 (2 of 6 = 33.33%)")
  {
    auto plan = parse_plan(
        plan_yaml(full_households, project("S1", "self", "done") + projects(4, "J", "joint", "done")));
    auto g = grade_plan(plan, t, {});
    CHECK_FALSE(g.criteria[4].met);
    CHECK(g.criteria[4].needed == 1);
  }
}

TEST_CASE("grade: a workspace criteria record cdd-2554 sets the thresholds")
{
  const std::string criteria = R"(kind: criteria
id: cdd-2554
certification:
  pass: 80
  areas:
    - { id: all, name: ทั้งหมด, points: 100, indicators: [ { id: a1, max: 100 } ] }
grade: { self_analysis: 60, participation: 60, self_reliance: 25 }
)";
  std::string six_of_ten = plan_m01;
  six_of_ten.replace(six_of_ten.find("participating: 10, self_analysis: 10"), 36,
                     "participating: 6, self_analysis: 6");
  SUBCASE("with the record: 6 of 10 and 1 self of 3 meet")
  {
    auto tree = load({{"kudrang.yaml", kudrang::test::minimal_workspace(1)},
                      {"plans/m01.yaml", six_of_ten},
                      {"criteria/cdd-2554.yaml", criteria}});
    const Workspace& ws = tree.workspaces.at(0);
    const GradeThresholds& t = ws.grade_criteria().grade;
    CHECK(t.self_analysis == 60);
    CHECK(t.participation == 60);
    CHECK(t.self_reliance == 25);
    auto g = grade_plan(ws.plans.at(0).value, t, adoption_evidence(ws));
    CHECK(g.criteria[0].met);
    CHECK(g.criteria[1].met);
    CHECK(g.criteria[4].met); // 1 of 3 = 33.33%
    CHECK(g.criteria[4].threshold == 25);
  }
  SUBCASE("without it, the built-in 70/70/30: 6 of 10 fails")
  {
    auto tree = load({{"kudrang.yaml", kudrang::test::minimal_workspace(1)}, {"plans/m01.yaml", six_of_ten}});
    const Workspace& ws = tree.workspaces.at(0);
    auto g = grade_plan(ws.plans.at(0).value, ws.grade_criteria().grade, adoption_evidence(ws));
    CHECK_FALSE(g.criteria[0].met);
    CHECK_FALSE(g.criteria[1].met);
    CHECK(g.criteria[0].threshold == 70);
  }
}

TEST_CASE("grade: advice for criteria 2 and 5")
{
  // 110 of 152 analysed (72.37%): criterion 1 met; 98 of 152 took part; 2 of 9 self.
  auto plan = parse_plan(plan_yaml("{ total: 152, participating: 98, self_analysis: 110 }",
                                   project("S1", "self", "done") + project("S2", "self", "proposed") +
                                       projects(7, "J", "support", "proposed")));
  auto g = grade(plan);
  CHECK(g.met == 4);
  CHECK(g.grade == 'C');
  SUBCASE("English")
  {
    CHECK(
        grade_advice(g, false) ==
        V{"criterion 2: 98 of 152 households took part (64.47%); 9 more reach 70%",
          "criterion 5: 2 of 9 projects are self-reliant (22.22%); 1 more self-reliant project reaches 30%"});
  }
  SUBCASE("Thai")
  {
    CHECK(grade_advice(g, true) ==
          V{"เกณฑ์ที่ 2: ครัวเรือนมีส่วนร่วม 98 จาก 152 (64.47%); เพิ่มอีก 9 ครัวเรือนจึงถึงร้อยละ 70",
            "เกณฑ์ที่ 5: โครงการที่ชุมชนทำเอง 2 จาก 9 โครงการ (22.22%); เพิ่มโครงการทำเองอีก 1 โครงการจึงถึงร้อยละ 30"});
  }
  SUBCASE("more than one project needed takes the plural")
  {
    auto p = parse_plan(plan_yaml(full_households, projects(5, "J", "joint", "done")));
    CHECK(grade_advice(grade(p), false) ==
          V{"criterion 5: 0 of 5 projects are self-reliant (0.00%); 3 more self-reliant projects reach 30%"});
  }
}
