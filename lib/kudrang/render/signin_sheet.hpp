#pragma once
// The sign-in sheet of a meeting (ใบลงชื่อผู้เข้าร่วมประชุม): every member of
// the council on the meeting's day, numbered in the order of signin_order()
// (the numbers `meeting attend` accepts), grouped by sector and village, with
// name, position and a column to sign.
#include "kudrang/render/doc.hpp"
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/attendance_change.hpp"

#include <string>
#include <vector>

namespace kudrang {

Doc render_signin_sheet(const Meeting& m, const Workspace& ws);

// The interactive checklist of `meeting attend` (plain text for a terminal):
// the sign-in sheet's members by sector and village, each with its number,
// mark (มา / ลา / ขาด) and reason.
std::string render_attendance_checklist(const Meeting& m, const Workspace& ws, const std::vector<const Member*>& sheet,
                                        const std::vector<AttendanceState>& people, bool thai);
// Only the lines of the members with these sign-in numbers (1-based), as the
// checklist shows them after a change.
std::string render_attendance_lines(const std::vector<const Member*>& sheet, const std::vector<AttendanceState>& people,
                                    const std::vector<std::size_t>& numbers, bool thai);

}  // namespace kudrang
