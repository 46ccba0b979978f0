#include "kudrang/records/fact_cache.hpp"

#include "kudrang/core/version.hpp"

#include "kudrang/core/hash.hpp"
#include "kudrang/records/record_codec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <thread>
#include <unordered_set>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

// The store's format: a new one starts a new store (the old one is replaced).
constexpr std::string_view store_format = "kudrang-facts 4";  // 4: SQLite
// A file modified this close before the run that recorded it may change again
// without its stamp changing (coarse clocks): its content is compared.
constexpr int64_t racy_window_ns = 2'000'000'000;
// New rows are written in transactions of about this many bytes.
constexpr size_t batch_bytes = 8u << 20;
// How long a run waits for another run's write before giving up saving.
constexpr int busy_ms = 3000;
// A row: stamp, digest, limits, time recorded, the bytes, then a checksum of
// the key and all of that.
constexpr size_t row_head = 4 * 8 + sizeof(Digest) + 3 * 8 + 8;

int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

template <class T>
void put_raw(std::string& out, const T& x)
{
  out.append(reinterpret_cast<const char*>(&x), sizeof x);
}

template <class T>
T get_raw(const char*& p)
{
  T x{};
  std::memcpy(&x, p, sizeof x);
  p += sizeof x;
  return x;
}

std::string encode_row(const std::string& key, const FactCache::Entry& e)
{
  std::string row;
  row.reserve(row_head + e.bytes.size() + 8);
  put_raw(row, e.stamp.size);
  put_raw(row, e.stamp.mtime_ns);
  put_raw(row, e.stamp.ctime_ns);
  put_raw(row, e.stamp.inode);
  put_raw(row, e.content_digest);
  put_raw(row, static_cast<uint64_t>(e.limits.max_bytes));
  put_raw(row, static_cast<int64_t>(e.limits.max_depth));
  put_raw(row, static_cast<uint64_t>(e.limits.max_nodes));
  put_raw(row, e.recorded_at);
  row.append(e.bytes);
  put_raw(row, hash_bytes(row, hash_bytes(key)));
  return row;
}

std::optional<FactCache::Entry> decode_row(std::string_view key, std::string_view row)
{
  if (row.size() < row_head + 8) return std::nullopt;
  uint64_t sum = 0;
  std::memcpy(&sum, row.data() + row.size() - 8, 8);
  if (hash_bytes(row.substr(0, row.size() - 8), hash_bytes(key)) != sum) return std::nullopt;
  FactCache::Entry e;
  const char* p = row.data();
  e.stamp.size = get_raw<uint64_t>(p);
  e.stamp.mtime_ns = get_raw<int64_t>(p);
  e.stamp.ctime_ns = get_raw<int64_t>(p);
  e.stamp.inode = get_raw<uint64_t>(p);
  e.content_digest = get_raw<Digest>(p);
  e.limits.max_bytes = static_cast<size_t>(get_raw<uint64_t>(p));
  e.limits.max_depth = static_cast<int>(get_raw<int64_t>(p));
  e.limits.max_nodes = static_cast<size_t>(get_raw<uint64_t>(p));
  e.recorded_at = get_raw<int64_t>(p);
  e.bytes.assign(p, row.data() + row.size() - 8);
  return e;
}

bool is_result_key(std::string_view key) { return !key.empty() && key[0] == '\0'; }

// What exists at `p`: nothing, a regular file, or something else (a pipe, a
// link, a folder: never opened, it could block or point elsewhere).
enum class PathKind { none, file, other };
PathKind kind_of(const fs::path& p)
{
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) return errno == ENOENT ? PathKind::none : PathKind::other;
  return S_ISREG(st.st_mode) ? PathKind::file : PathKind::other;
}

// The first line of a small file, without its line end.
std::optional<std::string> first_line(const fs::path& file)
{
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;  // never a pipe: it could block
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
  return line;
}

