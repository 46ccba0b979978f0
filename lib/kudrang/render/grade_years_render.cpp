#include "kudrang/render/grade_years_render.hpp"

#include "kudrang/core/date.hpp"
#include "kudrang/render/doc.hpp"
#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

struct YearCounts {
  GradeDistribution grades;
  long certified = 0;
  long assessed = 0;
};

using VillageKey = std::tuple<std::string, int>;  // workspace, village number

struct Tables {
  std::map<VillageKey, std::map<int, const PlanGrade*>> villages;
  std::map<VillageKey, std::string> names;
  std::map<int, YearCounts> years;
};

Tables tables_of(const GradeYears& r)
{
  Tables t;
  for (int y = r.from; y <= r.to; ++y) t.years[y];
  for (const auto& g : r.plans) {
    VillageKey k{g.workspace, g.plan->village};
    t.villages[k][g.plan->year] = &g;
    if (!g.village_name.empty()) t.names[k] = g.village_name;
    t.years[g.plan->year].grades.add(g.grade);
  }
  for (const auto& c : r.certifications) {
    auto y = certification_year(c);
    if (!y || *y < r.from || *y > r.to) continue;
    ++t.years[*y].assessed;
    t.years[*y].certified += c.certified ? 1 : 0;
  }
  return t;
}

std::string grade_cell(const PlanGrade* g) { return g ? (g->grade ? std::string(1, *g->grade) : "-") : ""; }

}  // namespace

std::optional<int> certification_year(const CertificationResult& c)
{
  if (c.date) return fiscal_year_of(*c.date);
  return c.plan_year;
}

void render_grade_years_md(std::ostream& out, const GradeYears& r, bool thai)
{
  Tables t = tables_of(r);
  Doc doc;
  doc.heading(1, thai ? fmt::format("ระดับคุณภาพแผนชุมชน ปีทบทวนแผน {}–{}", r.from, r.to)
                      : fmt::format("Community-plan grades, review years {}–{}", r.from, r.to));
  std::vector<Inline> head;
  std::vector<Align> align;
  if (r.many_workspaces) {
    head.emplace_back(tr(thai, "พื้นที่ทำงาน", "workspace"));
    align.push_back(Align::left);
  }
  head.emplace_back(tr(thai, "หมู่ที่", "village"));
  head.emplace_back(tr(thai, "ชื่อหมู่บ้าน", "name"));
  align.push_back(Align::right);
  align.push_back(Align::left);
  for (int y = r.from; y <= r.to; ++y) {
    head.emplace_back(fmt::format("{}", y));
    align.push_back(Align::left);
  }
  Table v(std::move(head), std::move(align));
  for (const auto& [k, by_year] : t.villages) {
    std::vector<Inline> row;
    if (r.many_workspaces) row.emplace_back(std::get<0>(k).empty() ? "." : std::get<0>(k));
    row.emplace_back(fmt::format("{}", std::get<1>(k)));
    row.emplace_back(t.names.count(k) ? t.names.at(k) : "");
    for (int y = r.from; y <= r.to; ++y) {
      auto it = by_year.find(y);
      row.emplace_back(grade_cell(it == by_year.end() ? nullptr : it->second));
    }
    v.add_row(std::move(row));
  }
  doc.table(std::move(v));
  doc.paragraph(tr(thai, "A/B/C: ระดับคุณภาพ; -: ยังไม่ได้ระดับ; ว่าง: ไม่มีแผนของปีนั้น",
                   "A/B/C: the grade; -: not graded; blank: no plan of that year"));
  doc.heading(2, tr(thai, "รายปี: ระดับคุณภาพและการรับรองมาตรฐาน", "Per year: grades and certification"));
  Table y({tr(thai, "ปี", "year"), tr(thai, "แผน", "plans"), "A", "B", "C", tr(thai, "ไม่ได้ระดับ", "not graded"),
           tr(thai, "ผ่านการรับรอง", "certified"), tr(thai, "สะสม", "cumulative")},
          {Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right});
  long cumulative = 0;
  GradeDistribution all;
  for (const auto& [year, c] : t.years) {
    cumulative += c.certified;
    y.add_row({fmt::format("{}", year), fmt::format("{}", c.grades.total()), fmt::format("{}", c.grades.a),
               fmt::format("{}", c.grades.b), fmt::format("{}", c.grades.c), fmt::format("{}", c.grades.none),
               fmt::format("{}", c.certified), fmt::format("{}", cumulative)});
    all.a += c.grades.a;
    all.b += c.grades.b;
    all.c += c.grades.c;
    all.none += c.grades.none;
  }
  y.add_row({tr(thai, "รวม", "total"), fmt::format("{}", all.total()), fmt::format("{}", all.a), fmt::format("{}", all.b),
             fmt::format("{}", all.c), fmt::format("{}", all.none), fmt::format("{}", cumulative), fmt::format("{}", cumulative)});
  doc.table(std::move(y));
  doc.paragraph(tr(thai, "การรับรองนับในปีงบประมาณของวันที่รับรอง (ไม่มีวันที่: ปีทบทวนแผน)",
                   "A certification counts in the fiscal year of its date (without a date: its plan's review year)"));
  out << to_markdown(doc);
}

void render_grade_years_json(std::ostream& out, const GradeYears& r)
{
  Tables t = tables_of(r);
  JsonWriter w(out);
  w.begin_object();
  w.key("from").value(r.from);
  w.key("to").value(r.to);
  w.key("villages").begin_array();
  for (const auto& [k, by_year] : t.villages) {
    w.begin_object();
    w.key("workspace").value(std::get<0>(k));
    w.key("village").value(std::get<1>(k));
    w.key("name").value(t.names.count(k) ? t.names.at(k) : "");
    w.key("grades").begin_object();
    for (const auto& [year, g] : by_year) {
      w.key(fmt::format("{}", year));
      if (g->grade) w.value(std::string(1, *g->grade));
      else w.null();
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.key("years").begin_array();
  long cumulative = 0;
  for (const auto& [year, c] : t.years) {
    cumulative += c.certified;
    w.begin_object();
    w.key("year").value(year);
    w.key("plans").value(c.grades.total());
    w.key("distribution").begin_object();
    w.key("A").value(c.grades.a).key("B").value(c.grades.b).key("C").value(c.grades.c).key("none").value(c.grades.none);
    w.end_object();
    w.key("certified").value(c.certified);
    w.key("assessed").value(c.assessed);
    w.key("cumulative_certified").value(cumulative);
    w.end_object();
  }
  w.end_array();
  w.key("certified_total").value(cumulative);
  w.end_object();
  w.finish();
}

}  // namespace kudrang
