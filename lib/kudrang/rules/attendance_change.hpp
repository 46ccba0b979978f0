#pragma once
// Who came to a meeting, changed the way a clerk changes it (spec/cli.md
// "Changing records", issue 13 point 2): from the sign-in sheet's numbers or
// roster ids on the command line, from a sheet typed off the paper, or from
// the interactive checklist. Pure: the meeting and its sign-in sheet in, the
// three lists out. Members not named keep their place; everyone ends in
// exactly one list.
#include "kudrang/records/meeting.hpp"
#include "kudrang/records/sheet_import.hpp"
#include "kudrang/records/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kudrang {

enum class AttendanceMark { present, excused, absent };

struct AttendanceState {
  std::string id;
  AttendanceMark mark = AttendanceMark::present;
  std::string reason;  // excused / absent only
};

// Where everyone stands now: the meeting's lists, or, for a meeting without
// attendance yet, every member of the sign-in sheet present.
std::vector<AttendanceState> current_attendance(const Meeting& m, const std::vector<const Member*>& sheet);

// Moves `id` to `mark` (adding it when it is not there yet). A present member
// has no reason; an empty `reason` keeps the one the member had in that list.
void mark_attendance(std::vector<AttendanceState>& people, const std::string& id, AttendanceMark mark,
                     const std::string& reason);

// The three lists in the order of the sign-in sheet, then anyone else as they were.
struct AttendanceLists {
  std::vector<AttendanceState> present, excused, absent;
  std::size_t total() const { return present.size() + excused.size() + absent.size(); }
};
AttendanceLists attendance_lists(const std::vector<AttendanceState>& people, const std::vector<const Member*>& sheet);

// A roster id or a number of the sign-in sheet; nullptr with `error` for a
// clerk otherwise.
const Member* attendance_member(const std::string& token, const Workspace& ws,
                                const std::vector<const Member*>& sheet, std::string& error);

// "มา" / "ลา" / "ขาด" and what clerks write for them (มาประชุม, ลาป่วย,
// ไม่มา, present, excused, absent, ✓, ✗ ...). `reason` gets the word when the
// word itself is a reason (ลาป่วย, ลากิจ, ติดราชการ).
std::optional<AttendanceMark> attendance_mark_from_text(std::string_view text, std::string& reason);

// The attendance sheet a clerk typed off the paper sheet: a header row with
// a number (ลำดับ / ที่ / no), a roster id (รหัส / id) or a name
// (ชื่อ-สกุล / name) column, a status column (สถานะ / การมาประชุม / status)
// and optionally a reason (เหตุผล / หมายเหตุ / reason). Each row names one
// member; a name beside a number or id must be that member's (a row typed
// against the wrong number is caught).
struct AttendanceFromSheet {
  std::string sheet;
  std::size_t header_row = 0;  // 0-based
  std::vector<std::pair<std::string, std::string>> columns;  // header as written, field ("" ignored)
  struct Change {
    std::string where;  // Sheet!A5
    std::string id;
    AttendanceMark mark = AttendanceMark::present;
    std::string reason;
  };
  std::vector<Change> changes;
  std::vector<SheetProblem> problems;
};
AttendanceFromSheet read_attendance_sheet(const Workbook& book, const Workspace& ws,
                                          const std::vector<const Member*>& sheet);

// One line typed into the checklist: "ขาด 3 7", "ลา 5 6: ติดราชการ",
// "มา 3-5", "บันทึก", "ยกเลิก" (or a, e, p, s, q and the English words).
struct ChecklistCommand {
  enum class Kind { mark, save, quit, redraw, help, invalid };
  Kind kind = Kind::invalid;
  AttendanceMark mark = AttendanceMark::present;
  std::vector<std::size_t> numbers;  // sign-in sheet numbers, 1-based
  std::string reason;
  std::string error;  // invalid: what is wrong
};
ChecklistCommand parse_checklist_command(std::string_view line, std::size_t sheet_size);

}  // namespace kudrang
