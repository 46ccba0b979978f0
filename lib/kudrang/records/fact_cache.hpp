#pragma once
// The fact cache: what kudrang extracted from each record file, kept between
// runs so an unchanged file is neither read nor parsed again (issue 6).
//
// One cache file per run root, under the repository's .git/kudrang/ (or
// $XDG_CACHE_HOME/kudrang/ outside git; KUDRANG_CACHE_DIR overrides). Never
// committed, safe to delete. Never trusted blindly:
// - the whole file carries a checksum and the identity of the kudrang
//   executable that wrote it; any mismatch and it is ignored and rebuilt;
// - an entry is used only when the file's size, mtime, ctime and inode are
//   those recorded, and the file was not modified within two seconds of the
//   run that recorded it (else its content hash is compared, as git does
//   for "racily clean" files);
// - an entry whose stamp changed but whose content hash matches is reused;
// - the limits the file was parsed under must match.
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/records/parsed_record.hpp"

#include <filesystem>
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
std::filesystem::path default_cache_file(const std::filesystem::path& root);

// Identifies this kudrang executable (version, size and time of the binary):
// a cache written by another build is not read.
std::string executable_fingerprint();

class FactCache {
public:
  // Reads the cache file; a missing, damaged or foreign file gives an empty
  // cache (`state()` says which).
  FactCache(std::filesystem::path file, std::string fingerprint);

  enum class State { missing, loaded, damaged, foreign };
  State state() const { return m_state; }

  struct Entry {
    FileStamp stamp;
    uint64_t content_hash = 0;
    LoadLimits limits;
    std::string_view bytes;  // the encoded record
  };

  // Reading (any number of threads at once).
  const Entry* entry(const std::string& display) const;
  // Whether the stamp alone proves the file unchanged (equal, and not
  // modified within two seconds before the run that recorded it).
  bool trusted(const Entry& e, const FileStamp& now) const;
  bool decode(const Entry& e, const std::string& display, ParsedRecord& out) const;

  // Recording what this run found: prepare() once, then each file's slot
  // from any thread (distinct slots).
  void prepare(size_t slots);
  // The entry still holds; `stamp` is the file's stamp now.
  void keep(size_t slot, const std::string& display, const Entry& e, const FileStamp& stamp);
  void remember(size_t slot, const std::string& display, const FileStamp& stamp, uint64_t content_hash,
                const LoadLimits& limits, const ParsedRecord& record);

  // Writes the cache atomically when anything changed. `complete`: the run
  // saw every file under the root, so entries of files it did not see go.
  bool save(bool complete, std::string& error);

private:
  struct Slot {
    std::string display;
    Entry entry;
    std::string bytes;  // for a new entry: its encoding (entry.bytes points here)
    bool used = false;
    bool changed = false;
  };
  void read_file_into_entries();

  std::filesystem::path m_file;
  std::string m_fingerprint;
  State m_state = State::missing;
  std::string m_data;  // the cache file as read
  int64_t m_written_at = 0;
  int64_t m_run_start = 0;
  std::unordered_map<std::string, Entry> m_entries;
  std::vector<Slot> m_slots;
};

}  // namespace kudrang
