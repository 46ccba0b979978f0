#pragma once
// The process exit codes of every kudrang command (spec/cli.md).

namespace kudrang {

enum ExitStatus : int {
  exit_ok = 0,        // success; for validate: no errors (warnings allowed)
  exit_failed = 1,    // the records have errors, or a rule check failed
  exit_usage = 2,     // bad flag, unknown id, no workspace
  exit_io = 3,        // unreadable file, cannot write
  exit_internal = 4,  // a bug in kudrang (an unexpected exception), or out of memory
};

}  // namespace kudrang
