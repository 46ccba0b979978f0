#pragma once
// Finding workspaces and record files on disk.
#include "kudrang/core/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kudrang {

inline constexpr const char* workspace_file_name = "kudrang.yaml";

struct RecordFile {
  // As found on disk. A string, not a std::filesystem::path: a path keeps
  // each of its parts as another path, ~0.5 KB a file, 100 MB on a national tree.
  std::string path;
  std::string display;         // relative to the scan root, '/'-separated
  size_t workspace = 0;        // index into FileTree::workspaces
};

struct FileTree {
  std::filesystem::path root;                      // where the scan started
  std::vector<std::filesystem::path> workspaces;   // directories holding kudrang.yaml
  std::vector<std::string> workspace_displays;     // relative to root ("" for root itself)
  std::vector<RecordFile> files;                   // sorted by display path
  std::vector<Diagnostic> diagnostics;             // unreadable dirs, stray files
};

// The nearest directory at or above `start` that holds kudrang.yaml.
std::optional<std::filesystem::path> find_workspace_root(const std::filesystem::path& start);

// Walks `root` for *.yaml/*.yml files, skipping hidden directories and not
// following directory symlinks (so a loop cannot hang the walk). Each file is
// assigned to the deepest workspace directory above it; files outside any
// workspace are reported.
FileTree scan_tree(const std::filesystem::path& root);

// The part of the tree under `root` that changed files touch: the workspaces
// holding them (walked whole, as scan_tree would, but without the workspaces
// nested inside them) and changed record files that are in no workspace.
// References never leave a workspace, so checking these is complete.
FileTree scan_changed(const std::filesystem::path& root, const std::vector<std::filesystem::path>& changed);

// Reads a whole file. Returns nullopt and sets `error` on failure.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error,
                                     size_t max_bytes);

}  // namespace kudrang
