#include "kudrang/render/levels_render.hpp"

#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kudrang {

long level_needed(const SuccessStep& s)
{
  if (s.met) return 0;
  if (s.level == 5) return s.ratio.den == 0 ? 0 : s.ratio.needed_fixed(s.threshold);
  return s.ratio.needed_fixed(s.threshold);
}

namespace {
const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

// "15/16" (villages or projects of the step); level 3 counts projects against the 2 it asks.
std::string step_count(const SuccessStep& s, bool thai)
{
  if (s.level == 3) return fmt::format("{} ({} {})", s.ratio.num, thai ? "อย่างน้อย" : "of at least", s.ratio.den);
  return fmt::format("{}/{}", s.ratio.num, s.ratio.den);
}

const char* levels_heading(bool thai) { return tr(thai, "ระดับความสำเร็จ (ตัวชี้วัด 1.1.2)", "Success levels (KPI 1.1.2)"); }

void levels_keys(JsonWriter& w, const SuccessLevels& l)
{
  w.key("year").value(l.year);
  w.key("level").value(l.reached);
  w.key("reached").value(l.reached);
  w.key("level4_from").value(l.from_integrated ? "integrated-plan" : "village-plans");
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
    w.key("needed").value(level_needed(s));
    w.key("counts").value(s.level == 3 ? "projects" : s.level == 5 ? "projects" : "villages");
    w.end_object();
  }
  w.end_array();
  w.key("villages").value(l.villages);
  w.key("without_plan").begin_array();
  for (int v : l.without_plan) w.value(v);
  w.end_array();
  w.key("budget_entered").value(!l.budget_missing);
  w.key("unsupported").begin_array();
  for (const auto& p : l.short_projects) w.value(p);
  w.end_array();
  w.key("money_elsewhere").begin_array();
  for (const auto& p : l.money_elsewhere) w.value(p);
  w.end_array();
}
}  // namespace

const char* level_text(int level, bool thai)
{
  switch (level) {
  case 1: return tr(thai, "สรุปสถานะแผนทุกหมู่บ้านและเผยแพร่อย่างน้อย 2 ช่องทาง", "every plan's status published through 2+ channels");
  case 2: return tr(thai, "ทุกหมู่บ้านจัดเวทีประชาคมทบทวนแผน", "every village reviewed its plan at a civic forum");
  case 3: return tr(thai, "ภาคประชาชนร่วมดำเนินโครงการตามแผนโดยไม่ใช้งบประมาณอย่างน้อย 2 โครงการ (ทั้งตำบล)",
                    "civic groups carry out 2+ plan projects without budget (in the subdistrict)");
  case 4: return tr(thai, "ทุกหมู่บ้านมีโครงการบรรจุในแผนพัฒนาท้องถิ่นหรือแผนของหน่วยงานอื่นอย่างน้อย 1 โครงการ",
                    "every village has 1+ project in the development plan or another agency's plan");
  case 5: return tr(thai, "โครงการในขั้นที่ 4 ได้รับงบประมาณหรือร่วมดำเนินการจาก อปท. หรือหน่วยงานอื่นอย่างน้อยร้อยละ 20",
                    "20%+ of the level-4 projects get budget or joint action from the LAO or another agency");
  }
  return "";
}

Table levels_table(const SuccessLevels& l, bool thai)
{
  Table levels({tr(thai, "ขั้น", "level"), tr(thai, "เงื่อนไข", "step"), tr(thai, "ได้", "count"), tr(thai, "ผล", "result"),
                tr(thai, "หลักฐาน", "evidence")},
               {Align::right, Align::left, Align::right, Align::left, Align::left});
  for (const auto& st : l.steps) {
    levels.add_row({fmt::format("{}", st.level), level_text(st.level, thai), step_count(st, thai),
                    st.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"),
                    st.declared ? tr(thai, "แจ้งโดยชุมชน", "declared") : tr(thai, "คำนวณจากข้อมูล", "computed")});
  }
  return levels;
}

static std::string village_list(const std::vector<int>& v, bool thai)
{
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += ", ";
    out += fmt::format("{}", v[i]);
  }
  return fmt::format("{} {}", thai ? "หมู่ที่" : v.size() == 1 ? "village" : "villages", out);
}

