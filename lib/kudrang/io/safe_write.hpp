#pragma once
// Writing new files without ever overwriting or leaving half a file behind:
// the data goes to an unnamed temporary file in the same directory
// (O_TMPFILE; a named ".NAME.RANDOM.tmp" where the file system lacks it), is
// flushed to disk, and is then linked under its final name, which fails if
// the name already exists (so two writers racing for one name cannot both
// win). Killed at any point, the process leaves the whole file or nothing:
// an unnamed file vanishes with the process.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kudrang {

enum class WriteResult { written, exists, failed };

// Creates `path` with `content`. Parent directories are created. On
// `failed`, `error` says why. Never replaces an existing file. With
// `within`, refuses (failed) a path that resolves outside that folder, before
// creating anything, e.g. through a symlinked folder pointing elsewhere.
WriteResult write_new_file(const std::filesystem::path& path, std::string_view content, std::string& error,
                           const std::optional<std::filesystem::path>& within = std::nullopt);

// Whether `path` (after resolving symlinks of its existing part) lies inside
// `root`. Used before writing anything a record's id helped to name.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace kudrang
