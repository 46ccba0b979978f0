#include "kudrang/io/git.hpp"

#include <fmt/format.h>

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

}  // namespace

std::optional<fs::path> export_revision(const fs::path& dir, const std::string& rev, const fs::path& into,
                                        std::string& error)
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
  // git archive | tar -x, the two joined by a pipe of our own.
  auto archive = git_in(dir, {"archive", "--format=tar", *commit});
  if (!prefix.empty()) {
    archive.push_back("--");
    archive.push_back(prefix);
  }
  int pipe_fds[2];
  bool ok = ::pipe2(pipe_fds, O_CLOEXEC) == 0;
  if (ok) {
    auto git = start(archive, -1, pipe_fds[1]);
    ::close(pipe_fds[1]);
    auto tar = start({"tar", "-x", "-C", into.string()}, pipe_fds[0]);
    ::close(pipe_fds[0]);
    int rc_tar = finish(tar, out);
    int rc_git = finish(git, out);
    ok = rc_tar == 0 && rc_git == 0;
  }
  if (!ok) {
    // An archive of a path that did not exist yet at that revision fails: nothing to compare with.
    error = fmt::format("the workspace did not exist at '{}' (or git archive failed)", rev);
    return std::nullopt;
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
  const std::string& commit = *resolved;
  ChangedFiles result;
  result.base = commit.substr(0, 12);
  // Tracked changes against the commit (staged or not) and untracked files,
  // asked of git at the same time: the untracked walk is the slow part.
  // --ignore-submodules=none: a .gitmodules in the change itself could
  // otherwise hide a submodule it adds (ignore = all).
  auto tracked = start(git_in(top, {"-c", "core.quotepath=off", "diff", "--name-only", "--no-renames",
                                    "--ignore-submodules=none", "-z", commit, "--"}));
  auto untracked = start(git_in(top, {"-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "-z"}));
  std::string listing;
  int rc_tracked = finish(tracked, listing);
  int rc_untracked = finish(untracked, out);
  if (rc_tracked != 0 || rc_untracked != 0) {
    error = rc_tracked != 0 ? "git diff failed" : "git ls-files failed";
    return std::nullopt;
  }
  listing += out;
  size_t from = 0;
  for (size_t i = 0; i < listing.size(); ++i) {
    if (listing[i] != '\0') continue;
    if (i > from) result.paths.push_back(top / listing.substr(from, i - from));
    from = i + 1;
  }
  return result;
}

}  // namespace kudrang
