#pragma once
// Grading a whole tree in bounded memory, alongside its validation (plan
// grade on a province or the whole country): each workspace is graded while
// it is loaded and then dropped; only the grades and a slim copy of each
// plan (id, village, year) are kept. With the fact cache, a workspace whose
// files are all unchanged takes its grades from the cache, unread.
#include "kudrang/check/validate.hpp"
#include "kudrang/rules/grade.hpp"

#include <deque>
#include <optional>

namespace kudrang {

class FactCache;

// The plans of one workspace as graded, in the evaluator's order (year,
// village, id), each PlanGrade pointing into `plans`.
struct WorkspaceGrades {
  std::deque<CommunityPlan> plans;  // slim: no projects, sources or channels
  std::vector<PlanGrade> grades;
};

// Grades every plan of one loaded workspace (`year`: only plans of that review year).
WorkspaceGrades grade_workspace(const Workspace& ws, std::optional<int> year);

class GradeCollector : public WorkspaceVisitor {
public:
  GradeCollector(const FileTree& files, FactCache* cache, std::optional<int> year);
  bool needs(size_t workspace, const Digest& inputs, bool settled) override;
  void visit(size_t workspace, const Workspace& ws, const Digest& inputs) override;

  // Every workspace's grades, in tree order (valid while the collector lives).
  std::vector<PlanGrade> grades() const;

private:
  const FileTree& m_files;
  FactCache* m_cache;
  std::optional<int> m_year;
  std::vector<WorkspaceGrades> m_by_workspace;
  std::vector<char> m_from_cache;
};

// The encoding of a workspace's grades for the cache; decode is bounds-checked.
void encode_grades(const WorkspaceGrades& g, std::string& out);
bool decode_grades(std::string_view in, WorkspaceGrades& out);

}  // namespace kudrang
