#include "kudrang/records/criteria.hpp"

#include <fmt/format.h>

#include <set>

namespace kudrang {

const Indicator* Criteria::indicator(std::string_view iid) const
{
  for (const auto& a : areas) {
    for (const auto& i : a.indicators) {
      if (i.id == iid) {
        return &i;
      }
    }
  }
  return nullptr;
}

long Criteria::total_points() const
{
  long t = 0;
  for (const auto& a : areas) t += a.points;
  return t;
}

Criteria extract_criteria(const Node& doc, Diagnostics&)
{
  Criteria c;
  if (auto id = get_ref(doc, "id")) {
    c.id = id->value;
    c.id_mark = id->mark;
  }
  if (const Node* cert = get_map(doc, "certification")) {
    c.pass = get_int(*cert, "pass").value_or(80);
    if (const Node* areas = get_list(*cert, "areas")) {
      for (const auto& an : areas->items) {
        if (!an.is_mapping()) continue;
        Area a;
        a.id = get_text(an, "id");
        a.mark = an.mark;
        a.name = get_text(an, "name");
        a.points = get_int(an, "points").value_or(0);
        if (const Node* inds = get_list(an, "indicators")) {
          for (const auto& in : inds->items) {
            if (!in.is_mapping()) continue;
            a.indicators.push_back(
              {get_text(in, "id"), in.mark, get_int(in, "max").value_or(0), get_text(in, "text")});
          }
        }
        c.areas.push_back(std::move(a));
      }
    }
  }
  if (const Node* g = get_map(doc, "grade")) {
    c.grade.self_analysis = get_int(*g, "self_analysis").value_or(70);
    c.grade.participation = get_int(*g, "participation").value_or(70);
    c.grade.self_reliance = get_int(*g, "self_reliance").value_or(30);
  }
  return c;
}

const Criteria& builtin_criteria()
{
  static const Criteria c = [] {
    const std::string d = " (ค่าเริ่มต้น: ไม่มีข้อมูลสาธารณะ — default, not public)";
    Criteria k;
    k.id = "cdd-2554";
    k.builtin = true;
    k.pass = 80;
    k.note = "Areas, their points and indicator counts follow the CDD standard (seed 003). "
             "Indicator points of area 1 (1.1-1.4) are public; the rest, the indicator texts "
             "marked as defaults and the pass mark 80 are defaults: override them with a "
             "workspace 'kind: criteria' record of id cdd-2554.";
    k.areas = {
      {"se", {}, "ปรัชญาเศรษฐกิจพอเพียง", 20,
       {{"se1", {}, 4, "กิจกรรมการพึ่งตนเอง (ลดรายจ่าย เพิ่มรายได้)"},
        {"se2", {}, 3, "การเอื้ออาทรต่อกัน"},
        {"se3", {}, 3, "การส่งเสริมการออม"},
        {"se4", {}, 4, "การสร้างภูมิคุ้มกันของชุมชน"},
        {"se5", {}, 3, "การใช้ภูมิปัญญาท้องถิ่น" + d},
        {"se6", {}, 3, "ตัวชี้วัดที่ 1.6" + d}}},
      {"pa", {}, "การมีส่วนร่วม", 20,
       {{"pa1", {}, 7, "ครัวเรือนมีส่วนร่วมในการจัดทำแผน" + d},
        {"pa2", {}, 7, "องค์กร/เครือข่ายในชุมชนมีส่วนร่วม" + d},
        {"pa3", {}, 6, "ภาคีการพัฒนามีส่วนร่วม" + d}}},
      {"le", {}, "กระบวนการเรียนรู้", 25,
       {{"le1", {}, 13, "การใช้ข้อมูลชุมชนในการวิเคราะห์และจัดทำแผน" + d},
        {"le2", {}, 12, "การทบทวนและปรับปรุงแผนอย่างต่อเนื่อง" + d}}},
      {"ut", {}, "การใช้ประโยชน์", 25,
       {{"ut1", {}, 9, "ชุมชนนำแผนไปดำเนินการเอง" + d},
        {"ut2", {}, 8, "แผนถูกบรรจุในแผนพัฒนาท้องถิ่น/แผนของหน่วยงาน" + d},
        {"ut3", {}, 8, "การติดตามและประเมินผลแผน" + d}}},
      {"bk", {}, "เล่มแผนชุมชน", 10,
       {{"bk1", {}, 2, "ข้อมูลพื้นฐานของชุมชน" + d},
        {"bk2", {}, 2, "การวิเคราะห์ศักยภาพและปัญหา" + d},
        {"bk3", {}, 2, "วิสัยทัศน์และยุทธศาสตร์" + d},
        {"bk4", {}, 2, "แผนงาน/โครงการจำแนกประเภท" + d},
        {"bk5", {}, 2, "การจัดทำเป็นรูปเล่มและเผยแพร่" + d}}},
    };
    return k;
  }();
  return c;
}

void check_criteria(const Criteria& c, Diagnostics& diags)
{
  std::set<std::string> seen;
  long total = 0;
  for (const auto& a : c.areas) {
    long sum = 0;
    for (const auto& i : a.indicators) {
      sum += i.max;
      if (!seen.insert(i.id).second) {
        diags.error(i.mark, "id-duplicate",
                    fmt::format("indicator id '{}' appears twice in criteria '{}'", i.id, c.id));
      }
    }
    if (sum != a.points) {
      diags.error(a.mark, "criteria-sum",
                  fmt::format("the indicators of area '{}' add up to {} points, but the area has {}",
                              a.id, sum, a.points));
    }
    total += a.points;
  }
  if (total != 100) {
    diags.error(c.id_mark, "criteria-sum",
                fmt::format("the areas of criteria '{}' add up to {} points, not 100", c.id, total));
  }
  if (c.pass > total) {
    diags.error(c.id_mark, "criteria-sum",
                fmt::format("the pass mark {} is more than the {} points available", c.pass, total));
  }
}

}  // namespace kudrang
