#pragma once
// Rows into a new SQLite database, through the Debian library (libsqlite3):
// one table per name with the given columns, all rows in one transaction, so
// the file holds every row or is not kept. The caller moves the finished
// file into place (nothing is ever written over an existing file).
#include "kudrang/core/flat_table.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kudrang {

class SqliteTables {
public:
  // Creates the database at `path` (which must not exist) with `tables`
  // (booleans as INTEGER 0/1). On failure `error()` says why and every call
  // does nothing.
  SqliteTables(const std::filesystem::path& path, const std::vector<TableSpec>& tables);
  ~SqliteTables();
  SqliteTables(const SqliteTables&) = delete;
  SqliteTables& operator=(const SqliteTables&) = delete;

  void insert(size_t table, const std::vector<Cell>& row);
  // Commits; false (with error()) when anything failed on the way.
  bool finish();
  const std::string& error() const { return m_error; }

private:
  bool check(int rc, const char* what);
  sqlite3* m_db = nullptr;
  std::vector<sqlite3_stmt*> m_insert;
  std::string m_error;
};

}  // namespace kudrang
