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

// Validates `tree` (rooted at `root`) through the fact cache unless
// --no-cache, with a progress line on a terminal. `complete`: the tree is
// everything under root (not a --changed subset).
// `keep_records` false: only the diagnostics are wanted (validate), so the
// workspaces are checked a batch at a time and dropped.
ValidateResult validate_cached(const FileTree& tree, const std::filesystem::path& root, const Globals& g,
                               unsigned jobs = 0, bool complete = true, bool keep_records = true,
                               WorkspaceVisitor* visitor = nullptr, FactCache* shared_cache = nullptr);

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
