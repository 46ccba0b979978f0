#pragma once
// `kudrang validate` as a function: load every record below a root, check
// each file and each workspace, return every diagnostic in a stable order.
#include "kudrang/core/digest.hpp"
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
//
// A visitor sees each workspace while it is loaded, to compute what a report
// needs (e.g. plan grades) in the same pass. `inputs` is a digest of the
// workspace's files (name, size, times, inode of each); `settled` says the
// fingerprint can be trusted (no file modified within the cache's racy
// window). A workspace whose validation result comes from the cache is
// loaded all the same when the visitor needs() it.
struct WorkspaceVisitor {
  virtual ~WorkspaceVisitor() = default;
  virtual bool needs(size_t workspace, const Digest& inputs, bool settled) = 0;
  virtual void visit(size_t workspace, const Workspace& ws, const Digest& inputs) = 0;
};
ValidateResult validate_tree_streaming(const FileTree& files, const LoadOptions& options = {},
                                       WorkspaceVisitor* visitor = nullptr);

}  // namespace kudrang
