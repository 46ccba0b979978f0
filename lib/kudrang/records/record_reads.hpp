#pragma once
// Which records a command reads, and which errors therefore hold it back
// (issue 12, point 7: documents are not held hostage by errors in records
// they do not read). `validate` reads everything; a document or report
// command declares the kinds it reads (and the single files, such as the one
// meeting whose minutes it prints).
#include "kudrang/core/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

struct RecordReads {
  bool everything = true;
  // Record kinds read whole ("roster", "meeting", ...). The workspace's own
  // kudrang.yaml is always read.
  std::vector<std::string> kinds;
  // Record files read although their kind is not in `kinds` (display paths).
  std::vector<std::string> files;

  static RecordReads all() { return {}; }
  static RecordReads of(std::vector<std::string> kinds, std::vector<std::string> files = {})
  {
    return {false, std::move(kinds), std::move(files)};
  }
};

// What the rule reports read (one list each, used by every command that
// shows them). Grades: the plans, the criteria (the review year's
// thresholds), and the development plan and budget (criterion 3).
inline RecordReads grade_reads() { return RecordReads::of({"community-plan", "criteria", "development-plan", "budget"}); }
// Certification: the grades and the certifications.
inline RecordReads certify_reads()
{
  return RecordReads::of({"community-plan", "criteria", "development-plan", "budget", "certification"});
}
// The model-LAO rules (budget check): the village plans, the integrated
// plan (its ranking decides the 30% rule's eligible set), the development
// plan and the budget.
inline RecordReads integration_reads()
{
  return RecordReads::of({"community-plan", "integrated-plan", "development-plan", "budget"});
}
// The success levels: the grades' records and the integrated plan (level 4).
inline RecordReads levels_reads()
{
  return RecordReads::of({"community-plan", "criteria", "integrated-plan", "development-plan", "budget"});
}

// The errors of `diagnostics` split by whether they concern what `reads`
// reads. An error counts as read unless its file is known to hold a record of
// a kind not read: files are told apart by their `kind:` line (a file too
// broken to parse still shows it), so a file without one, a folder, or the
// workspace's kudrang.yaml always counts. `root`: what display paths are
// relative to.
struct ErrorsByReads {
  std::vector<Diagnostic> read;  // the errors that hold the command back, in order
  size_t other = 0;              // errors in records the command does not read
  size_t other_files = 0;        // ... in that many files
};
ErrorsByReads partition_errors(const std::vector<Diagnostic>& diagnostics, const RecordReads& reads,
                               const std::filesystem::path& root);

// The record kind a YAML text names on a top-level `kind:` line, "" when none
// (read from the text alone, so it works for files that do not parse).
std::string kind_line_of(std::string_view text);

}  // namespace kudrang
