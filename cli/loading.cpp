#include "loading.hpp"

#include "progress.hpp"

#include "kudrang/render/diagnostics_render.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

namespace kudrang::cli {

size_t batch_files_setting()
{
  if (const char* v = std::getenv("KUDRANG_BATCH_FILES"); v && *v) {
    char* end = nullptr;
    unsigned long n = std::strtoul(v, &end, 10);
    if (end && *end == '\0' && n > 0) return n;
  }
  return PipelineOptions{}.batch_files;
}

unsigned jobs_setting(const Globals& g)
{
  if (g.jobs) return g.jobs;
  if (const char* v = std::getenv("KUDRANG_JOBS"); v && *v) {
    char* end = nullptr;
    unsigned long n = std::strtoul(v, &end, 10);
    if (end && *end == '\0' && n > 0 && n <= 256) return static_cast<unsigned>(n);
  }
  return 0;
}

PipelineResult run_stages(const FileTree& tree, const std::filesystem::path& root, const Globals& g,
                          const std::vector<StageBase*>& stages, bool complete, std::optional<Date> today,
                          bool say_unfetched)
{
  if (say_unfetched && !g.quiet) {
    for (const auto& d : tree.diagnostics) {
      if (d.code == "submodule-not-fetched") std::cerr << format_diagnostic(d) << '\n';
    }
  }
  PipelineOptions po;
  po.today = today;
  po.jobs = jobs_setting(g);
  po.batch_files = batch_files_setting();
  std::optional<FactCache> cache;
  if (!g.no_cache) cache.emplace(default_cache_file(root), executable_fingerprint());
  po.cache = cache ? &*cache : nullptr;
  ProgressLine progress(!g.quiet);
  po.progress = [&](size_t done, size_t total) { progress.update(done, total); };
  PipelineResult r = run_pipeline(tree, stages, po);
  progress.finish();
  if (cache) {
    std::string error;
    // The cache only saves time: failing to write it never fails the run.
    if (!cache->save(complete, error, &tree.workspace_displays, &tree.files) && !g.quiet) {
      std::cerr << "kudrang: warning: " << error << '\n';
    }
  }
  return r;
}

std::vector<std::string> unfetched_of(const PipelineResult& r)
{
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    if (d.code == "submodule-not-fetched") out.push_back(d.file);
  }
  return out;
}

PipelineResult run_checked(const Globals& g, const std::vector<StageBase*>& stages)
{
  std::filesystem::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  PipelineResult r = run_stages(tree, root, g, stages);
  refuse_errors(r.diagnostics);
  return r;
}

void refuse_errors(const Globals& g, const std::vector<Diagnostic>& diagnostics, const RecordReads& reads)
{
  ErrorsByReads parts = partition_errors(diagnostics, reads, resolve_root(g));
  refuse_errors(parts.read);
  if (parts.other && !g.quiet) {
    std::cerr << fmt::format("kudrang: warning: other records have {} error{} in {} file{} this command does not "
                             "read; run kudrang validate to see them\n",
                             parts.other, parts.other == 1 ? "" : "s", parts.other_files,
                             parts.other_files == 1 ? "" : "s");
  }
}

PipelineResult run_checked(const Globals& g, const std::vector<StageBase*>& stages, const RecordReads& reads)
{
  std::filesystem::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  PipelineResult r = run_stages(tree, root, g, stages);
  refuse_errors(g, r.diagnostics, reads);
  return r;
}

void refuse_errors(const std::vector<Diagnostic>& diagnostics)
{
  size_t errors = 0;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    std::cerr << format_diagnostic(d) << '\n';
    ++errors;
  }
  if (errors) {
    throw RecordsHaveErrors(fmt::format("the records have {} error{}; fix them first (kudrang validate)", errors,
                                        errors == 1 ? "" : "s"));
  }
}

ValidateResult load_checked(const Globals& g)
{
  ValidateResult r = load_unchecked(g);
  refuse_errors(r.diagnostics);
  return r;
}

ValidateResult load_checked(const Globals& g, const RecordReads& reads)
{
  ValidateResult r = load_unchecked(g);
  refuse_errors(g, r.diagnostics, reads);
  return r;
}

ValidateResult load_unchecked(const Globals& g)
{
  std::filesystem::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  if (tree.workspaces.size() > 1) {
    // Never silently the first: the clerk says which.
    std::string names;
    size_t shown = std::min<size_t>(tree.workspaces.size(), 8);
    for (size_t i = 0; i < shown; ++i) names += "\n  " + tree.workspace_displays[i];
    if (shown < tree.workspaces.size()) names += fmt::format("\n  … and {} more", tree.workspaces.size() - shown);
    throw UsageError(fmt::format("this command works on one workspace, but '{}' holds {}; pass --workspace DIR, "
                                 "one of:{}",
                                 root.string(), tree.workspaces.size(), names));
  }
  LoadOptions lo;
  lo.jobs = jobs_setting(g);
  std::optional<FactCache> cache;
  if (!g.no_cache) cache.emplace(default_cache_file(root), executable_fingerprint());
  lo.cache = cache ? &*cache : nullptr;
  ValidateResult r = validate_tree(tree, lo);
  if (cache) {
    std::string error;
    if (!cache->save(true, error, &tree.workspace_displays) && !g.quiet) std::cerr << "kudrang: warning: " << error << '\n';
  }
  return r;
}

const Workspace& single_workspace(const ValidateResult& r)
{
  if (r.tree.workspaces.size() != 1) throw UsageError("this command works on one workspace; pass --workspace DIR");
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

bool thai_for(const Globals& g, const PipelineResult& r) { return thai_output(g, r.locale()); }

}  // namespace kudrang::cli
