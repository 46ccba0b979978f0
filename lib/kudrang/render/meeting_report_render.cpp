#include "kudrang/render/meeting_report_render.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/table.hpp"
#include "kudrang/rules/ratio.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

std::string month_label(const MonthHeld& m, bool thai)
{
  int be = (m.year + be_offset) % 100;
  return thai ? fmt::format("{} {:02}", thai_month_abbrev(m.month), be)
              : fmt::format("{} {:02}", std::string(english_month_name(m.month)).substr(0, 3), be);
}

}  // namespace

void render_meeting_report_md(std::ostream& out, const MeetingReport& r, const Workspace& ws, bool thai)
{
  using A = MarkdownTable::Align;
  const std::string council = ws.has_config ? md_text(ws.config.value.council_name) : std::string();
  out << "# "
      << (thai ? fmt::format("รายงานผลการประชุม{} ปีงบประมาณ {}", council.empty() ? "สภา" : council, r.fiscal_year)
               : fmt::format("Council meetings, fiscal year {}{}", r.fiscal_year, council.empty() ? "" : " — " + council))
      << "\n\n";
  Date start = fiscal_year_start(r.fiscal_year);
  Date end = fiscal_year_end(r.fiscal_year);
  out << (thai ? fmt::format("ระยะเวลา {} ถึง {}\n\n", human_date(start, true), human_date(end, true))
               : fmt::format("From {} to {}\n\n", human_date(start, false), human_date(end, false)));
  out << (thai ? fmt::format("**ตัวชี้วัด: ประชุม {} จาก {} ครั้ง — {}**\n\n", r.held, r.target,
                             r.target_met() ? "บรรลุตัวชี้วัด" : "ยังไม่บรรลุตัวชี้วัด")
               : fmt::format("**Indicator: {} of {} meetings held — {}**\n\n", r.held, r.target,
                             r.target_met() ? "met" : "not met"));
  if (!r.missing_months.empty()) {
    std::vector<std::string> names;
    for (const auto& m : r.missing_months) {
      names.push_back(thai ? fmt::format("{} {}", thai_month_name(m.month), m.year + be_offset)
                           : fmt::format("{} {}", english_month_name(m.month), m.year + be_offset));
    }
    out << tr(thai, "เดือนที่ไม่มีการประชุม: ", "Months without a meeting: ") << fmt::format("{}", fmt::join(names, ", "))
        << "\n\n";
  }
  if (r.cancelled > 0) {
    out << (thai ? fmt::format("งดประชุม {} ครั้ง\n\n", r.cancelled) : fmt::format("{} meeting(s) cancelled\n\n", r.cancelled));
  }

  out << "## " << tr(thai, "การประชุมแต่ละครั้ง", "Meetings held") << "\n\n";
  MarkdownTable meetings({tr(thai, "ครั้งที่", "meeting"), tr(thai, "วันที่", "date"), tr(thai, "มาประชุม", "present"),
                          tr(thai, "สมาชิก", "members"), tr(thai, "องค์ประชุม", "quorum")},
                         {A::left, A::left, A::right, A::right, A::left});
  for (const auto& q : r.meetings) {
    meetings.add_row({q.meeting->id, human_date(q.meeting->date->value, thai), fmt::format("{}", q.present),
                      fmt::format("{}", q.members),
                      q.reached ? tr(thai, "ครบองค์ประชุม", "reached") : tr(thai, "ไม่ครบองค์ประชุม", "not reached")});
  }
  meetings.write(out);

  out << "\n## " << tr(thai, "การเข้าร่วมประชุมรายหมู่บ้าน", "Attendance by village") << "\n\n";
  std::vector<Inline> headers = {tr(thai, "หมู่ที่", "village")};
  std::vector<A> align = {A::left};
  for (const auto& m : r.months) {
    headers.push_back(month_label(m, thai));
    align.push_back(A::right);
  }
  headers.push_back(tr(thai, "รวม", "total"));
  align.push_back(A::right);
  MarkdownTable grid(headers, align);
  for (const auto& v : r.villages) {
    std::vector<Inline> row = {fmt::format("{} {}", v.no, v.name)};
    for (size_t i = 0; i < 12; ++i) {
      long held = r.months[i].held;
      row.push_back(held == 0 ? "·" : v.by_month[i] == held ? "✓" : fmt::format("{}/{}", v.by_month[i], held));
    }
    row.push_back(fmt::format("{}/{}", v.meetings_present, r.held));
    grid.add_row(row);
  }
  grid.write(out);
  out << "\n"
      << tr(thai, "✓ มีผู้แทนหมู่บ้านมาประชุม · ไม่มีการประชุมในเดือนนั้น", "✓ the village was represented · no meeting that month")
      << "\n\n";

  out << "## " << tr(thai, "การเข้าร่วมประชุมรายภาคส่วน", "Attendance by sector") << "\n\n";
  MarkdownTable sectors({tr(thai, "ภาคส่วน", "sector"), tr(thai, "มาประชุม (คน-ครั้ง)", "present"),
                         tr(thai, "ทั้งหมด (คน-ครั้ง)", "possible"), tr(thai, "ร้อยละ", "percent")},
                        {A::left, A::right, A::right, A::right});
  for (const auto& s : r.sectors) {
    Ratio ratio{s.present, s.possible};
    sectors.add_row({thai ? sector_thai(s.sector) : sector_english(s.sector), fmt::format("{}", s.present),
                     fmt::format("{}", s.possible), percent_or_dash(ratio)});
  }
  sectors.write(out);

  out << "\n## " << tr(thai, "การเข้าร่วมประชุมรายบุคคล", "Attendance by member") << "\n\n";
  MarkdownTable members({tr(thai, "รหัส", "id"), tr(thai, "ชื่อ", "name"), tr(thai, "ตำแหน่ง", "role"),
                         tr(thai, "มา", "present"), tr(thai, "ลา", "excused"), tr(thai, "ขาด", "absent")},
                        {A::left, A::left, A::left, A::right, A::right, A::right});
  for (const auto& m : r.members) {
    if (m.present + m.excused + m.absent == 0) continue;
    members.add_row({m.member->id, m.member->name, m.member->role, fmt::format("{}", m.present),
                     fmt::format("{}", m.excused), fmt::format("{}", m.absent)});
  }
  members.write(out);
}

