#include "kudrang/core/date.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

TEST_CASE("date: BE and CE years read as the same day")
{
  auto ce = parse_date("2019-10-15");
  auto be = parse_date("2562-10-15");
  REQUIRE(ce);
  REQUIRE(be);
  CHECK(*ce == *be);
  CHECK(iso_date(*be) == "2019-10-15");
}

TEST_CASE("date: impossible dates are rejected")
{
  CHECK_FALSE(parse_date("2019-02-29"));
  CHECK(parse_date("2020-02-29"));
  CHECK_FALSE(parse_date("2563-02-30"));
  CHECK_FALSE(parse_date("2019-13-01"));
  CHECK_FALSE(parse_date("2019-1-01"));
  CHECK_FALSE(parse_date("20191001"));
}

TEST_CASE("date: the fiscal year runs from October to September")
{
  CHECK(fiscal_year_of(Date{2019, 10, 1}) == 2563);
  CHECK(fiscal_year_of(Date{2019, 9, 30}) == 2562);
  CHECK(fiscal_year_of(Date{2020, 9, 30}) == 2563);
  CHECK(fiscal_year_start(2563) == Date{2019, 10, 1});
  CHECK(fiscal_year_end(2563) == Date{2020, 9, 30});
}

TEST_CASE("date: weekday and Thai names")
{
  CHECK(weekday(Date{2019, 10, 15}) == 2);  // a Tuesday
  CHECK(weekday(Date{1970, 1, 1}) == 4);
  CHECK(std::string(thai_weekday_name(2)) == "อังคาร");
  CHECK(human_date(Date{2019, 10, 15}, true) == "15 ตุลาคม 2562");
  CHECK(human_date(Date{2020, 2, 1}, false) == "1 February 2563 BE");
  CHECK(civil_from_days(days_from_civil(Date{2024, 2, 29})) == Date{2024, 2, 29});
}

TEST_CASE("date: months and days for spreadsheets are BE text, not dates")
{
  CHECK(short_month(2019, 10, true) == "ต.ค. 2562");
  CHECK(short_month(2019, 10, false) == "Oct 2562 BE");
  CHECK(short_date(Date{2020, 2, 4}, true) == "4 ก.พ. 2563");
  CHECK(short_date(Date{2020, 9, 30}, false) == "30 Sep 2563 BE");
}
