#pragma once
// The CDD's success levels 1-5 of community-plan work in a subdistrict
// (KPI 1.1.2, domain.md §2), for the plans of review year Y. Levels build on
// each other: the level reached is the highest whose steps, and all below,
// are met.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/ratio.hpp"

namespace kudrang {

struct SuccessStep {
  int level = 0;
  bool met = false;
  bool declared = false;  // rests on what the records declare, not on facts kudrang can check
  Ratio ratio;            // plans (levels 1-4) or projects (level 5) meeting the step
  long threshold = 100;   // percent
  std::vector<int> failing;  // levels 1-4: the village numbers of the plans that miss the step
  bool operator==(const SuccessStep&) const = default;
};

struct SuccessLevels {
  int year = 0;
  int reached = 0;  // 0..5
  std::vector<SuccessStep> steps;  // levels 1..5
  bool operator==(const SuccessLevels&) const = default;
};

// 1: every plan published through >= 2 channels (community-plan `published`, declared)
// 2: every plan reviewed at a civic forum (`reviewed` date in the review year's fiscal year)
// 3: every plan has >= 2 self projects without budget under way or done
// 4: every plan has >= 1 project taken up by the development plan with money for Y+1
// 5: >= 20% of the projects taken up at level 4 have a line in the Y+1 budget
SuccessLevels success_levels(const Workspace& ws, int year);

}  // namespace kudrang
