#pragma once
// Writing .xlsx workbooks (issue 14) with libxlsxwriter: every report as a
// real workbook, and the village plan form. A workbook is a list of sheets,
// each a table with a header row (frozen, bold) under optional title lines,
// cells typed as numbers, money (two decimals, separators), percents, dates
// (shown in the Buddhist Era), yes/no or text, columns as wide as their
// Thai text. libxlsxwriter writes to a path: it writes into a private
// temporary folder, and the bytes then go to the target through
// io/safe_write, so nothing half-written appears and nothing is overwritten.
#include "kudrang/core/date.hpp"
#include "kudrang/core/money.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kudrang {

struct XlsxCell {
  enum class Kind { empty, text, integer, number, money, percent, date, boolean };
  Kind kind = Kind::empty;
  std::string text;
  double number = 0;  // integer, number; percent as a fraction (0.3 = 30%)
  Money money;
  Date date;

  static XlsxCell of(std::string s)
  {
    XlsxCell c;
    c.kind = Kind::text;
    c.text = std::move(s);
    return c;
  }
  static XlsxCell integer(long long v)
  {
    XlsxCell c;
    c.kind = Kind::integer;
    c.number = static_cast<double>(v);
    return c;
  }
  static XlsxCell decimal(double v)
  {
    XlsxCell c;
    c.kind = Kind::number;
    c.number = v;
    return c;
  }
  static XlsxCell baht(Money m)
  {
    XlsxCell c;
    c.kind = Kind::money;
    c.money = m;
    return c;
  }
  // A percent from a numerator and denominator; empty when den is 0.
  static XlsxCell percent(long long num, long long den)
  {
    XlsxCell c;
    if (den == 0) return c;
    c.kind = Kind::percent;
    c.number = static_cast<double>(num) / static_cast<double>(den);
    return c;
  }
  static XlsxCell day(Date d)
  {
    XlsxCell c;
    c.kind = Kind::date;
    c.date = d;
    return c;
  }
  static XlsxCell yes_no(bool b)
  {
    XlsxCell c;
    c.kind = Kind::boolean;
    c.number = b ? 1 : 0;
    return c;
  }
};

// A dropdown (data validation list) on rows [first_row, last_row] of a
// column, 0-based and counted from the header row (0 = first row under it).
struct XlsxDropdown {
  std::size_t col = 0;
  std::size_t first_row = 0;
  std::size_t last_row = 0;
  std::vector<std::string> choices;
};

struct XlsxSheet {
  std::string name;                 // at most 31 characters, none of []:*?/\ .
  std::vector<std::string> title;   // lines above the header (bold), may be empty
  std::vector<std::string> headers;
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<XlsxDropdown> dropdowns;
  std::size_t blank_rows = 0;       // empty rows to leave for filling in (a form)
};

struct XlsxBook {
  std::vector<XlsxSheet> sheets;
};

// The workbook as .xlsx bytes; nullopt with `error` when libxlsxwriter fails.
std::optional<std::string> xlsx_bytes(const XlsxBook& book, std::string& error);

// The header row's 0-based row index in a sheet (after its title lines and
// one blank line when there is a title).
std::size_t xlsx_header_row(const XlsxSheet& sheet);

}  // namespace kudrang
