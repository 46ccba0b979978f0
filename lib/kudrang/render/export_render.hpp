#pragma once
// One row of an exported table as a JSON Lines object or a CSV line (no
// byte-order mark: DuckDB and Spark read the file as it is).
#include "kudrang/core/flat_table.hpp"

#include <ostream>

namespace kudrang {

void render_jsonl_row(std::ostream& out, const TableSpec& t, const std::vector<Cell>& row);
void render_csv_header(std::ostream& out, const TableSpec& t);
void render_csv_row(std::ostream& out, const std::vector<Cell>& row);

}  // namespace kudrang
