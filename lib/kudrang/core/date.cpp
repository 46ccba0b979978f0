#include "kudrang/core/date.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

std::optional<int> parse_digits(std::string_view s)
{
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

bool is_leap_year(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m)
{
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) {
    return 0;
  }
  return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

std::optional<Date> parse_date(std::string_view text)
{
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  auto y = parse_digits(text.substr(0, 4));
  auto m = parse_digits(text.substr(5, 2));
  auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d) {
    return std::nullopt;
  }
  int year = *y >= 2400 ? *y - be_offset : *y;
  if (*m < 1 || *m > 12 || *d < 1 || *d > days_in_month(year, *m)) {
    return std::nullopt;
  }
  return Date{year, *m, *d};
}

// Howard Hinnant's civil-calendar algorithms.
long days_from_civil(const Date& date)
{
  long y = date.year - (date.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (date.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + date.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(const Date& d)
{
  long days = days_from_civil(d);
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

int fiscal_year_of(const Date& d)
{
  return d.year + be_offset + (d.month >= 10 ? 1 : 0);
}

Date fiscal_year_start(int fy)
{
  return Date{fy - be_offset - 1, 10, 1};
}

Date fiscal_year_end(int fy)
{
  return Date{fy - be_offset, 9, 30};
}

std::string iso_date(const Date& d)
{
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string iso_month(int y, int m)
{
  return fmt::format("{:04}-{:02}", y, m);
}

const char* thai_month_name(int m)
{
  static const char* names[] = {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                                "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
  return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

const char* thai_month_abbrev(int m)
{
  static const char* names[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
  return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

const char* english_month_name(int m)
{
  static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
  return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

const char* thai_weekday_name(int wd)
{
  static const char* names[] = {"อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"};
  return wd >= 0 && wd <= 6 ? names[wd] : "?";
}

const char* english_weekday_name(int wd)
{
  static const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                "Thursday", "Friday", "Saturday"};
  return wd >= 0 && wd <= 6 ? names[wd] : "?";
}

std::string human_date(const Date& d, bool thai)
{
  if (thai) {
    return fmt::format("{} {} {}", d.day, thai_month_name(d.month), d.year + be_offset);
  }
  return fmt::format("{} {} {} BE", d.day, english_month_name(d.month), d.year + be_offset);
}

std::string short_month(int ce_year, int month, bool thai)
{
  if (thai) return fmt::format("{} {}", thai_month_abbrev(month), ce_year + be_offset);
  // "Oct": the English name's first three letters; " BE" keeps it text.
  return fmt::format("{} {}", std::string_view(english_month_name(month)).substr(0, 3), ce_year + be_offset) + " BE";
}

std::string short_date(const Date& d, bool thai)
{
  return fmt::format("{} {}", d.day, short_month(d.year, d.month, thai));
}

}  // namespace kudrang
