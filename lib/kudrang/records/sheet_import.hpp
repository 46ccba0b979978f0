#pragma once
// From spreadsheet cells to record values (issue 14). The cells come from
// io/spreadsheet; here is what they mean: dates written as Excel serial
// numbers, as ISO or d/m/y text in the BE or CE, or with Thai month names
// ("14 ต.ค. 68"); numbers in Thai digits; the roster sheet's columns, found
// by their Thai or English headers. Every refusal names its cell.
#include "kudrang/io/spreadsheet.hpp"
#include "kudrang/records/roster.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

// A cell that cannot be read: "Sheet1!C7" and what is wrong, for a clerk.
struct SheetProblem {
  std::string where;
  std::string message;
};

// "๑๒" -> "12"; other text unchanged.
std::string ascii_digits(std::string_view s);
// Text of a cell, trimmed (numbers as written without a trailing ".0").
std::string cell_text(const SheetCell& c);
// The date a cell holds: a date cell, an Excel serial number (1900 system),
// or text: 2025-10-14, 14/10/2568, 14/10/68 (BE), 14 ต.ค. 68, 1 ตุลาคม 2562.
// Empty cells give nullopt with `why` empty.
std::optional<Date> cell_date(const SheetCell& c, std::string& why);
// A whole number: a number cell without fraction, or text of digits (Thai or
// ASCII) with an optional prefix word such as หมู่ / หมู่ที่ / ม.
std::optional<long> cell_integer(const SheetCell& c, std::string& why);
// A yes/no cell: TRUE/FALSE, 1/0, ใช่/ไม่ใช่, มี/ไม่มี, yes/no, ✓.
std::optional<bool> cell_bool(const SheetCell& c, std::string& why);
// A name compared leniently: spaces dropped, Thai and English titles (นาย,
// นาง, นางสาว, น.ส., Mr, Mrs, Ms) left off the front.
std::string name_key(std::string_view name);
// A header compared leniently: no spaces, dashes, dots, underscores,
// brackets, slashes or colons; ASCII lower case.
std::string header_key(std::string_view header);
// "ท้องที่" or "local-administration" (or the English words) -> Sector.
Sector sector_from_text(std::string_view s);

// The roster sheet read: which column became which field, and one member
// per filled row (ids not yet given).
struct RosterSheet {
  std::string sheet;
  std::size_t header_row = 0;  // 0-based
  struct Column {
    std::size_t col = 0;
    std::string header;  // as written
    std::string field;   // name, title, role, sector, village, from, until; empty: ignored
  };
  std::vector<Column> columns;
  struct Row {
    std::size_t row = 0;  // 0-based
    Member member;
  };
  std::vector<Row> rows;
  std::vector<SheetProblem> problems;
};

// Finds the roster columns in the first sheet that has a name header (in
// the first five rows) and reads every row below. `villages` are the village
// numbers of the workspace (a member's village must be one of them).
RosterSheet read_roster_sheet(const Workbook& book, const std::set<int>& villages);

}  // namespace kudrang
