#include "kudrang/rules/meeting_report.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kudrang {

bool quorum_reached(long present, long members, const std::optional<Fraction>& quorum)
{
  if (members <= 0) {
    return false;
  }
  if (quorum) {
    return present * quorum->den >= quorum->num * members;
  }
  return present * 2 > members;
}

namespace {

// Index 0..11 of a date's month within its fiscal year (October = 0).
int fiscal_month_index(const Date& d)
{
  return d.month >= 10 ? d.month - 10 : d.month + 2;
}

}  // namespace

MeetingReport meeting_report(const Workspace& ws, int fy)
{
  MeetingReport r;
  r.fiscal_year = fy;
  r.target = ws.has_config ? ws.config.value.meetings_per_year : 12;
  Date start = fiscal_year_start(fy);
  for (int i = 0; i < 12; ++i) {
    int m = (start.month - 1 + i) % 12 + 1;
    int y = start.year + (start.month - 1 + i) / 12;
    r.months[static_cast<size_t>(i)] = {y, m, 0};
  }

  std::vector<const Meeting*> held;
  for (const auto& rec : ws.meetings) {
    const Meeting& m = rec.value;
    if (!m.date || fiscal_year_of(m.date->value) != fy) continue;
    if (m.status == MeetingStatus::held) held.push_back(&m);
    if (m.status == MeetingStatus::cancelled) r.cancelled_meetings.push_back(&m);
  }
  auto by_date = [](const Meeting* a, const Meeting* b) { return a->date->value < b->date->value; };
  std::stable_sort(held.begin(), held.end(), by_date);
  std::stable_sort(r.cancelled_meetings.begin(), r.cancelled_meetings.end(), by_date);
  r.cancelled = static_cast<long>(r.cancelled_meetings.size());
  r.held = static_cast<long>(held.size());

  std::map<int, size_t> village_index;
  if (ws.has_config) {
    for (const auto& v : ws.config.value.villages) {
      village_index[v.no] = r.villages.size();
      r.villages.push_back({v.no, v.name, 0, {}});
    }
  }
  for (Sector s : all_sectors) r.sectors.push_back({s, 0, 0});
  std::map<std::string, size_t> member_index;
  for (const Member* m : ws.members()) {
    member_index[m->id] = r.members.size();
    r.members.push_back({m, 0, 0, 0});
  }
  auto sector_slot = [&](Sector s) -> SectorAttendance* {
    for (auto& x : r.sectors) {
      if (x.sector == s) return &x;
    }
    return nullptr;
  };

  for (const Meeting* m : held) {
    int mi = fiscal_month_index(m->date->value);
    r.months[static_cast<size_t>(mi)].held += 1;
    std::set<int> villages_present;
    auto count = [&](const std::vector<AttendanceEntry>& list, int which) {
      for (const auto& e : list) {
        const Member* mem = ws.member(e.id);
        if (!mem) continue;
        auto& ma = r.members[member_index[mem->id]];
        (which == 0 ? ma.present : which == 1 ? ma.excused : ma.absent) += 1;
        if (auto* s = sector_slot(mem->sector)) {
          s->possible += 1;
          if (which == 0) s->present += 1;
        }
        if (which == 0 && mem->village) villages_present.insert(*mem->village);
      }
    };
    count(m->present, 0);
    count(m->excused, 1);
    count(m->absent, 2);
    for (int v : villages_present) {
      auto it = village_index.find(v);
      if (it == village_index.end()) continue;
      r.villages[it->second].meetings_present += 1;
      r.villages[it->second].by_month[static_cast<size_t>(mi)] += 1;
    }
    long current = 0;
    for (const Member* mem : ws.members()) current += mem->current_on(m->date->value) ? 1 : 0;
    long present = static_cast<long>(m->present.size());
    r.meetings.push_back({m, present, static_cast<long>(m->excused.size()), static_cast<long>(m->absent.size()), current,
                          quorum_reached(present, current, ws.has_config ? ws.config.value.quorum : std::nullopt)});
  }
  for (const auto& mh : r.months) {
    if (mh.held == 0) r.missing_months.push_back(mh);
  }
  return r;
}

}  // namespace kudrang
