#pragma once
// Plan grades as an evaluator's sheet (Markdown), a spreadsheet (CSV) and
// the JSON contract of spec/cli.md.
#include "kudrang/render/doc.hpp"
#include "kudrang/rules/grade.hpp"
#include "kudrang/rules/grade_compare.hpp"

#include <ostream>

namespace kudrang {

struct GradeReport {
  std::vector<PlanGrade> plans;  // in report order
  GradeDistribution distribution;
  std::optional<int> year;       // --year, if given
  bool many_workspaces = false;
  std::vector<WorkspaceInfo> workspaces;  // every workspace of the tree, in order
  std::optional<std::string> compare_rev;  // --compare REV
  std::vector<GradeChange> changes;        // with compare_rev
  std::vector<std::string> not_fetched;    // LAO repositories (submodules) of the tree not fetched: not counted
};

// One line of advice per unmet criterion: what would meet it.
std::vector<std::string> grade_advice(const PlanGrade& g, bool thai);
// The short name of criterion 1..6.
const char* criterion_name(int no, bool thai);

void render_grades_md(std::ostream& out, const GradeReport& r, bool thai);
void render_grades_csv(std::ostream& out, const GradeReport& r, bool thai);
void render_grades_json(std::ostream& out, const GradeReport& r, bool thai);
// The distribution table (grade, count, percent) in the form of the seed's national table.
void render_distribution_md(std::ostream& out, const GradeDistribution& d, bool thai);
Table distribution_table(const GradeDistribution& d, bool thai);

}  // namespace kudrang
