#pragma once
// Changing a record file in place, shared by the commands that edit records
// (meeting held/cancel/move/attend, roster import/add): the changed text is
// validated with the rest of the workspace before the file is replaced.
#include "context.hpp"

#include "kudrang/records/record_edit.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace kudrang::cli {

// Reads the record file `display` (relative to `root`), applies `change`,
// checks the workspace with the changed text in place of the file, and
// replaces the file (printing its path). Nothing changed: says so. Errors
// after the change: printed, RecordsHaveErrors, the file untouched. With
// `expected`, the file must still hold that text (what a clerk looked at
// while the checklist was open), else nothing is written.
void edit_record(const Globals& g, const std::filesystem::path& root, const std::string& display,
                 const std::function<void(RecordText&)>& change, const std::string* expected = nullptr);

// Creates the new record file `display` (relative to `root`) with `text`
// after checking the workspace with it added; never overwrites.
void create_record(const Globals& g, const std::filesystem::path& root, const std::string& display,
                   const std::string& text);

}  // namespace kudrang::cli
