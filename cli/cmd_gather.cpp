// kudrang gather add URL [PATH] | update [PATH...] | status
//
// A province's (or district's) repository whose workspaces are the LAOs'
// own repositories as git submodules. Thin wiring: git moves the data
// (io/gather, io/git), the pipeline checks what arrived.
#include "commands.hpp"
#include "loading.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/core/parallel.hpp"
#include "kudrang/io/gather.hpp"
#include "kudrang/io/messages.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/render/new_records.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "kudrang/render/diagnostics_render.hpp"
#include "kudrang/render/json_writer.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <random>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct GatherOptions {
  std::string url;
  std::string path;
  std::vector<std::string> paths;
  std::string format = "text";
  unsigned jobs = 8;
  bool fetch = false;
};

// The gathering: the top of the git repository at --workspace or here.
fs::path gathering_root(const Globals& g)
{
  std::error_code ec;
  fs::path start = g.workspace.empty() ? fs::current_path(ec) : fs::path(g.workspace);
  auto top = repository_top(start);
  if (!top) {
    throw UsageError(fmt::format("'{}' is not inside a git repository; a gathering is one (git init, then "
                                 "kudrang gather add URL)",
                                 start.string()));
  }
  return *top;
}

std::string rel_to(const fs::path& p, const fs::path& root)
{
  return p.lexically_normal().lexically_relative(root.lexically_normal()).generic_string();
}

bool under_path(const std::string& file, const std::string& dir)
{
  return file == dir || (file.size() > dir.size() && file.rfind(dir, 0) == 0 && file[dir.size()] == '/');
}

// Errors per LAO folder of a run over `tree`.
std::map<std::string, size_t> errors_by_lao(const PipelineResult& r, const std::vector<std::string>& laos)
{
  std::map<std::string, size_t> out;
  for (const auto& l : laos) out[l] = 0;
  for (const auto& d : r.diagnostics) {
    if (d.severity != Severity::error) continue;
    for (const auto& l : laos) {
      if (under_path(d.file, l)) ++out[l];
    }
  }
  return out;
}

void print_line(const std::string& s) { std::cout << translate(s) << '\n'; }

std::string short_id(const std::string& c) { return c.substr(0, 12); }

// --- gather add

