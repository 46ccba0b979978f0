#pragma once
// The budget-integration rules of a review year Y (target year Y+1):
// ldp-30, budget-20, self-30 and dimensions-3 (spec/records.md).
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/ratio.hpp"

namespace kudrang {

struct EligibleProject {
  const CommunityPlan* plan = nullptr;
  const PlanProject* project = nullptr;
  bool in_ldp = false;     // a source of a dev-plan project with money for Y+1
  bool in_budget = false;  // ... and that dev-plan project has a line in the Y+1 budget
  std::vector<const DevProject*> dev_projects;  // those with money for Y+1
};

struct PlanCheck {
  const CommunityPlan* plan = nullptr;
  Ratio self;           // self projects / projects, dropped excluded
  long dimensions = 0;  // distinct dimensions, dropped excluded
};

struct IntegrationRule {
  std::string id;  // ldp-30 | budget-20 | self-30 | dimensions-3
  Ratio ratio;
  long threshold = 0;
  bool met = false;
  long needed = 0;
  bool operator==(const IntegrationRule&) const = default;
};

struct IntegrationResult {
  int year = 0;
  int target_year = 0;
  std::vector<IntegrationRule> rules;         // in the order above
  std::vector<EligibleProject> eligible;      // by village, then priority
  std::vector<PlanCheck> plans;               // the year's plans, by village
  bool has_budget = false;                    // a budget record of Y+1 exists
  bool all_met() const;
};

IntegrationResult check_integration(const Workspace& ws, int year);

// Adds the counts of `part` into `total` (for a tree of workspaces) and
// re-decides the rules.
void add_integration(IntegrationResult& total, const IntegrationResult& part);

}  // namespace kudrang
