#include "kudrang/render/rollup_render.hpp"

#include "kudrang/core/date.hpp"
#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

const char* const kRules[] = {"ldp-30", "budget-20", "self-30", "dimensions-3"};

long plans_of(const SummaryRow& r) { return r.grades.a + r.grades.b + r.grades.c + r.grades.none; }
long graded_of(const SummaryRow& r) { return r.grades.a + r.grades.b + r.grades.c; }

std::string pct(long num, long den) { return percent_or_dash(Ratio{num, den}); }

std::string rule_cell(const SummaryRow& row, const char* id, bool thai)
{
  const IntegrationRule* x = find_rule(row, id);
  if (!x) return "-";
  return fmt::format("{} {}", percent_or_dash(x->ratio), x->met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"));
}

std::string as_of_text(const std::optional<Date>& d, bool thai)
{
  return d ? human_date(*d, thai) : std::string(tr(thai, "ไม่มีวันที่ในข้อมูล", "no date in the records"));
}

// The columns of one LAO, district or province.
std::vector<std::string> lao_header(bool thai)
{
  return {tr(thai, "แผน", "plans"), "A/B/C/-", tr(thai, "ไม่มีแผน", "no plan"), tr(thai, "ผ่านการรับรอง", "certified"),
          "ldp-30", "budget-20", "self-30", "dimensions-3", tr(thai, "ระดับ", "level")};
}

std::vector<std::string> lao_cells(const SummaryRow& row, bool thai)
{
  std::vector<std::string> c = {fmt::format("{}", plans_of(row)),
                                fmt::format("{}/{}/{}/{}", row.grades.a, row.grades.b, row.grades.c, row.grades.none),
                                fmt::format("{}", row.without_plan),
                                fmt::format("{}/{} ({})", row.certified, plans_of(row), pct(row.certified, plans_of(row)))};
  for (const char* id : kRules) c.push_back(rule_cell(row, id, thai));
  c.push_back(fmt::format("{}", row.level));
  return c;
}

std::vector<std::string> totals_header(bool thai)
{
  return {tr(thai, "อปท.", "LAOs"), tr(thai, "ต้นแบบ (30% และ 20%)", "model (30% and 20%)"), tr(thai, "ผ่าน 30%", "30% met"),
          tr(thai, "ผ่าน 20%", "20% met"), tr(thai, "ระดับ 0/1/2/3/4/5", "levels 0/1/2/3/4/5"), "A/B/C/-",
          tr(thai, "ไม่มีแผน", "no plan"), tr(thai, "ผ่านการรับรอง", "certified")};
}

std::vector<std::string> totals_cells(const LaoTotals& t)
{
  const SummaryRow& s = t.sum;
  return {fmt::format("{}", t.laos),
          fmt::format("{} ({})", t.model, pct(t.model, t.laos)),
          fmt::format("{} ({})", t.ldp30, pct(t.ldp30, t.laos)),
          fmt::format("{} ({})", t.budget20, pct(t.budget20, t.laos)),
          fmt::format("{}/{}/{}/{}/{}/{}", t.levels[0], t.levels[1], t.levels[2], t.levels[3], t.levels[4], t.levels[5]),
          fmt::format("{}/{}/{}/{}", s.grades.a, s.grades.b, s.grades.c, s.grades.none),
          fmt::format("{}", s.without_plan),
          fmt::format("{}/{} ({})", s.certified, plans_of(s), pct(s.certified, plans_of(s)))};
}

std::vector<Align> aligns(size_t left, size_t n)
{
  std::vector<Align> a(n, Align::right);
  for (size_t i = 0; i < left && i < n; ++i) a[i] = Align::left;
  return a;
}

Table make_table(std::vector<std::string> head, size_t left)
{
  size_t n = head.size();
  std::vector<Inline> cells;
  for (auto& h : head) cells.emplace_back(std::move(h));
  return Table(std::move(cells), aligns(left, n));
}

void add_row(Table& t, std::vector<std::string> cells)
{
  std::vector<Inline> row;
  for (auto& c : cells) row.emplace_back(std::move(c));
  t.add_row(std::move(row));
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b)
{
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string ws_label(const WorkspaceInfo& info) { return info.workspace.empty() ? "." : info.workspace; }

Table lao_table(const SummaryRows& rows, const std::vector<size_t>& which, bool thai, bool rank)
{
  std::vector<std::string> head = {tr(thai, "รหัส", "code"), tr(thai, "อปท.", "LAO"), tr(thai, "อำเภอ", "district"),
                                   tr(thai, "จังหวัด", "province")};
  if (rank) head.insert(head.begin(), tr(thai, "ลำดับ", "rank"));
  Table t = make_table(concat(head, lao_header(thai)), head.size());
  size_t k = 0;
  for (size_t i : which) {
    const auto& [info, row] = rows[i];
    std::vector<std::string> c = {info.code.empty() ? ws_label(info) : info.code, info.name, row.district, row.province};
    if (rank) c.insert(c.begin(), fmt::format("{}", ++k));
    add_row(t, concat(c, lao_cells(row, thai)));
  }
  return t;
}

Table area_table(const std::vector<LaoTotals>& v, bool district, bool thai)
{
  std::vector<std::string> head = {tr(thai, "รหัส", "code"), district ? tr(thai, "อำเภอ", "district") : tr(thai, "จังหวัด", "province")};
  if (district) head.push_back(tr(thai, "จังหวัด", "province"));
  Table t = make_table(concat(head, totals_header(thai)), head.size());
  for (const auto& a : v) {
    std::vector<std::string> c = {a.code.empty() ? "-" : a.code, a.name.empty() ? tr(thai, "ไม่ทราบ", "unknown") : a.name};
    if (district) c.push_back(a.province);
    add_row(t, concat(c, totals_cells(a)));
  }
  return t;
}

}  // namespace

Doc rollup_doc(const Rollup& r, const SummaryRows& rows, RollupGrain by, bool thai)
{
  Doc doc;
  const LaoTotals& t = r.total;
  const SummaryRow& s = t.sum;
  doc.heading(1, thai ? fmt::format("รายงานสรุปประจำปี {} — {} อปท.", r.year, t.laos)
                      : fmt::format("Summary of {} — {} LAOs", r.year, t.laos));
  doc.paragraph(thai ? fmt::format("ข้อมูล ณ วันที่ {} (วันที่ล่าสุดในข้อมูลของปี: การประชุม เวทีประชาคม การรับรอง)", as_of_text(s.as_of, true))
                     : fmt::format("As of {} (the latest date of the year's records: meetings, forums, certifications)",
                                   as_of_text(s.as_of, false)));

  doc.heading(2, tr(thai, "ตัวเลขสำคัญ", "Headline figures"));
  Table h = make_table({tr(thai, "ตัวชี้วัด", "indicator"), tr(thai, "จำนวน", "count"), tr(thai, "จาก", "of"), tr(thai, "ร้อยละ", "percent")}, 1);
  auto line = [&](const char* th, const char* en, long num, long den) {
    add_row(h, {tr(thai, th, en), fmt::format("{}", num), fmt::format("{}", den), pct(num, den)});
  };
  line("อปท. ที่ผ่านเกณฑ์ อปท.ต้นแบบ (ตัวชี้วัด 3.2: ร้อยละ 30 และร้อยละ 20)", "LAOs meeting the model-LAO criteria (KPI 3.2: 30% and 20%)",
       t.model, t.laos);
  line("อปท. ที่ผ่านเกณฑ์ร้อยละ 30 (ldp-30)", "LAOs meeting the 30% rule (ldp-30)", t.ldp30, t.laos);
  line("อปท. ที่ผ่านเกณฑ์ร้อยละ 20 (budget-20)", "LAOs meeting the 20% rule (budget-20)", t.budget20, t.laos);
  long plans = plans_of(s), graded = graded_of(s);
  line("แผนชุมชนคุณภาพระดับดีมาก (A) ของแผนที่ได้ระดับ", "plans graded very good (A), of graded plans", s.grades.a, graded);
  line("แผนชุมชนคุณภาพระดับดี (B) ของแผนที่ได้ระดับ", "plans graded good (B), of graded plans", s.grades.b, graded);
  line("แผนชุมชนคุณภาพระดับพอใช้ (C) ของแผนที่ได้ระดับ", "plans graded fair (C), of graded plans", s.grades.c, graded);
  line("แผนที่ยังไม่ได้ระดับ (ต้องปรับปรุง) ของแผนทั้งหมด", "plans not graded (to improve), of all plans", s.grades.none, plans);
  line("หมู่บ้านที่ไม่มีแผนของปี ของหมู่บ้านทั้งหมด", "villages without a plan of the year, of all villages", s.without_plan, s.villages);
  line("แผนที่ผ่านการรับรองมาตรฐาน ของแผนทั้งหมด", "plans certified, of all plans", s.certified, plans);
  doc.table(std::move(h));

  doc.heading(2, tr(thai, "อปท. ตามระดับความสำเร็จ (ตัวชี้วัด 1.1.2)", "LAOs by success level (KPI 1.1.2)"));
  Table d = make_table({tr(thai, "ระดับที่ได้", "level reached"), tr(thai, "จำนวน อปท.", "LAOs"), tr(thai, "ร้อยละ", "percent")}, 0);
  for (size_t level = 0; level <= 5; ++level) add_row(d, {fmt::format("{}", level), fmt::format("{}", t.levels[level]), pct(t.levels[level], t.laos)});
  add_row(d, {tr(thai, "รวม", "total"), fmt::format("{}", t.laos), pct(t.laos, t.laos)});
  doc.table(std::move(d));

  doc.heading(2, tr(thai, "รายจังหวัด", "By province"));
  doc.table(area_table(r.provinces, false, thai));
  if (by != RollupGrain::province) {
    doc.heading(2, tr(thai, "รายอำเภอ", "By district"));
    doc.table(area_table(r.districts, true, thai));
  }
  if (by == RollupGrain::lao) {
    doc.heading(2, tr(thai, "ราย อปท.", "By LAO"));
    std::vector<size_t> all(rows.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    doc.table(lao_table(rows, all, thai, false));
  }
  doc.heading(2, thai ? fmt::format("อปท. ที่ดีที่สุด {} แห่ง", r.best.size()) : fmt::format("The {} best LAOs", r.best.size()));
  doc.table(lao_table(rows, r.best, thai, true));
  doc.heading(2, thai ? fmt::format("อปท. ที่ต้องเร่งพัฒนา {} แห่ง", r.worst.size()) : fmt::format("The {} weakest LAOs", r.worst.size()));
  doc.table(lao_table(rows, r.worst, thai, true));
  doc.paragraph(tr(thai,
                   "ลำดับ: ระดับความสำเร็จ แล้วจำนวนเกณฑ์ที่ผ่าน (ldp-30, budget-20, self-30, dimensions-3) แล้วสัดส่วนแผนที่ได้ระดับ "
                   "แล้วจำนวนแผนที่ผ่านการรับรอง; อปท.ต้นแบบ ต้องผ่านทั้งเกณฑ์ร้อยละ 30 และร้อยละ 20 ของตนเอง (ไม่ใช่ผลรวมของทั้งพื้นที่)",
                   "Ranked by success level, then rules met (ldp-30, budget-20, self-30, dimensions-3), then the share of plans "
                   "graded, then plans certified; a model LAO meets both its own 30% and 20% rules (not the pooled totals)"));
  return doc;
}

namespace {

void totals_json(JsonWriter& w, const LaoTotals& t)
{
  const SummaryRow& s = t.sum;
  w.key("laos").value(t.laos);
  w.key("ldp-30").value(t.ldp30);
  w.key("budget-20").value(t.budget20);
  w.key("model").value(t.model);
  w.key("level_distribution").begin_object();
  for (size_t level = 0; level <= 5; ++level) w.key(fmt::format("{}", level)).value(t.levels[level]);
  w.end_object();
  w.key("plans").value(plans_of(s));
  w.key("distribution").begin_object();
  w.key("A").value(s.grades.a).key("B").value(s.grades.b).key("C").value(s.grades.c).key("none").value(s.grades.none);
  w.end_object();
  w.key("certified").value(s.certified);
  w.key("assessed").value(s.assessed);
  w.key("villages").value(s.villages);
  w.key("without_plan").value(s.without_plan);
}

void percent_json(JsonWriter& w, const char* key, long num, long den)
{
  if (auto p = Ratio{num, den}.percent_text()) w.key(key).raw_number(*p);
  else w.key(key).null();
}

void area_json(JsonWriter& w, const LaoTotals& a, bool district)
{
  w.begin_object();
  w.key("code").value(a.code);
  w.key("name").value(a.name);
  if (district) w.key("province").value(a.province);
  totals_json(w, a);
  w.end_object();
}

void lao_json(JsonWriter& w, const WorkspaceInfo& info, const SummaryRow& row)
{
  w.begin_object();
  w.key("workspace").value(info.workspace);
  w.key("code").value(info.code);
  w.key("name").value(info.name);
  w.key("subdistrict").value(row.subdistrict);
  w.key("district_code").value(row.district_code);
  w.key("district").value(row.district);
  w.key("province_code").value(row.province_code);
  w.key("province").value(row.province);
  w.key("year").value(row.year);
  w.key("plans").value(plans_of(row));
  w.key("distribution").begin_object();
  w.key("A").value(row.grades.a).key("B").value(row.grades.b).key("C").value(row.grades.c).key("none").value(row.grades.none);
  w.end_object();
  w.key("villages").value(row.villages);
  w.key("without_plan").value(row.without_plan);
  w.key("certified").value(row.certified);
  w.key("assessed").value(row.assessed);
  percent_json(w, "certified_percent", row.certified, plans_of(row));
  w.key("meetings_held").value(row.meetings_held);
  w.key("meetings_target").value(row.meetings_target);
  w.key("rules").begin_array();
  for (const auto& x : row.rules) {
    w.begin_object();
    w.key("id").value(x.id);
    w.key("numerator").value(x.ratio.num);
    w.key("denominator").value(x.ratio.den);
    if (auto p = x.ratio.percent_text()) w.key("percent").raw_number(*p);
    else w.key("percent").null();
    w.key("threshold").value(x.threshold);
    w.key("met").value(x.met);
    w.key("needed").value(x.needed);
    w.end_object();
  }
  w.end_array();
  w.key("model").value(model_lao(row));
  w.key("level").value(row.level);
  w.key("budget_entered").value(row.budget_entered);
  if (row.as_of) w.key("as_of").value(iso_date(*row.as_of));
  else w.key("as_of").null();
  w.end_object();
}

}  // namespace

void render_rollup_json(std::ostream& out, const Rollup& r, const SummaryRows& rows)
{
  JsonWriter w(out);
  const LaoTotals& t = r.total;
  w.begin_object();
  w.key("year").value(r.year);
  if (t.sum.as_of) w.key("as_of").value(iso_date(*t.sum.as_of));
  else w.key("as_of").null();
  w.key("workspaces").begin_array();
  for (const auto& [info, row] : rows) lao_json(w, info, row);
  w.end_array();
  w.key("laos").begin_object();
  w.key("count").value(t.laos).key("ldp-30").value(t.ldp30).key("budget-20").value(t.budget20).key("model").value(t.model);
  percent_json(w, "model_percent", t.model, t.laos);
  percent_json(w, "ldp-30_percent", t.ldp30, t.laos);
  percent_json(w, "budget-20_percent", t.budget20, t.laos);
  w.end_object();
  w.key("level_distribution").begin_object();
  for (size_t level = 0; level <= 5; ++level) w.key(fmt::format("{}", level)).value(t.levels[level]);
  w.end_object();
  long graded = graded_of(t.sum);
  w.key("graded_distribution").begin_object();
  w.key("graded").value(graded);
  percent_json(w, "A", t.sum.grades.a, graded);
  percent_json(w, "B", t.sum.grades.b, graded);
  percent_json(w, "C", t.sum.grades.c, graded);
  percent_json(w, "ungraded_of_all", t.sum.grades.none, plans_of(t.sum));
  w.end_object();
  w.key("provinces").begin_array();
  for (const auto& a : r.provinces) area_json(w, a, false);
  w.end_array();
  w.key("districts").begin_array();
  for (const auto& a : r.districts) area_json(w, a, true);
  w.end_array();
  w.key("ranked").begin_object();
  w.key("best").begin_array();
  for (size_t i : r.best) w.value(rows[i].first.workspace);
  w.end_array();
  w.key("worst").begin_array();
  for (size_t i : r.worst) w.value(rows[i].first.workspace);
  w.end_array();
  w.end_object();
  w.key("totals").begin_object();
  totals_json(w, t);
  w.end_object();
  w.end_object();
  w.finish();
}

void render_rollup_csv(std::ostream& out, const Rollup& r, const SummaryRows& rows, RollupGrain by, bool thai)
{
  CsvWriter csv(out);
  if (by == RollupGrain::lao) {
    if (thai) {
      csv.row({"พื้นที่ทำงาน", "รหัส อปท.", "อปท.", "อำเภอ", "จังหวัด", "แผนชุมชน", "A", "B", "C", "ไม่ได้ระดับ",
               "หมู่บ้านที่ไม่มีแผน", "ผ่านการรับรอง", "ldp-30", "budget-20", "self-30", "dimensions-3", "อปท.ต้นแบบ",
               "ระดับความสำเร็จ"});
    } else {
      csv.row({"workspace", "code", "name", "district", "province", "plans", "A", "B", "C", "none", "without_plan",
               "certified", "ldp-30", "budget-20", "self-30", "dimensions-3", "model", "level"});
    }
    for (const auto& [info, row] : rows) {
      std::vector<std::string> c = {info.workspace, info.code, info.name, row.district, row.province,
                                    fmt::format("{}", plans_of(row)), fmt::format("{}", row.grades.a),
                                    fmt::format("{}", row.grades.b), fmt::format("{}", row.grades.c),
                                    fmt::format("{}", row.grades.none), fmt::format("{}", row.without_plan),
                                    fmt::format("{}", row.certified)};
      for (const char* id : kRules) {
        const IntegrationRule* x = find_rule(row, id);
        c.push_back(x ? (x->met ? "1" : "0") : "");
      }
      c.push_back(model_lao(row) ? "1" : "0");
      c.push_back(fmt::format("{}", row.level));
      csv.row(c);
    }
    return;
  }
  const auto& v = by == RollupGrain::district ? r.districts : r.provinces;
  if (thai) {
    csv.row({"รหัส", "ชื่อ", "จังหวัด", "จำนวน อปท.", "อปท.ต้นแบบ", "ldp-30",
             "budget-20", "ระดับ 0", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5", "แผนชุมชน", "A", "B", "C",
             "ไม่ได้ระดับ", "หมู่บ้านที่ไม่มีแผน", "ผ่านการรับรอง"});
  } else {
    csv.row({"code", "name", "province", "laos", "model", "ldp-30", "budget-20", "level0", "level1", "level2", "level3",
             "level4", "level5", "plans", "A", "B", "C", "none", "without_plan", "certified"});
  }
  for (const auto& a : v) {
    const SummaryRow& s = a.sum;
    std::vector<std::string> c = {a.code, a.name, by == RollupGrain::district ? a.province : a.name,
                                  fmt::format("{}", a.laos), fmt::format("{}", a.model), fmt::format("{}", a.ldp30),
                                  fmt::format("{}", a.budget20)};
    for (long n : a.levels) c.push_back(fmt::format("{}", n));
    for (long n : {plans_of(s), s.grades.a, s.grades.b, s.grades.c, s.grades.none, s.without_plan, s.certified}) {
      c.push_back(fmt::format("{}", n));
    }
    csv.row(c);
  }
}

}  // namespace kudrang