void run_add(const GatherOptions& o, Globals& g)
{
  fs::path root = gathering_root(g);
  if (!o.path.empty()) {
    fs::path p(o.path);
    bool up = std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
    if (p.is_absolute() || up || o.path[0] == '-' || o.path[0] == '.') {
      throw UsageError(fmt::format("PATH '{}' must be a folder inside the gathering", o.path));
    }
  }
  // Cloned first into a hidden folder of the gathering (the same file
  // system, so moving it is a rename) to read its kudrang.yaml.
  std::random_device rd;
  fs::path staging = root / fmt::format(".kudrang-gather-{:08x}", rd());
  std::string error;
  if (!clone_repository(o.url, staging, error)) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw IoError(fmt::format("could not clone '{}': {}", o.url, error));
  }
  struct Cleanup {
    fs::path p;
    ~Cleanup()
    {
      std::error_code ec;
      if (!p.empty()) fs::remove_all(p, ec);
    }
  } cleanup{staging};
  ValidateResult v = validate_tree(scan_tree(staging), {});
  if (v.tree.workspaces.size() != 1) {
    std::cerr << fmt::format("kudrang: error: '{}' holds {} workspaces (kudrang.yaml); an LAO repository holds "
                             "exactly one, at its top\n",
                             o.url, v.tree.workspaces.size());
    g.exit_code = exit_failed;
    return;
  }
  const auto& ws = v.tree.workspaces.front();
  std::string code = ws.has_config ? ws.config.value.area_code : std::string();
  std::string path = o.path;
  if (path.empty()) {
    auto derived = gather_path_for(code);
    if (!derived) {
      std::cerr << fmt::format("kudrang: error: the kudrang.yaml of '{}' has no 6-digit area code ('{}'), so "
                               "no folder can be derived from it; give one: kudrang gather add URL PATH\n",
                               o.url, code);
      g.exit_code = exit_failed;
      return;
    }
    path = *derived;
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::error_code ec;
  if (fs::exists(fs::symlink_status(root / path, ec))) {
    throw UsageError(fmt::format("'{}' already exists in the gathering", path));
  }
  fs::create_directories((root / path).parent_path(), ec);
  fs::rename(staging, root / path, ec);
  if (ec) throw IoError(fmt::format("could not move the clone to '{}': {}", path, ec.message()));
  cleanup.p = root / path;  // removed again if git refuses it
  if (!add_submodule(root, o.url, path, error)) throw IoError(error);
  cleanup.p.clear();
  // The first LAO makes the repository a gathering: its CI workflow, unless
  // it has one (never replaced).
  std::string workflow;
  if (!fs::exists(fs::symlink_status(root / province_workflow_path, ec))) {
    switch (write_new_file(root / province_workflow_path, province_workflow(current_branch(root)), error, root)) {
    case WriteResult::written:
      workflow = province_workflow_path;
      stage_paths(root, {workflow}, error);
      break;
    case WriteResult::exists: break;
    case WriteResult::failed: throw IoError(error);
    }
  }
  bool errors = std::any_of(v.diagnostics.begin(), v.diagnostics.end(),
                            [](const Diagnostic& d) { return d.severity == Severity::error; });
  std::string name = ws.has_config ? ws.config.value.org_name : std::string();
  if (o.format == "json") {
    JsonWriter w(std::cout);
    w.begin_object();
    w.key("path").value(path);
    w.key("code").value(code);
    w.key("name").value(name);
    w.key("valid").value(!errors);
    if (workflow.empty()) w.key("workflow").null();
    else w.key("workflow").value(workflow);
    w.end_object();
    std::cout << '\n';
  } else if (!g.quiet) {
    print_line(fmt::format("added {} ({}) as a submodule at {}", o.url, code, path));
    if (!workflow.empty()) print_line(fmt::format("wrote {} (the gathering's CI: checks every bump)", workflow));
    if (errors) print_line(fmt::format("its records have errors: run kudrang validate {}", path));
    print_line("staged: commit it (git commit)");
  }
  if (errors) g.exit_code = exit_failed;
}

// --- gather update

// The recorded submodules, or those at `picked` (relative paths): a path
// that is not one is a usage error.
std::vector<Gitlink> chosen_laos(const fs::path& root, const std::vector<std::string>& picked)
{
  auto all = recorded_submodules(root, false);
  if (picked.empty()) return all;
  std::vector<Gitlink> out;
  for (auto p : picked) {
    while (!p.empty() && p.back() == '/') p.pop_back();
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
    auto it = std::find_if(all.begin(), all.end(), [&](const Gitlink& l) {
      return rel_to(l.path, root) == p || fs::weakly_canonical(l.path, ec) == abs;
    });
    if (it == all.end()) throw UsageError(fmt::format("'{}' is not an LAO repository of this gathering", p));
    out.push_back(*it);
  }
  return out;
}