void render_meeting_report_csv(std::ostream& out, const MeetingReport& r, const Workspace& ws, bool thai)
{
  // One file Excel opens whole: sections in the Markdown's order, each a
  // title row, its header row and its rows, an empty row between them.
  CsvWriter csv(out);
  const std::string council = ws.has_config ? ws.config.value.council_name : std::string();
  csv.row({thai ? fmt::format("รายงานผลการประชุม{} ปีงบประมาณ {}", council.empty() ? "สภา" : council, r.fiscal_year)
                : fmt::format("Council meetings, fiscal year {}{}", r.fiscal_year, council.empty() ? "" : " — " + council)});
  if (thai) {
    csv.row({"ปีงบประมาณ", "ตั้งแต่", "ถึง", "เป้าหมาย (ครั้ง)", "ประชุม (ครั้ง)", "ตัวชี้วัด", "งดประชุม (ครั้ง)",
             "เดือนที่ไม่มีการประชุม"});
  } else {
    csv.row({"fiscal_year", "from", "to", "target", "held", "target_met", "cancelled", "months_without"});
  }
  std::vector<std::string> missing;
  for (const auto& m : r.missing_months) missing.push_back(short_month(m.year, m.month, thai));
  csv.row({fmt::format("{}", r.fiscal_year), short_date(fiscal_year_start(r.fiscal_year), thai),
           short_date(fiscal_year_end(r.fiscal_year), thai), fmt::format("{}", r.target), fmt::format("{}", r.held),
           r.target_met() ? tr(thai, "บรรลุตัวชี้วัด", "yes") : tr(thai, "ยังไม่บรรลุตัวชี้วัด", "no"),
           fmt::format("{}", r.cancelled), fmt::format("{}", fmt::join(missing, ", "))});

  // The meetings held and cancelled, by date. The number of an id "2563-01"
  // (1), never the id itself, which Excel would read as January 2563.
  csv.row({});
  csv.row({tr(thai, "การประชุมแต่ละครั้ง", "Meetings")});
  if (thai) {
    csv.row({"ครั้งที่", "เรื่อง", "วันที่", "สถานะ", "มา", "ลา", "ขาด", "สมาชิก", "ร้อยละที่มา", "องค์ประชุม", "หมายเหตุ"});
  } else {
    csv.row({"no", "title", "date", "status", "present", "excused", "absent", "members", "percent_present", "quorum", "note"});
  }
  auto number = [](const Meeting& m) {
    auto n = m.id_number();
    return n && m.id_fiscal_year() ? fmt::format("{}", *n) : m.id;
  };
  size_t c = 0;
  auto cancelled_row = [&](const Meeting& m) {
    csv.row({number(m), m.title, short_date(m.date->value, thai), tr(thai, "งดประชุม", "cancelled"), "", "", "", "", "", "",
             m.note});
  };
  for (const auto& q : r.meetings) {
    for (; c < r.cancelled_meetings.size() && r.cancelled_meetings[c]->date->value < q.meeting->date->value; ++c)
      cancelled_row(*r.cancelled_meetings[c]);
    csv.row({number(*q.meeting), q.meeting->title, short_date(q.meeting->date->value, thai),
             tr(thai, "ประชุมแล้ว", "held"), fmt::format("{}", q.present), fmt::format("{}", q.excused),
             fmt::format("{}", q.absent), fmt::format("{}", q.members),
             Ratio{q.present, q.members}.percent_text().value_or(""),
             q.reached ? tr(thai, "ครบองค์ประชุม", "reached") : tr(thai, "ไม่ครบองค์ประชุม", "not reached"), q.meeting->note});
  }
  for (; c < r.cancelled_meetings.size(); ++c) cancelled_row(*r.cancelled_meetings[c]);

  // Villages x months: the held meetings of each month with the village present.
  csv.row({});
  csv.row({tr(thai, "การเข้าร่วมประชุมรายหมู่บ้าน (จำนวนครั้งที่มีผู้แทนหมู่บ้านมาประชุม)",
              "Attendance by village (held meetings with the village represented)")});
  std::vector<std::string> header = {tr(thai, "หมู่ที่", "village"), tr(thai, "หมู่บ้าน", "name")};
  for (const auto& m : r.months) header.push_back(short_month(m.year, m.month, thai));
  header.push_back(tr(thai, "มาประชุม (ครั้ง)", "meetings_present"));
  header.push_back(tr(thai, "ประชุมทั้งหมด (ครั้ง)", "meetings_held"));
  csv.row(header);
  for (const auto& v : r.villages) {
    std::vector<std::string> row = {fmt::format("{}", v.no), v.name};
    for (long n : v.by_month) row.push_back(fmt::format("{}", n));
    row.push_back(fmt::format("{}", v.meetings_present));
    row.push_back(fmt::format("{}", r.held));
    csv.row(row);
  }
  std::vector<std::string> held = {tr(thai, "ประชุมในเดือน", "held"), ""};
  for (const auto& m : r.months) held.push_back(fmt::format("{}", m.held));
  held.push_back("");
  held.push_back(fmt::format("{}", r.held));
  csv.row(held);

  csv.row({});
  csv.row({tr(thai, "การเข้าร่วมประชุมรายภาคส่วน", "Attendance by sector")});
  if (thai) csv.row({"ภาคส่วน", "มาประชุม (คน-ครั้ง)", "ทั้งหมด (คน-ครั้ง)", "ร้อยละ"});
  else csv.row({"sector", "present", "possible", "percent"});
  for (const auto& sa : r.sectors) {
    csv.row({thai ? sector_thai(sa.sector) : sector_english(sa.sector), fmt::format("{}", sa.present),
             fmt::format("{}", sa.possible), Ratio{sa.present, sa.possible}.percent_text().value_or("")});
  }

  // The members who were asked to at least one held meeting, as in the Markdown.
  csv.row({});
  csv.row({tr(thai, "การเข้าร่วมประชุมรายบุคคล", "Attendance by member")});
  if (thai) csv.row({"รหัส", "ชื่อ-สกุล", "ตำแหน่ง", "ภาคส่วน", "หมู่ที่", "มา", "ลา", "ขาด"});
  else csv.row({"id", "name", "role", "sector", "village", "present", "excused", "absent"});
  for (const auto& m : r.members) {
    if (m.present + m.excused + m.absent == 0) continue;
    csv.row({m.member->id, m.member->name, m.member->role,
             thai ? sector_thai(m.member->sector) : sector_english(m.member->sector),
             m.member->village ? fmt::format("{}", *m.member->village) : "", fmt::format("{}", m.present),
             fmt::format("{}", m.excused), fmt::format("{}", m.absent)});
  }
}

