#include "kudrang/rules/success_levels.hpp"

#include "kudrang/rules/adoption.hpp"
#include "kudrang/rules/tambon_forum.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kudrang {

namespace {

bool under_way(PlanProjectStatus s) { return s == PlanProjectStatus::in_progress || s == PlanProjectStatus::done; }

}  // namespace

SuccessLevels success_levels(const Workspace& ws, int year)
{
  SuccessLevels r;
  r.year = year;
  const Adoption taken = adoption(ws, year + 1);
  const Adoption any_year = adoption(ws, std::nullopt);
  std::map<int, std::vector<std::string>> elsewhere;  // village -> projects with money in other years only
  std::set<std::string> eligible_elsewhere;
  r.budget_missing = !taken.has_budget;
  const IntegratedPlan* ip = integrated_plan_of(ws, year);
  r.from_integrated = ip != nullptr;
  bool agency_declared = false;
  // The villages the levels count: those of kudrang.yaml, else those with a plan.
  std::map<int, bool> villages;  // no -> has a plan of Y
  if (ws.has_config) {
    for (const auto& v : ws.config.value.villages) villages[v.no] = false;
  }
  Ratio l1, l2, l3, l4, l5;
  l3.den = 2;  // at least 2 projects in the subdistrict
  std::set<int> ok[3];  // villages meeting levels 1, 2, 4 (any of their plans of Y)
  for (const auto& rec : ws.plans) {
    const CommunityPlan& p = rec.value;
    if (p.year != year) continue;
    villages[p.village] = true;
    if (p.published.size() >= 2) ok[0].insert(p.village);
    if (p.reviewed && fiscal_year_of(*p.reviewed) == year) ok[1].insert(p.village);
    bool in_ldp = false;
    for (const auto& pp : p.projects) {
      if (pp.status == PlanProjectStatus::dropped) continue;
      if (pp.category == ProjectCategory::self && pp.budget.satang == 0 && under_way(pp.status)) ++l3.num;
      std::string key = p.id + "/" + pp.id;
      const ForumStanding standing = forum_standing(ws, ip, year, p, pp);
      bool taken_up = level4_taken_up(standing, taken, key);
      if (taken_up && !taken.in_ldp(key)) agency_declared = true;
      if (standing.considered && !taken_up && any_year.in_ldp(key)) {
        elsewhere[p.village].push_back(key);
        if (within_lao_authority(standing)) eligible_elsewhere.insert(key);
      }
      if (taken_up) {
        in_ldp = true;
        ++l5.den;
        bool joint = pp.category != ProjectCategory::self && under_way(pp.status);
        if (taken.in_budget(key) || joint) ++l5.num;
        else r.short_projects.push_back(key);
      }
    }
    if (in_ldp) ok[2].insert(p.village);
  }
  std::vector<int> failing[3];
  for (const auto& [no, has_plan] : villages) {
    if (!has_plan) r.without_plan.push_back(no);
    for (int k = 0; k < 3; ++k) {
      if (ok[k].count(no)) continue;
      failing[k].push_back(no);
    }
    if (!ok[2].count(no) && elsewhere.count(no)) {
      for (const auto& key : elsewhere[no]) {
        r.money_elsewhere.push_back(key);
        r.elsewhere_in_ldp30 = r.elsewhere_in_ldp30 || eligible_elsewhere.count(key) > 0;
      }
    }
  }
  r.villages = static_cast<long>(villages.size());
  l1 = {static_cast<long>(villages.size() - failing[0].size()), r.villages};
  l2 = {static_cast<long>(villages.size() - failing[1].size()), r.villages};
  l4 = {static_cast<long>(villages.size() - failing[2].size()), r.villages};
  r.steps = {{1, l1.meets(100), true, l1, 100, failing[0]},
             {2, l2.meets(100), false, l2, 100, failing[1]},
             {3, l3.meets(100), false, l3, 100, {}},
             {4, l4.meets(100), agency_declared, l4, 100, failing[2]},
             {5, l5.meets(20), false, l5, 20, {}}};
  std::sort(r.short_projects.begin(), r.short_projects.end());
  for (const auto& s : r.steps) {
    if (!s.met) break;
    r.reached = s.level;
  }
  return r;
}

}  // namespace kudrang
