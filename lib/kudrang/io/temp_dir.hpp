#pragma once
// Private temporary folders for copies of records (plan grade --compare):
// made with mkdtemp (mode 0700: no other user can look in), removed when the
// object goes, and also when the process is stopped by SIGINT, SIGTERM or
// SIGHUP: a handler that uses only system calls removes every such folder,
// then lets the signal take its usual course. A SIGKILL cannot be caught:
// folders left that way are swept by the next run (sweep_stale_temp_dirs).
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace kudrang {

class PrivateTempDir {
public:
  // Creates TMP/PREFIXXXXXXX in the system's temporary folder ($TMPDIR, else
  // /tmp). nullptr with `error` set when it cannot.
  static std::unique_ptr<PrivateTempDir> create(std::string_view prefix, std::string& error);
  ~PrivateTempDir();
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

private:
  explicit PrivateTempDir(std::filesystem::path p, int slot) : m_path(std::move(p)), m_slot(slot) {}
  std::filesystem::path m_path;
  int m_slot;
};

// Removes the folders PREFIX* in the system's temporary folder that belong to
// this user and were last changed more than `age` ago (left by a killed run).
// Symlinks are never followed. Returns how many it removed.
int sweep_stale_temp_dirs(std::string_view prefix, std::chrono::seconds age);

// Removes `path` and everything below it without following symlinks, with
// system calls only (safe in a signal handler). Returns whether it is gone.
bool remove_tree(const char* path);

}  // namespace kudrang
