#include "loading.hpp"

#include "kudrang/render/diagnostics_render.hpp"

#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

ValidateResult load_checked(const Globals& g)
{
  FileTree tree = scan_root(resolve_root(g));
  ValidateResult r = validate_tree(tree);
  if (r.has_errors()) {
    std::vector<Diagnostic> errors;
    for (const auto& d : r.diagnostics) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    for (const auto& d : errors) std::cerr << format_diagnostic(d) << '\n';
    throw RecordsHaveErrors(fmt::format("the records have {} error{}; fix them first (kudrang validate)",
                                        errors.size(), errors.size() == 1 ? "" : "s"));
  }
  return r;
}

const Workspace& single_workspace(const ValidateResult& r)
{
  if (r.tree.workspaces.size() != 1) {
    throw UsageError(fmt::format("this command works on one workspace, but {} were found; pass --workspace DIR",
                                 r.tree.workspaces.size()));
  }
  return r.tree.workspaces.front();
}

bool thai_for(const Globals& g, const ValidateResult& r)
{
  std::string locale = "th";
  for (const auto& ws : r.tree.workspaces) {
    if (ws.has_config) {
      locale = ws.config.value.locale;
      break;
    }
  }
  return thai_output(g, locale);
}

}  // namespace kudrang::cli
