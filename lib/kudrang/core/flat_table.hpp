#pragma once
// A flat table of typed cells: what `kudrang export` writes as JSON Lines,
// CSV or SQLite.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kudrang {

// A cell: empty (null), a whole number, text or a truth value.
using Cell = std::variant<std::monostate, int64_t, std::string, bool>;

enum class ColumnType { integer, text, boolean };

struct Column {
  const char* name;
  ColumnType type;
  const char* meaning;  // for the man page
};

struct TableSpec {
  const char* name;
  std::vector<Column> columns;
};

}  // namespace kudrang
