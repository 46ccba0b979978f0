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

}  // namespace

WriteResult write_new_file(const fs::path& path, std::string_view content, std::string& error)
{
  std::error_code ec;
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  fs::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot create the folder {}: {}", dir.string(), ec.message());
    return WriteResult::failed;
  }
  if (fs::exists(fs::symlink_status(path, ec))) {
    return WriteResult::exists;
  }
  std::random_device rd;
  fs::path tmp = dir / fmt::format(".{}.{}.tmp", path.filename().string(), rd());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = fmt::format("cannot create a file in {}: {}", dir.string(), std::strerror(errno));
    return WriteResult::failed;
  }
  bool ok = write_all(fd, content) && ::fsync(fd) == 0;
  int saved = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(saved));
    return WriteResult::failed;
  }
  // link() refuses an existing name: the file appears whole, or not at all.
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    saved = errno;
    ::unlink(tmp.c_str());
    if (saved == EEXIST) {
      return WriteResult::exists;
    }
    error = fmt::format("cannot create {}: {}", path.string(), std::strerror(saved));
    return WriteResult::failed;
  }
  ::unlink(tmp.c_str());
  sync_dir(dir);
  return WriteResult::written;
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
