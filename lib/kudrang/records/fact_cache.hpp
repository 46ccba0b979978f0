#pragma once
// The fact cache: what kudrang extracted from each record file, kept between
// runs so an unchanged file is neither read nor parsed again (issue 6).
//
// One cache file per run root, under the repository's .git/kudrang/ (or
// $XDG_CACHE_HOME/kudrang/ outside git, or when the .git found is not a real
// git directory; KUDRANG_CACHE_DIR overrides). Never
// committed, safe to delete. Never trusted blindly:
// - the file names the kudrang executable that wrote it, and its index and
//   every entry carry a checksum; a foreign or damaged file is ignored and
//   rebuilt, a damaged entry is parsed afresh;
// - an entry is used only when the file's size, mtime, ctime and inode are
//   those recorded, and the file was not modified within two seconds of the
//   run that recorded it (else its content digest is compared, as git does
//   for "racily clean" files);
// - an entry whose stamp changed but whose content digest (BLAKE2b-256,
//   core/digest.hpp: no one can make other content with the same digest) is
//   the same is reused;
// - the limits the file was parsed under must match.
// Memory stays bounded: the old file is mapped, not read, and new entries go
// to the new file as they are made.
#include "kudrang/core/digest.hpp"
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/records/parsed_record.hpp"

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
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
  // Maps the cache file; a missing, damaged or foreign file gives an empty
  // cache (`state()` says which).
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
    uint64_t offset = 0;  // of the encoded record in its file
    uint64_t length = 0;
    uint64_t bytes_hash = 0;
  };

  // Reading (any number of threads at once).
  const Entry* entry(const std::string& display) const;
  // Whether the stamp alone proves the file unchanged (equal, and not
  // modified within two seconds before the run that recorded it).
  bool trusted(const Entry& e, const FileStamp& now) const;
  // Whether a file with this stamp was last modified before the racy window
  // of the run that wrote the cache (so its stamp alone can vouch for it).
  bool settled(const FileStamp& s) const;
  // False when the entry's bytes are damaged (then parse the file).
  bool decode(const Entry& e, const std::string& display, ParsedRecord& out) const;

  // Results kept under a key of the caller's (a workspace's diagnostics):
  // the entry's content_digest is the caller's digest of the inputs.
  std::optional<std::string_view> payload(const Entry& e) const;  // nullopt when damaged
  void remember_payload(const std::string& key, const Digest& inputs, std::string_view bytes);

  // Recording what this run found, from any thread.
  // The entry still holds; `stamp` is the file's stamp now.
  void keep(const std::string& display, const Entry& e, const FileStamp& stamp);
  void remember(const std::string& display, const FileStamp& stamp, const Digest& content, const LoadLimits& limits,
                const ParsedRecord& record);

  // Finishes the new cache file and puts it in place, when anything changed.
  // `complete`: the run saw every file under the root, so entries of files
  // it did not see go, and so do results of workspaces no longer in
  // `workspaces`; other results the run did not look at are carried over.
  bool save(bool complete, std::string& error, const std::vector<std::string>* workspaces = nullptr);

  // The key of a result (payload) entry: NUL cannot occur in a file name.
  static std::string result_key(std::string_view kind, std::string_view workspace);

private:
  void map_file();
  bool open_output();  // under m_mutex
  void append(std::string_view bytes, uint64_t& offset);

  std::filesystem::path m_file;
  std::string m_fingerprint;
  State m_state = State::missing;
  const char* m_map = nullptr;  // the old cache file, mapped
  size_t m_map_size = 0;
  int64_t m_written_at = 0;
  int64_t m_run_start = 0;
  std::unordered_map<std::string, Entry> m_entries;

  std::mutex m_mutex;
  struct Kept {
    std::string display;
    Entry entry;  // offset/length into the old file
  };
  std::vector<Kept> m_kept;
  std::vector<std::pair<std::string, Entry>> m_new;  // offset/length into the new file
  bool m_changed = false;
  std::FILE* m_out = nullptr;
  std::filesystem::path m_tmp;
  uint64_t m_out_size = 0;
  bool m_out_failed = false;
};

}  // namespace kudrang