bool is_hex_id(std::string_view s)
{
  if (s.size() != 40 && s.size() != 64) return false;  // SHA-1 or SHA-256 object ids
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// What git itself checks before it accepts a directory as a repository
// (setup.c: is_git_directory): a HEAD that is a symbolic ref into refs/ or
// an object id, and objects/ and refs/ folders (in the common directory a
// linked worktree's `commondir` names).
bool is_git_directory(const fs::path& dir)
{
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  fs::path head = dir / "HEAD";
  bool head_ok = false;
  if (fs::is_symlink(head, ec)) {
    head_ok = fs::read_symlink(head, ec).generic_string().rfind("refs/", 0) == 0;
  } else if (auto line = first_line(head)) {
    std::string_view h = *line;
    if (h.rfind("ref:", 0) == 0) {
      h.remove_prefix(4);
      while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.remove_prefix(1);
      head_ok = h.rfind("refs/", 0) == 0;
    } else {
      head_ok = is_hex_id(h);
    }
  }
  if (!head_ok) return false;
  fs::path common = dir;
  if (auto c = first_line(dir / "commondir")) {
    fs::path p = *c;
    common = p.is_absolute() ? p : dir / p;
  }
  return fs::is_directory(common / "objects", ec) && fs::is_directory(common / "refs", ec);
}

// The git directory holding `dir`, found without running git. A `.git` that
// is not a real git directory (a `.git` file naming some other folder) gives
// nothing: the cache is never written where such a file points.
std::optional<fs::path> git_dir_of(fs::path dir)
{
  std::error_code ec;
  while (true) {
    fs::path dot = dir / ".git";
    auto st = fs::symlink_status(dot, ec);
    if (fs::is_directory(st)) {
      if (is_git_directory(dot)) return dot;
      return std::nullopt;
    }
    if (fs::is_regular_file(st)) {  // a worktree or submodule: "gitdir: PATH"
      auto line = first_line(dot);
      if (!line || line->rfind("gitdir: ", 0) != 0) return std::nullopt;
      fs::path p = line->substr(8);
      if (p.empty()) return std::nullopt;
      p = p.is_absolute() ? p : dir / p;
      if (is_git_directory(p)) return p;
      return std::nullopt;
    }
    if (st.type() != fs::file_type::not_found) return std::nullopt;  // a link or anything odd: not trusted
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

// What the cache of earlier versions left: its file (facts-*.bin, the same
// name but for the extension) and its temporaries (".facts-*.tmp") older than
// a minute (a younger one may belong to a run still going).
void remove_old_format(const fs::path& file)
{
  std::error_code ec;
  fs::path old = file;
  old.replace_extension(".bin");
  if (kind_of(old) == PathKind::file) fs::remove(old, ec);
  auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(file.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(".facts-", 0) != 0 || name.size() < 4 || name.compare(name.size() - 4, 4, ".tmp") != 0) continue;
    std::error_code ec2;
    auto t = fs::last_write_time(it->path(), ec2);
    if (!ec2 && now - t > std::chrono::minutes(1)) fs::remove(it->path(), ec2);
  }
}

}  // namespace

namespace {

FileStamp stamp_from(const struct stat& st)
{
  FileStamp s;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.inode = static_cast<uint64_t>(st.st_ino);
  return s;
}

}  // namespace

std::optional<FileStamp> stamp_of(const fs::path& path)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_from(st);
}


std::vector<std::optional<FileStamp>> stamp_files(const FileTree& tree, const std::vector<size_t>& members)
{
  std::vector<std::optional<FileStamp>> out;
  out.reserve(members.size());
  std::string_view dir;  // the folder `fd` holds open
  int fd = -1;
  for (size_t i : members) {
    const std::string& path = tree.files[i].path;
    size_t slash = path.rfind('/');
    std::string_view parent = slash == std::string::npos ? std::string_view(".") : std::string_view(path).substr(0, slash + 1);
    if (fd < 0 || parent != dir) {
      if (fd >= 0) ::close(fd);
      std::string p(parent);
      fd = ::open(p.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
      dir = parent;
    }
    struct stat st {};
    const char* name = path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
    bool ok = fd >= 0 ? ::fstatat(fd, name, &st, 0) == 0 : ::stat(path.c_str(), &st) == 0;
    out.push_back(ok ? std::optional<FileStamp>(stamp_from(st)) : std::nullopt);
  }
  if (fd >= 0) ::close(fd);
  return out;
}

fs::path default_cache_file(const fs::path& root)
{
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(root, ec), ec);
  std::string name = fmt::format("facts-{}.sqlite", digest_hex(content_digest(abs.string()), 16));
  if (const char* dir = std::getenv("KUDRANG_CACHE_DIR"); dir && *dir) return fs::path(dir) / name;
  if (auto git = git_dir_of(abs)) return *git / "kudrang" / name;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "kudrang" / name;
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "kudrang" / name;
  return abs / ".kudrang-cache" / name;
}