namespace {

// The keys of a year's counts, the same for one workspace and for each row of a tree.
void counts_json(JsonWriter& w, const MeetingReport& r)
{
  w.key("fiscal_year").value(r.fiscal_year);
  w.key("target").value(r.target);
  w.key("held").value(r.held);
  w.key("target_met").value(r.target_met());
  w.key("cancelled").value(r.cancelled);
  w.key("months").begin_array();
  for (const auto& m : r.months) {
    w.begin_object();
    w.key("month").value(iso_month(m.year, m.month));
    w.key("held").value(m.held);
    w.end_object();
  }
  w.end_array();
  w.key("missing_months").begin_array();
  for (const auto& m : r.missing_months) w.value(iso_month(m.year, m.month));
  w.end_array();
  w.key("villages").begin_array();
  for (const auto& v : r.villages) {
    w.begin_object();
    w.key("no").value(v.no);
    w.key("meetings_present").value(v.meetings_present);
    w.end_object();
  }
  w.end_array();
  w.key("sectors").begin_array();
  for (const auto& s : r.sectors) {
    w.begin_object();
    w.key("sector").value(sector_id(s.sector));
    w.key("present").value(s.present);
    w.key("possible").value(s.possible);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void render_meeting_report_json(std::ostream& out, const MeetingReport& r)
{
  JsonWriter w(out);
  w.begin_object();
  counts_json(w, r);
  w.key("meetings").begin_array();
  for (const auto& q : r.meetings) {
    w.begin_object();
    w.key("id").value(q.meeting->id);
    w.key("date").value(iso_date(q.meeting->date->value));
    w.key("present").value(q.present);
    w.key("members").value(q.members);
    w.key("quorum").value(q.reached);
    w.end_object();
  }
  w.end_array();
  w.key("members").begin_array();
  for (const auto& m : r.members) {
    w.begin_object();
    w.key("id").value(m.member->id);
    w.key("present").value(m.present);
    w.key("excused").value(m.excused);
    w.key("absent").value(m.absent);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

namespace {

struct MeetingTotals {
  long held = 0, target = 0, met = 0, cancelled = 0;
};

MeetingTotals meeting_totals(const MeetingTreeReport& r)
{
  MeetingTotals t;
  for (const auto& [info, m] : r) {
    t.held += m.held;
    t.target += m.target;
    t.met += m.target_met() ? 1 : 0;
    t.cancelled += m.cancelled;
  }
  return t;
}

}  // namespace

void render_meeting_tree_md(std::ostream& out, int fiscal_year, const MeetingTreeReport& r, bool thai)
{
  using A = MarkdownTable::Align;
  out << "# "
      << (thai ? fmt::format("การประชุมสภาผู้นำชุมชน ปีงบประมาณ {}", fiscal_year)
               : fmt::format("Council meetings, fiscal year {}", fiscal_year))
      << "\n\n";
  MarkdownTable t({thai ? "พื้นที่ทำงาน" : "workspace", thai ? "อปท." : "LAO", thai ? "ประชุม" : "held",
                   thai ? "เป้าหมาย" : "target", thai ? "ผล" : "result", thai ? "ยกเลิก" : "cancelled",
                   thai ? "เดือนที่ไม่มีประชุม" : "months without"},
                  {A::left, A::left, A::right, A::right, A::left, A::right, A::right});
  for (const auto& [info, m] : r) {
    t.add_row({info.workspace.empty() ? "." : info.workspace, info.name, fmt::format("{}", m.held),
               fmt::format("{}", m.target), m.target_met() ? (thai ? "ผ่าน" : "met") : (thai ? "ไม่ผ่าน" : "not met"),
               fmt::format("{}", m.cancelled), fmt::format("{}", m.missing_months.size())});
  }
  MeetingTotals tot = meeting_totals(r);
  t.add_row({thai ? "รวม" : "total", fmt::format("{}", r.size()), fmt::format("{}", tot.held),
             fmt::format("{}", tot.target),
             thai ? fmt::format("ผ่าน {} จาก {}", tot.met, r.size()) : fmt::format("{} of {} met", tot.met, r.size()),
             fmt::format("{}", tot.cancelled), ""});
  t.write(out);
}

void render_meeting_tree_csv(std::ostream& out, const MeetingTreeReport& r, bool thai)
{
  CsvWriter csv(out);
  if (thai) {
    csv.row({"พื้นที่ทำงาน", "รหัส อปท.", "อปท.", "ประชุม", "เป้าหมาย", "ผล", "งดประชุม", "เดือนที่ไม่มีประชุม"});
  } else {
    csv.row({"workspace", "code", "name", "held", "target", "target_met", "cancelled", "months_without"});
  }
  for (const auto& [info, m] : r) {
    csv.row({info.workspace, info.code, info.name, fmt::format("{}", m.held), fmt::format("{}", m.target),
             m.target_met() ? tr(thai, "ผ่าน", "yes") : tr(thai, "ไม่ผ่าน", "no"), fmt::format("{}", m.cancelled),
             fmt::format("{}", m.missing_months.size())});
  }
  MeetingTotals tot = meeting_totals(r);
  csv.row({tr(thai, "(รวม)", "(total)"), "", "", fmt::format("{}", tot.held), fmt::format("{}", tot.target),
           fmt::format("{}", tot.met), fmt::format("{}", tot.cancelled), ""});
}

void render_meeting_tree_json(std::ostream& out, int fiscal_year, const MeetingTreeReport& r)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("fiscal_year").value(fiscal_year);
  w.key("workspaces").begin_array();
  for (const auto& [info, m] : r) {
    w.begin_object();
    w.key("workspace").value(info.workspace);
    w.key("code").value(info.code);
    w.key("name").value(info.name);
    counts_json(w, m);
    w.end_object();
  }
  w.end_array();
  MeetingTotals tot = meeting_totals(r);
  w.key("totals").begin_object();
  w.key("held").value(tot.held);
  w.key("target").value(tot.target);
  w.key("target_met").value(tot.met);
  w.key("cancelled").value(tot.cancelled);
  w.end_object();
  w.end_object();
  w.finish();
}

}  // namespace kudrang
