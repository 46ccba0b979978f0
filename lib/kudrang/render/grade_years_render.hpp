#pragma once
// `plan grade --years A-B` (issue 17): the grades of the same villages across
// review years, and the certifications per year and cumulative (the seed
// reports 8,430 / 11,165 / 21,246 = 40,841 for 2552-2554).
#include "kudrang/rules/certify.hpp"
#include "kudrang/rules/grade.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kudrang {

struct GradeYears {
  int from = 0;
  int to = 0;
  bool many_workspaces = false;
  std::vector<PlanGrade> plans;                     // of the years from..to
  std::vector<CertificationResult> certifications;  // every one; counted by the fiscal year of its date
};

// The year a certification counts in: the fiscal year of its date, else its plan's review year.
std::optional<int> certification_year(const CertificationResult& c);

void render_grade_years_md(std::ostream& out, const GradeYears& r, bool thai);
void render_grade_years_json(std::ostream& out, const GradeYears& r);

}  // namespace kudrang
