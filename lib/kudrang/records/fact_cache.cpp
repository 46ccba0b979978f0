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
#include <random>
#include <unordered_set>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

constexpr std::string_view magic = "kudrang-facts 3\n";  // 3: BLAKE2b content digests
constexpr std::string_view end_mark = "kudrang-end\n";
// A file modified this close before the run that recorded it may change again
// without its stamp changing (coarse clocks): its content is compared.
constexpr int64_t racy_window_ns = 2'000'000'000;

int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
    .count();
}

template <class T>
void put(std::string& out, const T& x)
{
  out.append(reinterpret_cast<const char*>(&x), sizeof x);
}
void put_text(std::string& out, std::string_view s)
{
  put(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

// Bounds-checked reading of the cache file.
struct Cursor {
  std::string_view in;
  bool ok = true;
  template <class T>
  T get()
  {
    T x{};
    if (in.size() < sizeof x) {
      ok = false;
      return x;
    }
    std::memcpy(&x, in.data(), sizeof x);
    in.remove_prefix(sizeof x);
    return x;
  }
  std::string_view text()
  {
    auto n = get<uint32_t>();
    if (!ok || in.size() < n) {
      ok = false;
      return {};
    }
    std::string_view s = in.substr(0, n);
    in.remove_prefix(n);
    return s;
  }
};

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

// A run killed while saving leaves its ".facts-*.tmp"; the next save clears
// those older than a minute (a younger one may belong to a run still going).
void remove_stale_temporaries(const fs::path& dir)
{
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(".facts-", 0) != 0 || name.size() < 4 || name.compare(name.size() - 4, 4, ".tmp") != 0) continue;
    std::error_code ec2;
    auto t = fs::last_write_time(it->path(), ec2);
    if (!ec2 && now - t > std::chrono::minutes(1)) fs::remove(it->path(), ec2);
  }
}

}  // namespace

std::optional<FileStamp> stamp_of(const fs::path& path)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  FileStamp s;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.inode = static_cast<uint64_t>(st.st_ino);
  return s;
}

fs::path default_cache_file(const fs::path& root)
{
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(root, ec), ec);
  std::string name = fmt::format("facts-{}.bin", digest_hex(content_digest(abs.string()), 16));
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

FactCache::FactCache(fs::path file, std::string fingerprint)
  : m_file(std::move(file)), m_fingerprint(std::move(fingerprint)), m_run_start(now_ns())
{
  map_file();
}

FactCache::~FactCache()
{
  if (m_out) {
    std::fclose(m_out);
    std::error_code ec;
    fs::remove(m_tmp, ec);
  }
  if (m_map) ::munmap(const_cast<char*>(m_map), m_map_size);
}

// Layout: magic, fingerprint, time of the run; the encoded records; the
// index (name, stamp, content digest, limits, where, checksum of each); then
// the index's offset and checksum and an end mark.
void FactCache::map_file()
{
  // O_NONBLOCK: a pipe put at the cache's name must not stop every command.
  int fd = ::open(m_file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno != ENOENT) m_state = State::damaged;
    return;  // missing: a first run
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    m_state = State::damaged;
    return;
  }
  void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  m_state = State::damaged;
  if (p == MAP_FAILED) return;
  m_map = static_cast<const char*>(p);
  m_map_size = static_cast<size_t>(st.st_size);
  std::string_view all(m_map, m_map_size);
  constexpr size_t footer = 16 + end_mark.size();
  if (all.size() < magic.size() + footer || all.substr(0, magic.size()) != magic ||
      all.substr(all.size() - end_mark.size()) != end_mark) {
    return;
  }
  uint64_t index_at = 0;
  uint64_t index_sum = 0;
  std::memcpy(&index_at, all.data() + all.size() - footer, 8);
  std::memcpy(&index_sum, all.data() + all.size() - footer + 8, 8);
  if (index_at < magic.size() || index_at > all.size() - footer) return;
  std::string_view header = all.substr(0, magic.size());
  Cursor head{all.substr(magic.size(), index_at - magic.size())};
  std::string_view fp = head.text();
  int64_t written_at = head.get<int64_t>();
  if (!head.ok) return;
  std::string_view index = all.substr(index_at, all.size() - footer - index_at);
  if (hash_bytes(index, hash_bytes(header) ^ hash_bytes(fp) ^ static_cast<uint64_t>(written_at)) != index_sum) return;
  if (fp != m_fingerprint) {
    m_state = State::foreign;
    return;
  }
  m_written_at = written_at;
  Cursor c{index};
  auto count = c.get<uint64_t>();
  std::unordered_map<std::string, Entry> entries;
  entries.reserve(static_cast<size_t>(std::min<uint64_t>(count, index.size())));
  for (uint64_t i = 0; c.ok && i < count; ++i) {
    std::string display(c.text());
    Entry e;
    e.stamp.size = c.get<uint64_t>();
    e.stamp.mtime_ns = c.get<int64_t>();
    e.stamp.ctime_ns = c.get<int64_t>();
    e.stamp.inode = c.get<uint64_t>();
    e.content_digest = c.get<Digest>();
    e.limits.max_bytes = static_cast<size_t>(c.get<uint64_t>());
    e.limits.max_depth = static_cast<int>(c.get<int64_t>());
    e.limits.max_nodes = static_cast<size_t>(c.get<uint64_t>());
    e.offset = c.get<uint64_t>();
    e.length = c.get<uint64_t>();
    e.bytes_hash = c.get<uint64_t>();
    if (e.offset < magic.size() || e.offset > index_at || e.length > index_at - e.offset) c.ok = false;
    entries.emplace(std::move(display), e);
  }
  if (!c.ok || !c.in.empty()) return;
  m_entries = std::move(entries);
  m_state = State::loaded;
}

