// The meeting planner's holidays (issue 13 point 6): the built-in table of
// fiscal years 2563-2575 and the workspace's own days.
#include "kudrang/core/holidays.hpp"
#include "kudrang/rules/meeting_schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kudrang;

namespace {

bool has(const std::vector<PublicHoliday>& list, const Date& d, const std::string& name)
{
  return std::any_of(list.begin(), list.end(), [&](const PublicHoliday& h) { return h.date == d && h.name == name; });
}

}  // namespace

TEST_CASE("the built-in holidays cover every fiscal year 2563-2575, the Buddhist days of the lunar calendar included")
{
  CHECK(builtin_holidays_first_fiscal_year() == 2563);
  CHECK(builtin_holidays_last_fiscal_year() == 2575);
  for (int fy = 2563; fy <= 2575; ++fy) {
    CAPTURE(fy);
    auto year = builtin_holidays(fiscal_year_start(fy), fiscal_year_end(fy));
    CHECK(year.size() >= 15);
    for (std::string name : {"วันมาฆบูชา", "วันวิสาขบูชา", "วันอาสาฬหบูชา", "วันเข้าพรรษา", "วันสงกรานต์",
                             "วันขึ้นปีใหม่", "วันรัฐธรรมนูญ"}) {
      CAPTURE(name);
      // April 2020 (2563) had no Songkran holiday: the cabinet postponed it
      // for Covid-19.
      if (fy == 2563 && name == "วันสงกรานต์") continue;
      CHECK(std::any_of(year.begin(), year.end(), [&](const PublicHoliday& h) { return h.name == name; }));
    }
    CHECK(std::is_sorted(year.begin(), year.end(),
                         [](const PublicHoliday& a, const PublicHoliday& b) { return a.date < b.date; }));
  }
  CHECK(builtin_holidays(fiscal_year_start(2576), fiscal_year_end(2576)).empty());
  CHECK(builtin_holidays_cover(2569));
  CHECK_FALSE(builtin_holidays_cover(2562));
  CHECK_FALSE(builtin_holidays_cover(2576));
}

TEST_CASE("the lunar days fall where the cabinet's calendars put them (2567 and 2568)")
{
  auto all = builtin_holidays({2023, 10, 1}, {2025, 9, 30});
  CHECK(has(all, {2024, 2, 24}, "วันมาฆบูชา"));
  CHECK(has(all, {2024, 5, 22}, "วันวิสาขบูชา"));
  CHECK(has(all, {2024, 7, 20}, "วันอาสาฬหบูชา"));
  CHECK(has(all, {2024, 7, 21}, "วันเข้าพรรษา"));
  CHECK(has(all, {2025, 2, 12}, "วันมาฆบูชา"));
  CHECK(has(all, {2025, 5, 11}, "วันวิสาขบูชา"));
  CHECK(has(all, {2025, 7, 10}, "วันอาสาฬหบูชา"));
  CHECK(has(all, {2025, 7, 11}, "วันเข้าพรรษา"));
  CHECK(has(all, {2024, 12, 10}, "วันรัฐธรรมนูญ"));
}

TEST_CASE("a meeting moved over three days of Songkran names the holiday once")
{
  auto rule = parse_day_rule("second tuesday");
  REQUIRE(rule);
  auto plan = schedule_year(2569, *rule, holidays_for_year(2569, {}));
  REQUIRE(plan.size() == 12);
  const auto& april = plan[6];
  CHECK(april.rule_date == Date{2026, 4, 14});
  CHECK(april.date == Date{2026, 4, 16});
  CHECK(april.moved_because == std::vector<std::string>{"วันสงกรานต์"});
  // Without the built-in table the same rule keeps 14 April.
  CHECK(schedule_year(2569, *rule, {})[6].date == Date{2026, 4, 14});
}

TEST_CASE("the workspace's holidays add to the table; one the table has is kept once")
{
  std::vector<Holiday> own = {{{2026, 4, 13}, "วันสงกรานต์", {}}, {{2026, 3, 10}, "วันหยุดพิเศษ", {}}};
  auto year = holidays_for_year(2569, own);
  CHECK(std::count_if(year.begin(), year.end(), [](const Holiday& h) { return h.date == Date{2026, 4, 13}; }) == 1);
  CHECK(std::count_if(year.begin(), year.end(), [](const Holiday& h) { return h.name == "วันหยุดพิเศษ"; }) == 1);
  CHECK(std::is_sorted(year.begin(), year.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; }));
  auto rule = parse_day_rule("second tuesday");
  auto plan = schedule_year(2569, *rule, year);
  CHECK(plan[5].rule_date == Date{2026, 3, 10});
  CHECK(plan[5].date == Date{2026, 3, 11});
  CHECK(plan[5].moved_because == std::vector<std::string>{"วันหยุดพิเศษ"});
  // A year the table does not cover has the workspace's days only.
  CHECK(holidays_for_year(2580, own).size() == 0);
  std::vector<Holiday> later = {{{2037, 1, 1}, "วันขึ้นปีใหม่", {}}};
  CHECK(holidays_for_year(2580, later).size() == 1);
}
