#include "kudrang/io/safe_write.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <random>
#include <set>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

constexpr std::string_view temp_suffix = ".tmp";
constexpr std::string_view lock_suffix = ".kudrang-lock";

bool write_all(int fd, std::string_view data)
{
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes `content` to fd and flushes it to disk.
bool fill(int fd, std::string_view content) { return write_all(fd, content) && ::fsync(fd) == 0; }

// The errnos of a file system that has no hard links (vfat and exfat give
// EPERM, some FUSE ones EOPNOTSUPP or ENOSYS, others EMLINK).
bool cannot_link(int e) { return e == EPERM || e == EOPNOTSUPP || e == ENOSYS || e == EMLINK; }
// ... and of one whose rename cannot refuse an existing name (FUSE: EINVAL).
bool cannot_rename_noreplace(int e) { return e == EINVAL || e == ENOSYS || e == EOPNOTSUPP; }

// The system calls, or the failure a limited file system gives.
int open_unnamed(const fs::path& dir, const FileSystemLimits& limits)
{
#ifdef O_TMPFILE
  if (limits.no_unnamed_files) {
    errno = EOPNOTSUPP;
    return -1;
  }
  return ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#else
  (void)dir, (void)limits;
  errno = EOPNOTSUPP;
  return -1;
#endif
}

int do_linkat(const char* from, const char* to, int flags, const FileSystemLimits& limits)
{
  if (limits.no_hard_links) {
    errno = EPERM;
    return -1;
  }
  return ::linkat(AT_FDCWD, from, AT_FDCWD, to, flags);
}

int do_rename_noreplace(const char* from, const char* to, const FileSystemLimits& limits)
{
  if (limits.no_rename_noreplace) {
    errno = EINVAL;
    return -1;
  }
#if defined(RENAME_NOREPLACE)
  return ::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#elif defined(SYS_renameat2)
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1u /* RENAME_NOREPLACE */));
#else
  (void)from, (void)to;
  errno = ENOSYS;
  return -1;
#endif
}

bool name_exists(const fs::path& p)
{
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

// The route with an unnamed file: nothing has a name until link succeeds.
// Returns nullopt when the file system cannot make unnamed files or link them.
std::optional<WriteResult> write_unnamed(const fs::path& dir, const fs::path& path, std::string_view content,
                                         std::string& error, const FileSystemLimits& limits)
{
  int fd = open_unnamed(dir, limits);
  if (fd < 0) return std::nullopt;  // any reason: the named route reports real errors itself
  if (!fill(fd, content)) {
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
    ::close(fd);
    return WriteResult::failed;
  }
  std::string self = fmt::format("/proc/self/fd/{}", fd);
  int rc = do_linkat(self.c_str(), path.c_str(), AT_SYMLINK_FOLLOW, limits);
  int saved = errno;
  ::close(fd);  // the unnamed file vanishes unless linked
  if (rc == 0) return WriteResult::written;
  if (saved == EEXIST) return WriteResult::exists;
  if (saved == ENOENT || cannot_link(saved)) return std::nullopt;  // no /proc, or no links: the named route
  error = fmt::format("cannot create {}: {}", path.string(), std::strerror(saved));
  return WriteResult::failed;
}

// ".NAME" cut to leave room for ".DIGITS.tmp" within a file name's 255 bytes,
// at a UTF-8 character boundary.
std::string hidden_stem(const fs::path& path, size_t room)
{
  std::string name = path.filename().string();
  if (name.size() > room) {
    size_t n = room;
    while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
    name.resize(n);
  }
  return "." + name;
}

// Where neither link() nor renameat2(RENAME_NOREPLACE) exists: an exclusive
// lock folder beside the target keeps other kudrang writers out while the
// name is checked and the temporary renamed onto it.
WriteResult publish_under_lock(const fs::path& dir, const fs::path& tmp, const fs::path& path, std::string& error)
{
  fs::path lock = dir / (hidden_stem(path, 200) + std::string(lock_suffix));
  using clock = std::chrono::steady_clock;
  auto give_up = clock::now() + std::chrono::seconds(5);
  bool swept = false;
  while (::mkdir(lock.c_str(), 0700) != 0) {
    int e = errno;
    if (e != EEXIST) {
      ::unlink(tmp.c_str());
      error = fmt::format("cannot create {}: {}", path.string(), std::strerror(e));
      return WriteResult::failed;
    }
    if (name_exists(path)) {
      ::unlink(tmp.c_str());
      return WriteResult::exists;
    }
    if (!swept) {
      swept = true;
      sweep_stale_temporaries(dir);  // a lock left by a killed writer
      continue;
    }
    if (clock::now() > give_up) {
      ::unlink(tmp.c_str());
      error = fmt::format("cannot create {}: another kudrang is writing it (if none is running, remove the folder {})",
                          path.string(), lock.string());
      return WriteResult::failed;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  WriteResult result = WriteResult::written;
  if (name_exists(path)) {
    ::unlink(tmp.c_str());
    result = WriteResult::exists;
  } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    error = fmt::format("cannot create {}: {}", path.string(), std::strerror(e));
    result = WriteResult::failed;
  }
  ::rmdir(lock.c_str());
  return result;
}

// Writes `content` to a new temporary ".NAME.DIGITS.tmp" beside `path` in
// `dir`, flushed to disk; its name in `tmp`. False (and `error`, nothing
// left) when it cannot.
bool write_temporary(const fs::path& dir, const fs::path& path, std::string_view content, mode_t mode, fs::path& tmp,
                     std::string& error)
{
  std::random_device rd;
  std::mt19937_64 rng((static_cast<uint64_t>(rd()) << 32) ^ rd());
  int fd = -1;
  for (int attempt = 0; attempt < 10 && fd < 0; ++attempt) {
    tmp = dir / fmt::format("{}.{}{}", hidden_stem(path, 200), rng(), temp_suffix);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    error = fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    return false;
  }
  bool ok = fill(fd, content);
  int saved = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(saved));
    return false;
  }
  return true;
}