void run_update(const GatherOptions& o, Globals& g)
{
  fs::path root = gathering_root(g);
  auto laos = chosen_laos(root, o.paths);
  std::vector<LaoUpdate> updates(laos.size());
  // Every LAO fetched at once (a few at a time): one failing stops no other.
  parallel_for(laos.size(), std::max(1u, o.jobs), [&](size_t i) {
    const Gitlink& l = laos[i];
    LaoUpdate& u = updates[i];
    u.path = rel_to(l.path, root);
    u.before = l.commit;
    if (!l.fetched) {
      u.error = fmt::format("not fetched: run 'git submodule update --init {}'", u.path);
      return;
    }
    std::string error;
    auto head = fetch_default_head(l.path, error);
    if (!head) {
      u.error = fmt::format("failed to fetch: {}", error);
      return;
    }
    if (*head != l.commit && !checkout_commit(l.path, *head, error)) {
      u.error = fmt::format("fetched, but could not move: {}", error);
      return;
    }
    u.after = *head;
    u.new_commits = commits_between(l.path, l.commit, *head);
  });
  // The moved ones are checked (through the cache) and staged.
  std::vector<fs::path> moved_abs;
  std::vector<std::string> moved;
  for (size_t i = 0; i < laos.size(); ++i) {
    if (updates[i].moved()) {
      moved_abs.push_back(laos[i].path);
      moved.push_back(updates[i].path);
    }
  }
  if (!moved.empty()) {
    FileTree tree = scan_changed(root, moved_abs);
    PipelineResult r = run_stages(tree, root, g, {}, false, std::nullopt, false);
    auto errors = errors_by_lao(r, moved);
    for (auto& u : updates) {
      if (u.moved()) u.valid = errors[u.path] == 0;
    }
    std::string error;
    if (!stage_paths(root, moved, error)) throw IoError(error);
  }
  size_t failed = 0;
  for (const auto& u : updates) failed += u.error.empty() ? 0 : 1;
  if (o.format == "json") {
    JsonWriter w(std::cout);
    w.begin_object();
    w.key("laos").begin_array();
    for (const auto& u : updates) {
      w.begin_object();
      w.key("path").value(u.path);
      w.key("before").value(u.before);
      if (u.after.empty()) w.key("after").null();
      else w.key("after").value(u.after);
      w.key("new_commits").value(u.new_commits);
      w.key("moved").value(u.moved());
      if (u.valid) w.key("valid").value(*u.valid);
      else w.key("valid").null();
      if (u.error.empty()) w.key("error").null();
      else w.key("error").value(u.error);
      w.end_object();
    }
    w.end_array();
    w.key("moved").value(static_cast<long>(moved.size()));
    w.key("failed").value(static_cast<long>(failed));
    w.end_object();
    std::cout << '\n';
  } else {
    for (const auto& u : updates) {
      if (!u.error.empty()) print_line(fmt::format("{}: {}", u.path, u.error));
      else if (!u.moved()) {
        if (!g.quiet) print_line(fmt::format("{}: no new commits ({})", u.path, short_id(u.before)));
      } else {
        print_line(fmt::format("{}: {} new commit{} ({} -> {}), {}", u.path, u.new_commits,
                               u.new_commits == 1 ? "" : "s", short_id(u.before), short_id(u.after),
                               *u.valid ? "valid" : "has errors: run kudrang validate " + u.path));
      }
    }
    print_line(fmt::format("{} LAO repositor{}: {} moved, {} without new commits, {} failed", updates.size(),
                           updates.size() == 1 ? "y" : "ies", moved.size(), updates.size() - moved.size() - failed,
                           failed));
    if (!moved.empty()) print_line("the moves are staged: review them and commit (git commit)");
  }
  g.exit_code = gather_update_status(updates);
}

// --- gather status

