#pragma once
// --format xlsx -o FILE (issue 14): a workbook written through a private
// temporary and moved into place by io/safe_write (never overwritten).
#include "context.hpp"

#include "kudrang/io/xlsx_writer.hpp"

#include <string>

namespace kudrang::cli {

// Writes `book` to the new file `out` (required: a workbook is not for a
// terminal). An existing `out`: IoError, no file.
void emit_xlsx(const XlsxBook& book, const std::string& out, const Globals& g);

}  // namespace kudrang::cli
