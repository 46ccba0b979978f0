#pragma once
// Gathering LAO repositories into a province's (or a district's) repository
// as git submodules: the few git operations `kudrang gather` needs, each a
// git subprocess (git stays the engine that moves the data), and the pure
// decisions around them.
#include "kudrang/io/git.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

// The folder an LAO with the 6-digit area code `code` is gathered at:
// province/district/subdistrict ("441201" -> "44/4412/441201"). nullopt
// when `code` is not six digits.
std::optional<std::string> gather_path_for(std::string_view code);

// What happened to one LAO in `gather update`.
struct LaoUpdate {
  std::string path;        // relative to the gathering's root
  std::string before;      // the commit recorded before (full)
  std::string after;       // the default branch's head, now checked out (full; empty when it failed)
  long new_commits = 0;    // commits from before to after
  std::string error;       // not empty: it failed (not fetched, fetch failed, could not move)
  std::optional<bool> valid;  // when it moved: whether its records are free of errors
  bool moved() const { return error.empty() && !after.empty() && after != before; }
};

// The exit status of `gather update`: 3 when an LAO could not be fetched or
// moved, else 1 when one that moved has errors, else 0.
int gather_update_status(const std::vector<LaoUpdate>& updates);

// Fetches the default branch's head (origin's HEAD) of the clone at `dir`
// into refs/kudrang/default-head and returns its commit; nullopt and
// `error` when git cannot.
std::optional<std::string> fetch_default_head(const std::filesystem::path& dir, std::string& error,
                                              int timeout_seconds = 600);

// The default-branch head last fetched (refs/kudrang/default-head), if any.
std::optional<std::string> last_fetched_head(const std::filesystem::path& dir);

// Checks out `commit` (detached, as submodules are) in the clone at `dir`.
bool checkout_commit(const std::filesystem::path& dir, const std::string& commit, std::string& error);

// How many commits `to` has that `from` does not (0 when unknown).
long commits_between(const std::filesystem::path& dir, const std::string& from, const std::string& to);

// The committer date of `commit` in the clone at `dir` (YYYY-MM-DD), or "".
std::string commit_date(const std::filesystem::path& dir, const std::string& commit);

// Stages the submodules at `paths` (relative to `root`) in the superproject.
bool stage_paths(const std::filesystem::path& root, const std::vector<std::string>& paths, std::string& error);

// `git clone URL DIR` (DIR must not exist).
bool clone_repository(const std::string& url, const std::filesystem::path& dir, std::string& error);

// Records the clone at `root/path` (its origin `url`) as a submodule of the
// repository at `root` and moves its git directory under .git/modules.
bool add_submodule(const std::filesystem::path& root, const std::string& url, const std::string& path,
                   std::string& error);

// The branch checked out in the repository at `dir` ("main" when none).
std::string current_branch(const std::filesystem::path& dir);

// The top folder of the repository holding `dir`, or nullopt.
std::optional<std::filesystem::path> repository_top(const std::filesystem::path& dir);

}  // namespace kudrang
