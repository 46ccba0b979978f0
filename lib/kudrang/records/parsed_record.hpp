#pragma once
// One record file after parsing: its kind, its typed value, its diagnostics.
#include "kudrang/records/workspace.hpp"

#include <variant>

namespace kudrang {

using RecordValue = std::variant<std::monostate, WorkspaceConfig, Roster, Meeting, Project, CommunityPlan,
                                 Certification, Criteria, DevelopmentPlan, Budget, IntegratedPlan>;

struct ParsedRecord {
  std::string kind;
  RecordValue value;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace kudrang
