#include "kudrang/rules/success_levels.hpp"

#include "kudrang/rules/adoption.hpp"

#include <algorithm>

namespace kudrang {

SuccessLevels success_levels(const Workspace& ws, int year)
{
  SuccessLevels r;
  r.year = year;
  const Adoption taken = adoption(ws, year + 1);
  Ratio l1, l2, l3, l4, l5;
  std::vector<int> failing[4];
  for (const auto& rec : ws.plans) {
    const CommunityPlan& p = rec.value;
    if (p.year != year) continue;
    ++l1.den;
    ++l2.den;
    ++l3.den;
    ++l4.den;
    if (p.published.size() >= 2) ++l1.num;
    else failing[0].push_back(p.village);
    if (p.reviewed && fiscal_year_of(*p.reviewed) == year) ++l2.num;
    else failing[1].push_back(p.village);
    long self_unfunded = 0;
    bool in_ldp = false;
    for (const auto& pp : p.projects) {
      if (pp.status == PlanProjectStatus::dropped) continue;
      if (pp.category == ProjectCategory::self && pp.budget.satang == 0
          && (pp.status == PlanProjectStatus::in_progress || pp.status == PlanProjectStatus::done)) {
        ++self_unfunded;
      }
      std::string key = p.id + "/" + pp.id;
      if (taken.in_ldp(key)) {
        in_ldp = true;
        ++l5.den;
        if (taken.in_budget(key)) ++l5.num;
      }
    }
    if (self_unfunded >= 2) ++l3.num;
    else failing[2].push_back(p.village);
    if (in_ldp) ++l4.num;
    else failing[3].push_back(p.village);
  }
  r.steps = {{1, l1.meets(100), true, l1, 100, failing[0]},
             {2, l2.meets(100), false, l2, 100, failing[1]},
             {3, l3.meets(100), false, l3, 100, failing[2]},
             {4, l4.meets(100), false, l4, 100, failing[3]},
             {5, l5.meets(20), false, l5, 20, {}}};
  for (auto& s : r.steps) {
    std::sort(s.failing.begin(), s.failing.end());
    s.failing.erase(std::unique(s.failing.begin(), s.failing.end()), s.failing.end());
  }
  for (const auto& s : r.steps) {
    if (!s.met) break;
    r.reached = s.level;
  }
  return r;
}

}  // namespace kudrang
