#include "kudrang/render/plan_template.hpp"

#include "kudrang/records/plan_sheet.hpp"

#include <fmt/format.h>

namespace kudrang {

XlsxBook plan_template(const Workspace& ws, const Village& village, int year, std::size_t project_rows)
{
  XlsxBook book;
  const auto& cfg = ws.config.value;
  XlsxSheet form;
  form.name = plan_form_sheet;
  form.title = {fmt::format("แบบฟอร์มแผนชุมชน{} หมู่ที่ {} ตำบล{} อำเภอ{} จังหวัด{}", village.name, village.no,
                            cfg.subdistrict, cfg.district, cfg.province),
                fmt::format("ทบทวนแผนปี {} — กรอกข้อมูลในช่อง \"ข้อมูล\" แล้วส่งคืน {}", year, cfg.org_short.empty() ? cfg.org_name : cfg.org_short)};
  form.headers = {"รายการ", "ข้อมูล", "คำอธิบาย"};
  std::size_t row = 0;
  for (const auto& f : plan_form_fields()) {
    XlsxCell value;
    std::string key = f.key;
    if (key == "id") value = XlsxCell::of(fmt::format("m{:02}-{}", village.no, year));
    else if (key == "village") value = XlsxCell::integer(village.no);
    else if (key == "village_name") value = XlsxCell::of(village.name);
    else if (key == "year") value = XlsxCell::integer(year);
    else if (key == "period.from") value = XlsxCell::integer(year + 1);
    else if (key == "period.to") value = XlsxCell::integer(year + 3);
    form.rows.push_back({XlsxCell::of(f.label), value, XlsxCell::of(f.hint)});
    if (f.kind == PlanFormField::Kind::yes_no) form.dropdowns.push_back({1, row, row, {yes_text, no_text}});
    ++row;
  }
  book.sheets.push_back(std::move(form));

  XlsxSheet projects;
  projects.name = plan_projects_sheet;
  projects.title = {fmt::format("โครงการ/กิจกรรมในแผนชุมชน หมู่ที่ {} ({}) — หนึ่งแถวต่อหนึ่งโครงการ", village.no, village.name),
                    "ประเภท: ทำเอง / ทำร่วม / ขอรับการสนับสนุน; หน่วยงาน: อปท. หรือชื่อหน่วยงาน; งบประมาณเป็นบาท"};
  for (const auto& c : plan_form_columns()) projects.headers.push_back(c.header);
  projects.blank_rows = project_rows;
  auto thai = [](const std::vector<CodeName>& names) {
    std::vector<std::string> out;
    for (const auto& n : names) out.push_back(n.thai);
    return out;
  };
  if (project_rows > 0) {
    projects.dropdowns.push_back({3, 0, project_rows - 1, thai(dimension_names())});
    projects.dropdowns.push_back({4, 0, project_rows - 1, thai(category_names())});
    projects.dropdowns.push_back({7, 0, project_rows - 1, thai(project_status_names())});
  }
  book.sheets.push_back(std::move(projects));
  return book;
}

}  // namespace kudrang
