#pragma once
// Which plans changed grade between two versions of the records, and which
// criteria changed with them (`plan grade --compare REV`).
#include "kudrang/rules/grade.hpp"

namespace kudrang {

struct CriterionChange {
  int no = 0;
  bool was_met = false;
  bool now_met = false;
};

struct GradeChange {
  std::string workspace;
  std::string plan;
  std::optional<char> before;  // nullopt with `is_new`: the plan did not exist
  std::optional<char> after;   // nullopt with `is_removed`
  bool is_new = false;
  bool is_removed = false;
  std::vector<CriterionChange> criteria;
};

// Plans whose grade differs (or that appeared or went), in the order of `now`.
std::vector<GradeChange> compare_grades(const std::vector<PlanGrade>& before, const std::vector<PlanGrade>& now);

}  // namespace kudrang
