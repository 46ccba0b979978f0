#pragma once
// The little kudrang asks of git: the records of a workspace as they were at
// a revision, and which files changed since one. Submodules (an LAO's own
// repository gathered into a province's) are followed: their records are
// read at the commit the superproject records for them.
#include "kudrang/core/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kudrang {

// Writes the files under `dir` as they were at `rev` into `into` (which must
// exist and be empty) and returns the path inside `into` that corresponds to
// `dir`. On failure returns nullopt and sets `error` (not a repository,
// unknown revision, git missing). Each submodule is written too, as it was
// at the commit `rev` records for it (fetched when missing); one that cannot
// be written is named in `warnings` and left empty.
std::optional<std::filesystem::path> export_revision(const std::filesystem::path& dir, const std::string& rev,
                                                     const std::filesystem::path& into, std::string& error,
                                                     std::vector<std::string>* warnings = nullptr);

// The record files that differ between `rev` and the working tree of the
// repository holding `dir`: changed, added, deleted (both names of a rename)
// and untracked ones, as absolute paths. `rev` empty: the merge base with the
// upstream branch, else HEAD. `base` gets the commit compared with.
//
// A submodule whose recorded commit changed (a bump), or whose files did,
// gives the files changed inside it between the commit `rev` recorded for it
// and its working tree, found the same way (so nested submodules too); the
// old commit is fetched when the clone lacks it. One added since gives its
// folder (checked whole); one removed, not fetched or whose old commit
// cannot be had is in `submodules` (see submodule_diagnostics).
struct SubmoduleChange {
  enum class Kind { removed, not_fetched, commit_missing };
  std::filesystem::path path;  // absolute
  Kind kind = Kind::removed;
  std::string commit;          // the old commit (removed, commit_missing), abbreviated
};
struct ChangedFiles {
  std::string base;                         // the commit, abbreviated
  std::vector<std::filesystem::path> paths;  // absolute
  std::vector<SubmoduleChange> submodules;
};
std::optional<ChangedFiles> changed_files(const std::filesystem::path& dir, const std::string& rev,
                                          std::string& error);

// The diagnostics of `changes.submodules`, named relative to `root`: a
// removed submodule is a warning (submodule-removed); one that changed but
// is not fetched (submodule-not-fetched) or whose old commit git cannot get
// (submodule-commit-missing) is an error: its records were not compared, so
// the run may not pass. (A commit missing gives its folder checked whole.)
std::vector<Diagnostic> submodule_diagnostics(const ChangedFiles& changes, const std::filesystem::path& root);

// The submodules recorded in the index of the repository holding `dir`,
// below `dir`, and (when `nested`) those of each fetched one, recursively.
struct Gitlink {
  std::filesystem::path path;  // absolute
  std::string commit;          // recorded, full
  bool fetched = false;        // its folder holds a checkout (.git)
};
std::vector<Gitlink> recorded_submodules(const std::filesystem::path& dir, bool nested = true);

// A warning (submodule-not-fetched) for each submodule under `root` whose
// folder holds no checkout: its records would otherwise be silently missing.
std::vector<Diagnostic> unfetched_submodules(const std::filesystem::path& root);

// Whether git has the commit `commit` in the repository at `dir`; when not,
// fetches it from `origin` (by id, then every branch) and asks again.
bool ensure_commit(const std::filesystem::path& dir, const std::string& commit);

// The message of a not-fetched submodule at `display` (relative path).
std::string not_fetched_message(const std::string& display);

}  // namespace kudrang
