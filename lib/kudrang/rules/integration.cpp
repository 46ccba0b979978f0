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

  const IntegratedPlan* ip = integrated_plan_of(ws, year);
  out.from_integrated = ip != nullptr;
  auto take = [&](const CommunityPlan* plan, const PlanProject* p, long rank) {
    EligibleProject e{plan, p, false, false, {}, rank, {}};
    std::string source = plan->id + "/" + p->id;
    if (auto it = taken.taken_up.find(source); it != taken.taken_up.end()) {
      e.in_ldp = true;
      e.dev_projects = it->second;
      e.in_budget = taken.in_budget(source);
    }
    return e;
  };
  long self_ok = 0, dims_ok = 0;
  for (const CommunityPlan* plan : plans) {
    PlanCheck pc{plan, {}, 0};
    std::set<std::string> dims;
    std::vector<EligibleProject> mine;
    for (const auto& p : plan->projects) {
      if (p.status == PlanProjectStatus::dropped) continue;
      ++pc.self.den;
      if (p.category == ProjectCategory::self) ++pc.self.num;
      if (!p.dimension.empty()) dims.insert(p.dimension);
      ForumStanding standing = forum_standing(ws, ip, year, *plan, p);
      if (within_lao_authority(standing)) mine.push_back(take(plan, &p, standing.rank));
    }
    if (!ip) {
      std::stable_sort(mine.begin(), mine.end(), [](const EligibleProject& a, const EligibleProject& b) {
        return priority_order(a.project->priority) < priority_order(b.project->priority);
      });
    }
    out.eligible.insert(out.eligible.end(), mine.begin(), mine.end());
    pc.dimensions = static_cast<long>(dims.size());
    self_ok += pc.self.meets(30) ? 1 : 0;
    dims_ok += pc.dimensions >= 3 ? 1 : 0;
    out.plans.push_back(pc);
    out.forums.push_back(village_forum(*plan, year));
  }
  if (ip) {
    // The forum's projects within the LAO's authority, by its rank.
    std::stable_sort(out.eligible.begin(), out.eligible.end(),
                     [](const EligibleProject& a, const EligibleProject& b) { return a.rank < b.rank; });
    std::vector<RankedTake> ranked;
    for (const auto& e : out.eligible) ranked.push_back({e.rank, e.in_ldp});
    for (const auto& b : priority_breaches(ranked)) out.eligible[b.taken].passed_over = b.passed_over;
    out.by_priority = std::none_of(out.eligible.begin(), out.eligible.end(),
                                   [](const EligibleProject& e) { return !e.passed_over.empty(); });
    out.forum_dimensions = forum_dimensions(*ip, ws);
  }
  long ldp = 0, budget = 0;
  for (const auto& e : out.eligible) {
    ldp += e.in_ldp;
    budget += e.in_budget;
  }
  long n_plans = static_cast<long>(plans.size());
  out.rules = {
    {"ldp-30", {ldp, static_cast<long>(out.eligible.size())}, 30, false, 0},
    {"budget-20", {budget, ldp}, 20, false, 0},
    {"self-30", {self_ok, n_plans}, 100, false, 0},
    {"dimensions-3", {dims_ok, n_plans}, 100, false, 0},
  };
  if (ip) {
    long forums_ok = std::count_if(out.forums.begin(), out.forums.end(), [](const VillageForum& v) { return v.met(); });
    out.rules.push_back({"working-group", {working_group_met(ip->working_group, ip->date) ? 1 : 0, 1}, 100, false, 0});
    out.rules.push_back({"village-forums-3", {forums_ok, n_plans}, 100, false, 0});
    out.rules.push_back({"tambon-forum-3", {out.forum_dimensions >= 3 ? 1 : 0, 1}, 100, false, 0});
  }
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
  // By id: a workspace with an integrated plan has rules another lacks.
  for (const auto& pr : part.rules) {
    auto it = std::find_if(total.rules.begin(), total.rules.end(), [&](const IntegrationRule& r) { return r.id == pr.id; });
    if (it == total.rules.end()) {
      total.rules.push_back(pr);
      it = total.rules.end() - 1;
      it->ratio = {};
    }
    it->ratio.num += pr.ratio.num;
    it->ratio.den += pr.ratio.den;
    decide(*it);
  }
  total.has_budget = total.has_budget || part.has_budget;
  total.from_integrated = total.from_integrated || part.from_integrated;
  total.by_priority = total.by_priority && part.by_priority;
}

}  // namespace kudrang
