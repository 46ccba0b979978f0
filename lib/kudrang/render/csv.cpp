#include "kudrang/render/csv.hpp"

namespace kudrang {

namespace {

// -5, 12.50, +3: a number Excel reads as a number, never as a formula.
bool plain_number(std::string_view s)
{
  size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i < s.size() && s[i] == '.') {
    size_t frac = 0;
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  return i == s.size();
}

}  // namespace

CsvWriter::CsvWriter(std::ostream& out, bool bom) : m_out(out)
{
  if (bom) m_out << "\xEF\xBB\xBF";
}

std::string csv_field(std::string_view s)
{
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos
               || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  // A leading = + - @ TAB or CR can make a spreadsheet run a formula (OWASP
  // CSV injection): keep it text with a leading quote, unless it is a number.
  bool formula = !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos
                 && !plain_number(s);
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
