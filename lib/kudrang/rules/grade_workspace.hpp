#pragma once
// Grading the plans of one workspace: the one implementation every command
// uses (plan grade, the summary, the pipeline's grades stage, the fuzzer).
#include "kudrang/rules/grade.hpp"

#include <deque>
#include <optional>

namespace kudrang {

// The plans of one workspace as graded, in the evaluator's order (year,
// village, id), each PlanGrade pointing into `plans`.
struct WorkspaceGrades {
  std::deque<CommunityPlan> plans;  // slim: id, village and year only
  std::vector<PlanGrade> grades;
  bool operator==(const WorkspaceGrades& o) const;
};

// Grades every plan of one loaded workspace (`year`: only plans of that review year).
WorkspaceGrades grade_workspace(const Workspace& ws, std::optional<int> year);

}  // namespace kudrang
