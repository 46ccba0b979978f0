#include "kudrang/records/meeting.hpp"

#include <charconv>

namespace kudrang {

const char* meeting_status_id(MeetingStatus s)
{
  switch (s) {
  case MeetingStatus::planned: return "planned";
  case MeetingStatus::invited: return "invited";
  case MeetingStatus::held: return "held";
  case MeetingStatus::cancelled: return "cancelled";
  }
  return "planned";
}

MeetingStatus parse_meeting_status(std::string_view s)
{
  if (s == "invited") return MeetingStatus::invited;
  if (s == "held") return MeetingStatus::held;
  if (s == "cancelled") return MeetingStatus::cancelled;
  return MeetingStatus::planned;
}

namespace {

std::optional<std::pair<int, int>> split_id(std::string_view id)
{
  if (id.size() < 6 || id[4] != '-') {
    return std::nullopt;
  }
  int fy = 0;
  int no = 0;
  auto r1 = std::from_chars(id.data(), id.data() + 4, fy);
  auto r2 = std::from_chars(id.data() + 5, id.data() + id.size(), no);
  if (r1.ec != std::errc() || r1.ptr != id.data() + 4 || r2.ec != std::errc()
      || r2.ptr != id.data() + id.size()) {
    return std::nullopt;
  }
  return std::pair{fy, no};
}

void read_entries(const Node& attendance, std::string_view key, std::vector<AttendanceEntry>& out)
{
  const Node* list = get_list(attendance, key);
  if (!list) return;
  for (const auto& item : list->items) {
    if (item.is_mapping()) {
      if (auto id = get_ref(item, "id")) {
        out.push_back({id->value, id->mark, get_text(item, "reason")});
      }
    } else if (item.is_scalar() && !item.is_null()) {
      out.push_back({item.text, item.mark, {}});
    }
  }
}

}  // namespace

std::optional<int> Meeting::id_fiscal_year() const
{
  auto p = split_id(id);
  return p ? std::optional<int>(p->first) : std::nullopt;
}

std::optional<int> Meeting::id_number() const
{
  auto p = split_id(id);
  return p ? std::optional<int>(p->second) : std::nullopt;
}

Meeting extract_meeting(const Node& doc, Diagnostics& diags)
{
  Meeting m;
  if (auto id = get_ref(doc, "id")) {
    m.id = id->value;
    m.id_mark = id->mark;
  }
  m.project = get_ref(doc, "project");
  m.title = get_text(doc, "title");
  m.status = parse_meeting_status(get_text(doc, "status"));
  m.date = get_date(doc, "date", diags);
  m.start = get_text(doc, "start");
  m.end = get_text(doc, "end");
  m.end_mark = doc.find("end") ? doc.find("end")->mark : doc.mark;
  m.venue = get_text(doc, "venue");
  m.chair = get_ref(doc, "chair");
  m.recorder = get_ref(doc, "recorder");
  m.checker = get_ref(doc, "checker");
  m.note = get_text(doc, "note");
  if (const Node* att = get_map(doc, "attendance")) {
    m.has_attendance = true;
    m.attendance_mark = doc.key_mark("attendance");
    read_entries(*att, "present", m.present);
    read_entries(*att, "excused", m.excused);
    read_entries(*att, "absent", m.absent);
  }
  if (const Node* list = get_list(doc, "guests")) {
    for (const auto& g : list->items) {
      if (g.is_mapping()) {
        m.guests.push_back({get_text(g, "name"), get_text(g, "organization"), get_text(g, "position")});
      }
    }
  }
  if (const Node* list = get_list(doc, "agenda")) {
    for (const auto& a : list->items) {
      if (!a.is_mapping()) continue;
      AgendaItem item;
      item.no = static_cast<int>(get_int(a, "no").value_or(0));
      item.mark = a.mark;
      item.title = get_text(a, "title");
      item.notes = get_text(a, "notes");
      item.resolution = get_text(a, "resolution");
      m.agenda.push_back(std::move(item));
    }
  }
  return m;
}

}  // namespace kudrang
