#pragma once
// The git pre-commit hook kudrang installs (`kudrang hooks install`): it
// checks the staged content (the index), not the working copy, and finds
// kudrang by the absolute path recorded at install even when git's PATH
// lacks it (VS Code, GitHub Desktop).
#include <filesystem>
#include <string>

namespace kudrang {

// The hook script for a kudrang at `kudrang_path`.
std::string pre_commit_hook_script(const std::string& kudrang_path);

// The line that marks a hook as kudrang's own.
inline constexpr const char* hook_marker = "# kudrang pre-commit hook";

enum class HookInstall { installed, updated, unchanged, foreign, failed };

// Installs the hook into the hooks folder of the git repository holding
// `dir` (core.hooksPath when set, else .git/hooks). Idempotent: kudrang's
// own hook is rewritten; another tool's hook is left alone (`foreign`)
// unless `force`. `where` is set to the hook's path, `error` on failure.
HookInstall install_pre_commit_hook(const std::filesystem::path& dir, const std::string& kudrang_path, bool force,
                                    std::filesystem::path& where, std::string& error);

}  // namespace kudrang
