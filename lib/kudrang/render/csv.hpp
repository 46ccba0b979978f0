#pragma once
// CSV for Excel: UTF-8 with a byte-order mark (or Thai turns to mojibake),
// RFC 4180 quoting, CRLF line ends, one value per cell.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

class CsvWriter {
public:
  // Writes the byte-order mark (Excel needs it; `bom` false for programs such
  // as Spark that would take it into the first column's name).
  explicit CsvWriter(std::ostream& out, bool bom = true);
  void row(const std::vector<std::string>& cells);

private:
  std::ostream& m_out;
};

std::string csv_field(std::string_view s);

}  // namespace kudrang