std::string executable_fingerprint()
{
  std::string fp = std::string("kudrang ") + version;
  if (auto s = stamp_of("/proc/self/exe")) {
    fp += fmt::format(" {} {} {}", s->size, s->mtime_ns, s->inode);
  }
  return fp;
}


// The open database and its statements. The lock file (NAME.lock) is held
// shared while a run opens the store and exclusive while one replaces a
// damaged store, so no run ever pairs one store's file with another's WAL.
struct FactCache::Store {
  sqlite3* db = nullptr;
  sqlite3_stmt* get = nullptr;
  sqlite3_stmt* put = nullptr;
  sqlite3_stmt* del = nullptr;
  bool read_only = false;
  bool owned = false;  // this run checked (or made) the store's fingerprint in a write transaction
  ~Store() { close(); }
  void close()
  {
    sqlite3_finalize(get);
    sqlite3_finalize(put);
    sqlite3_finalize(del);
    get = put = del = nullptr;
    if (db) sqlite3_close(db);
    db = nullptr;
  }
  bool exec(const char* sql) const { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
  int code() const { return db ? sqlite3_errcode(db) : SQLITE_CANTOPEN; }
};

namespace {

// The lock file beside the store, locked as asked (shared or exclusive);
// -1 when it cannot be had within a few seconds (then the store is not
// replaced) or cannot exist (a read-only folder: nobody replaces it then).
int lock_store(const fs::path& file, int how)
{
  fs::path lock = file;
  lock += ".lock";
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (fd < 0) fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return -1;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return -1;
  }
  for (int i = 0; i < busy_ms / 10; ++i) {
    if (::flock(fd, how | LOCK_NB) == 0) return fd;
    if (errno != EWOULDBLOCK && errno != EINTR) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::close(fd);
  return -1;
}

void unlock_store(int fd)
{
  if (fd >= 0) ::close(fd);
}

bool damage(int code) { return code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_FORMAT; }

// Opens the database at `file` (never creating it unless asked) and
// prepares the statements; nullptr when SQLite cannot open it.
std::unique_ptr<FactCache::Store> open_db(const fs::path& file, bool create, int& code)
{
  auto s = std::make_unique<FactCache::Store>();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  code = sqlite3_open_v2(file.c_str(), &s->db, flags, nullptr);
  if (code != SQLITE_OK && !create) {
    s->close();
    s->read_only = true;
    code = sqlite3_open_v2(file.c_str(), &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  }
  if (code != SQLITE_OK) return nullptr;
  sqlite3_busy_timeout(s->db, busy_ms);
  sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  s->exec("PRAGMA cell_size_check=ON");
  if (create) {
    // WAL: readers never wait for a writer; NORMAL: a power cut may lose the
    // last transactions, never the store's consistency (it is only a cache).
    s->exec("PRAGMA page_size=16384");  // entries of a few KB fit a page (tools/bench/bench_store.cpp)
    s->exec("PRAGMA journal_mode=WAL");
    if (!s->exec("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value BLOB);"
                 "CREATE TABLE IF NOT EXISTS facts(key BLOB PRIMARY KEY, value BLOB NOT NULL)")) {
      code = s->code();
      return nullptr;
    }
  }
  s->exec("PRAGMA synchronous=NORMAL");
  if (sqlite3_prepare_v2(s->db, "SELECT value FROM facts WHERE key=?", -1, &s->get, nullptr) != SQLITE_OK) {
    code = s->code();
    return nullptr;
  }
  if (!s->read_only) {
    sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO facts(key, value) VALUES(?, ?)", -1, &s->put, nullptr);
    sqlite3_prepare_v2(s->db, "DELETE FROM facts WHERE key=?", -1, &s->del, nullptr);
  }
  return s;
}

// One value of the meta table; nullopt when absent or unreadable (`code` says).
std::optional<std::string> meta_value(FactCache::Store& s, const char* name, int& code)
{
  sqlite3_stmt* st = nullptr;
  code = sqlite3_prepare_v2(s.db, "SELECT value FROM meta WHERE name=?", -1, &st, nullptr);
  if (code != SQLITE_OK) return std::nullopt;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  std::optional<std::string> out;
  code = sqlite3_step(st);
  if (code == SQLITE_ROW) {
    auto* p = static_cast<const char*>(sqlite3_column_blob(st, 0));
    out = std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, 0)));
    code = SQLITE_OK;
  } else if (code == SQLITE_DONE) {
    code = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return out;
}

bool set_meta(FactCache::Store& s, const char* name, std::string_view value)
{
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(s.db, "INSERT OR REPLACE INTO meta(name, value) VALUES(?, ?)", -1, &st, nullptr) !=
      SQLITE_OK)
    return false;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_blob(st, 2, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  bool ok = sqlite3_step(st) == SQLITE_DONE;
  sqlite3_finalize(st);
  return ok;
}

std::string owner_of(const std::string& fingerprint) { return std::string(store_format) + "\n" + fingerprint; }

}  // namespace

