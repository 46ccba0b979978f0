#include "context.hpp"

#include "kudrang/io/git.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang::cli {

fs::path resolve_root(const Globals& g)
{
  std::error_code ec;
  if (!g.workspace.empty()) {
    fs::path p(g.workspace);
    if (!fs::is_directory(p, ec)) {
      throw UsageError(fmt::format("--workspace '{}' is not a directory", g.workspace));
    }
    return p;
  }
  fs::path cwd = fs::current_path(ec);
  if (ec) {
    throw IoError("cannot read the current directory");
  }
  if (auto root = find_workspace_root(cwd)) {
    return *root;
  }
  return cwd;
}

FileTree scan_root(const fs::path& root)
{
  FileTree tree = scan_tree(root);
  // An LAO gathered as a submodule but not fetched is an empty folder: said,
  // never silently a workspace with no records.
  auto unfetched = unfetched_submodules(root);
  if (tree.workspaces.empty() && !unfetched.empty()) {
    throw UsageError(fmt::format("no kudrang workspace in '{}': its {} LAO repositor{} (git submodules) are not "
                                 "fetched; run 'git submodule update --init --recursive'",
                                 root.string(), unfetched.size(), unfetched.size() == 1 ? "y" : "ies"));
  }
  tree.diagnostics.insert(tree.diagnostics.end(), unfetched.begin(), unfetched.end());
  if (tree.workspaces.empty()) {
    throw UsageError(fmt::format("no kudrang workspace in '{}' (no kudrang.yaml here, above or below); "
                                 "create one with 'kudrang init' or pass --workspace DIR",
                                 root.string()));
  }
  return tree;
}

void check_time_option(const std::string& t, const char* flag)
{
  auto digit = [&](size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  bool ok = t.size() == 5 && t[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4)
            && (t[0] - '0') * 10 + (t[1] - '0') < 24 && (t[3] - '0') * 10 + (t[4] - '0') < 60;
  if (!ok) throw UsageError(fmt::format("{} '{}' is not a time in HH:MM form (24-hour, e.g. 09:30)", flag, t));
}

Date today_in_thailand()
{
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  t += 7 * 3600;  // Asia/Bangkok, no daylight saving
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string own_executable_path()
{
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("kudrang") : p.string();
}

bool use_color(const Globals& g)
{
  if (g.color == "always") return true;
  if (g.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

bool thai_output(const Globals& g, const std::string& locale)
{
  if (!g.lang.empty()) return g.lang == "th";
  return locale != "en";
}

std::pair<int, int> years_option(const std::string& text)
{
  auto dash = text.find('-');
  auto number = [](const std::string& t) -> int {
    if (t.size() != 4 || t.find_first_not_of("0123456789") != std::string::npos) return 0;
    int y = std::stoi(t);
    return y >= 2400 && y <= 2700 ? y : 0;
  };
  int a = number(text.substr(0, dash));
  int b = dash == std::string::npos ? a : number(text.substr(dash + 1));
  if (!a || !b || b < a || b - a > 50) {
    throw UsageError(fmt::format("--years takes a range of BE years such as 2561-2565, not '{}'", text));
  }
  return {a, b};
}

}  // namespace kudrang::cli
