#pragma once
// Checks that span records of one workspace: unique ids, references that
// resolve, dates inside fiscal years, attendance, certification scores.
// References never cross from one workspace to another.
#include "kudrang/records/workspace.hpp"

namespace kudrang {

// Appends every cross-record problem of `ws` to `out`.
void check_workspace(const Workspace& ws, std::vector<Diagnostic>& out);

// A meeting still planned or invited: whether it is overdue depends on the
// day of the run, so it is kept (and cached) as a fact and judged at output.
struct PendingMeeting {
  std::string file;
  Mark mark;  // of its date
  std::string id;
  Date date;
  bool invited = false;
  bool operator==(const PendingMeeting&) const = default;
};
std::vector<PendingMeeting> pending_meetings(const Workspace& ws);

// Warns (meeting-overdue) for each pending meeting dated before `today`.
void check_overdue(const std::vector<PendingMeeting>& pending, const Date& today, std::vector<Diagnostic>& out);

}  // namespace kudrang
