#pragma once
// Running another program (git) without a shell: each argument reaches it as
// it is, so a folder named "-x" or "o'brien" is a name, never an option or a
// piece of a command line.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kudrang {

struct ProgramOptions {
  std::optional<std::filesystem::path> cwd;  // where it runs (default: here)
  bool show_output = false;                  // else its stdout and stderr go to /dev/null
  std::string* output = nullptr;             // when set: its stdout, read to the end (stderr still as above)
  int timeout_seconds = 0;                   // > 0: killed after that long (then -1, `error` says so)
};

// Runs argv[0], looked up in PATH, with `argv`, its standard input from
// /dev/null, and waits for it. Returns its exit code, 128+N when signal N
// ended it, or -1 with `error` set when it could not be started (not
// installed, no such folder) or ran past its timeout (and was killed).
int run_program(const std::vector<std::string>& argv, std::string& error, const ProgramOptions& options = {});

}  // namespace kudrang
