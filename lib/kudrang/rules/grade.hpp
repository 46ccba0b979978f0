#pragma once
// The quality grade A/B/C of a community plan from its six criteria
// (spec/records.md "The rules computed"; domain.md §2).
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/ratio.hpp"

#include <array>
#include <set>

namespace kudrang {

enum class Evidence { computed, verified, declared };
const char* evidence_id(Evidence e);

struct CriterionResult {
  int no = 0;
  bool met = false;
  Evidence evidence = Evidence::declared;
  std::optional<Ratio> ratio;     // criteria 1, 2, 5
  std::optional<long> threshold;  // percent, criteria 1, 2, 5
  long needed = 0;                // more households / self projects that would meet it
  bool self_in_action = true;     // criterion 5: a self project is in progress or done
  bool lao_from_start = true;     // criterion 3: process.lao_from_start (the advice needs it, not the plan)
  bool budget_missing = false;    // criterion 3 verified: no budget record of Y+1 has been entered
};

struct PlanGrade {
  const CommunityPlan* plan = nullptr;
  std::string file;
  std::string workspace;  // display of the workspace it belongs to
  std::string village_name;
  std::array<CriterionResult, 6> criteria;
  int met = 0;
  std::optional<char> grade;  // 'A', 'B', 'C' or none
};

// What criterion 3 can be verified against: the workspace's development plan
// and budget lines. Built once per workspace.
struct AdoptionEvidence {
  std::set<int> plan_years;              // fiscal years some development plan covers
  std::set<std::string> carried_sources;  // "plan/project" taken up by a budgeted dev-plan project
  std::set<int> budget_years;             // years of the budget records
  bool verifiable(int review_year) const { return plan_years.count(review_year + 1) > 0; }
};
AdoptionEvidence adoption_evidence(const Workspace& ws);

PlanGrade grade_plan(const CommunityPlan& plan, const GradeThresholds& t, const AdoptionEvidence& e);

// Grade from the number of criteria met: 6 A, 5 B, 4 C, fewer none.
std::optional<char> grade_from_met(int met);

struct GradeDistribution {
  long a = 0, b = 0, c = 0, none = 0;
  long total() const { return a + b + c + none; }
  void add(std::optional<char> g);
  bool operator==(const GradeDistribution&) const = default;
};

}  // namespace kudrang
