#pragma once
// What every command shares: the global options and how to find the records.
// Kept free of CLI11 so that only the command files pay for its compile time.
#include "kudrang/core/date.hpp"
#include "kudrang/io/file_tree.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace kudrang::cli {

struct Globals {
  std::string workspace;  // --workspace DIR
  std::string lang;       // --lang th|en (empty: the workspace's locale)
  std::string color = "auto";
  bool quiet = false;
  bool no_cache = false;  // --no-cache
  unsigned jobs = 0;      // validate --jobs, else KUDRANG_JOBS; 0: one thread per core
  int exit_code = 0;
};

// A usage problem: printed as "kudrang: error: ..." with exit code 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// An I/O problem: exit code 3.
class IoError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The directory a command works on: --workspace, else the nearest directory
// at or above the current one holding kudrang.yaml, else the current
// directory as a root of many workspaces.
std::filesystem::path resolve_root(const Globals& g);

// Scans the root; a usage error when it holds no workspace at all.
FileTree scan_root(const std::filesystem::path& root);

// A usage error unless `t` is a time "HH:MM" (24-hour); `flag` names the option.
void check_time_option(const std::string& t, const char* flag);

// --years A-B: two BE years (A <= B, at most 50 apart); "2563" alone is
// 2563-2563. A usage error otherwise.
std::pair<int, int> years_option(const std::string& text);

// Today in Thailand (UTC+7); SOURCE_DATE_EPOCH, when set, makes it reproducible.
Date today_in_thailand();

// This executable's absolute path (what hooks and scripts should run).
std::string own_executable_path();

// Whether to colour output written to stdout.
bool use_color(const Globals& g);

// "th" or "en": --lang, else the given workspace locale, else th.
bool thai_output(const Globals& g, const std::string& locale);

}  // namespace kudrang::cli
