#include "kudrang/rules/integration.hpp"

#include "kudrang/rules/adoption.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace kudrang {

namespace {

void decide(IntegrationRule& r)
{
  r.met = r.ratio.meets(r.threshold);
  r.needed = r.ratio.needed_fixed(r.threshold);
}

}  // namespace

bool IntegrationResult::all_met() const
{
  return std::all_of(rules.begin(), rules.end(), [](const IntegrationRule& r) { return r.met; });
}

IntegrationResult check_integration(const Workspace& ws, int year)
{
  IntegrationResult out;
  out.year = year;
  out.target_year = year + 1;

  const Adoption taken = adoption(ws, out.target_year);
  out.has_budget = taken.has_budget;

  std::vector<const CommunityPlan*> plans;
  for (const auto& p : ws.plans) {
    if (p.value.year == year) plans.push_back(&p.value);
  }
  std::stable_sort(plans.begin(), plans.end(),
                   [](const CommunityPlan* a, const CommunityPlan* b) { return a->village < b->village; });

  long ldp = 0, budget = 0, self_ok = 0, dims_ok = 0;
  for (const CommunityPlan* plan : plans) {
    PlanCheck pc{plan, {}, 0};
    std::set<std::string> dims;
    std::vector<EligibleProject> mine;
    for (const auto& p : plan->projects) {
      if (p.status == PlanProjectStatus::dropped) continue;
      ++pc.self.den;
      if (p.category == ProjectCategory::self) ++pc.self.num;
      if (!p.dimension.empty()) dims.insert(p.dimension);
      if (p.category == ProjectCategory::self || p.agency != "lao") continue;
      EligibleProject e{plan, &p, false, false, {}};
      std::string source = plan->id + "/" + p.id;
      if (auto it = taken.taken_up.find(source); it != taken.taken_up.end()) {
        e.in_ldp = true;
        e.dev_projects = it->second;
        e.in_budget = taken.in_budget(source);
      }
      ldp += e.in_ldp;
      budget += e.in_budget;
      mine.push_back(std::move(e));
    }
    std::stable_sort(mine.begin(), mine.end(), [](const EligibleProject& a, const EligibleProject& b) {
      return a.project->priority < b.project->priority;
    });
    out.eligible.insert(out.eligible.end(), mine.begin(), mine.end());
    pc.dimensions = static_cast<long>(dims.size());
    self_ok += pc.self.meets(30) ? 1 : 0;
    dims_ok += pc.dimensions >= 3 ? 1 : 0;
    out.plans.push_back(pc);
  }
  long n_plans = static_cast<long>(plans.size());
  out.rules = {
    {"ldp-30", {ldp, static_cast<long>(out.eligible.size())}, 30, false, 0},
    {"budget-20", {budget, ldp}, 20, false, 0},
    {"self-30", {self_ok, n_plans}, 100, false, 0},
    {"dimensions-3", {dims_ok, n_plans}, 100, false, 0},
  };
  for (auto& r : out.rules) decide(r);
  return out;
}

void add_integration(IntegrationResult& total, const IntegrationResult& part)
{
  if (total.rules.empty()) {
    total.year = part.year;
    total.target_year = part.target_year;
    total.rules = part.rules;
    for (auto& r : total.rules) r.ratio = {};
  }
  for (size_t i = 0; i < total.rules.size() && i < part.rules.size(); ++i) {
    total.rules[i].ratio.num += part.rules[i].ratio.num;
    total.rules[i].ratio.den += part.rules[i].ratio.den;
    decide(total.rules[i]);
  }
  total.has_budget = total.has_budget || part.has_budget;
}

}  // namespace kudrang
