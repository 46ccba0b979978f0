#pragma once
// How far the development plan and the budget take up the community plans'
// projects: the one place the "taken up" and "budgeted" sets are computed
// (criterion 3 of the grade, the integration rules, the success levels).
#include "kudrang/records/workspace.hpp"

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace kudrang {

struct Adoption {
  // Development-plan project ids with a line in a budget (of the target
  // year, or of any year when none is given).
  std::set<std::string> budgeted;
  // "PLAN/PROJECT" -> the development-plan projects that name it as a source
  // and plan money for the target year (any year: every source).
  std::unordered_map<std::string, std::vector<const DevProject*>> taken_up;
  bool has_budget = false;  // a budget record of the target year exists (any year: any budget)

  bool in_ldp(const std::string& source) const { return taken_up.count(source) > 0; }
  // Taken up by a development-plan project that is also budgeted.
  bool in_budget(const std::string& source) const;
};

Adoption adoption(const Workspace& ws, std::optional<int> target_year);

// A project's agency is the LAO itself: `lao` (its spellings are read as
// `lao`), or the workspace's own organisation by its name or short name
// (อบต.กุดรัง). The 30% rule's eligible set ("within the LAO's authority") is
// decided by within_lao_authority (tambon_forum.hpp), which reads this through
// default_carrier when the year has no integrated plan.
bool is_lao(const Workspace& ws, std::string_view agency);

}  // namespace kudrang
