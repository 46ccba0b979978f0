#pragma once
// The fact cache: what kudrang extracted from each record file, kept between
// runs so an unchanged file is neither read nor parsed again (issue 6).
//
// One SQLite database per run root, under the repository's .git/kudrang/ (or
// $XDG_CACHE_HOME/kudrang/ outside git, or when the .git found is not a real
// git directory; KUDRANG_CACHE_DIR overrides). Never
// committed, safe to delete. Never trusted blindly:
// - the store names the kudrang executable that wrote it, and every entry
//   carries a checksum of its key and bytes; a foreign store or one SQLite
//   finds damaged is ignored and rebuilt, a damaged entry is parsed afresh;
// - an entry is used only when the file's size, mtime, ctime and inode are
//   those recorded, and the file was not modified within two seconds of the
//   run that recorded the entry (else its content digest is compared, as git
//   does for "racily clean" files);
// - an entry whose stamp changed but whose content digest (BLAKE2b-256,
//   core/digest.hpp: no one can make other content with the same digest) is
//   the same is reused;
// - the limits the file was parsed under must match.
// Memory stays bounded: entries are looked up one at a time, and new ones
// are written a few megabytes at a time, each batch one transaction (a run
// killed midway leaves whole entries, never half of one). Runs at the same
// time take turns to write (SQLite's WAL); a store that cannot be written
// (read-only, full disk, busy too long) makes the run go on without saving.
#include "kudrang/core/digest.hpp"
#include "kudrang/io/file_tree.hpp"
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/records/parsed_record.hpp"

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <memory>
#include <vector>

namespace kudrang {

struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

// The stamps of `members` (indexes into tree.files) in their order, each
// taken relative to its folder, opened once for the files it holds in a
// row (a full path's lookup is most of a stat on a deep tree).
std::vector<std::optional<FileStamp>> stamp_files(const FileTree& tree, const std::vector<size_t>& members);

// Where the cache for a run rooted at `root` lives.
// A `.git` found above the root is used only when it is a real git directory
// (a `.git` file's `gitdir:` is followed only to one): a `.git` file that git
// itself would reject cannot send the cache elsewhere.
std::filesystem::path default_cache_file(const std::filesystem::path& root);

// Identifies this kudrang executable (version, size and time of the binary):
// a cache written by another build is not read.
std::string executable_fingerprint();

class FactCache {
public:
  // Opens the store; a missing, damaged or foreign store gives an empty
  // cache (`state()` says which), rebuilt when the run saves.
  FactCache(std::filesystem::path file, std::string fingerprint);
  ~FactCache();
  FactCache(const FactCache&) = delete;
  FactCache& operator=(const FactCache&) = delete;

  enum class State { missing, loaded, damaged, foreign };
  State state() const { return m_state; }

  struct Entry {
    FileStamp stamp;
    Digest content_digest{};  // of the file's bytes, or the caller's inputs of a result
    LoadLimits limits;
    int64_t recorded_at = 0;  // start of the run that recorded (or last verified) it
    std::string bytes;        // the encoded record or result, checked against its checksum
  };

  // Reading (any number of threads at once). nullopt: no entry, or a
  // damaged one (then the file is parsed afresh and the entry replaced).
  std::optional<Entry> entry(const std::string& display) const;
  // Whether the stamp alone proves the file unchanged (equal, and not
  // modified within two seconds before the run that recorded the entry).
  bool trusted(const Entry& e, const FileStamp& now) const;
  // Whether a file with this stamp was last modified before the racy window
  // of the last run that wrote the cache (so its stamp alone can vouch for it).
  bool settled(const FileStamp& s) const;
  // Whether a result recorded in `e` can vouch for inputs whose newest file
  // was modified at `newest_mtime_ns`: only when that was before the racy
  // window of the run that recorded this entry (not merely of the last run
  // that wrote the cache).
  bool settled_for(const Entry& e, int64_t newest_mtime_ns) const;
  // False when the entry's bytes do not decode (then parse the file).
  bool decode(const Entry& e, const std::string& display, ParsedRecord& out) const;

  // Results kept under a key of the caller's (a workspace's diagnostics):
  // the entry's content_digest is the caller's digest of the inputs.
  std::optional<std::string_view> payload(const Entry& e) const { return std::string_view(e.bytes); }
  void remember_payload(const std::string& key, const Digest& inputs, std::string_view bytes);

  // Recording what this run found, from any thread.
  // The entry still holds; `stamp` is the file's stamp now.
  void keep(const std::string& display, const Entry& e, const FileStamp& stamp);
  void remember(const std::string& display, const FileStamp& stamp, const Digest& content, const LoadLimits& limits,
                const ParsedRecord& record);

  // Writes what is left to write. `complete`: the run saw every file under
  // the root, so results of workspaces no longer in `workspaces` go, and
  // (given `files`, the run's record files) so do entries of files no longer
  // there; other results the run did not look at stay.
  bool save(bool complete, std::string& error, const std::vector<std::string>* workspaces = nullptr,
            const std::vector<RecordFile>* files = nullptr);

  // The key of a result (payload) entry: NUL cannot occur in a file name.
  static std::string result_key(std::string_view kind, std::string_view workspace);

  struct Store;  // the SQLite database and its statements (fact_cache.cpp)

private:
  void open_store();
  void put(const std::string& key, const Entry& e);  // queues, under m_mutex
  bool flush();                                      // under m_mutex
  bool reset_store();                                // under m_mutex: a fresh, empty store in place

  std::filesystem::path m_file;
  std::string m_fingerprint;
  State m_state = State::missing;
  int64_t m_written_at = 0;
  int64_t m_run_start = 0;
  std::unique_ptr<Store> m_store;

  mutable std::mutex m_mutex;
  std::vector<std::pair<std::string, std::string>> m_pending;  // rows to write
  size_t m_pending_bytes = 0;
  bool m_wrote = false;         // a row went into the store this run
  bool m_write_failed = false;  // the store refused a write: no more tries this run
  std::string m_write_error;
};

}  // namespace kudrang
