#pragma once
// Calendar dates kept in the Common Era, shown in the Buddhist Era
// (BE = CE + 543) with Thai month names; the Thai fiscal year N runs from
// 1 October of BE N-1 to 30 September of BE N.
#include <optional>
#include <string>
#include <string_view>

namespace kudrang {

constexpr int be_offset = 543;

struct Date {
  int year = 0;  // CE
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;
};

// Parses `YYYY-MM-DD`; a year >= 2400 is read as BE. Returns nullopt for a
// malformed or impossible date (2020-02-30).
std::optional<Date> parse_date(std::string_view text);

bool is_leap_year(int ce_year);
int days_in_month(int ce_year, int month);
// Days since 1970-01-01 (may be negative); and back.
long days_from_civil(const Date& d);
Date civil_from_days(long days);
// 0 = Sunday ... 6 = Saturday.
int weekday(const Date& d);

// The BE fiscal year a date falls in.
int fiscal_year_of(const Date& d);
// First and last day of BE fiscal year `fy`.
Date fiscal_year_start(int fy);
Date fiscal_year_end(int fy);

std::string iso_date(const Date& d);           // 2019-10-15
std::string iso_month(int ce_year, int month);  // 2019-10
const char* thai_month_name(int month);        // 1 -> มกราคม
const char* thai_month_abbrev(int month);      // 1 -> ม.ค.
const char* english_month_name(int month);
const char* thai_weekday_name(int wd);         // 0 -> อาทิตย์
const char* english_weekday_name(int wd);
// "15 ตุลาคม 2562" (th) or "15 October 2562 BE" (en).
std::string human_date(const Date& d, bool thai);
// For spreadsheets (CSV), text no spreadsheet takes for a date: a month
// "ต.ค. 2562" (th) or "Oct 2562 BE" (en), and a day "4 ก.พ. 2563" (th) or
// "4 Feb 2563 BE" (en): the abbreviated month and the whole BE year.
std::string short_month(int ce_year, int month, bool thai);
std::string short_date(const Date& d, bool thai);

}  // namespace kudrang
