#include "kudrang/render/signin_sheet.hpp"

#include "kudrang/rules/signin.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

std::string thai_date(const Date& d)
{
  return fmt::format("{} {} พ.ศ. {}", d.day, thai_month_name(d.month), d.year + be_offset);
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

}  // namespace kudrang
