#include "kudrang/io/hooks.hpp"

#include "kudrang/io/process.hpp"

#include <fmt/format.h>

#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

std::string sh_quote(const std::string& s)
{
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Runs git in `dir` (no shell); its stdout without the final newline.
int git(const fs::path& dir, std::vector<std::string> args, std::string& out)
{
  args.insert(args.begin(), {"git", "-C", dir.string()});
  std::string error;
  ProgramOptions o;
  o.output = &out;
  int rc = run_program(args, error, o);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return rc;
}

}  // namespace

std::string pre_commit_hook_script(const std::string& kudrang_path)
{
  std::ostringstream s;
  s << "#!/bin/sh\n"
    << hook_marker << ", installed by 'kudrang hooks install'.\n"
    << "# It checks what is staged (the index), not the working copy: a file fixed\n"
    << "# on disk but not added still stops the commit. To commit without the\n"
    << "# check once: git commit --no-verify\n"
    << "kudrang=" << sh_quote(kudrang_path) << "\n"
    << "if [ ! -x \"$kudrang\" ]; then\n"
    << "  kudrang=$(command -v kudrang 2>/dev/null) || {\n"
    << "    echo \"kudrang pre-commit hook: kudrang is not at \"" << sh_quote(kudrang_path)
    << "\" any more, nor on PATH.\" >&2\n"
    << "    echo \"Install kudrang and run 'kudrang hooks install' again (or commit with --no-verify).\" >&2\n"
    << "    exit 1\n"
    << "  }\n"
    << "fi\n"
    << "staged=$(mktemp -d \"${TMPDIR:-/tmp}/kudrang-staged.XXXXXX\") || exit 1\n"
    << "trap 'rm -rf \"$staged\"' EXIT\n"
    << "trap 'exit 1' HUP INT TERM\n"
    << "git checkout-index --all --prefix=\"$staged/\" || exit 1\n"
    << "cd \"$staged\" || exit 1\n"
    << "\"$kudrang\" --no-cache -q validate\n";
  return s.str();
}

HookInstall install_pre_commit_hook(const fs::path& dir, const std::string& kudrang_path, bool force, fs::path& where,
                                    std::string& error)
{
  std::string top;
  if (git(dir, {"rev-parse", "--show-toplevel"}, top) != 0 || top.empty()) {
    error = fmt::format("{} is not inside a git repository (run 'git init' or 'kudrang init' first)", dir.string());
    return HookInstall::failed;
  }
  std::string hooks;
  if (git(dir, {"config", "core.hooksPath"}, hooks) == 0 && !hooks.empty()) {
    fs::path h(hooks);
    where = (h.is_absolute() ? h : fs::path(top) / h) / "pre-commit";
  } else if (git(dir, {"rev-parse", "--path-format=absolute", "--git-path", "hooks"}, hooks) == 0 && !hooks.empty()) {
    where = fs::path(hooks) / "pre-commit";
  } else {
    error = "git did not say where its hooks live";
    return HookInstall::failed;
  }
  std::string script = pre_commit_hook_script(kudrang_path);
  std::error_code ec;
  bool existed = fs::exists(where, ec);
  if (existed) {
    std::ifstream in(where, std::ios::binary);
    std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (old == script) return HookInstall::unchanged;
    if (old.find(hook_marker) == std::string::npos && !force) return HookInstall::foreign;
  }
  fs::create_directories(where.parent_path(), ec);
  // Whole or not at all: a temporary beside it, renamed over the old hook.
  std::random_device rd;
  fs::path tmp = where.parent_path() / fmt::format(".pre-commit.{}.tmp", rd());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << script;
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      error = fmt::format("cannot write {}", tmp.string());
      return HookInstall::failed;
    }
  }
  ::chmod(tmp.c_str(), 0755);
  fs::rename(tmp, where, ec);
  if (ec) {
    fs::remove(tmp, ec);
    error = fmt::format("cannot write {}: {}", where.string(), ec.message());
    return HookInstall::failed;
  }
  return existed ? HookInstall::updated : HookInstall::installed;
}

}  // namespace kudrang