// The route with a named temporary ".NAME.DIGITS.tmp" beside the target,
// removed on every path out (a SIGKILL before that leaves it to the sweep).
WriteResult write_named(const fs::path& dir, const fs::path& path, std::string_view content, std::string& error,
                        const FileSystemLimits& limits)
{
  fs::path tmp;
  if (!write_temporary(dir, path, content, 0644, tmp, error)) return WriteResult::failed;
  int saved = 0;
  auto finish = [&](int rc, int e) {
    if (rc == 0) return WriteResult::written;
    ::unlink(tmp.c_str());
    if (e == EEXIST) return WriteResult::exists;
    error = fmt::format("cannot create {}: {}", path.string(), std::strerror(e));
    return WriteResult::failed;
  };
  // link() refuses an existing name: the file appears whole, or not at all.
  int rc = do_linkat(tmp.c_str(), path.c_str(), 0, limits);
  saved = errno;
  if (rc == 0) {
    ::unlink(tmp.c_str());
    return WriteResult::written;
  }
  if (!cannot_link(saved)) return finish(rc, saved);
  // No hard links (FAT, exFAT): a rename that refuses an existing name.
  rc = do_rename_noreplace(tmp.c_str(), path.c_str(), limits);
  saved = errno;
  if (rc == 0 || !cannot_rename_noreplace(saved)) return finish(rc, saved);
  // Neither (FUSE exFAT): check and rename under a lock.
  return publish_under_lock(dir, tmp, path, error);
}

// Whether `name` is one of kudrang's temporaries (".X.DIGITS.tmp") or locks
// (".X.kudrang-lock"); the names of earlier versions match too.
bool ends_with(std::string_view s, std::string_view tail)
{
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool is_our_temporary(std::string_view name)
{
  if (name.size() < 2 || name[0] != '.' || !ends_with(name, temp_suffix)) return false;
  std::string_view stem = name.substr(1, name.size() - 1 - temp_suffix.size());
  size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view digits = stem.substr(dot + 1);
  if (digits.empty() || digits.size() > 20) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_our_lock(std::string_view name)
{
  return name.size() > lock_suffix.size() + 1 && name[0] == '.' && ends_with(name, lock_suffix);
}

// Sweeps each folder once per process.
void sweep_once(const fs::path& dir)
{
  static std::mutex mutex;
  static std::set<std::string> done;
  std::error_code ec;
  fs::path key = fs::absolute(dir, ec);
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!done.insert((ec ? dir : key).lexically_normal().string()).second) return;
  }
  sweep_stale_temporaries(dir);
}

}  // namespace

