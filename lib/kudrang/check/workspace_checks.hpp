#pragma once
// Checks that span records of one workspace: unique ids, references that
// resolve, dates inside fiscal years, attendance, certification scores.
// References never cross from one workspace to another.
#include "kudrang/records/workspace.hpp"

namespace kudrang {

// Appends every cross-record problem of `ws` to `out`.
void check_workspace(const Workspace& ws, std::vector<Diagnostic>& out);

}  // namespace kudrang
