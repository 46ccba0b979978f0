#include "loading.hpp"

#include "progress.hpp"

#include "kudrang/records/fact_cache.hpp"
#include "kudrang/records/parsed_record.hpp"
#include "kudrang/render/diagnostics_render.hpp"

#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

ValidateResult validate_cached(const FileTree& tree, const std::filesystem::path& root, const Globals& g,
                               const CachedRun& run)
{
  LoadOptions lo;
  lo.jobs = run.jobs;
  std::optional<FactCache> own;
  FactCache* cache = run.cache;
  if (!cache && !g.no_cache) {
    own.emplace(default_cache_file(root), executable_fingerprint());
    cache = &*own;
  }
  lo.cache = cache;
  ProgressLine progress(!g.quiet);
  lo.progress = [&](size_t done, size_t total) { progress.update(done, total); };
  ValidateResult r = run.streaming ? validate_tree_streaming(tree, lo, run.visitor) : validate_tree(tree, lo);
  progress.finish();
  if (cache) {
    std::string error;
    // The cache only saves time: failing to write it never fails the run.
    if (!cache->save(run.complete, error, &tree.workspace_displays, &tree.files) && !g.quiet) std::cerr << "kudrang: warning: " << error << '\n';
  }
  return r;
}

ValidateResult load_checked(const Globals& g)
{
  std::filesystem::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  ValidateResult r = validate_cached(tree, root, g);
  refuse_errors(r);
  return r;
}

bool thai_for_tree(const Globals& g, const FileTree& tree)
{
  if (!g.lang.empty()) return g.lang == "th";
  for (const auto& f : tree.files) {
    if (f.path.filename() != workspace_file_name || f.path.parent_path() != tree.workspaces[f.workspace]) continue;
    std::string error;
    auto text = read_file(f.path, error, LoadLimits{}.max_bytes);
    if (!text) break;
    ParsedRecord p = parse_record(*text, f.display);
    if (auto* c = std::get_if<WorkspaceConfig>(&p.value)) return thai_output(g, c->locale);
    break;
  }
  return thai_output(g, "th");
}

void refuse_errors(const ValidateResult& r)
{
  if (r.has_errors()) {
    std::vector<Diagnostic> errors;
    for (const auto& d : r.diagnostics) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    for (const auto& d : errors) std::cerr << format_diagnostic(d) << '\n';
    throw RecordsHaveErrors(fmt::format("the records have {} error{}; fix them first (kudrang validate)",
                                        errors.size(), errors.size() == 1 ? "" : "s"));
  }
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
