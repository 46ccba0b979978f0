#include "kudrang/render/levels_render.hpp"

#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

#include <map>

namespace kudrang {

namespace {
const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

const char* levels_heading(bool thai) { return tr(thai, "ระดับความสำเร็จ (ตัวชี้วัด 1.1.2)", "Success levels (KPI 1.1.2)"); }

void levels_keys(JsonWriter& w, const SuccessLevels& l)
{
  w.key("year").value(l.year);
  w.key("level").value(l.reached);
  w.key("reached").value(l.reached);
  w.key("levels").begin_array();
  for (const auto& s : l.steps) {
    w.begin_object();
    w.key("level").value(s.level);
    w.key("met").value(s.met);
    w.key("evidence").value(s.declared ? "declared" : "computed");
    w.key("numerator").value(s.ratio.num);
    w.key("denominator").value(s.ratio.den);
    w.key("threshold").value(s.threshold);
    w.key("failing").begin_array();
    for (int v : s.failing) w.value(v);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}
}  // namespace

const char* level_text(int level, bool thai)
{
  switch (level) {
  case 1: return tr(thai, "สรุปสถานะแผนทุกหมู่บ้านและเผยแพร่อย่างน้อย 2 ช่องทาง", "every plan's status published through 2+ channels");
  case 2: return tr(thai, "ทุกหมู่บ้านจัดเวทีประชาคมทบทวนแผน", "every village reviewed its plan at a civic forum");
  case 3: return tr(thai, "ทุกแผนมีโครงการที่ทำเองโดยไม่ใช้งบประมาณอย่างน้อย 2 โครงการ", "every plan carries out 2+ projects without budget");
  case 4: return tr(thai, "ทุกหมู่บ้านมีโครงการบรรจุในแผนพัฒนาท้องถิ่นอย่างน้อย 1 โครงการ", "every village has 1+ project in the development plan");
  case 5: return tr(thai, "โครงการในขั้นที่ 4 ได้รับงบประมาณอย่างน้อยร้อยละ 20", "20%+ of the level-4 projects are budgeted");
  }
  return "";
}

Table levels_table(const SuccessLevels& l, bool thai)
{
  Table levels({tr(thai, "ขั้น", "level"), tr(thai, "เงื่อนไข", "step"), tr(thai, "ได้", "count"), tr(thai, "ผล", "result"),
                tr(thai, "หลักฐาน", "evidence")},
               {Align::right, Align::left, Align::right, Align::left, Align::left});
  for (const auto& st : l.steps) {
    levels.add_row({fmt::format("{}", st.level), level_text(st.level, thai), fmt::format("{}/{}", st.ratio.num, st.ratio.den),
                    st.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"),
                    st.declared ? tr(thai, "แจ้งโดยชุมชน", "declared") : tr(thai, "คำนวณจากข้อมูล", "computed")});
  }
  return levels;
}

void render_levels_md(std::ostream& out, const SuccessLevels& l, bool thai)
{
  Doc doc;
  doc.heading(1, levels_heading(thai));
  doc.paragraph(Inline().strong(thai ? fmt::format("ระดับที่ได้: {} จาก 5", l.reached)
                                     : fmt::format("Level reached: {} of 5", l.reached)));
  doc.table(levels_table(l, thai));
  out << to_markdown(doc);
}

void render_levels_json(std::ostream& out, const SuccessLevels& l)
{
  JsonWriter w(out);
  w.begin_object();
  levels_keys(w, l);
  w.end_object();
  w.finish();
}

void render_levels_tree_md(std::ostream& out, int year, const LevelsTreeReport& r, bool thai)
{
  Doc doc;
  doc.heading(1, thai ? fmt::format("{} ปีทบทวนแผน {}", levels_heading(true), year)
                      : fmt::format("{}, review year {}", levels_heading(false), year));
  Table t({tr(thai, "พื้นที่ทำงาน", "workspace"), tr(thai, "อปท.", "LAO"), tr(thai, "ระดับ", "level"), "1", "2", "3", "4", "5"},
          {Align::left, Align::left, Align::right, Align::left, Align::left, Align::left, Align::left, Align::left});
  std::map<int, long> reached;
  for (const auto& [info, l] : r) {
    std::vector<Inline> row = {Inline(info.workspace.empty() ? "." : info.workspace), Inline(info.name),
                               Inline(fmt::format("{}", l.reached))};
    for (const auto& s : l.steps) row.emplace_back(fmt::format("{}/{}{}", s.ratio.num, s.ratio.den, s.met ? " ✓" : ""));
    t.add_row(std::move(row));
    ++reached[l.reached];
  }
  doc.table(std::move(t));
  Table d({tr(thai, "ระดับที่ได้", "level reached"), tr(thai, "จำนวน อปท.", "LAOs")}, {Align::right, Align::right});
  for (int level = 0; level <= 5; ++level) d.add_row({fmt::format("{}", level), fmt::format("{}", reached[level])});
  d.add_row({tr(thai, "รวม", "total"), fmt::format("{}", r.size())});
  doc.table(std::move(d));
  out << to_markdown(doc);
}

void render_levels_tree_json(std::ostream& out, int year, const LevelsTreeReport& r)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("year").value(year);
  w.key("workspaces").begin_array();
  std::map<int, long> reached;
  for (const auto& [info, l] : r) {
    w.begin_object();
    w.key("workspace").value(info.workspace);
    w.key("code").value(info.code);
    w.key("name").value(info.name);
    levels_keys(w, l);
    w.end_object();
    ++reached[l.reached];
  }
  w.end_array();
  w.key("distribution").begin_object();
  for (int level = 0; level <= 5; ++level) w.key(fmt::format("{}", level)).value(reached[level]);
  w.end_object();
  w.key("totals").begin_object();
  w.key("workspaces").value(static_cast<long>(r.size()));
  w.end_object();
  w.end_object();
  w.finish();
}

}  // namespace kudrang
