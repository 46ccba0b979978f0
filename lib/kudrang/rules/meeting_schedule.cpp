#include "kudrang/rules/meeting_schedule.hpp"

#include "kudrang/core/holidays.hpp"

#include <algorithm>

#include <cctype>
#include <charconv>

namespace kudrang {

namespace {

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int weekday_of(std::string_view w)
{
  static const char* en[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (int i = 0; i < 7; ++i) {
    if (w == en[i] || w == std::string_view(en[i]).substr(0, 3)) return i;
    if (w == thai_weekday_name(i) || w == std::string("วัน") + thai_weekday_name(i)) return i;
  }
  return -1;
}

int ordinal_of(std::string_view w)
{
  if (w == "first" || w == "1" || w == "1st") return 1;
  if (w == "second" || w == "2" || w == "2nd") return 2;
  if (w == "third" || w == "3" || w == "3rd") return 3;
  if (w == "fourth" || w == "4" || w == "4th") return 4;
  if (w == "last") return -1;
  return 0;
}

}  // namespace

std::optional<DayRule> parse_day_rule(std::string_view text)
{
  std::string t = lower(text);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  int day = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), day);
  if (ec == std::errc() && p == t.data() + t.size()) {
    if (day < 1 || day > 31) return std::nullopt;
    return DayRule{0, 0, day};
  }
  auto space = t.find(' ');
  if (space == std::string::npos) return std::nullopt;
  int ord = ordinal_of(t.substr(0, space));
  int wd = weekday_of(t.substr(space + 1));
  if (ord == 0 || wd < 0) return std::nullopt;
  return DayRule{ord, wd, 0};
}

std::vector<Holiday> holidays_for_year(int fy, const std::vector<Holiday>& own)
{
  Date first = fiscal_year_start(fy), last = fiscal_year_end(fy);
  std::vector<Holiday> out;
  for (auto& h : builtin_holidays(first, last)) out.push_back({h.date, std::move(h.name), {}});
  for (const auto& h : own) {
    if (h.date < first || last < h.date) continue;
    bool same = false;
    for (const auto& b : out) same = same || (b.date == h.date && b.name == h.name);
    if (!same) out.push_back(h);
  }
  std::stable_sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

bool builtin_holidays_cover(int fy)
{
  return fy >= builtin_holidays_first_fiscal_year() && fy <= builtin_holidays_last_fiscal_year();
}

std::vector<ScheduledMeeting> schedule_year(int fy, const DayRule& rule, const std::vector<Holiday>& holidays)
{
  static const std::string sunday = "วันอาทิตย์", saturday = "วันเสาร์";
  std::vector<ScheduledMeeting> out;
  Date start = fiscal_year_start(fy);
  for (int i = 0; i < 12; ++i) {
    int m = (start.month - 1 + i) % 12 + 1;
    int y = start.year + (start.month - 1 + i) / 12;
    Date d{y, m, 1};
    if (rule.day > 0) {
      d.day = std::min(rule.day, days_in_month(y, m));
    } else if (rule.ordinal > 0) {
      int first_wd = weekday(d);
      d.day = 1 + (rule.weekday - first_wd + 7) % 7 + 7 * (rule.ordinal - 1);
    } else {
      Date last{y, m, days_in_month(y, m)};
      last.day -= (weekday(last) - rule.weekday + 7) % 7;
      d = last;
    }
    ScheduledMeeting s;
    s.number = i + 1;
    s.date = d;
    s.rule_date = d;
    // Move to the next working day; give up after two weeks (never happens in practice).
    for (int guard = 0; guard < 14; ++guard) {
      int wd = weekday(s.date);
      std::vector<const std::string*> names;
      for (const auto& hol : holidays) {
        if (hol.date == s.date) names.push_back(&hol.name);
      }
      if (wd != 0 && wd != 6 && names.empty()) break;
      if (names.empty()) names.push_back(wd == 0 ? &sunday : &saturday);
      for (const std::string* n : names) {
        if (std::find(s.moved_because.begin(), s.moved_because.end(), *n) == s.moved_because.end()) {
          s.moved_because.push_back(*n);
        }
      }
      s.date = civil_from_days(days_from_civil(s.date) + 1);
    }
    out.push_back(std::move(s));
  }
  return out;
}

void apply_records(std::vector<ScheduledMeeting>& schedule, int fiscal_year, const std::vector<Meeting>& meetings,
                   const std::string& plan_start)
{
  for (auto& s : schedule) {
    for (const auto& m : meetings) {
      if (m.id_fiscal_year() != fiscal_year || m.id_number() != s.number || !m.date) continue;
      s.recorded = true;
      s.cancelled = m.status == MeetingStatus::cancelled;
      s.start = m.start;
      s.changed = !(m.date->value == s.date) || (!m.start.empty() && m.start != plan_start) || s.cancelled;
      s.date = m.date->value;
    }
  }
}

}  // namespace kudrang
