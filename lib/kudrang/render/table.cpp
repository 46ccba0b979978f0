#include "kudrang/render/table.hpp"

#include "kudrang/core/text.hpp"

#include <algorithm>

namespace kudrang {

MarkdownTable::MarkdownTable(std::vector<std::string> headers, std::vector<Align> align)
  : m_headers(std::move(headers)), m_align(std::move(align))
{
  m_align.resize(m_headers.size(), Align::left);
}

void MarkdownTable::add_row(std::vector<std::string> cells)
{
  cells.resize(m_headers.size());
  m_rows.push_back(std::move(cells));
}

void MarkdownTable::write(std::ostream& out) const
{
  std::vector<size_t> width(m_headers.size(), 3);
  for (size_t i = 0; i < m_headers.size(); ++i) width[i] = std::max(width[i], display_width(m_headers[i]));
  for (const auto& row : m_rows) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    out << '|';
    for (size_t i = 0; i < cells.size(); ++i) {
      out << ' '
          << (m_align[i] == Align::right ? pad_left(cells[i], width[i]) : pad_right(cells[i], width[i]))
          << " |";
    }
    out << '\n';
  };
  line(m_headers);
  out << '|';
  for (size_t i = 0; i < width.size(); ++i) {
    out << (m_align[i] == Align::right ? ' ' + std::string(width[i], '-') + ":|"
                                       : ' ' + std::string(width[i], '-') + " |");
  }
  out << '\n';
  for (const auto& row : m_rows) line(row);
}

std::string md_cell(std::string_view s)
{
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace kudrang
