#include "kudrang/render/documents.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/table.hpp"

#include <fmt/format.h>

#include <sstream>

namespace kudrang {

namespace {

const char* const thai_section_digits[] = {"๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐"};

std::string finish(std::string text, const DocumentOptions& o)
{
  return o.thai_digits ? to_thai_digits(text) : text;
}

// Paragraph text with its line breaks kept as Markdown hard breaks.
std::string paragraph(std::string_view text)
{
  std::string out;
  std::string s(text);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char c : s) {
    if (c == '\n') out += "\\\n";
    else out += c;
  }
  return out;
}

const Member* chief_executive(const Workspace& ws)
{
  for (const Member* m : ws.members()) {
    if (m->role.rfind("นายกองค์การบริหารส่วนตำบล", 0) == 0 || m->role.rfind("นายก อบต.", 0) == 0
        || m->role.rfind("นายกเทศมนตรี", 0) == 0) {
      return m;
    }
  }
  return nullptr;
}

std::string member_line(const Member& m, const Workspace& ws)
{
  std::string role = m.role;
  if (m.village && ws.has_config) {
    if (const Village* v = ws.config.value.village(*m.village)) {
      if (role.find("หมู่ที่") == std::string::npos) role += fmt::format(" หมู่ที่ {} {}", v->no, v->name);
    }
  }
  return role;
}

std::string meeting_number(const Meeting& m)
{
  auto fy = m.id_fiscal_year();
  auto no = m.id_number();
  return fy && no ? fmt::format("{}/{}", *no, *fy) : m.id;
}

void signature(std::ostream& out, const std::string& name, const std::string& role, const std::string& what)
{
  out << "\n(ลงชื่อ) ........................................ " << what << "\\\n";
  out << "(" << (name.empty() ? "........................................" : name) << ")\\\n";
  out << (role.empty() ? "ตำแหน่ง ........................................" : role) << "\n";
}

}  // namespace

std::string thai_long_date(const Date& d)
{
  return fmt::format("วัน{}ที่ {} {} พ.ศ. {}", thai_weekday_name(weekday(d)), d.day, thai_month_name(d.month),
                     d.year + be_offset);
}

std::string thai_time(std::string_view hhmm)
{
  std::string t(hhmm);
  for (char& c : t) {
    if (c == ':') c = '.';
  }
  return t + " น.";
}

std::string render_project_sheet(const Project& p, const Workspace& ws, const DocumentOptions& o)
{
  std::ostringstream out;
  out << "# รายละเอียดโครงการ/กิจกรรม/มาตรการ\n\n";
  out << "ลำดับที่ " << p.ref << "\n\n";
  auto section = [&](int n, const char* title) { out << "## " << thai_section_digits[n - 1] << ". " << title << "\n\n"; };
  section(1, "ชื่อโครงการ/กิจกรรม/มาตรการ");
  out << p.name << "\n\n";
  section(2, "หลักการและเหตุผล/ที่มาของโครงการ");
  out << (p.rationale.empty() ? "-" : paragraph(p.rationale)) << "\n\n";
  section(3, "วัตถุประสงค์");
  for (size_t i = 0; i < p.objectives.size(); ++i) out << "3." << i + 1 << " " << p.objectives[i] << "\\\n";
  if (p.objectives.empty()) out << "-";
  out << "\n\n";
  section(4, "เป้าหมาย/ผลผลิต");
  out << (p.targets.empty() ? "-" : paragraph(p.targets)) << "\n\n";
  section(5, "พื้นที่ดำเนินการ");
  out << (p.location.empty() ? "-" : paragraph(p.location)) << "\n\n";
  section(6, "วิธีการดำเนินงาน");
  for (size_t i = 0; i < p.methods.size(); ++i) out << "6." << i + 1 << " " << p.methods[i] << "\\\n";
  if (p.methods.empty()) out << "-";
  out << "\n\n";
  section(7, "ระยะเวลาดำเนินการ");
  if (p.period) {
    out << (p.period->from == p.period->to ? fmt::format("ปีงบประมาณ พ.ศ. {}", p.period->from)
                                           : fmt::format("ปีงบประมาณ พ.ศ. {} – พ.ศ. {}", p.period->from, p.period->to));
  } else {
    out << "-";
  }
  out << "\n\n";
  section(8, "งบประมาณ");
  if (p.budget.satang == 0) {
    out << "ไม่ใช้งบประมาณ";
  } else {
    out << "งบประมาณ " << format_money(p.budget) << " บาท";
    if (!p.budget_source.empty()) out << " (" << p.budget_source << ")";
  }
  out << "\n\n";
  section(9, "ผู้รับผิดชอบโครงการ");
  out << (p.responsible.empty() ? (ws.has_config ? ws.config.value.org_name : "-") : paragraph(p.responsible)) << "\n\n";
  section(10, "ผลชี้วัด/ผลลัพธ์");
  if (!p.outcome.empty()) out << paragraph(p.outcome) << "\n\n";
  if (!p.indicators.empty()) {
    out << "ตัวชี้วัด:\n\n";
    for (const auto& i : p.indicators) {
      out << "- " << i.text;
      if (i.target) out << fmt::format(" (เป้าหมาย {} ต่อปี)", *i.target);
      out << "\n";
    }
    out << "\n";
  }
  if (p.outcome.empty() && p.indicators.empty()) out << "-\n";
  return finish(out.str(), o);
}

