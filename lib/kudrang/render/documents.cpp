#include "kudrang/render/documents.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>


namespace kudrang {

namespace {

const char* const thai_section_digits[] = {"๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐"};

Doc finish(Doc doc, const DocumentOptions& o)
{
  if (o.thai_digits) to_thai_digits(doc);
  return doc;
}

// Paragraph text with its line breaks kept as hard breaks, or "-" when empty.
Inline lines_or_dash(std::string_view text)
{
  Inline in;
  in.lines(text);
  return in.empty() ? Inline("-") : in;
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

void signature(Doc& doc, const std::string& name, const std::string& role, const std::string& what)
{
  Doc block;
  block.paragraph(Inline()
                    .text("(ลงชื่อ) ........................................ ")
                    .keep(what)
                    .br()
                    .keep("(" + (name.empty() ? std::string("........................................") : name) + ")")
                    .br()
                    .keep(role.empty() ? "ตำแหน่ง ........................................" : role));
  doc.division("signature", std::move(block));
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

Doc project_sheet_doc(const Project& p, const Workspace& ws, const DocumentOptions& o)
{
  Doc doc;
  doc.heading(1, "รายละเอียดโครงการ/กิจกรรม/มาตรการ");
  doc.paragraph(Inline("ลำดับที่ ").text(p.ref));
  auto section = [&](int n, const char* title) {
    doc.heading(2, Inline(thai_section_digits[n - 1]).text(". ").text(title));
  };
  auto numbered = [&](int section_no, const std::vector<std::string>& items) {
    Inline in;
    for (size_t i = 0; i < items.size(); ++i) in.text(fmt::format("{}.{} ", section_no, i + 1)).text(items[i]).br();
    doc.paragraph(items.empty() ? Inline("-") : in);
  };
  section(1, "ชื่อโครงการ/กิจกรรม/มาตรการ");
  doc.paragraph(p.name);
  section(2, "หลักการและเหตุผล/ที่มาของโครงการ");
  doc.paragraph(lines_or_dash(p.rationale));
  section(3, "วัตถุประสงค์");
  numbered(3, p.objectives);
  section(4, "เป้าหมาย/ผลผลิต");
  doc.paragraph(lines_or_dash(p.targets));
  section(5, "พื้นที่ดำเนินการ");
  doc.paragraph(lines_or_dash(p.location));
  section(6, "วิธีการดำเนินงาน");
  numbered(6, p.methods);
  section(7, "ระยะเวลาดำเนินการ");
  if (p.period) {
    doc.paragraph(p.period->from == p.period->to
                    ? fmt::format("ปีงบประมาณ พ.ศ. {}", p.period->from)
                    : fmt::format("ปีงบประมาณ พ.ศ. {} – พ.ศ. {}", p.period->from, p.period->to));
  } else {
    doc.paragraph("-");
  }
  section(8, "งบประมาณ");
  if (p.budget.satang == 0) {
    doc.paragraph("ไม่ใช้งบประมาณ");
  } else {
    Inline in("งบประมาณ " + format_money(p.budget) + " บาท");
    if (!p.budget_source.empty()) in.text(" (").text(p.budget_source).text(")");
    doc.paragraph(in);
  }
  section(9, "ผู้รับผิดชอบโครงการ");
  if (p.responsible.empty()) doc.paragraph(ws.has_config ? ws.config.value.org_name : "-");
  else doc.paragraph(Inline().lines(p.responsible));
  section(10, "ผลชี้วัด/ผลลัพธ์");
  if (!p.outcome.empty()) doc.paragraph(Inline().lines(p.outcome));
  if (!p.indicators.empty()) {
    doc.paragraph("ตัวชี้วัด:");
    std::vector<Inline> items;
    for (const auto& i : p.indicators) {
      Inline item(i.text);
      if (i.target) item.text(fmt::format(" (เป้าหมาย {} ต่อปี)", *i.target));
      items.push_back(item);
    }
    doc.list(items);
  }
  if (p.outcome.empty() && p.indicators.empty()) doc.paragraph("-");
  return finish(std::move(doc), o);
}

Doc project_status_doc(const ProjectStatus& s, const DocumentOptions& o)
{
  Doc doc;
  const bool thai = o.thai;
  doc.heading(1, thai ? fmt::format("ผลการดำเนินงานโครงการ {} ปีงบประมาณ {}", s.project->ref, s.fiscal_year)
                      : fmt::format("Project {} in fiscal year {}", s.project->ref, s.fiscal_year));
  doc.paragraph(s.project->name);
  if (!s.in_period) {
    doc.paragraph(thai ? "หมายเหตุ: ปีงบประมาณนี้อยู่นอกระยะเวลาดำเนินการของโครงการ"
                       : "Note: this fiscal year lies outside the project's period");
  }
  Table t({thai ? "ตัวชี้วัด" : "indicator", thai ? "ผลที่วัดได้" : "measured", thai ? "เป้าหมาย" : "target",
           thai ? "ผล" : "result"},
          {Align::left, Align::right, Align::right, Align::left});
  for (const auto& i : s.indicators) {
    t.add_row({i.indicator->text, i.value ? fmt::format("{}", *i.value) : "-",
               i.indicator->target ? fmt::format("{}", *i.indicator->target) : "-",
               !i.value ? (thai ? "วัดจากบันทึกไม่ได้" : "not measurable")
               : i.met  ? (thai ? "บรรลุ" : "met")
                        : (thai ? "ยังไม่บรรลุ" : "not met")});
  }
  doc.table(std::move(t));
  return finish(std::move(doc), o);
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

Doc minutes_doc(const Meeting& m, const Workspace& ws, const DocumentOptions& o)
{
  Doc doc;
  const auto& c = ws.config.value;
  doc.heading(1, Inline("รายงานการประชุม").text(c.council_name));
  Inline head = strong("ครั้งที่ " + meeting_number(m)).br();
  if (m.date) head.text("เมื่อ").keep(thai_long_date(m.date->value)).br();
  std::string venue = m.venue.empty() ? c.council_venue : m.venue;
  head.text("ณ ").append(place_names(venue.empty() ? "-" : venue));
  doc.paragraph(head);

  if (m.status == MeetingStatus::cancelled) {
    Inline in = strong("งดการประชุม");
    if (!m.note.empty()) in.text(" ").text(m.note);
    doc.paragraph(in);
    return finish(std::move(doc), o);
  }

  auto people = [&](const std::vector<AttendanceEntry>& list, bool with_reason, const char* default_reason) {
    Table t({"ที่", "ชื่อ – สกุล", "ตำแหน่ง", "หมายเหตุ"}, {Align::right, Align::left, Align::left, Align::left});
    int n = 0;
    for (const auto& e : list) {
      const Member* mem = ws.member(e.id);
      std::string reason = with_reason ? (e.reason.empty() ? default_reason : e.reason) : e.reason;
      t.add_row({fmt::format("{}", ++n), keep(mem ? mem->name : e.id), place_names(mem ? member_line(*mem, ws) : ""),
                 place_names(reason)});
    }
    if (t.empty()) doc.paragraph("-");
    else doc.table(std::move(t));
  };
  doc.heading(2, "ผู้มาประชุม");
  people(m.present, false, "");
  doc.heading(2, "ผู้ไม่มาประชุม");
  std::vector<AttendanceEntry> not_present = m.excused;
  for (auto& e : not_present) {
    if (e.reason.empty()) e.reason = "ลา";
  }
  for (auto e : m.absent) {
    if (e.reason.empty()) e.reason = "ขาดประชุม";
    not_present.push_back(e);
  }
  people(not_present, true, "ลา");
  doc.heading(2, "ผู้เข้าร่วมประชุม");
  if (m.guests.empty()) {
    doc.paragraph("-");
  } else {
    Table t({"ที่", "ชื่อ – สกุล", "ตำแหน่ง/หน่วยงาน"}, {Align::right, Align::left, Align::left});
    int n = 0;
    for (const auto& g : m.guests) {
      std::string where = g.position;
      if (!g.organization.empty()) where += (where.empty() ? "" : " ") + g.organization;
      t.add_row({fmt::format("{}", ++n), keep(g.name), place_names(where)});
    }
    doc.table(std::move(t));
  }
  doc.paragraph(strong("เริ่มประชุมเวลา " + (m.start.empty() ? std::string("........ น.") : thai_time(m.start))));
  const Member* chair = m.chair ? ws.member(m.chair->value) : nullptr;
  doc.paragraph(Inline("เมื่อที่ประชุมพร้อมแล้ว ")
                  .append(chair ? keep(chair->name).text(" ").append(place_names(chair->role)) : Inline("ประธานในที่ประชุม"))
                  .text(" ประธานในที่ประชุม กล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้"));
  for (const auto& a : m.agenda) {
    doc.heading(2, Inline(fmt::format("ระเบียบวาระที่ {} ", a.no)).text(a.title));
    if (!a.notes.empty()) doc.paragraph(Inline().lines(a.notes));
    doc.paragraph(strong("มติที่ประชุม").text(" ").append(lines_or_dash(a.resolution)));
  }
  doc.paragraph(strong("เลิกประชุมเวลา " + (m.end.empty() ? std::string("........ น.") : thai_time(m.end))));
  const Member* recorder = m.recorder ? ws.member(m.recorder->value) : nullptr;
  const Member* checker = m.checker ? ws.member(m.checker->value) : nullptr;
  signature(doc, recorder ? recorder->name : "", recorder ? recorder->role : "", "ผู้จดรายงานการประชุม");
  if (checker) signature(doc, checker->name, checker->role, "ผู้ตรวจรายงานการประชุม");
  return finish(std::move(doc), o);
}

Doc invitation_doc(const Meeting& m, const Workspace& ws, const DocumentOptions& o)
{
  // An external letter, form no. 1: emblem; ที่ at the left, the office at
  // the right; the date from the centre; เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย;
  // the body; the closing and signature centred on the right; the
  // responsible unit and its contacts at the bottom left. The agenda is the
  // enclosure, on a page of its own.
  Doc doc;
  const auto& c = ws.config.value;
  const auto& letter = c.letter;
  std::string council = c.council_name.empty() ? "สภา" : c.council_name;
  Doc emblem;
  if (!o.emblem_src.empty()) emblem.image({o.emblem_src, "ตราครุฑ", ""});
  doc.division("emblem", std::move(emblem));

  Doc head;
  Inline number("ที่ ");
  std::string no = o.letter_number.empty() ? std::string("..........") : o.letter_number;
  if (!letter.number_prefix.empty()) number.keep(letter.number_prefix + "/" + no);
  else number.keep("........../" + no);
  head.paragraph(number).css_class = "number";
  Inline office = place_names(c.org_name);
  if (!letter.office_address.empty()) {
    Inline address;
    address.lines(letter.office_address);
    office.br().append(address);
  } else if (!c.district.empty()) {
    office.br().keep("อำเภอ" + c.district).text(" ").keep("จังหวัด" + c.province);
  }
  head.paragraph(office).css_class = "office";
  doc.division("letter-head", std::move(head));
  if (o.letter_date) {
    doc.paragraph(keep(fmt::format("{} {} {}", o.letter_date->day, thai_month_name(o.letter_date->month),
                                   o.letter_date->year + be_offset)))
      .css_class = "date";
  }

  Doc fields;
  fields.paragraph(strong("เรื่อง").text(" ขอเชิญประชุม").append(place_names(council)).text(" ครั้งที่ ").keep(meeting_number(m)));
  fields.paragraph(strong("เรียน").text(" คณะกรรมการ").append(place_names(council)).text(" ทุกท่าน"));
  if (!o.reference.empty()) fields.paragraph(strong("อ้างถึง").text(" ").text(o.reference));
  if (!m.agenda.empty()) fields.paragraph(strong("สิ่งที่ส่งมาด้วย").text(" ระเบียบวาระการประชุม จำนวน 1 ฉบับ"));
  doc.division("letter-fields", std::move(fields));

  std::string venue = m.venue.empty() ? c.council_venue : m.venue;
  Doc body;
  Inline text = Inline("ด้วย").append(place_names(c.org_name)).text(" กำหนดจัดการประชุม").append(place_names(council));
  text.text(" ครั้งที่ ").keep(meeting_number(m));
  if (m.date) text.text(" ใน").keep(thai_long_date(m.date->value));
  if (!m.start.empty()) text.text(" เวลา ").keep(thai_time(m.start));
  if (!venue.empty()) text.text(" ณ ").append(place_names(venue));
  text.text(" เพื่อพิจารณาเรื่องต่าง ๆ ตามระเบียบวาระการประชุมที่แนบมาพร้อมนี้");
  body.paragraph(text);
  body.paragraph("จึงเรียนมาเพื่อโปรดเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว");
  doc.division("letter-body", std::move(body));

  const Member* chief = chief_executive(ws);
  const Member* chair = m.chair ? ws.member(m.chair->value) : nullptr;
  const Member* signer = chief ? chief : chair;
  Doc closing;
  closing.paragraph("ขอแสดงความนับถือ").css_class = "closing";
  closing.paragraph(Inline()
                      .keep("(" + (signer ? signer->name : std::string("........................................")) + ")")
                      .br()
                      .append(signer ? place_names(signer->role) : Inline("ตำแหน่ง ........................................")))
    .css_class = "signer";
  doc.division("letter-signature", std::move(closing));

  Inline contact;
  auto contact_line = [&](Inline line) {
    if (!contact.empty()) contact.br();
    contact.append(line);
  };
  if (!letter.unit.empty()) contact_line(place_names(letter.unit));
  if (!letter.phone.empty()) contact_line(Inline("โทร. ").keep(letter.phone));
  if (!letter.fax.empty()) contact_line(Inline("โทรสาร ").keep(letter.fax));
  if (!letter.email.empty()) contact_line(Inline("ไปรษณีย์อิเล็กทรอนิกส์ ").keep(letter.email));
  if (!contact.empty()) {
    Doc block;
    block.paragraph(contact);
    doc.division("letter-contact", std::move(block));
  }

  if (!m.agenda.empty()) {
    doc.page_break();
    Doc enclosure;
    enclosure.heading(2, Inline("ระเบียบวาระการประชุม").append(place_names(council)).text(" ครั้งที่ ").keep(meeting_number(m)));
    Inline when;
    if (m.date) when.keep(thai_long_date(m.date->value));
    if (!m.start.empty()) when.text(" เวลา ").keep(thai_time(m.start));
    if (!venue.empty()) when.text(" ณ ").append(place_names(venue));
    enclosure.paragraph(when).css_class = "when";
    Inline items;
    for (const auto& a : m.agenda) items.keep(fmt::format("ระเบียบวาระที่ {}", a.no)).text(" ").text(a.title).br();
    enclosure.paragraph(items);
    doc.division("enclosure", std::move(enclosure));
  }
  return finish(std::move(doc), o);
}

const char* const minutes_css =
  "h1 + p { text-align: center; }\n"
  ".signature p { margin: 0; }\n";

const char* const letter_css =
  ".emblem { height: 3cm; text-align: center; margin: 0 0 .2cm; }\n"
  ".emblem img { height: 3cm; }\n"
  ".letter-head { display: table; width: 100%; }\n"
  ".letter-head p { display: table-cell; vertical-align: top; margin: 0; }\n"
  ".letter-head .number { width: 55%; }\n"
  "p.date { margin: .6em 0 .6em 50%; }\n"
  ".letter-fields p { margin: .2em 0; }\n"
  ".letter-fields p, .letter-body p { text-indent: 0; }\n"
  ".letter-body p { text-indent: 2.5cm; margin: .4em 0; }\n"
  ".letter-signature { break-inside: avoid; page-break-inside: avoid; margin: 1em 0 0 40%; text-align: center; }\n"
  ".letter-signature .closing { margin: 0 0 2.6em; }\n"
  ".letter-signature .signer { margin: 0; }\n"
  ".letter-contact { margin-top: 2.5em; }\n"
  ".letter-contact p { margin: 0; }\n"
  ".enclosure h2 { text-align: center; }\n"
  ".enclosure .when { text-align: center; }\n";

}  // namespace kudrang
