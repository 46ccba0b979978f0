#pragma once
// `budget check`: the four integration rules with what is missing (md, csv, json).
#include "kudrang/rules/integration.hpp"

#include <ostream>

namespace kudrang {

struct IntegrationReport {
  IntegrationResult total;                                        // summed over workspaces
  std::vector<std::pair<WorkspaceInfo, IntegrationResult>> parts;  // per workspace: the rules only
  const IntegrationResult* detail = nullptr;  // one workspace: its full result (project lists)
};

const char* integration_rule_name(const std::string& id, bool thai);

void render_integration_md(std::ostream& out, const IntegrationReport& r, const Workspace* ws, bool thai);
void render_integration_csv(std::ostream& out, const IntegrationReport& r);
void render_integration_json(std::ostream& out, const IntegrationReport& r);

}  // namespace kudrang
