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
  // Writes the byte-order mark.
  explicit CsvWriter(std::ostream& out);
  void row(const std::vector<std::string>& cells);

private:
  std::ostream& m_out;
};

std::string csv_field(std::string_view s);

}  // namespace kudrang
