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

}  // namespace kudrang
