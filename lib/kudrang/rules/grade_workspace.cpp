#include "kudrang/rules/grade_workspace.hpp"

#include <algorithm>
#include <tuple>

namespace kudrang {

namespace {

auto row_of(const PlanGrade& g)
{
  return std::tie(g.file, g.workspace, g.village_name, g.met, g.grade);
}

auto criterion_of(const CriterionResult& c)
{
  return std::tie(c.no, c.met, c.evidence, c.ratio, c.threshold, c.needed, c.self_in_action, c.lao_from_start, c.budget_missing);
}

}  // namespace

bool WorkspaceGrades::operator==(const WorkspaceGrades& o) const
{
  if (grades.size() != o.grades.size()) return false;
  for (size_t i = 0; i < grades.size(); ++i) {
    const PlanGrade& a = grades[i];
    const PlanGrade& b = o.grades[i];
    if (row_of(a) != row_of(b)) return false;
    if (a.plan->id != b.plan->id || a.plan->village != b.plan->village || a.plan->year != b.plan->year) return false;
    for (size_t k = 0; k < a.criteria.size(); ++k) {
      if (criterion_of(a.criteria[k]) != criterion_of(b.criteria[k])) return false;
    }
  }
  return true;
}

WorkspaceGrades grade_workspace(const Workspace& ws, std::optional<int> year)
{
  WorkspaceGrades out;
  AdoptionEvidence evidence = adoption_evidence(ws);
  const GradeThresholds& t = ws.grade_criteria().grade;
  std::vector<const Record<CommunityPlan>*> plans;
  for (const auto& rec : ws.plans) {
    if (!year || rec.value.year == *year) plans.push_back(&rec);
  }
  std::stable_sort(plans.begin(), plans.end(), [](const auto* a, const auto* b) {
    return std::tie(a->value.year, a->value.village, a->value.id) < std::tie(b->value.year, b->value.village, b->value.id);
  });
  for (const auto* rec : plans) {
    const CommunityPlan& p = rec->value;
    PlanGrade pg = grade_plan(p, t, evidence);
    pg.file = rec->file;
    pg.workspace = ws.display;
    if (ws.has_config) {
      if (const Village* v = ws.config.value.village(p.village)) pg.village_name = v->name;
    }
    CommunityPlan& slim = out.plans.emplace_back();
    slim.id = p.id;
    slim.id_mark = p.id_mark;
    slim.village = p.village;
    slim.village_mark = p.village_mark;
    slim.year = p.year;
    pg.plan = &slim;
    out.grades.push_back(std::move(pg));
  }
  return out;
}

}  // namespace kudrang