FactCache::FactCache(fs::path file, std::string fingerprint)
  : m_file(std::move(file)), m_fingerprint(std::move(fingerprint)), m_run_start(now_ns())
{
  open_store();
}

FactCache::~FactCache() = default;

void FactCache::open_store()
{
  fs::path wal = m_file, shm = m_file;
  wal += "-wal";
  shm += "-shm";
  PathKind k = kind_of(m_file);
  if (k == PathKind::none) return;  // missing: a first run
  // A pipe or a link at any of the store's names is never opened (it could
  // block or lead elsewhere): the store is rebuilt when the run saves.
  if (k == PathKind::other || kind_of(wal) == PathKind::other || kind_of(shm) == PathKind::other) {
    m_state = State::damaged;
    return;
  }
  m_state = State::damaged;
  int lock = lock_store(m_file, LOCK_SH);
  int code = SQLITE_OK;
  m_store = open_db(m_file, false, code);
  std::optional<std::string> owner, written;
  if (m_store) {
    owner = meta_value(*m_store, "owner", code);
    if (code == SQLITE_OK) written = meta_value(*m_store, "written_at", code);
  }
  unlock_store(lock);
  if (!m_store || code != SQLITE_OK || !owner) {
    // Unreadable (damaged, or not a database at all), or empty.
    if (m_store && code == SQLITE_OK && !owner) m_state = State::missing;
    return;
  }
  if (*owner != owner_of(m_fingerprint)) {
    m_state = State::foreign;
    return;
  }
  if (!written || written->size() != sizeof(int64_t)) return;  // damaged
  std::memcpy(&m_written_at, written->data(), sizeof m_written_at);
  m_state = State::loaded;
}

std::optional<FactCache::Entry> FactCache::entry(const std::string& display) const
{
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_state != State::loaded) return std::nullopt;
  sqlite3_stmt* st = m_store->get;
  sqlite3_bind_blob(st, 1, display.data(), static_cast<int>(display.size()), SQLITE_STATIC);
  std::optional<Entry> out;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    auto* p = static_cast<const char*>(sqlite3_column_blob(st, 0));
    out = decode_row(display, std::string_view(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, 0))));
  } else if (damage(rc)) {
    const_cast<FactCache*>(this)->m_state = State::damaged;  // rebuilt when the run saves
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return out;
}

