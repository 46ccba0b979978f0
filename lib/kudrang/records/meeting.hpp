#pragma once
// kind: meeting: one council meeting, planned or held, with attendance and agenda.
#include "kudrang/records/fields.hpp"

namespace kudrang {

enum class MeetingStatus { planned, invited, held, cancelled };

struct AttendanceEntry {
  std::string id;
  Mark mark;
  std::string reason;  // for excused/absent: ลา, ติดราชการ, ...
};

struct Guest {
  std::string name;
  std::string organization;
  std::string position;
};

struct AgendaItem {
  int no = 0;
  Mark mark;
  std::string title;
  std::string notes;
  std::string resolution;
};

struct Meeting {
  std::string id;
  Mark id_mark;
  std::optional<Ref> project;
  std::string title;
  MeetingStatus status = MeetingStatus::planned;
  std::optional<Located<Date>> date;
  std::string start;  // "HH:MM" or empty
  std::string end;
  Mark end_mark;
  std::string venue;
  std::optional<Ref> chair;
  std::optional<Ref> recorder;
  std::optional<Ref> checker;
  bool has_attendance = false;
  Mark attendance_mark;
  std::vector<AttendanceEntry> present;
  std::vector<AttendanceEntry> excused;
  std::vector<AttendanceEntry> absent;
  std::vector<Guest> guests;
  std::vector<AgendaItem> agenda;
  std::string note;

  // The fiscal year named by an id of the form "2563-01", if it has that form.
  std::optional<int> id_fiscal_year() const;
  // The sequence number of an id "2563-01" (1), if it has that form.
  std::optional<int> id_number() const;
};

const char* meeting_status_id(MeetingStatus s);
MeetingStatus parse_meeting_status(std::string_view s);

Meeting extract_meeting(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
