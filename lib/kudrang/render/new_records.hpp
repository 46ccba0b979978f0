#pragma once
// The text of records kudrang writes for the clerk: a new meeting (planned,
// with the standard first two agenda items and every current member under
// attendance to sort), the files of a new workspace, and iCalendar files.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/attendance_change.hpp"
#include "kudrang/rules/meeting_schedule.hpp"

namespace kudrang {

struct NewMeeting {
  int fiscal_year = 0;
  int number = 0;
  Date date;
  std::string start = "09:30";
  std::string venue;          // empty: the council's
  bool fill_attendance = true;
  std::string schema_prefix;  // relative path from the record's folder to the schemas
};

// "2563-01"
std::string meeting_id(int fiscal_year, int number);
// meetings/<fy>/<id>.yaml
std::string meeting_path(int fiscal_year, int number);
// The YAML text of the new meeting record.
std::string new_meeting_yaml(const Workspace& ws, const NewMeeting& m);

// The `attendance:` block of a meeting record, with each member's name as a
// comment beside the id, so that the file reads like the paper sheet.
std::string attendance_yaml(const AttendanceLists& lists, const Workspace& ws);

struct NewWorkspace {
  std::string org_name;     // องค์การบริหารส่วนตำบลกุดรัง
  std::string org_short;    // อบต.กุดรัง
  std::string org_type = "sao";
  std::string province, district, subdistrict, code;
  int villages = 1;
  std::string default_branch = "main";  // the branch CI checks whole (pushes to it)
};

// Where the workflows kudrang writes download the Debian package of kudrang
// `version` (the pinned version: the one writing the workflow).
std::string release_package_url(std::string_view version);
// The workflow of a province's (or district's) gathering of LAO repositories
// as submodules (.github/workflows/kudrang-province.yml): pull requests (the
// bumps) checked with --changed through the submodules, the default branch
// whole, and a sketch of the monthly job that runs `gather update` and opens
// a pull request with the bumps.
std::string province_workflow(const std::string& default_branch);
inline constexpr const char* province_workflow_path = ".github/workflows/kudrang-province.yml";

// The files of a new workspace: relative path -> content.
std::vector<std::pair<std::string, std::string>> new_workspace_files(const NewWorkspace& w);

// An iCalendar (RFC 5545) file of the schedule, times in Asia/Bangkok.
// `stamp` is the DTSTAMP (UTC, "20201001T000000Z").
std::string schedule_ics(const Workspace& ws, int fiscal_year, const std::vector<ScheduledMeeting>& s,
                         const std::string& start, int minutes, const std::string& stamp);

}  // namespace kudrang
