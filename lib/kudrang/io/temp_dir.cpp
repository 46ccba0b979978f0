#include "kudrang/io/temp_dir.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

// ---- removal with system calls only

constexpr int max_depth = 48;

// Removes everything inside the open folder `dir`. getdents64 may skip
// entries while the folder changes under it, so it reads the folder again
// until a pass finds nothing left (or nothing more can go).
void remove_entries(int dir, int depth)
{
  alignas(8) char buf[2048];
  for (int pass = 0; pass < 16; ++pass) {
    bool seen = false, progress = false;
    if (::lseek(dir, 0, SEEK_SET) < 0) return;
    for (;;) {
      long n = ::syscall(SYS_getdents64, dir, buf, sizeof buf);
      if (n <= 0) break;
      for (long off = 0; off < n;) {
        // struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, name.
        unsigned short reclen = 0;
        std::memcpy(&reclen, buf + off + 16, sizeof reclen);
        const char* name = buf + off + 19;
        off += reclen;
        if (reclen == 0) return;
        if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
        seen = true;
        if (::unlinkat(dir, name, 0) == 0) {
          progress = true;
          continue;
        }
        if (errno != EISDIR && errno != EPERM) continue;
        if (depth < max_depth) {
          int sub = ::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (sub >= 0) {
            remove_entries(sub, depth + 1);
            ::close(sub);
          }
        }
        if (::unlinkat(dir, name, AT_REMOVEDIR) == 0) progress = true;
      }
    }
    if (!seen || !progress) return;
  }
}

// ---- the folders to remove on a signal

constexpr int max_slots = 8;
char g_paths[max_slots][PATH_MAX];
std::atomic<int> g_used[max_slots];  // lock-free, so fine in a handler

constexpr int caught_signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[sizeof caught_signals / sizeof caught_signals[0]];
bool g_installed[sizeof caught_signals / sizeof caught_signals[0]];
std::mutex g_mutex;
int g_live = 0;

extern "C" void remove_on_signal(int sig)
{
  int saved = errno;
  for (int i = 0; i < max_slots; ++i) {
    if (g_used[i].load() == 1) remove_tree(g_paths[i]);
  }
  // The signal's usual course: the action there was before (the default
  // one: the process ends, killed by `sig`, as its parent expects).
  for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; ++i) {
    if (caught_signals[i] == sig) ::sigaction(sig, &g_previous[i], nullptr);
  }
  errno = saved;
  ::raise(sig);  // SA_NODEFER: delivered now
}

void install_handlers()
{
  for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; ++i) {
    struct sigaction old {};
    ::sigaction(caught_signals[i], nullptr, &old);
    // Ignored (nohup): stays ignored. Another handler: chained after ours.
    g_installed[i] = old.sa_handler != SIG_IGN;
    if (!g_installed[i]) continue;
    g_previous[i] = old;
    struct sigaction sa {};
    sa.sa_handler = remove_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_NODEFER;
    ::sigaction(caught_signals[i], &sa, nullptr);
  }
}

void restore_handlers()
{
  for (size_t i = 0; i < sizeof caught_signals / sizeof caught_signals[0]; ++i) {
    if (g_installed[i]) ::sigaction(caught_signals[i], &g_previous[i], nullptr);
    g_installed[i] = false;
  }
}

int register_path(const fs::path& p)
{
  std::string s = p.string();
  if (s.size() >= PATH_MAX) return -1;
  std::lock_guard<std::mutex> lock(g_mutex);
  for (int i = 0; i < max_slots; ++i) {
    if (g_used[i].load() != 0) continue;
    std::memcpy(g_paths[i], s.c_str(), s.size() + 1);
    g_used[i].store(1);  // published after the path is in place
    if (g_live++ == 0) install_handlers();
    return i;
  }
  return -1;
}

void unregister_path(int slot)
{
  if (slot < 0) return;
  std::lock_guard<std::mutex> lock(g_mutex);
  g_used[slot].store(0);
  if (--g_live == 0) restore_handlers();
}

}  // namespace

bool remove_tree(const char* path)
{
  int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return true;
    return ::unlink(path) == 0 || errno == ENOENT;  // a symlink or a file: itself, never its target
  }
  remove_entries(fd, 0);
  ::close(fd);
  return ::rmdir(path) == 0 || errno == ENOENT;
}

std::unique_ptr<PrivateTempDir> PrivateTempDir::create(std::string_view prefix, std::string& error)
{
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string tmpl = (base / fmt::format("{}XXXXXX", prefix)).string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    error = fmt::format("cannot create a temporary folder in {}: {}", base.string(), std::strerror(errno));
    return nullptr;
  }
  ::chmod(tmpl.c_str(), 0700);  // whatever the umask: the owner's alone, and usable by the owner
  int slot = register_path(tmpl);
  if (slot < 0) {
    remove_tree(tmpl.c_str());
    error = fmt::format("cannot create a temporary folder: too many at once, or {} is too long", tmpl);
    return nullptr;
  }
  return std::unique_ptr<PrivateTempDir>(new PrivateTempDir(tmpl, slot));
}

PrivateTempDir::~PrivateTempDir()
{
  remove_tree(m_path.c_str());
  unregister_path(m_slot);
}

int sweep_stale_temp_dirs(std::string_view prefix, std::chrono::seconds age)
{
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) return 0;
  fs::directory_iterator it(base, ec);
  if (ec) return 0;
  std::time_t now = std::time(nullptr);
  int removed = 0;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) continue;
    if (now - st.st_mtime <= age.count()) continue;
    if (remove_tree(it->path().c_str())) ++removed;
  }
  return removed;
}

}  // namespace kudrang
