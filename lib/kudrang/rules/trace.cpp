#include "kudrang/rules/trace.hpp"

#include "kudrang/rules/tambon_forum.hpp"

namespace kudrang {

std::optional<Trace> trace_project(const Workspace& ws, std::string_view ref)
{
  auto slash = ref.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const CommunityPlan* plan = ws.plan(ref.substr(0, slash));
  if (!plan) return std::nullopt;
  const PlanProject* project = plan->project(ref.substr(slash + 1));
  if (!project) return std::nullopt;
  Trace t;
  t.plan = plan;
  t.project = project;
  t.eligible = within_lao_authority(forum_standing(ws, integrated_plan_of(ws, plan->year), plan->year, *plan, *project));
  for (const auto& d : ws.development_plans) {
    for (const auto& dp : d.value.projects) {
      bool source = false;
      for (const auto& s : dp.sources) {
        if (s.plan == plan->id && s.project == project->id) source = true;
      }
      if (!source) continue;
      TraceStep step{&d.value, &dp, {}};
      for (const auto& b : ws.budgets) {
        for (const auto& l : b.value.lines) {
          if (!l.project || l.project->value != dp.id) continue;
          Money planned = dp.planned(b.value.year);
          step.lines.push_back({&b.value, &l, planned.satang > 0 && l.amount > planned, planned.satang == 0});
        }
      }
      t.steps.push_back(std::move(step));
    }
  }
  return t;
}

}  // namespace kudrang
