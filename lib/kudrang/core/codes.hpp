#pragma once
// Every diagnostic code kudrang emits, with what it means. Codes are a
// contract (CI scripts match on them): never rename one, only add. A test
// checks that each code here is emitted somewhere, pinned by a golden case
// and described in man/kudrang-validate.1.
#include <string_view>

namespace kudrang {

struct DiagnosticCode {
  std::string_view code;
  std::string_view meaning;
};

inline constexpr DiagnosticCode diagnostic_codes[] = {
  // Reading files
  {"io-read", "a file or directory could not be read"},
  {"file-too-large", "the file is larger than a record may be"},
  {"file-empty", "the file holds no record"},
  {"encoding-utf8", "the file is not valid UTF-8 (e.g. saved as TIS-620)"},
  {"encoding-bom", "a byte-order mark at the start (warning) or inside the file (error)"},
  {"encoding-utf16", "the file is saved as UTF-16 or UTF-32, not UTF-8"},
  {"encoding-control", "an invisible control character (NUL, ESC, DEL, ...) in the file or a value"},
  {"dir-too-deep", "directories nested too deeply to search (warning)"},
  {"dir-link", "a link to a folder, not followed (warning)"},
  {"file-link", "a record file that is a link (never read through)"},
  {"file-name-encoding", "a record file whose name is not UTF-8"},
  {"submodule-not-fetched", "an LAO repository (git submodule) that is an empty folder: not checked or counted "
                            "(warning; an error for --changed when it changed)"},
  {"submodule-removed", "an LAO repository (git submodule) removed since the revision --changed compares with (warning)"},
  {"submodule-commit-missing", "--changed could not get the commit recorded before for a changed submodule"},
  {"file-not-read", "a file named almost like a record (roster.YAML, roster.yaml.txt, a kind: file without .yaml): not read (warning)"},
  // YAML
  {"yaml-syntax", "the YAML cannot be parsed"},
  {"yaml-tab", "a tab is used for indentation"},
  {"yaml-duplicate-key", "a key appears twice in one mapping"},
  {"yaml-multi-document", "more than one document ('---') in one file"},
  {"yaml-not-mapping", "the document is not a mapping of keys"},
  {"yaml-too-deep", "nesting deeper than the limit"},
  {"yaml-too-many-nodes", "the document expands to too many values (alias bomb)"},
  {"yaml-tag", "an explicit YAML tag kudrang does not accept"},
  {"yaml-complex-key", "a key that is a list or mapping"},
  // Records and schemas
  {"kind-missing", "the record has no 'kind:'"},
  {"kind-unknown", "'kind:' names no known record kind"},
  {"schema-required", "a required key is missing"},
  {"schema-unknown-key", "a key the record kind does not have (typo?)"},
  {"schema-type", "a value of the wrong type"},
  {"schema-enum", "a value not among the allowed words (or not the one required)"},
  {"schema-pattern", "a value not of the required form (id, date, time)"},
  {"schema-range", "a number below its minimum or above its maximum"},
  {"number-too-large", "a number too large to keep exactly (beyond 64 bits)"},
  {"schema-items", "a list with too few or too many items"},
  {"schema-length", "a text that is empty or too long"},
  {"year-ce", "a year that looks like CE where a BE year is required"},
  {"date-invalid", "a date that is not in the calendar"},
  {"money-invalid", "money with more than 2 decimals or in another form"},
  {"period-order", "a period or membership that ends before it starts"},
  {"quorum-invalid", "a quorum that is not a share between 0 and 1"},
  // The workspace
  {"workspace-missing", "no usable kudrang.yaml for these records"},
  {"workspace-misplaced", "a 'kind: workspace' record outside kudrang.yaml"},
  {"code-invalid", "a village code that does not match the area code and village number"},
  {"village-numbering", "villages not numbered 1 to n (warning)"},
  {"id-duplicate", "an id used twice within its kind"},
  {"ref-unknown", "a reference to an id that does not exist"},
  {"ref-unreadable", "references not checked because a file of the workspace could not be read (warning)"},
  // Meetings
  {"date-fiscal-year", "a meeting date outside the fiscal year of its id"},
  {"time-order", "a meeting that ends before it starts"},
  {"attendance-required", "a held meeting without attendance"},
  {"attendance-duplicate", "a member in more than one attendance list"},
  {"attendance-missing", "a current member in no attendance list (warning)"},
  {"attendance-role", "the chair or the recorder is not in the present list (warning)"},
  {"attendance-not-member", "a member listed at a meeting before joining or after leaving (warning)"},
  {"quorum-not-met", "a held meeting with fewer members present than the quorum (warning)"},
  {"meeting-overdue", "a meeting dated before today still planned or invited (warning)"},
  {"meeting-project-missing", "a meeting naming no project where a project sheet counts meetings (warning)"},
  {"meeting-date-duplicate", "two held meetings on the same day"},
  {"agenda-numbering", "agenda items not numbered 1, 2, 3, ... (warning)"},
  // Plans, certification, development plan, budget
  {"households-inconsistent", "more households taking part than there are"},
  {"criteria-sum", "criteria points that do not add up"},
  {"score-missing", "an indicator of the criteria set left unscored"},
  {"score-unknown", "a score for an indicator the criteria set does not have"},
  {"score-range", "a score above its indicator's maximum"},
  {"year-outside-period", "money planned outside the plan's period (warning)"},
  // The integrated subdistrict plan (kind: integrated-plan)
  {"forum-date-year", "the subdistrict forum's date is outside the plan's review year"},
  {"integrated-dropped", "the integrated plan lists a project its village plan dropped"},
  {"integrated-duplicate", "a village-plan project listed twice in the integrated plan"},
  {"integrated-missing", "a not-dropped village-plan project of the year missing from the integrated plan"},
  {"integrated-rank", "ranks of the integrated plan not 1..n, each once"},
  {"integrated-agency", "a project carried by another agency that names none"},
  {"integrated-village-absent", "a village with no project in the integrated plan (warning)"},
  {"integrated-dimensions", "an integrated plan covering fewer than 3 development dimensions (warning)"},
  {"budget-unplanned", "a budget line whose project plans no money that year (warning)"},
  {"budget-over-plan", "a budget line larger than the planned money (warning)"},
};

}  // namespace kudrang
