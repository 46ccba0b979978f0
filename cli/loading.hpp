#pragma once
// Loading records for a report: validate first, and refuse to report on
// records with errors (a report from broken records would mislead).
#include "context.hpp"

#include "kudrang/check/validate.hpp"
#include "kudrang/records/fact_cache.hpp"

namespace kudrang::cli {

// Thrown after the diagnostics were printed: exit code 1.
class RecordsHaveErrors : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// How validate_cached runs.
struct CachedRun {
  unsigned jobs = 0;       // 0: one per core
  bool complete = true;    // the tree is everything under root (not a --changed subset)
  bool streaming = false;  // only diagnostics are wanted: check a batch of workspaces at a time
  WorkspaceVisitor* visitor = nullptr;  // with streaming: sees each loaded workspace
  FactCache* cache = nullptr;           // a cache the caller opened (else one is opened here)
};

// Validates `tree` (rooted at `root`) through the fact cache unless
// --no-cache, with a progress line on a terminal, and saves the cache.
ValidateResult validate_cached(const FileTree& tree, const std::filesystem::path& root, const Globals& g,
                               const CachedRun& run = {});

// Prints the errors of `r` to stderr and throws RecordsHaveErrors, if any.
void refuse_errors(const ValidateResult& r);

// The report language of a tree whose records were not kept: --lang, else
// the locale of the first workspace's kudrang.yaml.
bool thai_for_tree(const Globals& g, const FileTree& tree);

// Scans and validates the workspace(s) the command works on. Prints errors
// to stderr and throws RecordsHaveErrors when there are any; warnings pass.
ValidateResult load_checked(const Globals& g);

// The one workspace of the tree; a usage error when the root holds several
// (commands that print one workspace's documents).
const Workspace& single_workspace(const ValidateResult& r);

// "th"/"en" for the loaded tree: --lang, else the first workspace's locale.
bool thai_for(const Globals& g, const ValidateResult& r);


}  // namespace kudrang::cli
