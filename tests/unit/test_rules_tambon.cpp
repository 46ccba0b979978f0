// The integrated subdistrict plan (rules/tambon_forum): model-LAO criteria
// 1-3 at their boundaries, "by priority" of criterion 4, the default ranking,
// and ldp-30 counted from the integrated plan.
#include "kudrang/rules/integration.hpp"
#include "kudrang/rules/success_levels.hpp"
#include "kudrang/rules/tambon_forum.hpp"
#include "kudrang/rules/trace.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using kudrang::test::minimal_workspace;

namespace {

WorkingGroup group(const std::string& no, std::optional<Date> date, std::vector<std::string> sides)
{
  WorkingGroup g;
  g.present = true;
  g.order_no = no;
  g.order_date = date;
  for (const auto& s : sides) g.members.push_back({"ชื่อ", "ตำแหน่ง", s});
  return g;
}

Date d(int y, int m, int day) { return Date{y, m, day}; }

CommunityPlan plan_with(std::vector<std::string> dims, std::vector<std::string> data, std::optional<Date> reviewed)
{
  CommunityPlan p;
  p.id = "m01-2563";
  p.village = 1;
  p.year = 2563;
  p.reviewed = reviewed;
  p.data_sources = std::move(data);
  int i = 0;
  for (const auto& dim : dims) {
    PlanProject pp;
    pp.id = "P" + std::to_string(++i);
    pp.dimension = dim;
    p.projects.push_back(pp);
  }
  return p;
}

std::string proj(const std::string& id, const std::string& category, const std::string& agency, int priority,
                 const std::string& dimension, const std::string& status = "proposed")
{
  return "  - { id: " + id + ", name: โครงการ " + id + ", dimension: " + dimension + ", category: " + category +
         (agency.empty() ? "" : ", agency: " + agency) + ", priority: " + std::to_string(priority) +
         ", status: " + status + " }\n";
}

std::string plan(int village, const std::string& projects)
{
  return "kind: community-plan\nid: m0" + std::to_string(village) + "-2563\nvillage: " + std::to_string(village) +
         "\nyear: 2563\nperiod: { from: 2564, to: 2566 }\nreviewed: 2019-11-05\ndata_sources: [jpt, kchch2c]\n"
         "households: { total: 10, participating: 10, self_analysis: 10 }\n"
         "process: { lao_from_start: true, lao_adopted: true, sufficiency_economy: true }\nbook: true\nprojects:\n" +
         projects;
}

}  // namespace

TEST_CASE("tambon: criterion 1, the working group")
{
  Date forum = d(2020, 1, 21);
  CHECK(working_group_met(group("245/2562", d(2019, 10, 15), {"lao", "community"}), forum));
  // The order on the forum's day is still before it; a day later is not.
  CHECK(working_group_met(group("245/2562", forum, {"lao", "community"}), forum));
  CHECK_FALSE(working_group_met(group("245/2562", d(2020, 1, 22), {"lao", "community"}), forum));
  // No forum date: only the order and the members count.
  CHECK(working_group_met(group("245/2562", d(2020, 1, 22), {"lao", "community"}), std::nullopt));
  // One side only, no number, no date, no group at all.
  CHECK_FALSE(working_group_met(group("245/2562", d(2019, 10, 15), {"lao", "lao"}), forum));
  CHECK_FALSE(working_group_met(group("245/2562", d(2019, 10, 15), {"community"}), forum));
  CHECK_FALSE(working_group_met(group("", d(2019, 10, 15), {"lao", "community"}), forum));
  CHECK_FALSE(working_group_met(group("245/2562", std::nullopt, {"lao", "community"}), forum));
  CHECK_FALSE(working_group_met(WorkingGroup{}, forum));
}

