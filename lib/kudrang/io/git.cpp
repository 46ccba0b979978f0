#include "kudrang/io/git.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <cerrno>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace kudrang {

namespace {

// A program started without a shell: every argument reaches it as it is
// (a path or a revision is never parsed by /bin/sh).
struct Child {
  pid_t pid = -1;
  int out = -1;  // its stdout, when captured
};

// Starts `argv[0]` (found on PATH) with stdin from `in` (else /dev/null),
// stdout into a pipe (Child::out) or to `out` when given, stderr to /dev/null.
std::optional<Child> start(const std::vector<std::string>& argv, int in = -1, int out = -1)
{
  int pipe_fds[2] = {-1, -1};
  if (out < 0) {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return std::nullopt;
    out = pipe_fds[1];
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (in >= 0) posix_spawn_file_actions_adddup2(&actions, in, 0);
  else posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (pipe_fds[1] >= 0) ::close(pipe_fds[1]);
  if (rc != 0) {
    if (pipe_fds[0] >= 0) ::close(pipe_fds[0]);
    return std::nullopt;
  }
  return Child{pid, pipe_fds[0]};
}

// Reads its stdout to the end; returns its exit status (-1: not started,
// killed by a signal).
int finish(const std::optional<Child>& c, std::string& out)
{
  out.clear();
  if (!c) return -1;
  if (c->out >= 0) {
    char buf[65536];
    while (true) {
      ssize_t n = ::read(c->out, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    ::close(c->out);
  }
  int status = 0;
  while (::waitpid(c->pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs a program; returns its exit status and stdout.
int run(const std::vector<std::string>& argv, std::string& out) { return finish(start(argv), out); }

// git -C DIR ARGS...
std::vector<std::string> git_in(const fs::path& dir, std::initializer_list<std::string> args)
{
  std::vector<std::string> argv = {"git", "-C", dir.string()};
  argv.insert(argv.end(), args);
  return argv;
}

std::string trim(std::string s)
{
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The full commit id `rev` names, or nullopt when git does not know it.
std::optional<std::string> resolve_commit(const fs::path& dir, const std::string& rev)
{
  std::string out;
  if (rev.empty() || rev[0] == '-' ||
      run(git_in(dir, {"rev-parse", "--verify", "--quiet", rev + "^{commit}"}), out) != 0) {
    return std::nullopt;
  }
  return trim(out);
}

constexpr int max_submodule_depth = 16;  // nested gatherings deeper than this are not followed
constexpr const char* gitlink_mode = "160000";

bool has_commit(const fs::path& dir, const std::string& commit)
{
  std::string out;
  return !commit.empty() && commit[0] != '-' &&
         run(git_in(dir, {"cat-file", "-e", commit + "^{commit}"}), out) == 0;
}

// Whether `dir` holds a checkout of its own (a fetched submodule: a .git
// file or folder).
bool fetched_at(const fs::path& dir)
{
  std::error_code ec;
  return fs::exists(fs::symlink_status(dir / ".git", ec));
}

// The NUL-separated fields of git's -z output.
std::vector<std::string> split_nul(const std::string& s)
{
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\0') continue;
    out.push_back(s.substr(from, i - from));
    from = i + 1;
  }
  return out;
}

// `git archive COMMIT [-- PREFIX] | tar -x -C INTO`, the two joined by a pipe of our own.
bool archive_into(const fs::path& dir, const std::string& commit, const std::string& prefix, const fs::path& into)
{
  auto archive = git_in(dir, {"archive", "--format=tar", commit});
  if (!prefix.empty()) {
    archive.push_back("--");
    archive.push_back(prefix);
  }
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return false;
  auto git = start(archive, -1, pipe_fds[1]);
  ::close(pipe_fds[1]);
  auto tar = start({"tar", "-x", "-C", into.string()}, pipe_fds[0]);
  ::close(pipe_fds[0]);
  std::string out;
  int rc_tar = finish(tar, out);
  int rc_git = finish(git, out);
  return rc_tar == 0 && rc_git == 0;
}

// The submodules of the repository at `top` as `commit` records them (under
// `prefix`, a folder relative to top), each written into `into` (which
// stands for `top`) at its recorded commit, recursively.
void export_submodules(const fs::path& top, const std::string& commit, const std::string& prefix, const fs::path& into,
                       std::vector<std::string>* warnings, int depth)
{
  std::string out;
  auto argv = git_in(top, {"ls-tree", "-r", "-z", commit});
  if (!prefix.empty()) {
    argv.push_back("--");
    argv.push_back(prefix);
  }
  if (run(argv, out) != 0) return;
  for (const auto& entry : split_nul(out)) {
    // "MODE TYPE OBJECT\tPATH"
    size_t tab = entry.find('\t');
    if (tab == std::string::npos || entry.rfind(gitlink_mode, 0) != 0) continue;
    std::string path = entry.substr(tab + 1);
    size_t space = entry.rfind(' ', tab);
    if (space == std::string::npos) continue;
    std::string sha = entry.substr(space + 1, tab - space - 1);
    fs::path sub = top / path;
    auto warn = [&](std::string w) {
      if (warnings) warnings->push_back(std::move(w));
    };
    if (depth >= max_submodule_depth) {
      warn(fmt::format("the submodule '{}' is nested too deeply to be read", path));
      continue;
    }
    if (!fetched_at(sub)) {
      warn(fmt::format("the submodule '{}' is not fetched, so its records at that revision are not read; run "
                       "'git submodule update --init {}'",
                       path, path));
      continue;
    }
    if (!ensure_commit(sub, sha)) {
      warn(fmt::format("the commit {} recorded for the submodule '{}' cannot be fetched, so its records at that "
                       "revision are not read",
                       sha.substr(0, 12), path));
      continue;
    }
    std::error_code ec;
    fs::create_directories(into / path, ec);
    if (ec || !archive_into(sub, sha, "", into / path)) {
      warn(fmt::format("the submodule '{}' could not be read at {}", path, sha.substr(0, 12)));
      continue;
    }
    export_submodules(sub, sha, "", into / path, warnings, depth + 1);
  }
}

// The files changed in the repository at `top` since `commit` (full id),
// submodules followed (see changed_files), added to `result`.
bool changed_in(const fs::path& top, const std::string& commit, ChangedFiles& result, std::string& error, int depth)
{
  // Tracked changes against the commit (staged or not) and untracked files,
  // asked of git at the same time: the untracked walk is the slow part.
  // --ignore-submodules=none: a .gitmodules in the change itself could
  // otherwise hide a submodule it adds (ignore = all). --raw: the modes say
  // which paths are submodules, and the old commit recorded for each.
  auto tracked = start(git_in(top, {"-c", "core.quotepath=off", "diff", "--raw", "--abbrev=40", "--no-renames",
                                    "--ignore-submodules=none", "-z", commit, "--"}));
  auto untracked = start(git_in(top, {"-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "-z"}));
  std::string listing, out;
  int rc_tracked = finish(tracked, listing);
  int rc_untracked = finish(untracked, out);
  if (rc_tracked != 0 || rc_untracked != 0) {
    error = rc_tracked != 0 ? "git diff failed" : "git ls-files failed";
    return false;
  }
  auto fields = split_nul(listing);
  for (size_t i = 0; i + 1 < fields.size(); i += 2) {
    // ":OLDMODE NEWMODE OLDSHA NEWSHA STATUS", then the path.
    const std::string& head = fields[i];
    fs::path abs = top / fields[i + 1];
    if (head.size() < 15 || head[0] != ':') continue;
    bool old_link = head.compare(1, 6, gitlink_mode) == 0;
    bool new_link = head.compare(8, 6, gitlink_mode) == 0;
    if (!old_link && !new_link) {
      result.paths.push_back(abs);
      continue;
    }
    std::string old_sha = head.size() >= 56 ? head.substr(15, 40) : std::string();
    if (!new_link) {  // removed (or replaced by a file or folder, whose own paths are listed)
      result.submodules.push_back({abs, SubmoduleChange::Kind::removed, old_sha.substr(0, 12)});
      continue;
    }
    if (!fetched_at(abs)) {
      result.submodules.push_back({abs, SubmoduleChange::Kind::not_fetched, old_sha.substr(0, 12)});
      continue;
    }
    if (!old_link || depth >= max_submodule_depth) {  // added since: its whole tree
      result.paths.push_back(abs);
      continue;
    }
    std::string inner_error;
    if (!ensure_commit(abs, old_sha) || !changed_in(abs, old_sha, result, inner_error, depth + 1)) {
      result.submodules.push_back({abs, SubmoduleChange::Kind::commit_missing, old_sha.substr(0, 12)});
      result.paths.push_back(abs);  // checked whole, and the run fails all the same
    }
  }
  for (const auto& name : split_nul(out)) {
    if (!name.empty()) result.paths.push_back(top / name);
  }
  return true;
}

}  // namespace

bool ensure_commit(const fs::path& dir, const std::string& commit)
{
  if (has_commit(dir, commit)) return true;
  if (commit.empty() || commit[0] == '-') return false;
  std::string out;
  // By its id first (servers that allow it send just that), then every branch.
  run(git_in(dir, {"fetch", "-q", "--no-tags", "--no-recurse-submodules", "origin", commit}), out);
  if (has_commit(dir, commit)) return true;
  run(git_in(dir, {"fetch", "-q", "--no-tags", "--no-recurse-submodules", "origin"}), out);
  return has_commit(dir, commit);
}

std::optional<fs::path> export_revision(const fs::path& dir, const std::string& rev, const fs::path& into,
                                        std::string& error, std::vector<std::string>* warnings)
{
  if (rev.empty() || rev[0] == '-') {
    error = fmt::format("'{}' is not a git revision", rev);
    return std::nullopt;
  }
  std::string out;
  if (run(git_in(dir, {"rev-parse", "--show-prefix"}), out) != 0) {
    error = fmt::format("{} is not inside a git repository", dir.string());
    return std::nullopt;
  }
  std::string prefix = trim(out);
  auto commit = resolve_commit(dir, rev);
  if (!commit) {
    error = fmt::format("git does not know the revision '{}'", rev);
    return std::nullopt;
  }
  if (!archive_into(dir, *commit, prefix, into)) {
    // An archive of a path that did not exist yet at that revision fails: nothing to compare with.
    error = fmt::format("the workspace did not exist at '{}' (or git archive failed)", rev);
    return std::nullopt;
  }
  if (run(git_in(dir, {"rev-parse", "--show-toplevel"}), out) == 0) {
    export_submodules(fs::path(trim(out)), *commit, prefix, into, warnings, 0);
  }
  return into / prefix;
}

std::optional<ChangedFiles> changed_files(const fs::path& dir, const std::string& rev, std::string& error)
{
  if (!rev.empty() && rev[0] == '-') {
    error = fmt::format("'{}' is not a git revision", rev);
    return std::nullopt;
  }
  std::string out;
  if (run(git_in(dir, {"rev-parse", "--show-toplevel"}), out) != 0) {
    error = fmt::format("{} is not inside a git repository, so --changed has nothing to compare with", dir.string());
    return std::nullopt;
  }
  fs::path top = trim(out);
  std::string base = rev;
  if (base.empty()) {
    // What a pull request adds: since it left its upstream branch.
    base = run(git_in(dir, {"merge-base", "HEAD", "@{upstream}"}), out) == 0 ? trim(out) : "HEAD";
  }
  auto resolved = resolve_commit(dir, base);
  if (!resolved) {
    error = rev.empty() ? "the repository has no commit yet to compare with; run a full 'kudrang validate'"
                        : fmt::format("git does not know the revision '{}'", rev);
    return std::nullopt;
  }
  ChangedFiles result;
  result.base = resolved->substr(0, 12);
  if (!changed_in(top, *resolved, result, error, 0)) return std::nullopt;
  return result;
}

std::string not_fetched_message(const std::string& display)
{
  return fmt::format("not fetched: the LAO repository '{}' is an empty folder here, so its records are neither "
                     "checked nor counted; run 'git submodule update --init {}'",
                     display, display);
}

std::vector<Diagnostic> submodule_diagnostics(const ChangedFiles& changes, const fs::path& root)
{
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(fs::absolute(root, ec), ec);
  std::vector<Diagnostic> out;
  for (const auto& c : changes.submodules) {
    std::string rel = c.path.lexically_normal().lexically_relative(canon).generic_string();
    if (rel.empty() || rel == ".." || rel.rfind("../", 0) == 0) continue;  // outside the folder checked
    switch (c.kind) {
    case SubmoduleChange::Kind::removed:
      out.push_back({rel, {}, Severity::warning, "submodule-removed",
                     fmt::format("the LAO repository '{}' (at {}) was removed from this gathering; its records "
                                 "are no longer checked here",
                                 rel, c.commit)});
      break;
    case SubmoduleChange::Kind::not_fetched:
      out.push_back({rel, {}, Severity::error, "submodule-not-fetched",
                     fmt::format("the LAO repository '{}' changed but is not fetched, so the change is not "
                                 "checked; run 'git submodule update --init {}'",
                                 rel, rel)});
      break;
    case SubmoduleChange::Kind::commit_missing:
      out.push_back({rel, {}, Severity::error, "submodule-commit-missing",
                     fmt::format("git cannot get the commit {} recorded before for the LAO repository '{}' (not "
                                 "in the clone, and fetching it failed), so its change could not be compared: "
                                 "its whole tree was checked instead; fetch it (git -C {} fetch origin) and run "
                                 "again",
                                 c.commit, rel, rel)});
      break;
    }
  }
  return out;
}

std::vector<Gitlink> recorded_submodules(const fs::path& dir, bool nested)
{
  std::vector<Gitlink> out;
  std::vector<std::pair<fs::path, int>> todo = {{dir, 0}};
  while (!todo.empty()) {
    auto [here, depth] = todo.back();
    todo.pop_back();
    std::string listing;
    if (run(git_in(here, {"-c", "core.quotepath=off", "ls-files", "--stage", "-z"}), listing) != 0) continue;
    for (const auto& entry : split_nul(listing)) {
      // "MODE OBJECT STAGE\tPATH"
      size_t tab = entry.find('\t');
      if (tab == std::string::npos || entry.rfind(gitlink_mode, 0) != 0 || entry.size() < 48) continue;
      Gitlink g;
      g.path = here / entry.substr(tab + 1);
      g.commit = entry.substr(7, 40);
      g.fetched = fetched_at(g.path);
      std::error_code ec;
      if (nested && g.fetched && depth + 1 < max_submodule_depth && fs::exists(g.path / ".gitmodules", ec)) {
        todo.push_back({g.path, depth + 1});
      }
      out.push_back(std::move(g));
    }
  }
  std::sort(out.begin(), out.end(), [](const Gitlink& a, const Gitlink& b) { return a.path < b.path; });
  return out;
}

std::vector<Diagnostic> unfetched_submodules(const fs::path& root)
{
  std::error_code ec;
  fs::path abs = fs::absolute(root, ec);
  std::vector<Diagnostic> out;
  // Submodules are declared in .gitmodules at the top of the work tree: with
  // none there, git is not asked to list the index (202,500 entries on a
  // national tree, on every validate).
  fs::path top = abs.lexically_normal();
  while (!fs::exists(top / ".git", ec)) {
    if (!top.has_parent_path() || top.parent_path() == top) return out;  // not in a git work tree
    top = top.parent_path();
  }
  if (!fs::exists(top / ".gitmodules", ec)) return out;
  for (const auto& g : recorded_submodules(abs)) {
    if (g.fetched) continue;
    std::string rel = g.path.lexically_normal().lexically_relative(abs.lexically_normal()).generic_string();
    bool hidden = rel.empty() || rel[0] == '.' || rel.find("/.") != std::string::npos;
    if (hidden) continue;  // the walk skips hidden folders too
    out.push_back({rel, {}, Severity::warning, "submodule-not-fetched", not_fetched_message(rel)});
  }
  return out;
}

}  // namespace kudrang
