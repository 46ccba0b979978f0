#include "kudrang/rules/grade.hpp"

#include "kudrang/rules/adoption.hpp"

#include <unordered_map>

namespace kudrang {

const char* evidence_id(Evidence e)
{
  switch (e) {
  case Evidence::computed: return "computed";
  case Evidence::verified: return "verified";
  case Evidence::declared: return "declared";
  }
  return "declared";
}

AdoptionEvidence adoption_evidence(const Workspace& ws)
{
  AdoptionEvidence e;
  for (const auto& d : ws.development_plans) {
    if (d.value.period) {
      for (int y = d.value.period->from; y <= d.value.period->to && y - d.value.period->from < 100; ++y) {
        e.plan_years.insert(y);
      }
    }
  }
  // Criterion 3 asks for a project carried into a budget: a line of a budget
  // of year B for a development-plan project that plans money for B (a line
  // of a year the development plan gives no money is not counted).
  std::unordered_map<std::string, std::vector<const DevProject*>> dev_by_id;
  for (const auto& d : ws.development_plans) {
    for (const auto& p : d.value.projects) dev_by_id[p.id].push_back(&p);
  }
  for (const auto& b : ws.budgets) {
    e.budget_years.insert(b.value.year);
    for (const auto& l : b.value.lines) {
      if (!l.project) continue;
      auto it = dev_by_id.find(l.project->value);
      if (it == dev_by_id.end()) continue;
      for (const DevProject* p : it->second) {
        if (p->planned(b.value.year).satang <= 0) continue;
        for (const auto& s : p->sources) e.carried_sources.insert(s.text());
      }
    }
  }
  return e;
}

std::optional<char> grade_from_met(int met)
{
  if (met >= 6) return 'A';
  if (met == 5) return 'B';
  if (met == 4) return 'C';
  return std::nullopt;
}

void GradeDistribution::add(std::optional<char> g)
{
  if (!g) ++none;
  else if (*g == 'A') ++a;
  else if (*g == 'B') ++b;
  else ++c;
}

PlanGrade grade_plan(const CommunityPlan& plan, const GradeThresholds& t, const AdoptionEvidence& e)
{
  PlanGrade g;
  g.plan = &plan;
  auto& c = g.criteria;
  for (int i = 0; i < 6; ++i) c[static_cast<size_t>(i)].no = i + 1;

  auto household_rule = [&](CriterionResult& r, long count, long threshold) {
    r.evidence = Evidence::computed;
    r.ratio = Ratio{count, plan.households_total};
    r.threshold = threshold;
    r.met = r.ratio->meets(threshold);
    r.needed = r.ratio->needed_fixed(threshold);
  };
  household_rule(c[0], plan.households_self_analysis, t.self_analysis);
  household_rule(c[1], plan.households_participating, t.participation);

  if (e.verifiable(plan.year)) {
    c[2].evidence = Evidence::verified;
    bool carried = false;
    for (const auto& p : plan.projects) {
      if (p.status == PlanProjectStatus::dropped) continue;  // a dropped project is not carried out
      if (e.carried_sources.count(plan.id + "/" + p.id)) {
        carried = true;
        break;
      }
    }
    c[2].met = plan.lao_from_start && carried;
    c[2].budget_missing = !c[2].met && e.budget_years.count(plan.year + 1) == 0;
  } else {
    c[2].evidence = Evidence::declared;
    c[2].met = plan.lao_from_start && plan.lao_adopted;
  }

  c[2].lao_from_start = plan.lao_from_start;
  c[3].evidence = Evidence::declared;
  c[3].met = plan.sufficiency_economy;

  long self = 0;
  long counted = 0;
  bool in_action = false;
  for (const auto& p : plan.projects) {
    if (p.status == PlanProjectStatus::dropped) continue;
    ++counted;
    if (p.category == ProjectCategory::self) {
      ++self;
      in_action = in_action || p.status == PlanProjectStatus::in_progress || p.status == PlanProjectStatus::done;
    }
  }
  c[4].evidence = Evidence::computed;
  c[4].ratio = Ratio{self, counted};
  c[4].threshold = t.self_reliance;
  c[4].self_in_action = in_action;
  c[4].met = c[4].ratio->meets(t.self_reliance) && in_action;
  c[4].needed = c[4].ratio->needed_added(t.self_reliance);

  c[5].evidence = Evidence::declared;
  c[5].met = plan.book;

  for (const auto& r : c) g.met += r.met ? 1 : 0;
  g.grade = grade_from_met(g.met);
  return g;
}

}  // namespace kudrang