TEST_CASE("tambon: criterion 2, a village forum over 3 dimensions with jpt and kchch2c")
{
  std::optional<Date> in_year = d(2019, 11, 5);  // fiscal year 2563
  CHECK(village_forum(plan_with({"economy", "health", "society"}, {"jpt", "kchch2c"}, in_year), 2563).met());
  // 2 dimensions (a repeated one counts once): not met.
  auto two = village_forum(plan_with({"economy", "health", "health"}, {"jpt", "kchch2c"}, in_year), 2563);
  CHECK(two.dimensions == 2);
  CHECK_FALSE(two.met());
  // A dropped project's dimension does not count.
  auto p = plan_with({"economy", "health", "society"}, {"jpt", "kchch2c"}, in_year);
  p.projects[2].status = PlanProjectStatus::dropped;
  CHECK_FALSE(village_forum(p, 2563).met());
  // Only one of the two community data sources.
  CHECK_FALSE(village_forum(plan_with({"economy", "health", "society"}, {"jpt"}, in_year), 2563).met());
  CHECK_FALSE(village_forum(plan_with({"economy", "health", "society"}, {"kchch2c", "household-accounts"}, in_year), 2563).met());
  // The forum on 30 Sep 2019 is fiscal 2562; 1 Oct 2019 is the first day of 2563.
  CHECK_FALSE(village_forum(plan_with({"economy", "health", "society"}, {"jpt", "kchch2c"}, d(2019, 9, 30)), 2563).met());
  CHECK(village_forum(plan_with({"economy", "health", "society"}, {"jpt", "kchch2c"}, d(2019, 10, 1)), 2563).met());
  CHECK_FALSE(village_forum(plan_with({"economy", "health", "society"}, {"jpt", "kchch2c"}, std::nullopt), 2563).met());
}

TEST_CASE("tambon: by priority")
{
  using V = std::vector<RankedTake>;
  CHECK(priority_breaches(V{}).empty());
  CHECK(priority_breaches(V{{1, true}, {2, true}, {3, false}}).empty());  // a prefix taken
  CHECK(priority_breaches(V{{1, false}, {2, false}}).empty());           // nothing taken
  // Rank 2 taken while rank 1 is left out: one breach naming rank 1.
  auto b = priority_breaches(V{{1, false}, {2, true}});
  REQUIRE(b.size() == 1);
  CHECK(b[0].taken == 1);
  CHECK(b[0].passed_over == std::vector<size_t>{0});
  // Input out of rank order: judged by rank, indexes into the input.
  b = priority_breaches(V{{3, true}, {1, false}, {2, true}});
  REQUIRE(b.size() == 2);
  CHECK(b[0].taken == 2);
  CHECK(b[0].passed_over == std::vector<size_t>{1});
  CHECK(b[1].taken == 0);
  CHECK(b[1].passed_over == std::vector<size_t>{1});
  // Equal ranks never pass over each other.
  CHECK(priority_breaches(V{{1, false}, {1, true}}).empty());
}

TEST_CASE("tambon: default carrier")
{
  Workspace ws;
  PlanProject p;
  p.category = ProjectCategory::self;
  CHECK(default_carrier(ws, p) == Carrier::village);
  p.category = ProjectCategory::support;
  p.agency = "lao";
  CHECK(default_carrier(ws, p) == Carrier::lao);
  p.category = ProjectCategory::joint;
  CHECK(default_carrier(ws, p) == Carrier::lao);
  p.agency = "สำนักงานเกษตรอำเภอ";
  CHECK(default_carrier(ws, p) == Carrier::joint);
  p.category = ProjectCategory::support;
  CHECK(default_carrier(ws, p) == Carrier::agency);
}