const FactCache::Entry* FactCache::entry(const std::string& display) const
{
  auto it = m_entries.find(display);
  return it == m_entries.end() ? nullptr : &it->second;
}

bool FactCache::trusted(const Entry& e, const FileStamp& now) const
{
  return e.stamp == now && settled(now);
}

bool FactCache::settled(const FileStamp& s) const { return s.mtime_ns < m_written_at - racy_window_ns; }

bool FactCache::decode(const Entry& e, const std::string& display, ParsedRecord& out) const
{
  std::string_view in(m_map + e.offset, e.length);
  if (hash_bytes(in) != e.bytes_hash) return false;
  ParsedRecord r;
  if (!decode_record(in, display, r) || !in.empty()) return false;
  out = std::move(r);
  return true;
}

std::optional<std::string_view> FactCache::payload(const Entry& e) const
{
  std::string_view in(m_map + e.offset, e.length);
  if (hash_bytes(in) != e.bytes_hash) return std::nullopt;
  return in;
}

void FactCache::remember_payload(const std::string& key, const Digest& inputs, std::string_view bytes)
{
  Entry e;
  e.content_digest = inputs;
  e.length = bytes.size();
  e.bytes_hash = hash_bytes(bytes);
  std::lock_guard<std::mutex> lock(m_mutex);
  m_changed = true;
  if (!open_output()) return;
  append(bytes, e.offset);
  m_new.emplace_back(key, e);
}

void FactCache::keep(const std::string& display, const Entry& e, const FileStamp& stamp)
{
  bool changed = !(e.stamp == stamp) || !settled(e.stamp);
  Kept k{display, e};
  k.entry.stamp = stamp;
  std::lock_guard<std::mutex> lock(m_mutex);
  m_kept.push_back(std::move(k));
  m_changed = m_changed || changed;
}

bool FactCache::open_output()
{
  if (m_out) return true;
  if (m_out_failed) return false;
  std::error_code ec;
  fs::create_directories(m_file.parent_path(), ec);
  std::random_device rd;
  m_tmp = m_file.parent_path() / fmt::format(".{}.{}.tmp", m_file.filename().string(), rd());
  m_out = std::fopen(m_tmp.c_str(), "wbx");
  if (!m_out) {
    m_out_failed = true;
    return false;
  }
  std::string head(magic);
  put_text(head, m_fingerprint);
  put(head, m_run_start);
  m_out_size = 0;
  uint64_t ignored = 0;
  append(head, ignored);
  return !m_out_failed;
}

void FactCache::append(std::string_view bytes, uint64_t& offset)
{
  offset = m_out_size;
  if (std::fwrite(bytes.data(), 1, bytes.size(), m_out) != bytes.size()) m_out_failed = true;
  m_out_size += bytes.size();
}

void FactCache::remember(const std::string& display, const FileStamp& stamp, const Digest& content,
                         const LoadLimits& limits, const ParsedRecord& record)
{
  thread_local std::string bytes;
  bytes.clear();
  encode_record(record, bytes);
  Entry e;
  e.stamp = stamp;
  e.content_digest = content;
  e.limits = limits;
  e.length = bytes.size();
  e.bytes_hash = hash_bytes(bytes);
  std::lock_guard<std::mutex> lock(m_mutex);
  m_changed = true;
  if (!open_output()) return;  // no cache this time; the run goes on
  append(bytes, e.offset);
  m_new.emplace_back(display, e);
}

