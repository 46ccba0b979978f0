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
void render_integration_csv(std::ostream& out, const IntegrationReport& r, bool thai);
void render_integration_json(std::ostream& out, const IntegrationReport& r);

// `budget check --years A-B`: the rules of each review year from `from`
// (years[k] is year from + k). One workspace: each rule's count and verdict
// per year; a tree: how many LAOs meet ldp-30, budget-20 and both (indicator
// 3.2) per year, beside the pooled counts.
void render_integration_years_md(std::ostream& out, int from, const std::vector<IntegrationReport>& years, bool thai);
void render_integration_years_json(std::ostream& out, int from, const std::vector<IntegrationReport>& years);

}  // namespace kudrang
