#pragma once
// A Markdown pipe table whose columns line up in a terminal: cells are padded
// by display width, so Thai vowel and tone marks take no column.
#include <ostream>
#include <string>
#include <vector>

namespace kudrang {

class MarkdownTable {
public:
  enum class Align { left, right };

  explicit MarkdownTable(std::vector<std::string> headers, std::vector<Align> align = {});
  void add_row(std::vector<std::string> cells);
  void write(std::ostream& out) const;
  bool empty() const { return m_rows.empty(); }

private:
  std::vector<std::string> m_headers;
  std::vector<Align> m_align;
  std::vector<std::vector<std::string>> m_rows;
};

// A Markdown cell: pipes escaped, line breaks folded to spaces.
std::string md_cell(std::string_view s);

}  // namespace kudrang