TEST_CASE("tambon: the default ranking and ldp-30 from the integrated plan")
{
  // Village 1: priorities 1 (economy), 2 (economy, lao); village 2: 1 (economy, lao), 2 (health).
  auto tree = test::load_valid_tree(
    {{"kudrang.yaml", minimal_workspace(2)},
     {"plans/m01.yaml", plan(1, proj("A", "self", "", 1, "economy") + proj("B", "support", "lao", 2, "economy") +
                                  proj("X", "support", "lao", 3, "society", "dropped"))},
     {"plans/m02.yaml", plan(2, proj("C", "support", "lao", 1, "economy") + proj("D", "self", "", 2, "health"))}});
  const Workspace& ws = tree.workspaces.at(0);
  auto draft = draft_integrated_projects(ws, 2563);
  std::vector<std::string> refs;
  for (const auto& p : draft) refs.push_back(p.ref() + "#" + std::to_string(p.rank));
  // Priority 1 first (village order), then priority 2: health (not drawn yet)
  // before a third economy project; the dropped one is left out.
  CHECK(refs == std::vector<std::string>{"m01-2563/A#1", "m02-2563/C#2", "m02-2563/D#3", "m01-2563/B#4"});

  // Without an integrated plan: eligible from the village plans, 4 rules.
  auto r = check_integration(ws, 2563);
  CHECK_FALSE(r.from_integrated);
  CHECK(r.rules.size() == 4);
  CHECK(r.eligible.size() == 2);
  CHECK_FALSE(success_levels(ws, 2563).from_integrated);
}

TEST_CASE("tambon: ldp-30 over the forum's LAO projects, by rank, with criteria 1-3")
{
  std::string integrated = "kind: integrated-plan\nid: tambon-2563\nyear: 2563\n"
                           "forum: { date: 2020-01-21, venue: ห้องประชุม, organisers: [ศอช.ต.กุดรัง] }\n"
                           "projects:\n"
                           "  - { ref: m01-2563/A, rank: 1, carrier: village }\n"
                           "  - { ref: m02-2563/C, rank: 2, carrier: lao }\n"
                           "  - { ref: m02-2563/D, rank: 3, carrier: agency, agency: รพ.สต. }\n"
                           "  - { ref: m01-2563/B, rank: 4, carrier: lao }\n";
  std::string dev = "kind: development-plan\nid: ldp\nperiod: { from: 2561, to: 2565 }\nprojects:\n"
                    "  - { id: ldp-1, name: ถนน, budget: { 2564: 100000 }, sources: [m01-2563/B] }\n";
  auto tree = test::load_valid_tree(
    {{"kudrang.yaml", minimal_workspace(2)},
     {"plans/m01.yaml", plan(1, proj("A", "self", "", 1, "economy") + proj("B", "support", "lao", 2, "economy"))},
     {"plans/m02.yaml", plan(2, proj("C", "support", "lao", 1, "economy") + proj("D", "self", "", 2, "health"))},
     {"integrated/2563.yaml", integrated},
     {"development-plan/ldp.yaml", dev}});
  const Workspace& ws = tree.workspaces.at(0);
  auto r = check_integration(ws, 2563);
  CHECK(r.from_integrated);
  REQUIRE(r.eligible.size() == 2);
  CHECK(r.eligible[0].rank == 2);
  CHECK(r.eligible[1].rank == 4);
  // Rank 4 taken up while rank 2 was not: not by priority, rank 2 named.
  CHECK_FALSE(r.by_priority);
  CHECK(r.eligible[1].passed_over == std::vector<size_t>{0});
  REQUIRE(r.rules.size() == 7);
  CHECK(r.rules[0].ratio.num == 1);
  CHECK(r.rules[0].ratio.den == 2);
  CHECK(r.rules[4].id == "working-group");
  CHECK_FALSE(r.rules[4].met);  // no working group recorded
  CHECK(r.rules[5].id == "village-forums-3");
  CHECK(r.rules[5].ratio.num == 0);  // each plan covers 1-2 dimensions
  CHECK(r.rules[6].id == "tambon-forum-3");
  CHECK_FALSE(r.rules[6].met);  // economy and health: 2 dimensions
  CHECK(r.forum_dimensions == 2);
  // Level 4 from the forum: village 1 has B taken up, village 2 nothing.
  auto l = success_levels(ws, 2563);
  CHECK(l.from_integrated);
  CHECK(l.steps[3].ratio.num == 1);
  CHECK(l.steps[3].ratio.den == 2);
}