void run_status(const GatherOptions& o, Globals& g)
{
  fs::path root = gathering_root(g);
  auto laos = recorded_submodules(root, false);
  struct Row {
    std::string path, date;
    std::optional<std::string> head;
    std::string fetch_error;
  };
  std::vector<Row> rows(laos.size());
  parallel_for(laos.size(), std::max(1u, o.jobs), [&](size_t i) {
    const Gitlink& l = laos[i];
    rows[i].path = rel_to(l.path, root);
    if (!l.fetched) return;
    if (o.fetch) {
      std::string error;
      rows[i].head = fetch_default_head(l.path, error);
      if (!rows[i].head) rows[i].fetch_error = error;
    } else {
      rows[i].head = last_fetched_head(l.path);
    }
    rows[i].date = commit_date(l.path, l.commit);
  });
  std::vector<std::string> fetched;
  for (size_t i = 0; i < laos.size(); ++i) {
    if (laos[i].fetched) fetched.push_back(rows[i].path);
  }
  std::map<std::string, size_t> errors;
  if (!fetched.empty()) {
    FileTree tree = scan_tree(root);
    PipelineResult r = run_stages(tree, root, g, {}, true, std::nullopt, false);
    errors = errors_by_lao(r, fetched);
  }
  bool any_invalid = false, any_unfetched = false;
  auto behind = [&](size_t i) { return rows[i].head && *rows[i].head != laos[i].commit; };
  if (o.format == "json") {
    JsonWriter w(std::cout);
    w.begin_object();
    w.key("laos").begin_array();
    for (size_t i = 0; i < laos.size(); ++i) {
      w.begin_object();
      w.key("path").value(rows[i].path);
      w.key("commit").value(laos[i].commit);
      w.key("fetched").value(laos[i].fetched);
      if (rows[i].date.empty()) w.key("date").null();
      else w.key("date").value(rows[i].date);
      w.key("behind").value(behind(i));
      if (laos[i].fetched) w.key("valid").value(errors[rows[i].path] == 0);
      else w.key("valid").null();
      w.end_object();
    }
    w.end_array();
    w.end_object();
    std::cout << '\n';
  }
  for (size_t i = 0; i < laos.size(); ++i) {
    bool fetched_here = laos[i].fetched;
    any_unfetched = any_unfetched || !fetched_here || !rows[i].fetch_error.empty();
    bool valid = fetched_here && errors[rows[i].path] == 0;
    any_invalid = any_invalid || (fetched_here && !valid);
    if (o.format == "json") continue;
    if (!fetched_here) {
      // Columns of values and phrases translated one by one (a whole line could
      // match another message's template).
      std::cout << rows[i].path << "  " << short_id(laos[i].commit) << "  "
                << translate(not_fetched_message(rows[i].path)) << '\n';
      continue;
    }
    std::string state = !rows[i].head ? std::string("not compared yet (kudrang gather status --fetch)")
                        : behind(i)   ? fmt::format("behind (the default branch is at {})", short_id(*rows[i].head))
                                      : std::string("up to date");
    if (!rows[i].fetch_error.empty()) state = "failed to fetch: " + rows[i].fetch_error;
    std::cout << rows[i].path << "  " << short_id(laos[i].commit) << "  " << rows[i].date << "  " << translate(state)
              << "  " << translate(valid ? "valid" : "has errors") << '\n';
  }
  if (o.format != "json") {
    print_line(fmt::format("{} LAO repositor{}", laos.size(), laos.size() == 1 ? "y" : "ies"));
  }
  g.exit_code = any_unfetched ? exit_io : any_invalid ? exit_failed : exit_ok;
}

}  // namespace

void add_gather_command(CLI::App& app, Globals& g)
{
  auto o = std::make_shared<GatherOptions>();
  auto* gather = app.add_subcommand("gather", "A province's repository: LAO repositories gathered as git submodules");
  gather->require_subcommand(1);
  auto* add = gather->add_subcommand("add", "Add an LAO repository as a submodule (its folder from its area code)");
  add->add_option("url", o->url, "The LAO repository's URL (or path)")->required();
  add->add_option("path", o->path, "Its folder in the gathering (default: from its area code, e.g. 44/4412/441201)");
  add->add_option("--format", o->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  add->callback([o, &g] { run_add(*o, g); });
  auto* update = gather->add_subcommand("update", "Fetch every LAO repository and move each to its default branch's head");
  update->add_option("paths", o->paths, "Only these LAO folders (default: all)");
  update->add_option("--format", o->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  update->add_option("-j,--jobs", o->jobs, "Fetches run at once (default: 8)");
  update->callback([o, &g] { run_update(*o, g); });
  auto* status = gather->add_subcommand("status", "Per LAO repository: recorded commit, its date, behind or not, valid or not");
  status->add_option("--format", o->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  status->add_flag("--fetch", o->fetch, "Fetch each default branch first (else: as of the last fetch)");
  status->add_option("-j,--jobs", o->jobs, "Fetches run at once (default: 8)");
  status->callback([o, &g] { run_status(*o, g); });
}

}  // namespace kudrang::cli
