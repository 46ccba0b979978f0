#include "kudrang/rules/grade_compare.hpp"

#include <map>

namespace kudrang {

std::vector<GradeChange> compare_grades(const std::vector<PlanGrade>& before, const std::vector<PlanGrade>& now)
{
  std::map<std::pair<std::string, std::string>, const PlanGrade*> old;
  for (const auto& g : before) old[{g.workspace, g.plan->id}] = &g;
  std::vector<GradeChange> out;
  for (const auto& g : now) {
    auto it = old.find({g.workspace, g.plan->id});
    if (it == old.end()) {
      out.push_back({g.workspace, g.plan->id, std::nullopt, g.grade, true, false, {}});
      continue;
    }
    const PlanGrade& b = *it->second;
    old.erase(it);
    if (b.grade == g.grade) continue;
    GradeChange c{g.workspace, g.plan->id, b.grade, g.grade, false, false, {}};
    for (size_t i = 0; i < 6; ++i) {
      if (b.criteria[i].met != g.criteria[i].met) {
        c.criteria.push_back({static_cast<int>(i) + 1, b.criteria[i].met, g.criteria[i].met});
      }
    }
    out.push_back(std::move(c));
  }
  for (const auto& [key, g] : old) {
    out.push_back({key.first, key.second, g->grade, std::nullopt, false, true, {}});
  }
  return out;
}

}  // namespace kudrang
