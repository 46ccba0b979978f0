#include "kudrang/io/git.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

// Single-quotes an argument for /bin/sh.
std::string sh_quote(const std::string& s)
{
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Starts a shell command whose stdout is read later (see finish).
FILE* start(const std::string& cmd) { return ::popen((cmd + " 2>/dev/null").c_str(), "r"); }

// Reads its stdout to the end; returns its exit status.
int finish(FILE* p, std::string& out)
{
  out.clear();
  if (!p) return -1;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = ::pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs a shell command; returns its exit status and stdout.
int run(const std::string& cmd, std::string& out) { return finish(start(cmd), out); }

std::string trim(std::string s)
{
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The full commit id `rev` names, or nullopt when git does not know it.
std::optional<std::string> resolve_commit(const std::string& git, const std::string& rev)
{
  std::string out;
  if (rev.empty() || rev[0] == '-' || run(git + " rev-parse --verify --quiet " + sh_quote(rev + "^{commit}"), out) != 0) {
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
  std::string git = "git -C " + sh_quote(dir.string());
  if (run(git + " rev-parse --show-prefix", out) != 0) {
    error = fmt::format("{} is not inside a git repository", dir.string());
    return std::nullopt;
  }
  std::string prefix = trim(out);
  auto commit = resolve_commit(git, rev);
  if (!commit) {
    error = fmt::format("git does not know the revision '{}'", rev);
    return std::nullopt;
  }
  std::string cmd = git + " archive --format=tar " + sh_quote(*commit);
  if (!prefix.empty()) cmd += " -- " + sh_quote(prefix);
  cmd += " | tar -x -C " + sh_quote(into.string());
  if (run(cmd, out) != 0) {
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
  std::string git = "git -C " + sh_quote(dir.string());
  if (run(git + " rev-parse --show-toplevel", out) != 0) {
    error = fmt::format("{} is not inside a git repository, so --changed has nothing to compare with", dir.string());
    return std::nullopt;
  }
  fs::path top = trim(out);
  std::string base = rev;
  if (base.empty()) {
    // What a pull request adds: since it left its upstream branch.
    base = run(git + " merge-base HEAD @{upstream}", out) == 0 ? trim(out) : "HEAD";
  }
  auto resolved = resolve_commit(git, base);
  if (!resolved) {
    error = rev.empty() ? "the repository has no commit yet to compare with; run a full 'kudrang validate'"
                        : fmt::format("git does not know the revision '{}'", rev);
    return std::nullopt;
  }
  const std::string& commit = *resolved;
  ChangedFiles result;
  result.base = commit.substr(0, 12);
  std::string g = "git -C " + sh_quote(top.string()) + " -c core.quotepath=off";
  // Tracked changes against the commit (staged or not) and untracked files,
  // asked of git at the same time: the untracked walk is the slow part.
  FILE* tracked = start(g + " diff --name-only --no-renames -z " + sh_quote(commit) + " --");
  FILE* untracked = start(g + " ls-files --others --exclude-standard -z");
  std::string listing;
  int rc_tracked = finish(tracked, listing);
  int rc_untracked = finish(untracked, out);
  if (rc_tracked != 0 || rc_untracked != 0) {
    error = rc_tracked != 0 ? "git diff failed" : "git ls-files failed";
    return std::nullopt;
  }
  listing += out;
  size_t start = 0;
  for (size_t i = 0; i < listing.size(); ++i) {
    if (listing[i] != '\0') continue;
    if (i > start) result.paths.push_back(top / listing.substr(start, i - start));
    start = i + 1;
  }
  return result;
}

}  // namespace kudrang
