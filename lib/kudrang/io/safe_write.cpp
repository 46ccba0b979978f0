#include "kudrang/io/safe_write.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

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

void sync_dir(const fs::path& dir)
{
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Writes `content` to fd and flushes it to disk.
bool fill(int fd, std::string_view content) { return write_all(fd, content) && ::fsync(fd) == 0; }

// The unnamed-file route: nothing has a name until link succeeds.
// Returns nullopt when the file system cannot make unnamed files.
std::optional<WriteResult> write_unnamed(const fs::path& dir, const fs::path& path, std::string_view content,
                                         std::string& error)
{
#ifdef O_TMPFILE
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) return std::nullopt;
  if (!fill(fd, content)) {
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
    ::close(fd);
    return WriteResult::failed;
  }
  std::string self = fmt::format("/proc/self/fd/{}", fd);
  int rc = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW);
  int saved = errno;
  ::close(fd);
  if (rc == 0) return WriteResult::written;
  if (saved == EEXIST) return WriteResult::exists;
  if (saved == ENOENT) return std::nullopt;  // no /proc: take the named route
  error = fmt::format("cannot create {}: {}", path.string(), std::strerror(saved));
  return WriteResult::failed;
#else
  (void)dir, (void)path, (void)content, (void)error;
  return std::nullopt;
#endif
}

// The named-file route: ".NAME.RANDOM.tmp" beside the target, removed on
// every path out (a SIGKILL between open and unlink can leave it).
WriteResult write_named(const fs::path& dir, const fs::path& path, std::string_view content, std::string& error)
{
  std::random_device rd;
  fs::path tmp = dir / fmt::format(".{}.{}.tmp", path.filename().string(), rd());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    return WriteResult::failed;
  }
  bool ok = fill(fd, content);
  int saved = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(saved));
    return WriteResult::failed;
  }
  // link() refuses an existing name: the file appears whole, or not at all.
  int rc = ::link(tmp.c_str(), path.c_str());
  saved = errno;
  ::unlink(tmp.c_str());
  if (rc == 0) return WriteResult::written;
  if (saved == EEXIST) return WriteResult::exists;
  error = fmt::format("cannot create {}: {}", path.string(), std::strerror(saved));
  return WriteResult::failed;
}

}  // namespace

WriteResult write_new_file(const fs::path& path, std::string_view content, std::string& error,
                           const std::optional<fs::path>& within)
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
  if (fs::exists(fs::symlink_status(path, ec))) {
    return WriteResult::exists;
  }
  WriteResult result;
  if (auto r = write_unnamed(dir, path, content, error)) {
    result = *r;
  } else {
    result = write_named(dir, path, content, error);
  }
  if (result == WriteResult::written) sync_dir(dir);
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