void levels_reasons(Doc& doc, const SuccessLevels& l, bool thai)
{
  std::vector<Inline> items;
  if (!l.without_plan.empty()) {
    items.push_back(thai ? fmt::format("{} ไม่มีแผนชุมชนของปี {}: ไม่ผ่านขั้นที่ 1, 2 และ 4 (ทุกหมู่บ้าน) จนกว่าจะบันทึกแผน",
                                       village_list(l.without_plan, true), l.year)
                         : fmt::format("{} {} no community plan of {}: levels 1, 2 and 4 (every village) fail until it is entered",
                                       village_list(l.without_plan, false), l.without_plan.size() == 1 ? "has" : "have", l.year));
  }
  for (const auto& s : l.steps) {
    if (s.met) continue;
    switch (s.level) {
    case 1:
    case 2:
    case 4: {
      std::vector<int> with_plan;
      for (int v : s.failing) {
        if (!std::binary_search(l.without_plan.begin(), l.without_plan.end(), v)) with_plan.push_back(v);
      }
      if (with_plan.empty()) break;
      const char* what_th = s.level == 1   ? "ยังไม่เผยแพร่สถานะแผนครบ 2 ช่องทาง (published)"
                            : s.level == 2 ? "ไม่มีวันจัดเวทีประชาคมทบทวนแผนในปีงบประมาณนี้ (reviewed)"
                                           : "ไม่มีโครงการที่บรรจุในแผนพัฒนาท้องถิ่น (มีงบประมาณปีถัดไป) หรือแผนของหน่วยงานอื่น (agency_plan)";
      const char* what_en = s.level == 1   ? "not yet published through 2 channels (published)"
                            : s.level == 2 ? "without a civic-forum review date in the fiscal year (reviewed)"
                                           : "without a project in the development plan with money for the next year or in another agency's plan (agency_plan)";
      items.push_back(thai ? fmt::format("ขั้นที่ {}: {} {}", s.level, village_list(with_plan, true), what_th)
                           : fmt::format("level {}: {} {}", s.level, village_list(with_plan, false), what_en));
      if (s.level == 4 && !l.money_elsewhere.empty()) {
        std::string list;
        for (size_t i = 0; i < l.money_elsewhere.size() && i < 10; ++i) list += (i ? ", " : "") + l.money_elsewhere[i];
        if (l.money_elsewhere.size() > 10) list += ", …";
        items.push_back(thai ? fmt::format("ขั้นที่ 4: {} อยู่ในแผนพัฒนาท้องถิ่นแล้วแต่ไม่มีงบประมาณปี {}: ย้ายงบประมาณมาปี {} "
                                           "จะผ่านขั้นที่ 4 ของหมู่บ้านนั้น{}",
                                           list, l.year + 1, l.year + 1, l.elsewhere_in_ldp30 ? " และนับในเกณฑ์ ldp-30 ไปพร้อมกัน" : "")
                             : fmt::format("level 4: {} {} in the development plan without money for {}: moving money into {} "
                                           "meets level 4 for the village{}",
                                           list, l.money_elsewhere.size() == 1 ? "is" : "are", l.year + 1, l.year + 1,
                                           l.elsewhere_in_ldp30 ? " and counts for ldp-30 at once" : ""));
      }
      break;
    }
    case 3:
      items.push_back(thai ? fmt::format("ขั้นที่ 3: มีโครงการที่ทำเองโดยไม่ใช้งบประมาณและดำเนินการแล้ว {} โครงการ ต้องเพิ่มอีก {} โครงการ",
                                         s.ratio.num, level_needed(s))
                           : fmt::format("level 3: {} self project(s) without budget under way or done; {} more needed",
                                         s.ratio.num, level_needed(s)));
      break;
    case 5:
      if (l.budget_missing) {
        items.push_back(thai ? fmt::format("ขั้นที่ 5: ยังไม่ได้บันทึกร่างข้อบัญญัติงบประมาณปี {} จึงนับการสนับสนุนงบประมาณไม่ได้", l.year + 1)
                             : fmt::format("level 5: the draft budget of {} has not been entered, so budget support cannot be counted yet",
                                           l.year + 1));
      }
      if (s.ratio.den > 0) {
        std::string list;
        for (size_t i = 0; i < l.short_projects.size() && i < 10; ++i) list += (i ? ", " : "") + l.short_projects[i];
        if (l.short_projects.size() > 10) list += ", …";
        items.push_back(thai ? fmt::format("ขั้นที่ 5: ต้องให้อีก {} โครงการได้รับงบประมาณหรือร่วมดำเนินการ จากโครงการ {}", level_needed(s), list)
                             : fmt::format("level 5: {} more project(s) need budget or joint action, from {}", level_needed(s), list));
      }
      break;
    }
  }
  if (items.empty()) return;
  doc.heading(2, tr(thai, "เหตุผลของขั้นที่ไม่ผ่าน", "Why a level is not met"));
  doc.list(std::move(items));
}

