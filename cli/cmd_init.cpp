// kudrang init [DIR] [--area CODE] [--villages N]
#include "commands.hpp"

#include "kudrang/core/areas.hpp"
#include "kudrang/io/hooks.hpp"
#include "kudrang/io/process.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "kudrang/render/new_records.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>
#include <random>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string area;
  int villages = 1;
  std::string type = "sao";
};

// ---- all or nothing
//
// Every target is checked before anything is written. The files are then
// written into a private staging folder beside the first part of DIR that
// does not exist yet (DIR itself when it is new, else DIR's missing
// sub-folders and files), and moved into place with renames that never
// replace anything: a new DIR appears whole in one rename; in an existing
// folder each missing top entry (kudrang.yaml, meetings/, .kudrang/, ...)
// is moved in, and a failure moves back what was moved. A failure or a
// refusal leaves nothing; a kill leaves at most the hidden staging folder
// (swept by the next init after 10 minutes) or, in an existing folder, the
// entries moved in the instant between the first and last rename.

constexpr std::string_view staging_marker = ".kudrang-init-";

bool lexists(const fs::path& p)
{
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

bool is_folder(const fs::path& p)
{
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);  // a symlink to a folder counts
}

// Refuses, before anything is written, every target init cannot take.
void check_targets(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files)
{
  if (lexists(dir) && !is_folder(dir)) {
    throw UsageError(fmt::format("{} exists and is not a folder; choose an empty folder", dir.string()));
  }
  for (const auto& [rel, text] : files) {
    fs::path target = dir / rel;
    if (!is_inside(dir, target)) {
      throw UsageError(fmt::format("{} resolves outside {} (a symlinked folder); kudrang init writes only inside it",
                                   target.string(), dir.string()));
    }
    fs::path at = dir;
    fs::path relp(rel);
    for (auto it = relp.begin(); it != relp.end(); ++it) {
      at /= *it;
      if (!lexists(at)) break;
      if (std::next(it) == relp.end()) {
        throw UsageError(fmt::format("{} exists; kudrang init never overwrites (choose an empty folder)", at.string()));
      }
      if (!is_folder(at)) {
        throw UsageError(fmt::format("{} is a file where kudrang init makes a folder; move it away or choose an "
                                     "empty folder",
                                     at.string()));
      }
    }
  }
}

// Removes staging folders of killed runs in `base`, older than 10 minutes.
void sweep_stale_staging(const fs::path& base)
{
  std::error_code ec;
  std::time_t now = std::time(nullptr);
  for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(staging_marker, 0) != 0) continue;
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) == 0 && S_ISDIR(st.st_mode) && now - st.st_mtime > 600) {
      remove_tree(it->path().c_str());
    }
  }
}

// A staging folder `.kudrang-init-DIGITS` in `base`, with the usual mode.
fs::path make_staging(const fs::path& base)
{
  std::random_device rd;
  for (int attempt = 0; attempt < 10; ++attempt) {
    fs::path p = base / fmt::format("{}{}", staging_marker, rd());
    if (::mkdir(p.c_str(), 0777) == 0) return p;
    if (errno != EEXIST) {
      throw IoError(fmt::format("cannot create a folder in {}: {}", base.string(), std::strerror(errno)));
    }
  }
  throw IoError(fmt::format("cannot create a folder in {}", base.string()));
}

void write_all_or_nothing(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files)
{
  // base: the deepest part of DIR that exists; rest: the part below it.
  fs::path base, rest;
  bool missing = false;
  for (const auto& part : dir) {
    if (!missing) {
      fs::path next = base / part;
      if (lexists(next)) {
        base = next;
        continue;
      }
      missing = true;
    }
    rest /= part;
  }
  if (base.empty()) base = ".";
  sweep_stale_staging(base);
  fs::path staging = make_staging(base);
  auto fail = [&](std::string why) {
    remove_tree(staging.c_str());
    // Name the paths as they were to be, not as staged.
    std::string from = staging.string(), to = base.string();
    for (size_t at = why.find(from); at != std::string::npos; at = why.find(from, at + to.size())) {
      why.replace(at, from.size(), to);
    }
    throw IoError(why + "; nothing was written");
  };
  // The entries to move: for each file, its first part missing below base.
  std::vector<fs::path> units;
  for (const auto& [rel, text] : files) {
    fs::path unit;
    if (!rest.empty()) {
      unit = *rest.begin();
    } else {
      for (const auto& part : fs::path(rel)) {
        unit /= part;
        if (!lexists(base / unit)) break;
      }
    }
    if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(unit);
    fs::path target = staging / rest / rel;
    std::string error;
    switch (write_new_file(target, text, error, staging)) {
    case WriteResult::written: break;
    case WriteResult::exists: fail(fmt::format("{} exists in the staging folder", target.string())); break;
    case WriteResult::failed: fail(error); break;
    }
  }
  std::vector<fs::path> moved;
  for (const auto& unit : units) {
    if (int e = rename_no_replace(staging / unit, base / unit); e != 0) {
      for (auto it = moved.rbegin(); it != moved.rend(); ++it) ::rename((base / *it).c_str(), (staging / *it).c_str());
      fail(e == EEXIST ? fmt::format("{} appeared meanwhile", (base / unit).string())
                       : fmt::format("cannot move {} into place: {}", (base / unit).string(), std::strerror(e)));
    }
    moved.push_back(unit);
  }
  remove_tree(staging.c_str());
  sync_folder(base);
}

// ---- git, without a shell: DIR reaches it as one argument, after "--".