bool FactCache::trusted(const Entry& e, const FileStamp& now) const
{
  return e.stamp == now && now.mtime_ns < e.recorded_at - racy_window_ns;
}

bool FactCache::settled(const FileStamp& s) const { return s.mtime_ns < m_written_at - racy_window_ns; }

bool FactCache::settled_for(const Entry& e, int64_t newest_mtime_ns) const
{
  return newest_mtime_ns < e.recorded_at - racy_window_ns;
}

bool FactCache::decode(const Entry& e, const std::string& display, ParsedRecord& out) const
{
  std::string_view in(e.bytes);
  ParsedRecord r;
  if (!decode_record(in, display, r) || !in.empty()) return false;
  out = std::move(r);
  return true;
}

void FactCache::put(const std::string& key, const Entry& e)
{
  if (m_write_failed) return;
  m_pending.emplace_back(key, encode_row(key, e));
  m_pending_bytes += key.size() + m_pending.back().second.size();
  if (m_pending_bytes >= batch_bytes) flush();
}

void FactCache::remember_payload(const std::string& key, const Digest& inputs, std::string_view bytes)
{
  Entry e;
  e.content_digest = inputs;
  e.recorded_at = m_run_start;
  e.bytes.assign(bytes);
  std::lock_guard<std::mutex> lock(m_mutex);
  put(key, e);
}

void FactCache::keep(const std::string& display, const Entry& e, const FileStamp& stamp)
{
  // Verified by this run (its stamp is new, or it was racy and its content
  // compared): recorded again, so the stamp alone vouches for it next time.
  if (e.stamp == stamp && trusted(e, stamp)) return;
  if (is_result_key(display) && e.stamp == stamp) return;
  Entry k = e;
  k.stamp = stamp;
  k.recorded_at = m_run_start;
  std::lock_guard<std::mutex> lock(m_mutex);
  put(display, k);
}

void FactCache::remember(const std::string& display, const FileStamp& stamp, const Digest& content,
                         const LoadLimits& limits, const ParsedRecord& record)
{
  Entry e;
  e.stamp = stamp;
  e.content_digest = content;
  e.limits = limits;
  e.recorded_at = m_run_start;
  encode_record(record, e.bytes);
  std::lock_guard<std::mutex> lock(m_mutex);
  put(display, e);
}

std::string FactCache::result_key(std::string_view kind, std::string_view workspace)
{
  std::string key(1, '\0');
  key.append(kind);
  key.push_back('\0');
  key.append(workspace);
  return key;
}

bool FactCache::reset_store()
{
  // Damaged (or a pipe, a link): the files go, under the exclusive lock, and
  // a new store takes their place. Missing: created.
  std::error_code ec;
  fs::create_directories(m_file.parent_path(), ec);
  bool replace = m_state == State::damaged;
  int lock = lock_store(m_file, replace ? LOCK_EX : LOCK_SH);
  if (replace && lock < 0) {
    m_write_error = fmt::format("cannot replace the damaged cache {}: another run holds it", m_file.string());
    return false;
  }
  m_store.reset();
  if (replace) {
    for (const char* tail : {"-wal", "-shm", ""}) {
      fs::path p = m_file;
      p += tail;
      fs::remove(p, ec);
    }
  }
  int code = SQLITE_OK;
  m_store = open_db(m_file, true, code);
  unlock_store(lock);
  if (!m_store) {
    m_write_error = fmt::format("cannot write the cache {}: {}", m_file.string(), sqlite3_errstr(code));
    return false;
  }
  m_state = State::missing;
  remove_old_format(m_file);
  return true;
}