TEST_CASE("tambon: one rule for 'within the LAO's authority' and level 4, with the integrated plan and without")
{
  // Village 1: B asks the LAO (agency lao), C another agency with its plan declared.
  std::string plans1 = plan(1, proj("A", "self", "", 1, "economy") + proj("B", "support", "lao", 2, "economy") +
                                 proj("C", "support", "รพ.สต.", 3, "health"));
  std::string plans2 = plan(2, proj("D", "support", "lao", 1, "economy"));
  plans1.insert(plans1.find("priority: 3"), "agency_plan: แผน รพ.สต. 2564, ");
  // B and D have money only for 2565: outside ldp-30's Y+1 count, named for level 4.
  std::string dev = "kind: development-plan\nid: ldp\nperiod: { from: 2561, to: 2565 }\nprojects:\n"
                    "  - { id: ldp-1, name: ถนน, budget: { 2565: 100000 }, sources: [m01-2563/B, m02-2563/D] }\n";
  std::map<std::string, std::string> files = {{"kudrang.yaml", minimal_workspace(2)},
                                              {"plans/m01.yaml", plans1},
                                              {"plans/m02.yaml", plans2},
                                              {"development-plan/ldp.yaml", dev}};
  // Without the integrated plan: B and D are within the LAO's authority, C is
  // taken up by another agency's plan (village plan's agency_plan).
  auto without = test::load_valid_tree(files);
  const Workspace& w0 = without.workspaces.at(0);
  CHECK(check_integration(w0, 2563).eligible.size() == 2);
  CHECK(trace_project(w0, "m01-2563/B")->eligible);
  auto l0 = success_levels(w0, 2563);
  CHECK(l0.steps[3].failing == std::vector<int>{2});  // village 1 through C's agency plan
  CHECK(l0.steps[3].declared);
  CHECK(l0.money_elsewhere == std::vector<std::string>{"m02-2563/D"});
  CHECK(l0.elsewhere_in_ldp30);

  // The forum gives D to the village and B to the LAO; C's agency plan is the
  // forum's to declare (none here), D's agency plan is declared by the forum.
  files["integrated/2563.yaml"] = "kind: integrated-plan\nid: tambon-2563\nyear: 2563\n"
                                  "forum: { date: 2020-01-21, venue: ห้องประชุม, organisers: [ศอช.ต.กุดรัง] }\n"
                                  "projects:\n"
                                  "  - { ref: m02-2563/D, rank: 1, carrier: village, agency_plan: แผนอำเภอ 2564 }\n"
                                  "  - { ref: m01-2563/B, rank: 2, carrier: lao }\n"
                                  "  - { ref: m01-2563/C, rank: 3, carrier: agency, agency: รพ.สต. }\n"
                                  "  - { ref: m01-2563/A, rank: 4, carrier: village }\n";
  auto with = test::load_valid_tree(files);
  const Workspace& w1 = with.workspaces.at(0);
  auto r = check_integration(w1, 2563);
  REQUIRE(r.eligible.size() == 1);
  CHECK(r.eligible[0].project->id == "B");
  // trace and the levels read the same set: D is no longer the LAO's.
  CHECK(trace_project(w1, "m01-2563/B")->eligible);
  CHECK_FALSE(trace_project(w1, "m02-2563/D")->eligible);
  auto l1 = success_levels(w1, 2563);
  CHECK(l1.steps[3].failing == std::vector<int>{1});  // village 2 through the forum's agency plan for D
  CHECK(l1.money_elsewhere == std::vector<std::string>{"m01-2563/B"});
  CHECK(l1.elsewhere_in_ldp30);
  // A project the forum did not take up is neither eligible nor counted.
  CHECK_FALSE(within_lao_authority(forum_standing(w1, integrated_plan_of(w1, 2563), 2563, *w1.plan("m01-2563"),
                                                  *w1.plan("m01-2563")->project("A"))));
}
