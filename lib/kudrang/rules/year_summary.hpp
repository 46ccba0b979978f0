#pragma once
// Everything of one year in one workspace, computed for `report summary`.
#include "kudrang/rules/certify.hpp"
#include "kudrang/rules/grade_workspace.hpp"
#include "kudrang/rules/integration.hpp"
#include "kudrang/rules/meeting_report.hpp"
#include "kudrang/rules/success_levels.hpp"

#include <optional>

namespace kudrang {

struct YearSummary {
  const Workspace* workspace = nullptr;
  int year = 0;
  MeetingReport meetings;
  WorkspaceGrades graded;  // the year's plans, by village
  GradeDistribution distribution;
  std::vector<CertificationResult> certifications;
  IntegrationResult integration;
  SuccessLevels levels;
  std::optional<Date> as_of;    // the latest date the year's records carry (meetings, forums, certifications)
  std::optional<Date> printed;  // the day it is printed (the caller's clock)
};

YearSummary summarize_year(const Workspace& ws, int year);

// A workspace's line in a tree's summary: the key figures of its year.
struct SummaryRow {
  int year = 0;
  long meetings_held = 0;
  long meetings_target = 12;
  GradeDistribution grades;
  long certified = 0;
  long assessed = 0;
  std::vector<IntegrationRule> rules;  // ldp-30, budget-20, self-30, dimensions-3
  int level = 0;                       // success level reached, 0..5
  // For a tree's roll-up (issue 17): where the LAO is, and what its rows rest on.
  std::string subdistrict;              // Thai names, from the area table by the area code, else kudrang.yaml
  std::string district_code;            // 4 digits, "" when the area code is unknown
  std::string district;
  std::string province_code;            // 2 digits
  std::string province;
  long villages = 0;                    // villages of kudrang.yaml
  long without_plan = 0;                // of them, with no plan of the year
  bool budget_entered = true;           // a budget record of year+1 exists
  std::optional<Date> as_of;            // the latest date the year's records carry
  bool operator==(const SummaryRow&) const = default;
};
SummaryRow summary_row(const YearSummary& s);
// Sums `part` into `total` (start from SummaryRow{} with meetings_target 0)
// and re-decides the rules: a tree's total row.
void add_summary_row(SummaryRow& total, const SummaryRow& part);
// The ids of the rules a tree's LAO counts (ldp-30 and budget-20 together: a model LAO, KPI 3.2).
const IntegrationRule* find_rule(const SummaryRow& row, std::string_view id);
bool model_lao(const SummaryRow& row);

}  // namespace kudrang