int sweep_stale_temporaries(const fs::path& dir, std::chrono::seconds temp_age, std::chrono::seconds lock_age)
{
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return 0;
  std::time_t now = std::time(nullptr);
  int removed = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    bool temp = is_our_temporary(name);
    bool lock = !temp && is_our_lock(name);
    if (!temp && !lock) continue;
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0) continue;
    auto age = std::chrono::seconds(now - st.st_mtime);
    if (temp && S_ISREG(st.st_mode) && age > temp_age) {
      if (::unlink(it->path().c_str()) == 0) ++removed;
    } else if (lock && S_ISDIR(st.st_mode) && age > lock_age) {
      if (::rmdir(it->path().c_str()) == 0) ++removed;  // only ever empty
    }
  }
  return removed;
}

void sync_folder(const fs::path& dir)
{
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

namespace {

std::optional<std::string> read_whole(const fs::path& path)
{
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  std::string data;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return data;
}

}  // namespace

ReplaceResult replace_file(const fs::path& path, std::string_view expected, std::string_view content,
                           std::string& error, const std::optional<fs::path>& within)
{
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (within && !is_inside(*within, path)) {
    error = fmt::format("{} resolves outside the workspace {}; kudrang writes only inside it", path.string(),
                        within->string());
    return ReplaceResult::failed;
  }
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    error = fmt::format("{} is not a plain file kudrang can change", path.string());
    return ReplaceResult::failed;
  }
  sweep_once(dir);
  fs::path tmp;
  if (!write_temporary(dir, path, content, st.st_mode & 07777, tmp, error)) return ReplaceResult::failed;
  int saved = 0;
  // Last look before the rename: a file another program saved meanwhile is
  // left as that program wrote it.
  auto now = read_whole(path);
  if (!now || *now != expected) {
    ::unlink(tmp.c_str());
    return ReplaceResult::changed;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    saved = errno;
    ::unlink(tmp.c_str());
    error = fmt::format("cannot replace {}: {}", path.string(), std::strerror(saved));
    return ReplaceResult::failed;
  }
  sync_folder(dir);
  return ReplaceResult::replaced;
}

int rename_no_replace(const fs::path& from, const fs::path& to, const FileSystemLimits& limits)
{
  if (do_rename_noreplace(from.c_str(), to.c_str(), limits) == 0) return 0;
  int e = errno;
  if (!cannot_rename_noreplace(e)) return e;
  if (name_exists(to)) return EEXIST;
  return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

WriteResult write_new_file(const fs::path& path, std::string_view content, std::string& error,
                           const std::optional<fs::path>& within, const FileSystemLimits& limits)
{
  auto outside = [&] {
    error = fmt::format("{} resolves outside the workspace {} (a symlinked folder, or '..' in a name); "
                        "kudrang writes only inside it",
                        path.string(), within->string());
    return WriteResult::failed;
  };
  // Checked before any folder is made, so nothing is created out there.
  if (within && !is_inside(*within, path)) return outside();
  std::error_code ec;
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot create the folder {}: {}", dir.string(), ec.message());
    return WriteResult::failed;
  }
  if (within && !is_inside(*within, path)) return outside();  // a folder swapped meanwhile
  sweep_once(dir);
  if (name_exists(path)) return WriteResult::exists;
  WriteResult result;
  if (auto r = write_unnamed(dir, path, content, error, limits)) {
    result = *r;
  } else {
    result = write_named(dir, path, content, error, limits);
  }
  if (result == WriteResult::written) sync_folder(dir);
  return result;
}

bool is_inside(const fs::path& root, const fs::path& path)
{
  std::error_code ec;
  fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  auto rel = p.lexically_relative(r);
  std::string s = rel.generic_string();
  return !rel.empty() && s != ".." && s.rfind("../", 0) != 0;
}

}  // namespace kudrang