// Writes the pending rows (and `doomed` keys deleted) in one transaction.
bool FactCache::flush()
{
  if (m_write_failed) return false;
  auto fail = [&](std::string why) {
    if (m_store && m_store->db) m_store->exec("ROLLBACK");
    m_write_failed = true;
    m_write_error = std::move(why);
    m_pending.clear();
    m_pending_bytes = 0;
    return false;
  };
  if (!m_store || m_state == State::damaged || m_store->read_only) {
    if (m_store && m_store->read_only && m_state != State::damaged) {
      return fail(fmt::format("cannot write the cache {}: it is read-only", m_file.string()));
    }
    if (!reset_store()) return fail(m_write_error);
  }
  Store& s = *m_store;
  if (!s.exec("BEGIN IMMEDIATE")) {
    return fail(fmt::format("cannot write the cache {}: {}", m_file.string(), sqlite3_errmsg(s.db)));
  }
  if (!s.owned) {
    // First write of the run: a store of another build (or another format)
    // is emptied before anything of this one goes in.
    int code = SQLITE_OK;
    auto owner = meta_value(s, "owner", code);
    if (code != SQLITE_OK) {
      if (damage(code)) m_state = State::damaged;
      return fail(fmt::format("cannot write the cache {}: {}", m_file.string(), sqlite3_errstr(code)));
    }
    if (!owner || *owner != owner_of(m_fingerprint)) {
      if (!s.exec("DELETE FROM facts") || !set_meta(s, "owner", owner_of(m_fingerprint))) {
        return fail(fmt::format("cannot write the cache {}: {}", m_file.string(), sqlite3_errmsg(s.db)));
      }
    }
    s.owned = true;
  }
  for (const auto& [key, row] : m_pending) {
    sqlite3_stmt* st = row.empty() ? s.del : s.put;  // an empty row: the key goes
    sqlite3_bind_blob(st, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
    if (!row.empty()) sqlite3_bind_blob(st, 2, row.data(), static_cast<int>(row.size()), SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) {
      if (damage(rc)) m_state = State::damaged;
      return fail(fmt::format("cannot write the cache {}: {}", m_file.string(), sqlite3_errstr(rc)));
    }
  }
  std::string at;
  put_raw(at, m_run_start);
  if (!set_meta(s, "written_at", at) || !s.exec("COMMIT")) {
    return fail(fmt::format("cannot write the cache {}: {}", m_file.string(), sqlite3_errmsg(s.db)));
  }
  m_pending.clear();
  m_pending_bytes = 0;
  m_wrote = true;
  return true;
}

bool FactCache::save(bool complete, std::string& error, const std::vector<std::string>* workspaces,
                     const std::vector<RecordFile>* files)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  if (complete && m_state == State::loaded && !m_write_failed) {
    // What the tree no longer holds: results of workspaces gone, and (when
    // there are more entries of files than files) the entries of files gone.
    std::vector<std::string> doomed;
    std::unordered_set<std::string_view> live;
    if (workspaces) live.insert(workspaces->begin(), workspaces->end());
    auto each_key = [&](const char* sql, auto&& f) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(m_store->db, sql, -1, &st, nullptr) != SQLITE_OK) return;
      while (sqlite3_step(st) == SQLITE_ROW) {
        auto* p = static_cast<const char*>(sqlite3_column_blob(st, 0));
        f(std::string_view(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, 0))));
      }
      sqlite3_finalize(st);
    };
    if (workspaces) {
      each_key("SELECT key FROM facts WHERE key < x'01'", [&](std::string_view key) {
        if (!live.count(key.substr(key.rfind('\0') + 1))) doomed.emplace_back(key);
      });
    }
    if (files) {
      size_t count = 0;
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(m_store->db, "SELECT count(*) FROM facts WHERE key >= x'01'", -1, &st, nullptr) ==
          SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) count = static_cast<size_t>(sqlite3_column_int64(st, 0));
        sqlite3_finalize(st);
      }
      if (count > files->size()) {
        std::unordered_set<std::string_view> present;
        for (const auto& f : *files) present.insert(f.display);
        each_key("SELECT key FROM facts WHERE key >= x'01'", [&](std::string_view key) {
          if (!present.count(key)) doomed.emplace_back(key);
        });
      }
    }
    for (auto& key : doomed) m_pending.emplace_back(std::move(key), std::string());
  }
  if (!m_pending.empty() || (m_state != State::loaded && !m_write_failed && !m_wrote)) flush();
  if (m_write_failed) {
    error = m_write_error;
    return false;
  }
  return true;
}

}  // namespace kudrang
