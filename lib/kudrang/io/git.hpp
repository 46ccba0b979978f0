#pragma once
// The little kudrang asks of git: the records of a workspace as they were at
// a revision, and which files changed since one.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kudrang {

// Writes the files under `dir` as they were at `rev` into `into` (which must
// exist and be empty) and returns the path inside `into` that corresponds to
// `dir`. On failure returns nullopt and sets `error` (not a repository,
// unknown revision, git missing).
std::optional<std::filesystem::path> export_revision(const std::filesystem::path& dir, const std::string& rev,
                                                     const std::filesystem::path& into, std::string& error);

// The record files that differ between `rev` and the working tree of the
// repository holding `dir`: changed, added, deleted (both names of a rename)
// and untracked ones, as absolute paths. `rev` empty: the merge base with the
// upstream branch, else HEAD. `base` gets the commit compared with.
struct ChangedFiles {
  std::string base;                         // the commit, abbreviated
  std::vector<std::filesystem::path> paths;  // absolute
};
std::optional<ChangedFiles> changed_files(const std::filesystem::path& dir, const std::string& rev,
                                          std::string& error);

}  // namespace kudrang
