#include "kudrang/rules/success_levels.hpp"

#include "kudrang/rules/tambon_forum.hpp"

#include <set>

namespace kudrang {

SuccessLevels success_levels(const Workspace& ws, int year)
{
  SuccessLevels r;
  r.year = year;
  std::set<std::string> budgeted;
  for (const auto& b : ws.budgets) {
    if (b.value.year != year + 1) continue;
    for (const auto& l : b.value.lines) {
      if (l.project) budgeted.insert(l.project->value);
    }
  }
  std::set<std::string> taken;           // sources with money for Y+1
  std::set<std::string> taken_budgeted;  // ... whose dev-plan project has a Y+1 line
  for (const auto& d : ws.development_plans) {
    for (const auto& p : d.value.projects) {
      if (p.planned(year + 1).satang <= 0) continue;
      for (const auto& s : p.sources) {
        taken.insert(s.text());
        if (budgeted.count(p.id)) taken_budgeted.insert(s.text());
      }
    }
  }
  const IntegratedPlan* ip = integrated_plan_of(ws, year);
  r.from_integrated = ip != nullptr;
  std::set<std::string> forum_taken;     // forum projects taken up (level 4)
  bool agency_declared = false;
  if (ip) {
    for (const auto& p : ip->projects) {
      std::string key = p.ref();
      if (taken.count(key)) forum_taken.insert(key);
      else if (!p.agency_plan.empty() && (p.carrier == Carrier::agency || p.carrier == Carrier::joint)) {
        forum_taken.insert(key);
        agency_declared = true;
      }
    }
  }
  Ratio l1, l2, l3, l4, l5;
  for (const auto& rec : ws.plans) {
    const CommunityPlan& p = rec.value;
    if (p.year != year) continue;
    ++l1.den;
    ++l2.den;
    ++l3.den;
    ++l4.den;
    if (p.published.size() >= 2) ++l1.num;
    if (p.reviewed && fiscal_year_of(*p.reviewed) == year) ++l2.num;
    long self_unfunded = 0;
    bool in_ldp = false;
    for (const auto& pp : p.projects) {
      if (pp.status == PlanProjectStatus::dropped) continue;
      if (pp.category == ProjectCategory::self && pp.budget.satang == 0
          && (pp.status == PlanProjectStatus::in_progress || pp.status == PlanProjectStatus::done)) {
        ++self_unfunded;
      }
      std::string key = p.id + "/" + pp.id;
      if (ip ? forum_taken.count(key) > 0 : taken.count(key) > 0) {
        in_ldp = true;
        ++l5.den;
        if (taken_budgeted.count(key)) ++l5.num;
      }
    }
    if (self_unfunded >= 2) ++l3.num;
    if (in_ldp) ++l4.num;
  }
  r.steps = {{1, l1.meets(100), true, l1, 100},
             {2, l2.meets(100), false, l2, 100},
             {3, l3.meets(100), false, l3, 100},
             {4, l4.meets(100), ip && agency_declared, l4, 100},
             {5, l5.meets(20), false, l5, 20}};
  for (const auto& s : r.steps) {
    if (!s.met) break;
    r.reached = s.level;
  }
  return r;
}

}  // namespace kudrang
