#pragma once
// Loading records for a command: validate first, and refuse to report on
// records with errors (a report from broken records would mislead).
//
// Report commands run stages through the pipeline (run_stages): any tree, a
// batch at a time, cached. Commands that print one workspace's documents
// load that one workspace (load_checked) and, at a root of many, ask which.
#include "context.hpp"

#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/records/fact_cache.hpp"
#include "kudrang/records/record_reads.hpp"

namespace kudrang::cli {

// Thrown after the diagnostics were printed: exit code 1.
class RecordsHaveErrors : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Runs `stages` over `tree` (rooted at `root`) through the fact cache unless
// --no-cache, with a progress line on a terminal, and saves the cache.
// `complete`: the tree is everything under root (not a --changed subset).
// `today`: warn about meetings dated before it and still planned or invited.
// `say_unfetched`: print the tree's not-fetched submodules (a report would
// otherwise count them silently as nothing) on stderr; validate prints its
// diagnostics itself.
PipelineResult run_stages(const FileTree& tree, const std::filesystem::path& root, const Globals& g,
                          const std::vector<StageBase*>& stages, bool complete = true,
                          std::optional<Date> today = std::nullopt, bool say_unfetched = true);

// The submodules of a result that are not fetched (relative paths).
std::vector<std::string> unfetched_of(const PipelineResult& r);

// The same over the command's root (--workspace, or the tree around the
// current directory); prints the errors and throws RecordsHaveErrors if any.
PipelineResult run_checked(const Globals& g, const std::vector<StageBase*>& stages);

// The same, holding the command back only for the errors in records it
// reads (`reads`); one warning line counts the others (a document is not
// held hostage by a broken record it does not use).
PipelineResult run_checked(const Globals& g, const std::vector<StageBase*>& stages, const RecordReads& reads);

// Prints the errors to stderr and throws RecordsHaveErrors, if any.
void refuse_errors(const std::vector<Diagnostic>& diagnostics);

// The errors in what `reads` reads refuse (as above); the others are counted
// in one warning line on stderr (not with --quiet) and let the command go on.
void refuse_errors(const Globals& g, const std::vector<Diagnostic>& diagnostics, const RecordReads& reads);

// Scans and validates the one workspace the command works on: at a root of
// several workspaces a usage error naming them (pass --workspace DIR).
// Prints errors to stderr and throws RecordsHaveErrors when there are any;
// warnings pass.
ValidateResult load_checked(const Globals& g);
// The same, refusing only for errors in what `reads` reads.
ValidateResult load_checked(const Globals& g, const RecordReads& reads);
// Loads and validates without refusing: the command decides what it reads
// once it knows (the one meeting of `meeting minutes ID`), then calls
// refuse_errors(g, r.diagnostics, reads).
ValidateResult load_unchecked(const Globals& g);

// The one workspace of a loaded result.
const Workspace& single_workspace(const ValidateResult& r);

// Thai output: --lang, else the first workspace's locale.
bool thai_for(const Globals& g, const ValidateResult& r);
bool thai_for(const Globals& g, const PipelineResult& r);

// How many files a batch loads at once: KUDRANG_BATCH_FILES when set (the
// tests run with 1 and 3 to show the batches never change a result).
size_t batch_files_setting();

}  // namespace kudrang::cli
