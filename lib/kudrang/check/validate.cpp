#include "kudrang/check/validate.hpp"

#include "kudrang/check/workspace_checks.hpp"

#include <algorithm>

namespace kudrang {

bool ValidateResult::has_errors() const
{
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

ValidateResult validate_tree(const FileTree& files, const LoadOptions& options)
{
  ValidateResult r;
  r.tree = load_tree(files, options);
  r.files = r.tree.files;
  r.diagnostics = std::move(r.tree.diagnostics);
  r.tree.diagnostics.clear();
  for (const auto& ws : r.tree.workspaces) {
    check_workspace(ws, r.diagnostics);
  }
  sort_diagnostics(r.diagnostics);
  return r;
}

}  // namespace kudrang
