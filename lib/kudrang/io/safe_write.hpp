#pragma once
// Writing new files without ever overwriting or leaving half a file behind,
// on every file system a clerk keeps records on (ext4, tmpfs, and the FAT and
// exFAT of USB sticks, which have no hard links and no unnamed files).
//
// The data first goes to a file without its final name, is flushed to disk,
// and only then gets the final name by an operation that fails if the name
// exists (so two writers racing for one name cannot both win). Routes, best
// first, each tried when the file system refuses the one before:
//  1. an unnamed file (O_TMPFILE) linked under the final name (linkat);
//  2. a named temporary ".NAME.DIGITS.tmp" beside the target, then link();
//  3. the same temporary renamed with renameat2(RENAME_NOREPLACE);
//  4. where the file system has neither (FUSE exFAT): the temporary renamed
//     while holding a lock folder ".NAME.kudrang-lock" (mkdir is exclusive
//     everywhere), after checking the final name is free. Two kudrang
//     processes cannot both win; the one limit is a program that ignores the
//     lock and creates the same name in the instant between the check and
//     the rename: its file would be replaced by kudrang's (whole) one.
// Killed at any point, the process leaves the whole file or nothing under the
// final name. A SIGKILL can leave a named temporary (routes 2-4) or a lock
// folder (route 4): writing into a folder again removes kudrang's own stale
// ones there (temporaries older than 10 minutes, locks older than 30 s).
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kudrang {

enum class WriteResult { written, exists, failed };

// What the file system at hand cannot do. All false on a real run; tests set
// them to act out a USB stick on any disk: the system calls for a missing
// feature then fail with the errno such a file system gives.
struct FileSystemLimits {
  bool no_unnamed_files = false;    // open(O_TMPFILE) fails with EOPNOTSUPP
  bool no_hard_links = false;       // link() fails with EPERM
  bool no_rename_noreplace = false;  // renameat2(RENAME_NOREPLACE) fails with EINVAL
};

// Creates `path` with `content`. Parent directories are created. On
// `failed`, `error` says why. Never replaces an existing file. With
// `within`, refuses (failed) a path that resolves outside that folder, before
// creating anything, e.g. through a symlinked folder pointing elsewhere.
WriteResult write_new_file(const std::filesystem::path& path, std::string_view content, std::string& error,
                           const std::optional<std::filesystem::path>& within = std::nullopt,
                           const FileSystemLimits& limits = {});

enum class ReplaceResult { replaced, changed, failed };

// Replaces the existing file `path` with `content`, whole or not at all (a
// temporary beside it, flushed, renamed over it, keeping the file's mode),
// provided the file still holds exactly `expected` (what the caller read and
// edited): when another program changed it meanwhile, nothing is written
// (`changed`). With `within`, refuses a path resolving outside that folder.
ReplaceResult replace_file(const std::filesystem::path& path, std::string_view expected, std::string_view content,
                           std::string& error, const std::optional<std::filesystem::path>& within = std::nullopt);

// Renames `from` to `to` (a file or a folder) unless `to` exists: 0 on
// success, else the errno (EEXIST when `to` exists). Uses
// renameat2(RENAME_NOREPLACE); where the file system lacks it, checks that
// `to` is free and renames (the one window: something created under `to` in
// between is replaced; for a folder rename(2) replaces only an empty one).
int rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to,
                      const FileSystemLimits& limits = {});

// Flushes a folder's entries (names made, renamed) to disk; errors ignored.
void sync_folder(const std::filesystem::path& dir);

// Removes kudrang's own stale leftovers in `dir` (not below): temporaries
// ".NAME.DIGITS.tmp" older than `temp_age` and lock folders
// ".NAME.kudrang-lock" older than `lock_age`. Returns how many it removed.
// write_new_file calls it once per folder and process.
int sweep_stale_temporaries(const std::filesystem::path& dir,
                            std::chrono::seconds temp_age = std::chrono::minutes(10),
                            std::chrono::seconds lock_age = std::chrono::seconds(30));

// Whether `path` (after resolving symlinks of its existing part) lies inside
// `root`. Used before writing anything a record's id helped to name.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace kudrang
