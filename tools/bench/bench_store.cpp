// Measures candidate stores for the fact cache (issue 16): today's file
// (kudrang's FactCache as it was), LMDB and SQLite, on as many entries as a
// tree has files, each keyed by a display path, values of a given size.
//
//   bench_store MODE write|read PATH ENTRIES VALUE_BYTES
//     MODE: file | lmdb | sqlite
//   write: a cold run's writes (every entry new), in one run
//   read:  a warm run's reads: every entry looked up by its key, in the
//          order the tree is walked, and its bytes checksummed
// Time each with /usr/bin/time -f "%e %M" (wall seconds, peak RSS).
#include <lmdb.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#ifdef WITH_FACT_CACHE
#include "kudrang/records/fact_cache.hpp"
#endif

namespace {

std::string key_of(size_t i)
{
  // Like the benchmark trees: province/district/subdistrict/plans/2563/mNN.yaml
  char buf[128];
  std::snprintf(buf, sizeof buf, "p%02zu/d%03zu/t%05zu/%s/m%02zu.yaml", i / 20000, i / 270, i / 27,
                (i % 27) < 10 ? "plans/2563" : "meetings/2563", i % 27);
  return buf;
}

std::string value_of(size_t i, size_t n)
{
  std::string v(n, '\0');
  uint64_t x = i * 0x9e3779b97f4a7c15ull + 1;
  for (size_t k = 0; k < n; ++k) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    v[k] = static_cast<char>('a' + (x % 26));  // text-like, as the encoded facts are
  }
  return v;
}

uint64_t sum(const void* p, size_t n)
{
  uint64_t h = 1469598103934665603ull;
  auto* c = static_cast<const unsigned char*>(p);
  for (size_t k = 0; k < n; ++k) h = (h ^ c[k]) * 1099511628211ull;
  return h;
}

int die(const char* what, int rc)
{
  std::fprintf(stderr, "%s: %d\n", what, rc);
  return 1;
}

int run_lmdb(bool write, const char* path, size_t n, size_t size)
{
  MDB_env* env = nullptr;
  mdb_env_create(&env);
  mdb_env_set_mapsize(env, size_t(16) << 30);  // virtual: the file grows as written
  if (int rc = mdb_env_open(env, path, MDB_NOSUBDIR | (write ? 0 : MDB_RDONLY), 0644)) return die("open", rc);
  MDB_txn* txn = nullptr;
  MDB_dbi dbi;
  uint64_t total = 0;
  if (write) {
    // A cold run commits as it goes, a batch of entries a transaction.
    for (size_t first = 0; first < n; first += 2048) {
      mdb_txn_begin(env, nullptr, 0, &txn);
      mdb_dbi_open(txn, nullptr, 0, &dbi);
      for (size_t i = first; i < n && i < first + 2048; ++i) {
        std::string k = key_of(i), v = value_of(i, size);
        MDB_val mk{k.size(), k.data()}, mv{v.size(), v.data()};
        if (int rc = mdb_put(txn, dbi, &mk, &mv, 0)) return die("put", rc);
      }
      if (int rc = mdb_txn_commit(txn)) return die("commit", rc);
    }
  } else {
    mdb_txn_begin(env, nullptr, MDB_RDONLY, &txn);
    mdb_dbi_open(txn, nullptr, 0, &dbi);
    for (size_t i = 0; i < n; ++i) {
      std::string k = key_of(i);
      MDB_val mk{k.size(), k.data()}, mv;
      if (mdb_get(txn, dbi, &mk, &mv) == 0) total += sum(mv.mv_data, mv.mv_size);
    }
    mdb_txn_abort(txn);
  }
  mdb_env_close(env);
  std::printf("%llu\n", (unsigned long long)total);
  return 0;
}

int run_sqlite(bool write, const char* path, size_t n, size_t size)
{
  sqlite3* db = nullptr;
  if (int rc = sqlite3_open_v2(path, &db, write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY,
                               nullptr))
    return die("open", rc);
  // SQLITE_PAGE: page size of a new store (default 4096); as kudrang opens it:
  // WAL, synchronous=NORMAL, no mmap.
  if (const char* page = std::getenv("SQLITE_PAGE"))
    sqlite3_exec(db, (std::string("PRAGMA page_size=") + page).c_str(), nullptr, nullptr, nullptr);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
  uint64_t total = 0;
  if (write) {
    // SQLITE_LAYOUT=norowid: WITHOUT ROWID (else a rowid table and its key index).
    const char* layout = std::getenv("SQLITE_LAYOUT");
    bool rowid = !(layout && std::string(layout) == "norowid");
    sqlite3_exec(db, rowid ? "CREATE TABLE IF NOT EXISTS facts(key TEXT PRIMARY KEY, value BLOB)"
                           : "CREATE TABLE IF NOT EXISTS facts(key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* put = nullptr;
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO facts VALUES(?,?)", -1, &put, nullptr);
    for (size_t first = 0; first < n; first += 2048) {
      sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      for (size_t i = first; i < n && i < first + 2048; ++i) {
        std::string k = key_of(i), v = value_of(i, size);
        sqlite3_bind_text(put, 1, k.data(), int(k.size()), SQLITE_STATIC);
        sqlite3_bind_blob(put, 2, v.data(), int(v.size()), SQLITE_STATIC);
        if (sqlite3_step(put) != SQLITE_DONE) return die("put", sqlite3_errcode(db));
        sqlite3_reset(put);
      }
      if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return die("commit", 0);
    }
    sqlite3_finalize(put);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  } else {
    sqlite3_stmt* get = nullptr;
    sqlite3_prepare_v2(db, "SELECT value FROM facts WHERE key=?", -1, &get, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (size_t i = 0; i < n; ++i) {
      std::string k = key_of(i);
      sqlite3_bind_text(get, 1, k.data(), int(k.size()), SQLITE_STATIC);
      if (sqlite3_step(get) == SQLITE_ROW) total += sum(sqlite3_column_blob(get, 0), sqlite3_column_bytes(get, 0));
      sqlite3_reset(get);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(get);
  }
  sqlite3_close(db);
  std::printf("%llu\n", (unsigned long long)total);
  return 0;
}

#ifdef WITH_FACT_CACHE
int run_file(bool write, const char* path, size_t n, size_t size)
{
  kudrang::FactCache c(path, "bench");
  uint64_t total = 0;
  if (write) {
    for (size_t i = 0; i < n; ++i) c.remember_payload(key_of(i), kudrang::Digest{}, value_of(i, size));
    std::string error;
    if (!c.save(true, error)) return die(error.c_str(), 0);
  } else {
    for (size_t i = 0; i < n; ++i) {
      if (auto e = c.entry(key_of(i))) {
        if (auto b = c.payload(*e)) total += sum(b->data(), b->size());
      }
    }
  }
  std::printf("%llu\n", (unsigned long long)total);
  return 0;
}
#endif

}  // namespace

int main(int argc, char** argv)
{
  if (argc != 6) {
    std::fprintf(stderr, "usage: bench_store file|lmdb|sqlite write|read PATH ENTRIES VALUE_BYTES\n");
    return 2;
  }
  std::string mode = argv[1];
  bool write = std::string(argv[2]) == "write";
  size_t n = std::strtoull(argv[4], nullptr, 10), size = std::strtoull(argv[5], nullptr, 10);
  if (mode == "lmdb") return run_lmdb(write, argv[3], n, size);
  if (mode == "sqlite") return run_sqlite(write, argv[3], n, size);
#ifdef WITH_FACT_CACHE
  if (mode == "file") return run_file(write, argv[3], n, size);
#endif
  return 2;
}