void render_levels_md(std::ostream& out, const SuccessLevels& l, bool thai)
{
  Doc doc;
  doc.heading(1, levels_heading(thai));
  doc.paragraph(Inline().strong(thai ? fmt::format("ระดับที่ได้: {} จาก 5", l.reached)
                                     : fmt::format("Level reached: {} of 5", l.reached)));
  doc.table(levels_table(l, thai));
  levels_reasons(doc, l, thai);
  doc.paragraph(l.from_integrated
                  ? tr(thai, "ขั้นที่ 4 นับจากเวทีประชาคมระดับตำบล (แผนบูรณาการระดับตำบล): อย่างน้อย 1 โครงการต่อหมู่บ้าน",
                       "Level 4 is counted from the subdistrict forum (the integrated plan): 1+ project per village")
                  : tr(thai, "ไม่มีแผนบูรณาการระดับตำบลของปีนี้ ขั้นที่ 4 จึงนับจากแผนชุมชนหมู่บ้าน",
                       "There is no integrated subdistrict plan for the year: level 4 is counted from the village plans"));
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
    for (const auto& s : l.steps) row.emplace_back(fmt::format("{}{}", step_count(s, thai), s.met ? " ✓" : ""));
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

void render_levels_years_md(std::ostream& out, int from, const std::vector<LevelsTreeReport>& years, bool thai)
{
  Doc doc;
  int to = from + static_cast<int>(years.size()) - 1;
  doc.heading(1, thai ? fmt::format("{} ปีทบทวนแผน {}–{}", levels_heading(true), from, to)
                      : fmt::format("{}, review years {}–{}", levels_heading(false), from, to));
  bool one = !years.empty() && years.front().size() == 1;
  if (one) {
    Table t({tr(thai, "ปี", "year"), tr(thai, "ระดับที่ได้", "level reached"), "1", "2", "3", "4", "5"},
            {Align::right, Align::right, Align::left, Align::left, Align::left, Align::left, Align::left});
    for (size_t k = 0; k < years.size(); ++k) {
      const SuccessLevels& l = years[k].front().second;
      std::vector<Inline> row = {Inline(fmt::format("{}", from + static_cast<int>(k))), Inline(fmt::format("{}", l.reached))};
      for (const auto& s : l.steps) row.emplace_back(fmt::format("{}{}", step_count(s, thai), s.met ? " ✓" : ""));
      t.add_row(std::move(row));
    }
    doc.table(std::move(t));
  } else {
    Table t({tr(thai, "ปี", "year"), tr(thai, "อปท.", "LAOs"), tr(thai, "ระดับ 0", "level 0"), "1", "2", "3", "4", "5"},
            {Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right});
    for (size_t k = 0; k < years.size(); ++k) {
      std::map<int, long> reached;
      for (const auto& [info, l] : years[k]) ++reached[l.reached];
      std::vector<Inline> row = {Inline(fmt::format("{}", from + static_cast<int>(k))), Inline(fmt::format("{}", years[k].size()))};
      for (int level = 0; level <= 5; ++level) row.emplace_back(fmt::format("{}", reached[level]));
      t.add_row(std::move(row));
    }
    doc.table(std::move(t));
  }
  doc.paragraph(tr(thai, "รายละเอียดและเหตุผลของแต่ละปี: kudrang report levels --year ปี",
                   "The details and reasons of a year: kudrang report levels --year Y"));
  out << to_markdown(doc);
}

void render_levels_years_json(std::ostream& out, int from, const std::vector<LevelsTreeReport>& years)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("from").value(from);
  w.key("to").value(from + static_cast<int>(years.size()) - 1);
  w.key("years").begin_array();
  for (size_t k = 0; k < years.size(); ++k) {
    w.begin_object();
    w.key("year").value(from + static_cast<int>(k));
    std::map<int, long> reached;
    w.key("workspaces").begin_array();
    for (const auto& [info, l] : years[k]) {
      w.begin_object();
      w.key("workspace").value(info.workspace);
      w.key("code").value(info.code);
      w.key("name").value(info.name);
      w.key("level").value(l.reached);
      w.end_object();
      ++reached[l.reached];
    }
    w.end_array();
    w.key("distribution").begin_object();
    for (int level = 0; level <= 5; ++level) w.key(fmt::format("{}", level)).value(reached[level]);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

}  // namespace kudrang
