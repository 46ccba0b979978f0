#pragma once
// The council's year against its indicator (method 6.3): meetings held per
// month against the target, attendance per village, sector and member, and
// the quorum of each held meeting.
#include "kudrang/records/workspace.hpp"

#include <array>

namespace kudrang {

struct MonthHeld {
  int year = 0;  // CE
  int month = 0;
  long held = 0;
  bool operator==(const MonthHeld&) const = default;
};

struct VillageAttendance {
  int no = 0;
  std::string name;
  long meetings_present = 0;
  std::array<long, 12> by_month{};  // held meetings in each fiscal month with the village present
  bool operator==(const VillageAttendance&) const = default;
};

struct SectorAttendance {
  Sector sector = Sector::unknown;
  long present = 0;
  long possible = 0;
  bool operator==(const SectorAttendance&) const = default;
};

struct MemberAttendance {
  const Member* member = nullptr;
  long present = 0;
  long excused = 0;
  long absent = 0;
  bool operator==(const MemberAttendance&) const = default;
};

struct MeetingQuorum {
  const Meeting* meeting = nullptr;
  long present = 0;
  long excused = 0;
  long absent = 0;
  long members = 0;  // current members on the day
  bool reached = false;
  bool operator==(const MeetingQuorum&) const = default;
};

struct MeetingReport {
  int fiscal_year = 0;
  int target = 12;
  long held = 0;
  std::array<MonthHeld, 12> months{};  // October .. September
  std::vector<MonthHeld> missing_months;
  std::vector<VillageAttendance> villages;
  std::vector<SectorAttendance> sectors;  // the four sectors in fixed order
  std::vector<MemberAttendance> members;
  std::vector<MeetingQuorum> meetings;    // held meetings by date
  std::vector<const Meeting*> cancelled_meetings;  // by date
  long cancelled = 0;
  bool target_met() const { return held >= target; }
  bool operator==(const MeetingReport&) const = default;
};

MeetingReport meeting_report(const Workspace& ws, int fiscal_year);

// Whether `present` of `members` reaches the quorum: a configured share, or
// more than half when none is configured.
bool quorum_reached(long present, long members, const std::optional<Fraction>& quorum);

}  // namespace kudrang
