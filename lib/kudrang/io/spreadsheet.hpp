#pragma once
// Reading spreadsheets a clerk hands over (issue 14): .xlsx and .ods through
// liborcus (its import interfaces, implemented here: no document model, no
// Boost), .csv in UTF-8 (with or without BOM) or Windows-874/TIS-620 (what
// Thai Excel saves as "CSV"), converted with glibc iconv. Cells come back as
// what the file holds (text, number, boolean, date-time); what a cell means
// (a date typed as text, a serial number) is decided by the caller, which
// names the cell by its address (Sheet1!C7) when it refuses one.
#include "kudrang/core/date.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kudrang {

struct SheetCell {
  enum class Kind { empty, text, number, boolean, date };
  Kind kind = Kind::empty;
  std::string text;    // text cells (UTF-8, as written)
  double number = 0;   // number cells; for booleans 0/1
  Date date;           // date cells (ods date-time values)

  bool empty() const { return kind == Kind::empty || (kind == Kind::text && text.empty()); }
};

struct Sheet {
  std::string name;
  std::vector<std::vector<SheetCell>> rows;  // rows[row][col], 0-based; ragged

  const SheetCell& at(std::size_t row, std::size_t col) const;
};

struct Workbook {
  std::string format;  // "xlsx", "ods", "csv"
  std::string encoding;  // for csv: "UTF-8", "UTF-8 with BOM", "Windows-874"
  std::vector<Sheet> sheets;
};

// "A1" style address of a 0-based cell: (6, 2) -> "C7".
std::string cell_address(std::size_t row, std::size_t col);
// 0-based column of a column name "A".."XFD"; nullopt when not one.
std::optional<std::size_t> column_index(std::string_view letters);

// Reads `path` by its extension (.xlsx, .ods, .csv; case-insensitive). On
// failure returns nullopt and `error` says what a clerk can do. A CSV file's
// one sheet is named after the file's stem.
std::optional<Workbook> read_spreadsheet(const std::filesystem::path& path, std::string& error);
// The same from bytes already read (format: "xlsx", "ods" or "csv").
std::optional<Workbook> read_spreadsheet_bytes(std::string_view bytes, std::string_view format,
                                              std::string_view sheet_name, std::string& error);

// Converts CSV bytes to UTF-8: strips a UTF-8 BOM, keeps valid UTF-8, else
// reads Windows-874 (a superset of TIS-620). `encoding` names what it found.
std::optional<std::string> csv_to_utf8(std::string_view bytes, std::string& encoding, std::string& error);

}  // namespace kudrang
