#include "kudrang/io/gather.hpp"

#include "kudrang/io/process.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

constexpr const char* default_head_ref = "refs/kudrang/default-head";

std::string trimmed(std::string s)
{
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// git -C DIR ARGS..., its stdout in `out`; its exit code.
int git(const fs::path& dir, std::vector<std::string> args, std::string* out = nullptr, std::string* error = nullptr,
        int timeout = 0)
{
  std::vector<std::string> argv = {"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string err;
  ProgramOptions po;
  po.output = out;
  po.timeout_seconds = timeout;
  int rc = run_program(argv, err, po);
  if (error && !err.empty()) *error = err;
  return rc;
}

}  // namespace

std::optional<std::string> gather_path_for(std::string_view code)
{
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::string c(code);
  return c.substr(0, 2) + "/" + c.substr(0, 4) + "/" + c;
}

int gather_update_status(const std::vector<LaoUpdate>& updates)
{
  bool failed = std::any_of(updates.begin(), updates.end(), [](const LaoUpdate& u) { return !u.error.empty(); });
  if (failed) return 3;
  bool invalid = std::any_of(updates.begin(), updates.end(), [](const LaoUpdate& u) { return u.valid == false; });
  return invalid ? 1 : 0;
}

std::optional<std::string> fetch_default_head(const fs::path& dir, std::string& error, int timeout_seconds)
{
  std::string err;
  // origin's HEAD is its default branch, whatever it is called.
  int rc = git(dir, {"fetch", "-q", "--no-tags", "--no-recurse-submodules", "origin",
                     std::string("+HEAD:") + default_head_ref},
               nullptr, &err, timeout_seconds);
  if (rc != 0) {
    error = !err.empty() ? err : fmt::format("git fetch exited {}; check the network and the repository's URL", rc);
    return std::nullopt;
  }
  auto head = last_fetched_head(dir);
  if (!head) error = "git fetched nothing for the default branch";
  return head;
}

std::optional<std::string> last_fetched_head(const fs::path& dir)
{
  std::string out;
  if (git(dir, {"rev-parse", "--verify", "--quiet", std::string(default_head_ref) + "^{commit}"}, &out) != 0) {
    return std::nullopt;
  }
  return trimmed(out);
}

bool checkout_commit(const fs::path& dir, const std::string& commit, std::string& error)
{
  if (commit.empty() || commit[0] == '-') return false;
  if (git(dir, {"checkout", "-q", "--detach", commit}) != 0) {
    error = "git could not check out the new commit (are there local changes in the folder?)";
    return false;
  }
  // A nested gathering (a district's repository of LAOs): its own submodules
  // follow, so the folders hold what the new commit records.
  std::error_code ec;
  if (fs::exists(dir / ".gitmodules", ec) &&
      git(dir, {"submodule", "update", "-q", "--init", "--recursive"}) != 0) {
    error = "git could not update the nested submodules of the new commit";
    return false;
  }
  return true;
}

long commits_between(const fs::path& dir, const std::string& from, const std::string& to)
{
  if (from.empty() || to.empty() || from[0] == '-' || to[0] == '-') return 0;
  std::string out;
  if (git(dir, {"rev-list", "--count", from + ".." + to}, &out) != 0) return 0;
  return std::strtol(out.c_str(), nullptr, 10);
}

std::string commit_date(const fs::path& dir, const std::string& commit)
{
  if (commit.empty() || commit[0] == '-') return {};
  std::string out;
  if (git(dir, {"show", "-s", "--format=%cs", commit}, &out) != 0) return {};
  return trimmed(out);
}

bool stage_paths(const fs::path& root, const std::vector<std::string>& paths, std::string& error)
{
  if (paths.empty()) return true;
  std::vector<std::string> args = {"add", "--"};
  args.insert(args.end(), paths.begin(), paths.end());
  if (git(root, args) != 0) {
    error = "git add of the moved LAO repositories failed";
    return false;
  }
  return true;
}

bool clone_repository(const std::string& url, const fs::path& dir, std::string& error)
{
  std::vector<std::string> argv = {"git", "clone", "-q", "--no-recurse-submodules", "--", url, dir.string()};
  std::string err;
  int rc = run_program(argv, err);
  if (rc != 0) {
    error = !err.empty() ? err : fmt::format("git clone exited {}", rc);
    return false;
  }
  return true;
}

bool add_submodule(const fs::path& root, const std::string& url, const std::string& path, std::string& error)
{
  // The clone is already at `path`: git records it without cloning again.
  if (git(root, {"submodule", "add", "-q", "--", url, path}) != 0) {
    error = fmt::format("git submodule add failed for '{}'", path);
    return false;
  }
  if (git(root, {"submodule", "absorbgitdirs", "--", path}) != 0) {
    error = fmt::format("git submodule absorbgitdirs failed for '{}'", path);
    return false;
  }
  return true;
}

std::string current_branch(const fs::path& dir)
{
  std::string out;
  if (git(dir, {"symbolic-ref", "--quiet", "--short", "HEAD"}, &out) != 0) return "main";
  std::string b = trimmed(out);
  return b.empty() ? std::string("main") : b;
}

std::optional<fs::path> repository_top(const fs::path& dir)
{
  std::string out;
  if (git(dir, {"rev-parse", "--show-toplevel"}, &out) != 0) return std::nullopt;
  return fs::path(trimmed(out));
}

}  // namespace kudrang
