#pragma once
// The year's meeting schedule (method 6.1): one meeting a month, October to
// September, on a day rule the clerk sets, moved to the next working day when
// it falls on a weekend or a listed public holiday.
#include "kudrang/records/meeting.hpp"
#include "kudrang/records/workspace.hpp"

namespace kudrang {

// "second tuesday", "last friday", "15" (a day of the month; clamped to the
// month's length). Also Thai weekday names (อังคาร) and "2 tuesday".
struct DayRule {
  int ordinal = 2;      // 1..4, or -1 for last; 0 when `day` is used
  int weekday = 2;      // 0 Sunday .. 6 Saturday
  int day = 0;          // 1..31 for a fixed day of the month
};
std::optional<DayRule> parse_day_rule(std::string_view text);

struct ScheduledMeeting {
  int number = 0;   // 1..12
  Date date;
  Date rule_date;   // the date the rule gave, before moving
  std::vector<std::string> moved_because;  // holiday names / "weekend"
  // From the meeting's record, when the year has one for this number:
  bool recorded = false;
  std::string start;       // its start time (empty: the plan's)
  bool cancelled = false;
  bool changed = false;    // its date or time differs from the plan's, or it is cancelled
};

// The plan's meetings with what the records of the year say about them
// (their real dates, times and cancellations): calendars then follow the
// changes the clerk made with meeting move / cancel.
void apply_records(std::vector<ScheduledMeeting>& schedule, int fiscal_year, const std::vector<Meeting>& meetings,
                   const std::string& plan_start);

// The year's holidays: the built-in table (core/holidays) and the
// workspace's own `holidays:` (days the cabinet declares), in date order. A
// day the workspace lists under the same name as the table is kept once.
std::vector<Holiday> holidays_for_year(int fiscal_year, const std::vector<Holiday>& own);
// Whether the built-in table covers the fiscal year (BE).
bool builtin_holidays_cover(int fiscal_year);

// `holidays` as holidays_for_year gives them. A meeting moved over several
// days of one holiday (13-15 April) names it once.
std::vector<ScheduledMeeting> schedule_year(int fiscal_year, const DayRule& rule,
                                            const std::vector<Holiday>& holidays);

}  // namespace kudrang
