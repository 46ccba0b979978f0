#pragma once
// `kudrang validate` as a function: load every record below a root, check
// each file and each workspace, return every diagnostic in a stable order.
#include "kudrang/records/workspace.hpp"

namespace kudrang {

struct ValidateResult {
  LoadedTree tree;                      // the records, for commands that go on to report
  std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
  size_t files = 0;
  bool has_errors() const;
};

ValidateResult validate_tree(const FileTree& files, const LoadOptions& options = {});

// The same diagnostics, without keeping the records: workspaces are loaded,
// checked and dropped a batch at a time (references never leave a
// workspace), so memory is bounded by a batch, not by the tree.
// `result.tree` stays empty.
ValidateResult validate_tree_streaming(const FileTree& files, const LoadOptions& options = {});

}  // namespace kudrang
