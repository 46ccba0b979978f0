#include "kudrang/render/export_render.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

namespace kudrang {

void render_jsonl_row(std::ostream& out, const TableSpec& t, const std::vector<Cell>& row)
{
  JsonWriter w(out, false);
  w.begin_object();
  for (size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
    w.key(t.columns[i].name);
    if (auto* n = std::get_if<int64_t>(&row[i])) w.value(static_cast<long long>(*n));
    else if (auto* s = std::get_if<std::string>(&row[i])) w.value(*s);
    else if (auto* b = std::get_if<bool>(&row[i])) w.value(*b);
    else w.null();
  }
  w.end_object();
  w.finish();
}

void render_csv_header(std::ostream& out, const TableSpec& t)
{
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.emplace_back(c.name);
  CsvWriter(out, false).row(names);
}

void render_csv_row(std::ostream& out, const std::vector<Cell>& row)
{
  std::vector<std::string> cells;
  for (const auto& c : row) {
    if (auto* n = std::get_if<int64_t>(&c)) cells.push_back(fmt::format("{}", *n));
    else if (auto* s = std::get_if<std::string>(&c)) cells.push_back(*s);
    else if (auto* b = std::get_if<bool>(&c)) cells.emplace_back(*b ? "true" : "false");
    else cells.emplace_back();
  }
  CsvWriter(out, false).row(cells);
}

}  // namespace kudrang
