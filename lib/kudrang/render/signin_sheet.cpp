#include "kudrang/render/signin_sheet.hpp"

#include "kudrang/rules/signin.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

std::string thai_date(const Date& d)
{
  return fmt::format("{} {} พ.ศ. {}", d.day, thai_month_name(d.month), d.year + be_offset);
}

// Text from a record on one terminal line: no line breaks, tabs or controls.
std::string one_line(std::string s)
{
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return escape_controls(s);
}

size_t name_column(const std::vector<const Member*>& sheet)
{
  size_t width = 0;
  for (const Member* mem : sheet) width = std::max(width, display_width(one_line(mem->name)));
  return width;
}

std::string member_line(size_t i, const std::vector<const Member*>& sheet, const std::vector<AttendanceState>& people,
                        size_t name_width, bool thai)
{
  const Member* mem = sheet[i];
  const AttendanceState* st = nullptr;
  for (const auto& p : people)
    if (p.id == mem->id) st = &p;
  AttendanceMark mark = st ? st->mark : AttendanceMark::present;
  const char* word = mark == AttendanceMark::present ? (thai ? "มา " : "present")
                     : mark == AttendanceMark::excused ? (thai ? "ลา " : "excused")
                                                        : (thai ? "ขาด" : "absent ");
  std::string reason = st && !st->reason.empty() ? "  (" + one_line(st->reason) + ")" : "";
  return fmt::format("   {:>3}  [{}]  {}  {}{}\n", i + 1, word, pad_right(one_line(mem->name), name_width),
                     one_line(mem->role), reason);
}

}  // namespace

Doc render_signin_sheet(const Meeting& m, const Workspace& ws)
{
  Doc doc;
  const auto& c = ws.config.value;
  doc.heading(1, Inline("ใบลงชื่อผู้เข้าร่วมประชุม"));
  Inline head;
  head.text(m.title.empty() ? c.council_name : m.title);
  if (m.date) {
    head.br().text("วันที่ " + thai_date(m.date->value));
    if (!m.start.empty()) head.text(" เวลา " + m.start + " น.");
  }
  head.br().text("ณ " + (m.venue.empty() ? c.council_venue : m.venue));
  doc.paragraph(head);
  if (!m.date) return doc;
  auto sheet = signin_order(ws, m.date->value);
  size_t n = 0;
  for (size_t i = 0; i < sheet.size();) {
    Sector s = sheet[i]->sector;
    std::string name = sector_thai(s);
    doc.heading(2, Inline(name.rfind("ภาค", 0) == 0 ? name : "ภาค" + name));
    Table t({"ที่", "ชื่อ – สกุล", "ตำแหน่ง", "หมู่ที่", "ลายมือชื่อ"},
            {Align::right, Align::left, Align::left, Align::right, Align::left});
    t.css_class = "signin";
    for (; i < sheet.size() && sheet[i]->sector == s; ++i) {
      const Member* mem = sheet[i];
      // A name is never broken across lines (a clerk signs beside it).
      t.add_row({Inline(fmt::format("{}", ++n)), keep(mem->name), place_names(mem->role),
                 Inline(mem->village ? fmt::format("{}", *mem->village) : std::string("-")),
                 Inline(".............................")});
    }
    doc.table(std::move(t));
  }
  doc.paragraph(Inline(fmt::format("รวม {} คน (เลขที่ในใบนี้ใช้กับคำสั่ง kudrang meeting attend {})", n, m.id)));
  return doc;
}

std::string render_attendance_checklist(const Meeting& m, const Workspace& ws, const std::vector<const Member*>& sheet,
                                        const std::vector<AttendanceState>& people, bool thai)
{
  std::string out;
  out += thai ? fmt::format("\nการประชุม {} วันที่ {}: ผู้มีชื่อในใบลงชื่อ {} คน\n", m.id, thai_date(m.date->value), sheet.size())
              : fmt::format("\nMeeting {} on {}: {} members on the sign-in sheet\n", m.id, iso_date(m.date->value),
                            sheet.size());
  size_t name_width = name_column(sheet);
  Sector sector = Sector::unknown;
  int village = -1;  // the village line printed last; -1 none yet
  bool first = true;
  for (size_t i = 0; i < sheet.size(); ++i) {
    const Member* mem = sheet[i];
    if (first || mem->sector != sector) {
      std::string name = sector_thai(mem->sector);
      out += "\n" + (thai ? (name.rfind("ภาค", 0) == 0 ? name : "ภาค" + name) : std::string(sector_english(mem->sector))) + "\n";
      sector = mem->sector;
      village = -1;
      first = false;
    }
    if (mem->village && village != *mem->village) {
      std::string vname;
      for (const auto& v : ws.config.value.villages)
        if (v.no == *mem->village) vname = one_line(v.name);
      out += fmt::format("  {} {}{}\n", thai ? "หมู่ที่" : "village", *mem->village, vname.empty() ? "" : " " + vname);
      village = *mem->village;
    }
    out += member_line(i, sheet, people, name_width, thai);
  }
  out += "\n";
  return out;
}

std::string render_attendance_lines(const std::vector<const Member*>& sheet, const std::vector<AttendanceState>& people,
                                    const std::vector<std::size_t>& numbers, bool thai)
{
  size_t width = name_column(sheet);
  std::string out;
  for (size_t n : numbers)
    if (n >= 1 && n <= sheet.size()) out += member_line(n - 1, sheet, people, width, thai);
  return out;
}

}  // namespace kudrang
