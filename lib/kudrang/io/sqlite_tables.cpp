#include "kudrang/io/sqlite_tables.hpp"

#include <sqlite3.h>

namespace kudrang {

namespace {

// An identifier quoted for SQL (names are ours, but quoting costs nothing).
std::string quoted(const std::string& name)
{
  std::string q = "\"";
  for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

bool SqliteTables::check(int rc, const char* what)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
  if (m_error.empty()) m_error = std::string(what) + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
  return false;
}

SqliteTables::SqliteTables(const std::filesystem::path& path, const std::vector<TableSpec>& tables)
{
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    m_error = "'" + path.string() + "' exists";
    return;
  }
  if (!check(sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                             nullptr),
             "open")) {
    return;
  }
  // One writer, one transaction: no journal file to leave behind.
  if (!check(sqlite3_exec(m_db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr),
             "begin")) {
    return;
  }
  for (const auto& t : tables) {
    std::string create = "CREATE TABLE " + quoted(t.name) + " (";
    std::string insert = "INSERT INTO " + quoted(t.name) + " VALUES (";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      create += (i ? ", " : "") + quoted(t.columns[i].name) + (t.columns[i].type == ColumnType::text ? " TEXT" : " INTEGER");
      insert += i ? ", ?" : "?";
    }
    if (!check(sqlite3_exec(m_db, (create + ")").c_str(), nullptr, nullptr, nullptr), "create table")) return;
    sqlite3_stmt* st = nullptr;
    if (!check(sqlite3_prepare_v2(m_db, (insert + ")").c_str(), -1, &st, nullptr), "prepare")) return;
    m_insert.push_back(st);
  }
}

SqliteTables::~SqliteTables()
{
  for (auto* st : m_insert) sqlite3_finalize(st);
  if (m_db) sqlite3_close(m_db);
}

void SqliteTables::insert(size_t table, const std::vector<Cell>& row)
{
  if (!m_error.empty() || table >= m_insert.size()) return;
  sqlite3_stmt* st = m_insert[table];
  for (size_t i = 0; i < row.size(); ++i) {
    int at = static_cast<int>(i + 1);
    int rc = SQLITE_OK;
    if (auto* n = std::get_if<int64_t>(&row[i])) rc = sqlite3_bind_int64(st, at, *n);
    else if (auto* b = std::get_if<bool>(&row[i])) rc = sqlite3_bind_int(st, at, *b ? 1 : 0);
    else if (auto* s = std::get_if<std::string>(&row[i]))
      rc = sqlite3_bind_text(st, at, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    else rc = sqlite3_bind_null(st, at);
    if (!check(rc, "bind")) return;
  }
  check(sqlite3_step(st), "insert");
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

bool SqliteTables::finish()
{
  if (!m_error.empty()) return false;
  return check(sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr), "commit");
}

}  // namespace kudrang
