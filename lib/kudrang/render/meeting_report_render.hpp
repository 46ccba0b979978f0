#pragma once
// `meeting report`: the council's year against its indicator (md, csv, json).
#include "kudrang/rules/meeting_report.hpp"

#include <ostream>

namespace kudrang {

void render_meeting_report_md(std::ostream& out, const MeetingReport& r, const Workspace& ws, bool thai);
// One CSV in sections (the year's indicator, the meetings, villages x months,
// sectors, members; man kudrang-meeting(1)), headers in Thai or English.
void render_meeting_report_csv(std::ostream& out, const MeetingReport& r, const Workspace& ws, bool thai);
void render_meeting_report_json(std::ostream& out, const MeetingReport& r);

// A tree: one row per workspace (its partial has no member or meeting
// lists) and the totals.
using MeetingTreeReport = std::vector<std::pair<WorkspaceInfo, MeetingReport>>;
void render_meeting_tree_md(std::ostream& out, int fiscal_year, const MeetingTreeReport& r, bool thai);
void render_meeting_tree_csv(std::ostream& out, const MeetingTreeReport& r, bool thai);
void render_meeting_tree_json(std::ostream& out, int fiscal_year, const MeetingTreeReport& r);

}  // namespace kudrang
