#pragma once
// A tree's roll-up of `report summary` (issue 17): the LAOs' rows summed per
// district and province, and the headline figures the CDD reports: the
// share of LAOs meeting the model-LAO criteria (KPI 3.2: ldp-30 and
// budget-20 together, and each), the LAOs by success level reached
// (KPI 1.1.2), the grades over graded plans beside the share ungraded, and
// the ranked LAOs. Pure: from the rows the summary stage gives.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/year_summary.hpp"

#include <array>
#include <string>
#include <vector>

namespace kudrang {

// The figures of a set of LAOs (a district, a province, the whole tree).
struct LaoTotals {
  std::string code;      // district (4 digits) or province (2 digits); "" when unknown
  std::string name;      // its Thai name
  std::string province;  // a district's province (Thai)
  long laos = 0;
  long ldp30 = 0;        // LAOs meeting ldp-30
  long budget20 = 0;     // LAOs meeting budget-20
  long model = 0;        // LAOs meeting both (model-LAO criteria 4 and 5)
  std::array<long, 6> levels{};  // LAOs by success level reached, 0..5
  SummaryRow sum;        // grades, certifications, meetings, villages summed; rules re-decided over the pooled counts
};

struct Rollup {
  int year = 0;
  LaoTotals total;
  std::vector<LaoTotals> districts;  // by code (unknown last)
  std::vector<LaoTotals> provinces;
  std::vector<size_t> best;   // indices into the rows, best first (at most 10)
  std::vector<size_t> worst;  // worst first
};

using SummaryRows = std::vector<std::pair<WorkspaceInfo, SummaryRow>>;

// Rank of an LAO: level reached, then how many of the four rules it meets,
// then its graded share of plans, then certified plans (higher is better);
// ties by workspace path.
Rollup roll_up(int year, const SummaryRows& rows, size_t ranked = 10);
// How many of ldp-30, budget-20, self-30 and dimensions-3 the row meets.
int rules_met(const SummaryRow& row);

}  // namespace kudrang