std::string FactCache::result_key(std::string_view kind, std::string_view workspace)
{
  std::string key(1, '\0');
  key.append(kind);
  key.push_back('\0');
  key.append(workspace);
  return key;
}

bool FactCache::save(bool complete, std::string& error, const std::vector<std::string>* workspaces)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  auto is_result = [](std::string_view key) { return !key.empty() && key[0] == '\0'; };
  std::unordered_map<std::string_view, bool> live;
  if (workspaces) {
    for (const auto& w : *workspaces) live.emplace(w, true);
  }
  // An entry the run did not see: a file's goes when the run saw all files;
  // a result goes when its workspace is gone.
  auto carry = [&](std::string_view key) {
    if (!is_result(key)) return !complete;
    return !complete || !workspaces || live.count(key.substr(key.rfind('\0') + 1)) > 0;
  };
  // Whether an old entry would go: only results need looking at one by one
  // (a warm run over a national tree must not build a set of every file).
  size_t kept_files = 0, old_files = 0;
  std::unordered_map<std::string_view, bool> seen_results;
  for (const auto& k : m_kept) {
    if (is_result(k.display)) seen_results.emplace(k.display, true);
    else ++kept_files;
  }
  bool dropping = complete && !m_changed;
  if (dropping) {
    dropping = false;
    for (const auto& [key, e] : m_entries) {
      if (!is_result(key)) ++old_files;
      else if (!seen_results.count(key) && !carry(key)) dropping = true;
    }
    dropping = dropping || kept_files != old_files;
  }
  bool changed = m_changed || m_state != State::loaded || dropping;
  if (!changed) return true;
  if (!open_output()) {
    error = fmt::format("cannot write the cache in {}", m_file.parent_path().string());
    return false;
  }
  // Owned copies: the names below move into `index`, which reallocates.
  std::unordered_set<std::string> seen;
  for (const auto& k : m_kept) seen.insert(k.display);
  for (const auto& [key, e] : m_new) seen.insert(key);
  // The entries still valid, copied from the old file.
  std::vector<std::pair<std::string, Entry>> index = std::move(m_new);
  for (auto& k : m_kept) {
    Entry e = k.entry;
    append(std::string_view(m_map + e.offset, e.length), e.offset);
    index.emplace_back(std::move(k.display), e);
  }
  for (const auto& [key, old] : m_entries) {
    if (seen.count(key) || !carry(key)) continue;
    Entry e = old;
    append(std::string_view(m_map + e.offset, e.length), e.offset);
    index.emplace_back(key, e);
  }
  std::string out;
  put(out, static_cast<uint64_t>(index.size()));
  for (const auto& [display, e] : index) {
    put_text(out, display);
    put(out, e.stamp.size);
    put(out, e.stamp.mtime_ns);
    put(out, e.stamp.ctime_ns);
    put(out, e.stamp.inode);
    put(out, e.content_digest);
    put(out, static_cast<uint64_t>(e.limits.max_bytes));
    put(out, static_cast<int64_t>(e.limits.max_depth));
    put(out, static_cast<uint64_t>(e.limits.max_nodes));
    put(out, e.offset);
    put(out, e.length);
    put(out, e.bytes_hash);
  }
  uint64_t index_at = 0;
  append(out, index_at);
  std::string footer;
  put(footer, index_at);
  put(footer, hash_bytes(out, hash_bytes(magic) ^ hash_bytes(m_fingerprint) ^ static_cast<uint64_t>(m_run_start)));
  footer.append(end_mark);
  uint64_t ignored = 0;
  append(footer, ignored);
  bool ok = !m_out_failed && std::fflush(m_out) == 0;
  ok = std::fclose(m_out) == 0 && ok;
  m_out = nullptr;
  std::error_code ec;
  if (!ok) {
    fs::remove(m_tmp, ec);
    error = fmt::format("cannot write the cache {}", m_tmp.string());
    return false;
  }
  // Readers see the old file or the new one, never a mix.
  fs::rename(m_tmp, m_file, ec);
  if (ec) {
    fs::remove(m_tmp, ec);
    error = fmt::format("cannot write the cache {}: {}", m_file.string(), ec.message());
    return false;
  }
  remove_stale_temporaries(m_file.parent_path());
  return true;
}

}  // namespace kudrang