bool inside_git_repository(const fs::path& dir)
{
  std::string error;
  ProgramOptions po;
  po.cwd = dir;
  return run_program({"git", "rev-parse", "--is-inside-work-tree"}, error, po) == 0;
}

void run_init(const InitOptions& o, bool quiet)
{
  if (o.dir.empty()) throw UsageError("the folder name is empty");
  fs::path dir(o.dir);
  NewWorkspace w;
  w.villages = o.villages;
  w.org_type = o.type;
  if (!o.area.empty()) {
    auto a = find_area(o.area);
    if (!a && o.area.find_first_not_of("0123456789") != std::string::npos) {
      // A name (or part of one): the matching subdistricts, to pick a code from.
      auto found = search_areas(o.area);
      if (found.size() == 1) {
        a = found.front();
      } else if (found.empty()) {
        throw UsageError(fmt::format("no subdistrict's name holds '{}'; give its 6-digit code (e.g. 441201) or "
                                     "another part of its name",
                                     o.area));
      } else {
        std::string list;
        for (size_t i = 0; i < found.size() && i < 30; ++i) {
          const auto& f = found[i];
          list += fmt::format("  {}  ตำบล{} อำเภอ{} จังหวัด{} ({})\n", f.subdistrict_code, f.subdistrict_th,
                              f.district_th, f.province_th, f.subdistrict_en);
        }
        if (found.size() > 30) list += fmt::format("  ... and {} more\n", found.size() - 30);
        throw UsageError(fmt::format("{} subdistricts' names hold '{}'; give the code of yours with --area:\n{}",
                                     found.size(), o.area, list.substr(0, list.size() - 1)));
      }
    }
    if (!a) throw UsageError(fmt::format("no subdistrict has the code '{}' (6 digits, e.g. 441201)", o.area));
    w.province = a->province_th;
    w.district = a->district_th;
    w.subdistrict = a->subdistrict_th;
    w.code = a->subdistrict_code;
  } else {
    w.province = "(จังหวัด)";
    w.district = "(อำเภอ)";
    w.subdistrict = "(ตำบล)";
  }
  if (o.type == "municipality") {
    w.org_name = "เทศบาลตำบล" + w.subdistrict;
    w.org_short = "ทต." + w.subdistrict;
  } else {
    w.org_name = "องค์การบริหารส่วนตำบล" + w.subdistrict;
    w.org_short = "อบต." + w.subdistrict;
  }
  bool had_git = is_folder(dir) && inside_git_repository(dir);
  if (had_git) {
    // CI must check the branch the repository really has.
    std::string error, branch;
    ProgramOptions po;
    po.cwd = dir;
    po.output = &branch;
    if (run_program({"git", "symbolic-ref", "--short", "-q", "HEAD"}, error, po) == 0) {
      while (!branch.empty() && (branch.back() == '\n' || branch.back() == '\r')) branch.pop_back();
      if (!branch.empty()) w.default_branch = branch;
    }
  }
  auto files = new_workspace_files(w);
  check_targets(dir, files);
  write_all_or_nothing(dir, files);
  if (!quiet) {
    for (const auto& [rel, text] : files) {
      if (rel.find("/.gitkeep") == std::string::npos && rel.rfind(".kudrang/schemas/", 0) != 0) {
        std::cout << (dir / rel).lexically_normal().string() << '\n';
      }
    }
  }
  if (!had_git) {
    std::string error;
    int rc = run_program({"git", "init", "-q", "-b", w.default_branch, "--", dir.string()}, error);
    if (rc == 0) {
      if (!quiet) std::cerr << fmt::format("initialised a git repository in {} (branch {})\n", dir.string(), w.default_branch);
    } else if (rc < 0) {
      std::cerr << "kudrang: warning: git is not available; the workspace is not a repository yet\n";
    } else {
      std::cerr << fmt::format("kudrang: warning: git init failed in {}; the workspace is not a repository yet\n", dir.string());
    }
  }
  // The pre-commit hook, so that this clone checks every commit (other
  // clones: 'kudrang hooks install').
  fs::path hook;
  std::string error;
  switch (install_pre_commit_hook(dir, own_executable_path(), false, hook, error)) {
  case HookInstall::installed:
  case HookInstall::updated:
    if (!quiet) std::cerr << "installed the pre-commit hook (other clones: run 'kudrang hooks install')\n";
    break;
  case HookInstall::unchanged: break;
  case HookInstall::foreign:
    std::cerr << fmt::format("kudrang: warning: {} is another tool's hook; kudrang left it alone\n", hook.string());
    break;
  case HookInstall::failed: break;  // no git repository: nothing to hook into
  }
}

}  // namespace

void add_init_command(CLI::App& app, Globals& g)
{
  auto o = std::make_shared<InitOptions>();
  auto* init = app.add_subcommand("init", "Create a new workspace: kudrang.yaml, roster, folders, CI and hook samples");
  init->add_option("dir", o->dir, "Folder to create it in (default: the current one)");
  init->add_option("--area", o->area, "6-digit subdistrict code, or a Thai or English name (or part of one); fills in the names");
  init->add_option("--villages", o->villages, "Number of villages to list (default 1)")->check(CLI::Range(1, 99));
  init->add_option("--type", o->type, "sao or municipality (default sao)")->check(CLI::IsMember({"sao", "municipality"}));
  init->callback([o, &g] {
    run_init(*o, g.quiet);
    g.exit_code = 0;
  });
}

}  // namespace kudrang::cli
