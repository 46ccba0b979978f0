#pragma once
// One community-plan project's path into the budget: village plan ->
// development-plan project(s) with planned money per year -> budget line(s),
// with the breaks along the way.
#include "kudrang/records/workspace.hpp"

namespace kudrang {

struct TraceLine {
  const Budget* budget = nullptr;
  const BudgetLine* line = nullptr;
  bool over_plan = false;   // amount larger than the money planned for that year
  bool unplanned = false;   // no money planned for that year
};

struct TraceStep {
  const DevelopmentPlan* plan = nullptr;
  const DevProject* project = nullptr;
  std::vector<TraceLine> lines;
};

struct Trace {
  const CommunityPlan* plan = nullptr;
  const PlanProject* project = nullptr;
  std::vector<TraceStep> steps;
  bool eligible = false;  // within the LAO's authority: within_lao_authority (tambon_forum.hpp)
};

// nullopt when `ref` ("m01-2563/P03") names no project.
std::optional<Trace> trace_project(const Workspace& ws, std::string_view ref);

}  // namespace kudrang
