#include "kudrang/render/csv.hpp"

namespace kudrang {

CsvWriter::CsvWriter(std::ostream& out) : m_out(out)
{
  m_out << "\xEF\xBB\xBF";
}

std::string csv_field(std::string_view s)
{
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos
               || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  // A leading = + - @ would make Excel run a formula: keep it text.
  bool formula = !s.empty() && (s.front() == '=' || s.front() == '+' || s.front() == '@');
  if (!quote && !formula) {
    return std::string(s);
  }
  std::string out = "\"";
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvWriter::row(const std::vector<std::string>& cells)
{
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) m_out << ',';
    m_out << csv_field(cells[i]);
  }
  m_out << "\r\n";
}

}  // namespace kudrang
