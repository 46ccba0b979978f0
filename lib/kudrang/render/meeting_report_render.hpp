#pragma once
// `meeting report`: the council's year against its indicator (md, csv, json).
#include "kudrang/rules/meeting_report.hpp"

#include <ostream>

namespace kudrang {

void render_meeting_report_md(std::ostream& out, const MeetingReport& r, const Workspace& ws, bool thai);
// One row per village: the held meetings of each month with the village present.
void render_meeting_report_csv(std::ostream& out, const MeetingReport& r);
void render_meeting_report_json(std::ostream& out, const MeetingReport& r);

}  // namespace kudrang
