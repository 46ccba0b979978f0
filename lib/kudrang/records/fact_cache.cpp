#include "kudrang/records/fact_cache.hpp"

#include "kudrang/core/hash.hpp"
#include "kudrang/records/record_codec.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

constexpr std::string_view magic = "kudrang-facts 1\n";
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

void put_entry(std::string& out, std::string_view display, const FactCache::Entry& e)
{
  put_text(out, display);
  put(out, e.stamp.size);
  put(out, e.stamp.mtime_ns);
  put(out, e.stamp.ctime_ns);
  put(out, e.stamp.inode);
  put(out, e.content_hash);
  put(out, static_cast<uint64_t>(e.limits.max_bytes));
  put(out, static_cast<int64_t>(e.limits.max_depth));
  put(out, static_cast<uint64_t>(e.limits.max_nodes));
  put_text(out, e.bytes);
}

// The git directory holding `dir`, found without running git.
std::optional<fs::path> git_dir_of(fs::path dir)
{
  std::error_code ec;
  while (true) {
    fs::path dot = dir / ".git";
    if (fs::is_directory(dot, ec)) return dot;
    if (fs::is_regular_file(dot, ec)) {  // a worktree or submodule: "gitdir: PATH"
      std::ifstream in(dot);
      std::string line;
      std::getline(in, line);
      if (line.rfind("gitdir: ", 0) == 0) {
        fs::path p = line.substr(8);
        return p.is_absolute() ? p : dir / p;
      }
      return std::nullopt;
    }
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
  std::string name = fmt::format("facts-{:016x}.bin", hash_bytes(abs.string()));
  if (const char* dir = std::getenv("KUDRANG_CACHE_DIR"); dir && *dir) return fs::path(dir) / name;
  if (auto git = git_dir_of(abs)) return *git / "kudrang" / name;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "kudrang" / name;
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "kudrang" / name;
  return abs / ".kudrang-cache" / name;
}

std::string executable_fingerprint()
{
  std::string fp = "kudrang 0.1.0";
  if (auto s = stamp_of("/proc/self/exe")) {
    fp += fmt::format(" {} {} {}", s->size, s->mtime_ns, s->inode);
  }
  return fp;
}

FactCache::FactCache(fs::path file, std::string fingerprint)
  : m_file(std::move(file)), m_fingerprint(std::move(fingerprint)), m_run_start(now_ns())
{
  std::ifstream in(m_file, std::ios::binary);
  if (!in) return;  // missing: a first run
  m_data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  read_file_into_entries();
}

void FactCache::read_file_into_entries()
{
  m_state = State::damaged;
  // magic, then the body, then the checksum of everything before it.
  if (m_data.size() < magic.size() + 8 || std::string_view(m_data).substr(0, magic.size()) != magic) return;
  std::string_view all(m_data);
  uint64_t sum = 0;
  std::memcpy(&sum, all.data() + all.size() - 8, 8);
  if (hash_bytes(all.substr(0, all.size() - 8)) != sum) return;
  Cursor c{all.substr(magic.size(), all.size() - magic.size() - 8)};
  if (c.text() != m_fingerprint) {
    m_state = c.ok ? State::foreign : State::damaged;
    return;
  }
  m_written_at = c.get<int64_t>();
  auto count = c.get<uint64_t>();
  std::unordered_map<std::string, Entry> entries;
  for (uint64_t i = 0; c.ok && i < count; ++i) {
    std::string display(c.text());
    Entry e;
    e.stamp.size = c.get<uint64_t>();
    e.stamp.mtime_ns = c.get<int64_t>();
    e.stamp.ctime_ns = c.get<int64_t>();
    e.stamp.inode = c.get<uint64_t>();
    e.content_hash = c.get<uint64_t>();
    e.limits.max_bytes = static_cast<size_t>(c.get<uint64_t>());
    e.limits.max_depth = static_cast<int>(c.get<int64_t>());
    e.limits.max_nodes = static_cast<size_t>(c.get<uint64_t>());
    e.bytes = c.text();
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
  return e.stamp == now && e.stamp.mtime_ns < m_written_at - racy_window_ns;
}

bool FactCache::decode(const Entry& e, const std::string& display, ParsedRecord& out) const
{
  std::string_view in = e.bytes;
  ParsedRecord r;
  if (!decode_record(in, display, r) || !in.empty()) return false;
  out = std::move(r);
  return true;
}

void FactCache::prepare(size_t slots)
{
  m_slots.clear();
  m_slots.resize(slots);
}

void FactCache::keep(size_t slot, const std::string& display, const Entry& e, const FileStamp& stamp)
{
  Slot& s = m_slots[slot];
  s.display = display;
  s.entry = e;
  s.changed = !(e.stamp == stamp) || e.stamp.mtime_ns >= m_written_at - racy_window_ns;
  s.entry.stamp = stamp;
  s.used = true;
}

void FactCache::remember(size_t slot, const std::string& display, const FileStamp& stamp, uint64_t content_hash,
                         const LoadLimits& limits, const ParsedRecord& record)
{
  Slot& s = m_slots[slot];
  s.display = display;
  s.bytes.clear();
  encode_record(record, s.bytes);
  s.entry.stamp = stamp;
  s.entry.content_hash = content_hash;
  s.entry.limits = limits;
  s.entry.bytes = s.bytes;
  s.used = true;
  s.changed = true;
}

bool FactCache::save(bool complete, std::string& error)
{
  size_t used = 0;
  bool changed = m_state != State::loaded;
  for (const auto& s : m_slots) {
    if (!s.used) continue;
    ++used;
    changed = changed || s.changed;
  }
  if (complete && used != m_entries.size()) changed = true;  // files went away
  if (!changed) return true;

  std::string out(magic);
  put_text(out, m_fingerprint);
  put(out, m_run_start);
  size_t count_at = out.size();
  put(out, uint64_t{0});
  uint64_t count = 0;
  std::unordered_map<std::string_view, bool> seen;
  for (const auto& s : m_slots) {
    if (!s.used) continue;
    put_entry(out, s.display, s.entry);
    seen.emplace(s.display, true);
    ++count;
  }
  if (!complete) {
    for (const auto& [display, e] : m_entries) {
      if (seen.count(display)) continue;
      put_entry(out, display, e);
      ++count;
    }
  }
  std::memcpy(out.data() + count_at, &count, sizeof count);
  put(out, hash_bytes(out));

  // Replace the cache atomically: readers see the old file or the new one.
  std::error_code ec;
  fs::create_directories(m_file.parent_path(), ec);
  std::random_device rd;
  fs::path tmp = m_file.parent_path() / fmt::format(".{}.{}.tmp", m_file.filename().string(), rd());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!f.flush()) {
      error = fmt::format("cannot write the cache {}", tmp.string());
      f.close();
      fs::remove(tmp, ec);
      return false;
    }
  }
  fs::rename(tmp, m_file, ec);
  if (ec) {
    error = fmt::format("cannot write the cache {}: {}", m_file.string(), ec.message());
    fs::remove(tmp, ec);
    return false;
  }
  remove_stale_temporaries(m_file.parent_path());
  return true;
}

}  // namespace kudrang
