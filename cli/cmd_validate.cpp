// kudrang validate [PATH...] [--format text|json|github] [--jobs N] [--changed [REV]]
#include "commands.hpp"
#include "loading.hpp"

#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/git.hpp"
#include "kudrang/render/diagnostics_render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  unsigned jobs = 0;
  bool changed = false;
  std::string changed_rev;  // empty: merge base with upstream, else HEAD
};

bool under(const std::string& file, const std::string& prefix)
{
  return prefix.empty() || file == prefix || (file.size() > prefix.size() && file.rfind(prefix, 0) == 0
                                              && file[prefix.size()] == '/');
}

int run_validate(const ValidateOptions& o, const Globals& g)
{
  fs::path root = resolve_root(g);
  std::vector<std::string> prefixes;
  if (!o.paths.empty()) {
    std::error_code ec;
    fs::path first = fs::absolute(o.paths.front(), ec);
    if (g.workspace.empty()) {
      auto ws = find_workspace_root(fs::is_directory(first, ec) ? first : first.parent_path());
      root = ws ? *ws : first;
    }
    fs::path abs_root = fs::weakly_canonical(fs::absolute(root, ec), ec);
    for (const auto& p : o.paths) {
      if (!fs::exists(p, ec)) {
        throw UsageError(fmt::format("'{}' does not exist", p));
      }
      fs::path rel = fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_relative(abs_root);
      std::string r = rel.generic_string();
      if (rel.empty() || r.rfind("..", 0) == 0) {
        throw UsageError(fmt::format("'{}' is outside the workspace '{}'", p, root.string()));
      }
      prefixes.push_back(r == "." ? std::string() : r);
    }
  }
  FileTree tree;
  if (o.changed) {
    std::string error;
    auto changed = changed_files(root, o.changed_rev, error);
    if (!changed) throw UsageError(error);
    tree = scan_changed(root, changed->paths);
    auto notes = submodule_diagnostics(*changed, root);
    tree.diagnostics.insert(tree.diagnostics.end(), notes.begin(), notes.end());
    if (!g.quiet) {
      std::cerr << fmt::format("kudrang: {} changed file{} since {}; checking the {} workspace{} holding them\n",
                               changed->paths.size(), changed->paths.size() == 1 ? "" : "s", changed->base,
                               tree.workspaces.size(), tree.workspaces.size() == 1 ? "" : "s");
    }
  } else {
    tree = scan_root(root);
  }
  Globals with_jobs = g;
  with_jobs.jobs = o.jobs;
  // Only validate judges the day: meetings left planned after their date.
  PipelineResult result = run_stages(tree, root, with_jobs, {}, !o.changed, today_in_thailand(), false);
  std::vector<Diagnostic> shown = std::move(result.diagnostics);
  size_t files = result.files;
  if (!prefixes.empty()) {
    auto keep = [&](const std::string& f) {
      return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return under(f, p); });
    };
    std::erase_if(shown, [&](const Diagnostic& d) { return !keep(d.file); });
    files = static_cast<size_t>(
      std::count_if(tree.files.begin(), tree.files.end(), [&](const RecordFile& f) { return keep(f.display); }));
  }
  if (g.quiet && shown.empty() && o.format != "json") {
    return exit_ok;  // -q: a clean run prints nothing
  }
  if (o.format == "json") {
    render_diagnostics_json(std::cout, shown, files);
  } else if (o.format == "github") {
    render_diagnostics_github(std::cout, shown, files);
  } else {
    render_diagnostics_text(std::cout, shown, files, use_color(g));
  }
  bool errors = std::any_of(shown.begin(), shown.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  return errors ? exit_failed : exit_ok;
}

}  // namespace

void add_validate_command(CLI::App& app, Globals& g)
{
  auto o = std::make_shared<ValidateOptions>();
  auto* sub = app.add_subcommand("validate", "Check every record: structure, references, dates, rules");
  sub->add_option("paths", o->paths, "Files or folders to report on (default: the whole workspace)");
  sub->add_option("--format", o->format, "Output: text, json or github")
    ->check(CLI::IsMember({"text", "json", "github"}));
  sub->add_option("-j,--jobs", o->jobs, "Files parsed in parallel (default: one per core)");
  sub->add_option("--changed", o->changed_rev,
                  "Check only the workspaces holding files changed since REV (default: the merge base with "
                  "the upstream branch, else HEAD), completely")
    ->expected(0, 1)
    ->type_name("[REV]");
  sub->callback([o, sub, &g] {
    o->changed = sub->count("--changed") > 0;
    g.exit_code = run_validate(*o, g);
  });
}

}  // namespace kudrang::cli
