#pragma once
// The budget-integration rules of a review year Y (target year Y+1):
// ldp-30, budget-20, self-30 and dimensions-3 (spec/records.md), and, when
// the workspace holds the integrated plan of Y, model-LAO criteria 1-3:
// working-group, village-forums-3, tambon-forum-3. With the integrated plan,
// ldp-30 counts its projects carried by the LAO (the seed's "โครงการ/กิจกรรม
// จากแผนชุมชนที่เกิดจากเวทีประชาคม ข้อ 3 ที่อยู่ในอำนาจหน้าที่"), in the forum's
// rank order; without it, the village plans' projects with agency lao.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/ratio.hpp"
#include "kudrang/rules/tambon_forum.hpp"

namespace kudrang {

struct EligibleProject {
  const CommunityPlan* plan = nullptr;
  const PlanProject* project = nullptr;
  bool in_ldp = false;     // a source of a dev-plan project with money for Y+1
  bool in_budget = false;  // ... and that dev-plan project has a line in the Y+1 budget
  std::vector<const DevProject*> dev_projects;  // those with money for Y+1
  long rank = 0;                     // the integrated plan's rank (0 without one)
  std::vector<size_t> passed_over;   // taken although these (indexes in eligible) ranked before it were not
};

struct PlanCheck {
  const CommunityPlan* plan = nullptr;
  Ratio self;           // self projects / projects, dropped excluded
  long dimensions = 0;  // distinct dimensions, dropped excluded
};

struct IntegrationRule {
  std::string id;  // ldp-30 | budget-20 | self-30 | dimensions-3 [| working-group | village-forums-3 | tambon-forum-3]
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
  std::vector<EligibleProject> eligible;      // by rank (integrated plan), else by village, then priority
  std::vector<PlanCheck> plans;               // the year's plans, by village
  bool has_budget = false;                    // a budget record of Y+1 exists
  // Counted from the integrated plan of Y (else from the village plans).
  bool from_integrated = false;
  bool by_priority = true;                    // no eligible project has passed_over
  std::vector<VillageForum> forums;           // criterion 2, the year's plans by village
  long forum_dimensions = 0;                  // criterion 3
  bool all_met() const;
};

IntegrationResult check_integration(const Workspace& ws, int year);

// Adds the counts of `part` into `total` (for a tree of workspaces) and
// re-decides the rules.
void add_integration(IntegrationResult& total, const IntegrationResult& part);

}  // namespace kudrang