std::string render_project_status_md(const ProjectStatus& s, const DocumentOptions& o)
{
  std::ostringstream out;
  const bool thai = o.thai;
  out << "# " << (thai ? fmt::format("ผลการดำเนินงานโครงการ {} ปีงบประมาณ {}", s.project->ref, s.fiscal_year)
                       : fmt::format("Project {} in fiscal year {}", s.project->ref, s.fiscal_year))
      << "\n\n"
      << s.project->name << "\n\n";
  if (!s.in_period) {
    out << (thai ? "หมายเหตุ: ปีงบประมาณนี้อยู่นอกระยะเวลาดำเนินการของโครงการ\n\n"
                 : "Note: this fiscal year lies outside the project's period\n\n");
  }
  using A = MarkdownTable::Align;
  MarkdownTable t({thai ? "ตัวชี้วัด" : "indicator", thai ? "ผลที่วัดได้" : "measured", thai ? "เป้าหมาย" : "target",
                   thai ? "ผล" : "result"},
                  {A::left, A::right, A::right, A::left});
  for (const auto& i : s.indicators) {
    t.add_row({md_cell(i.indicator->text), i.value ? fmt::format("{}", *i.value) : "-",
               i.indicator->target ? fmt::format("{}", *i.indicator->target) : "-",
               !i.value ? (thai ? "วัดจากบันทึกไม่ได้" : "not measurable")
               : i.met  ? (thai ? "บรรลุ" : "met")
                        : (thai ? "ยังไม่บรรลุ" : "not met")});
  }
  t.write(out);
  return finish(out.str(), o);
}

void render_project_status_json(std::ostream& out, const ProjectStatus& s)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("project").value(s.project->ref);
  w.key("fiscal_year").value(s.fiscal_year);
  w.key("in_period").value(s.in_period);
  w.key("indicators").begin_array();
  for (const auto& i : s.indicators) {
    w.begin_object();
    w.key("text").value(i.indicator->text);
    if (i.indicator->measure.empty()) w.key("measure").null();
    else w.key("measure").value(i.indicator->measure);
    if (i.value) w.key("value").value(*i.value);
    else w.key("value").null();
    if (i.indicator->target) w.key("target").value(*i.indicator->target);
    else w.key("target").null();
    w.key("met").value(i.met);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

std::string render_minutes(const Meeting& m, const Workspace& ws, const DocumentOptions& o)
{
  std::ostringstream out;
  const auto& c = ws.config.value;
  out << "# รายงานการประชุม" << (c.council_name.empty() ? "" : c.council_name) << "\n\n";
  out << "**ครั้งที่ " << meeting_number(m) << "**\\\n";
  if (m.date) out << "เมื่อ" << thai_long_date(m.date->value) << "\\\n";
  std::string venue = m.venue.empty() ? c.council_venue : m.venue;
  out << "ณ " << (venue.empty() ? "-" : venue) << "\n\n";

  if (m.status == MeetingStatus::cancelled) {
    out << "**งดการประชุม**";
    if (!m.note.empty()) out << " " << m.note;
    out << "\n";
    return finish(out.str(), o);
  }

  auto people = [&](const std::vector<AttendanceEntry>& list, bool with_reason, const char* default_reason) {
    MarkdownTable t({"ที่", "ชื่อ – สกุล", "ตำแหน่ง", "หมายเหตุ"},
                    {MarkdownTable::Align::right, MarkdownTable::Align::left, MarkdownTable::Align::left,
                     MarkdownTable::Align::left});
    int n = 0;
    for (const auto& e : list) {
      const Member* mem = ws.member(e.id);
      std::string reason = with_reason ? (e.reason.empty() ? default_reason : e.reason) : e.reason;
      t.add_row({fmt::format("{}", ++n), mem ? md_cell(mem->name) : e.id, mem ? md_cell(member_line(*mem, ws)) : "",
                 md_cell(reason)});
    }
    if (t.empty()) out << "-\n";
    else t.write(out);
  };
  out << "## ผู้มาประชุม\n\n";
  people(m.present, false, "");
  out << "\n## ผู้ไม่มาประชุม\n\n";
  std::vector<AttendanceEntry> not_present = m.excused;
  for (auto& e : not_present) {
    if (e.reason.empty()) e.reason = "ลา";
  }
  for (auto e : m.absent) {
    if (e.reason.empty()) e.reason = "ขาดประชุม";
    not_present.push_back(e);
  }
  people(not_present, true, "ลา");
  out << "\n## ผู้เข้าร่วมประชุม\n\n";
  if (m.guests.empty()) {
    out << "-\n";
  } else {
    MarkdownTable t({"ที่", "ชื่อ – สกุล", "ตำแหน่ง/หน่วยงาน"},
                    {MarkdownTable::Align::right, MarkdownTable::Align::left, MarkdownTable::Align::left});
    int n = 0;
    for (const auto& g : m.guests) {
      std::string where = g.position;
      if (!g.organization.empty()) where += (where.empty() ? "" : " ") + g.organization;
      t.add_row({fmt::format("{}", ++n), md_cell(g.name), md_cell(where)});
    }
    t.write(out);
  }
  out << "\n**เริ่มประชุมเวลา " << (m.start.empty() ? "........ น." : thai_time(m.start)) << "**\n\n";
  const Member* chair = m.chair ? ws.member(m.chair->value) : nullptr;
  out << "เมื่อที่ประชุมพร้อมแล้ว " << (chair ? chair->name + " " + chair->role : std::string("ประธานในที่ประชุม"))
      << " ประธานในที่ประชุม กล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้\n";
  for (const auto& a : m.agenda) {
    out << "\n## ระเบียบวาระที่ " << a.no << " " << a.title << "\n\n";
    if (!a.notes.empty()) out << paragraph(a.notes) << "\n\n";
    out << "**มติที่ประชุม** " << (a.resolution.empty() ? "-" : paragraph(a.resolution)) << "\n";
  }
  out << "\n**เลิกประชุมเวลา " << (m.end.empty() ? "........ น." : thai_time(m.end)) << "**\n";
  const Member* recorder = m.recorder ? ws.member(m.recorder->value) : nullptr;
  const Member* checker = m.checker ? ws.member(m.checker->value) : nullptr;
  signature(out, recorder ? recorder->name : "", recorder ? recorder->role : "", "ผู้จดรายงานการประชุม");
  if (checker) signature(out, checker->name, checker->role, "ผู้ตรวจรายงานการประชุม");
  return finish(out.str(), o);
}

std::string render_invitation(const Meeting& m, const Workspace& ws, const DocumentOptions& o)
{
  std::ostringstream out;
  const auto& c = ws.config.value;
  std::string council = c.council_name.empty() ? "สภา" : c.council_name;
  out << "# หนังสือเชิญประชุม\n\n";
  out << "ที่ ........../..........\\\n";
  out << c.org_name << "\\\n";
  if (!c.district.empty()) out << "อำเภอ" << c.district << " จังหวัด" << c.province << "\n\n";
  if (o.letter_date) {
    out << o.letter_date->day << " " << thai_month_name(o.letter_date->month) << " "
        << o.letter_date->year + be_offset << "\n\n";
  }
  out << "**เรื่อง** ขอเชิญประชุม" << council << " ครั้งที่ " << meeting_number(m) << "\n\n";
  out << "**เรียน** คณะกรรมการ" << council << " ทุกท่าน\n\n";
  if (!m.agenda.empty()) out << "**สิ่งที่ส่งมาด้วย** ระเบียบวาระการประชุม จำนวน 1 ฉบับ\n\n";
  std::string venue = m.venue.empty() ? c.council_venue : m.venue;
  out << "ด้วย" << c.org_name << " กำหนดจัดการประชุม" << council << " ครั้งที่ " << meeting_number(m);
  if (m.date) out << " ใน" << thai_long_date(m.date->value);
  if (!m.start.empty()) out << " เวลา " << thai_time(m.start);
  if (!venue.empty()) out << " ณ " << venue;
  out << " เพื่อพิจารณาเรื่องต่าง ๆ ตามระเบียบวาระการประชุมที่แนบมาพร้อมนี้\n\n";
  out << "จึงเรียนมาเพื่อโปรดเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว\n\n";
  out << "ขอแสดงความนับถือ\n";
  const Member* chief = chief_executive(ws);
  const Member* chair = m.chair ? ws.member(m.chair->value) : nullptr;
  const Member* signer = chief ? chief : chair;
  signature(out, signer ? signer->name : "", signer ? signer->role : "", "");
  if (!m.agenda.empty()) {
    out << "\n---\n\n## ระเบียบวาระการประชุม" << council << " ครั้งที่ " << meeting_number(m) << "\n\n";
    if (m.date) out << thai_long_date(m.date->value);
    if (!m.start.empty()) out << " เวลา " << thai_time(m.start);
    if (!venue.empty()) out << " ณ " << venue;
    out << "\n\n";
    for (const auto& a : m.agenda) out << "ระเบียบวาระที่ " << a.no << " " << a.title << "\\\n";
    out << "\n";
  }
  return finish(out.str(), o);
}

}  // namespace kudrang
