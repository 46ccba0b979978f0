#include "kudrang/render/plan_forms.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

std::vector<int> plan_years(const DevelopmentPlan& d)
{
  std::vector<int> years;
  if (d.period) {
    for (int y = d.period->from; y <= d.period->to && years.size() < 10; ++y) years.push_back(y);
  }
  for (const auto& p : d.projects) {
    for (const auto& [y, m] : p.budget) {
      if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
    }
  }
  std::sort(years.begin(), years.end());
  return years;
}

// Strategies in the order they first appear.
std::vector<std::string> strategies(const DevelopmentPlan& d)
{
  std::vector<std::string> out;
  for (const auto& p : d.projects) {
    if (std::find(out.begin(), out.end(), p.strategy) == out.end()) out.push_back(p.strategy);
  }
  return out;
}

std::string money_cell(Money m) { return m.satang == 0 ? "-" : format_money(m); }

}  // namespace

Doc devplan_doc(const DevelopmentPlan& d, bool thai)
{
  Doc doc;
  auto years = plan_years(d);
  std::string period = d.period ? fmt::format("{}–{}", d.period->from, d.period->to) : "";
  doc.heading(1, thai ? fmt::format("แผนพัฒนาท้องถิ่น (พ.ศ. {})", period) : fmt::format("Local development plan {}", period));

  doc.heading(2, tr(thai, "แบบ ผ.01 บัญชีสรุปโครงการพัฒนา", "Form ผ.01: summary of projects"));
  std::vector<Inline> h = {tr(thai, "ยุทธศาสตร์", "strategy")};
  std::vector<Align> al = {Align::left};
  for (int y : years) {
    h.push_back(thai ? fmt::format("ปี {} (โครงการ)", y) : fmt::format("{} projects", y));
    h.push_back(thai ? fmt::format("ปี {} (บาท)", y) : fmt::format("{} baht", y));
    al.push_back(Align::right);
    al.push_back(Align::right);
  }
  h.push_back(tr(thai, "รวม (โครงการ)", "total projects"));
  h.push_back(tr(thai, "รวม (บาท)", "total baht"));
  al.push_back(Align::right);
  al.push_back(Align::right);
  Table summary(h, al);
  std::map<int, std::pair<long, Money>> grand;
  long grand_count = 0;
  Money grand_money;
  for (const auto& s : strategies(d)) {
    std::vector<Inline> row = {s.empty() ? tr(thai, "(ไม่ระบุยุทธศาสตร์)", "(no strategy)") : s};
    long count = 0;
    Money total;
    for (int y : years) {
      long n = 0;
      Money m;
      for (const auto& p : d.projects) {
        if (p.strategy != s) continue;
        Money planned = p.planned(y);
        if (planned.satang > 0) {
          ++n;
          m += planned;
        }
      }
      row.push_back(fmt::format("{}", n));
      row.push_back(money_cell(m));
      grand[y].first += n;
      grand[y].second += m;
      total += m;
    }
    for (const auto& p : d.projects) count += p.strategy == s ? 1 : 0;
    row.push_back(fmt::format("{}", count));
    row.push_back(money_cell(total));
    grand_count += count;
    grand_money += total;
    summary.add_row(row);
  }
  std::vector<Inline> total_row = {strong(tr(thai, "รวม", "total"))};
  for (int y : years) {
    total_row.push_back(fmt::format("{}", grand[y].first));
    total_row.push_back(money_cell(grand[y].second));
  }
  total_row.push_back(fmt::format("{}", grand_count));
  total_row.push_back(money_cell(grand_money));
  summary.add_row(total_row);
  doc.table(std::move(summary));

  doc.heading(2, tr(thai, "แบบ ผ.02 รายละเอียดโครงการพัฒนา", "Form ผ.02: project details"));
  for (const auto& s : strategies(d)) {
    doc.heading(3, s.empty() ? tr(thai, "(ไม่ระบุยุทธศาสตร์)", "(no strategy)") : s);
    std::vector<Inline> hh = {tr(thai, "ที่", "no."), tr(thai, "โครงการ", "project"), tr(thai, "วัตถุประสงค์", "objective"),
                              tr(thai, "เป้าหมาย (ผลผลิตของโครงการ)", "target")};
    std::vector<Align> aa = {Align::right, Align::left, Align::left, Align::left};
    for (int y : years) {
      hh.push_back(thai ? fmt::format("{} (บาท)", y) : fmt::format("{} (baht)", y));
      aa.push_back(Align::right);
    }
    for (const char* c : {thai ? "ตัวชี้วัด (KPI)" : "KPI", thai ? "ผลที่คาดว่าจะได้รับ" : "expected outcome",
                          thai ? "หน่วยงานรับผิดชอบหลัก" : "responsible"}) {
      hh.push_back(c);
      aa.push_back(Align::left);
    }
    Table t(hh, aa);
    int no = 0;
    std::map<int, Money> sub;
    for (const auto& p : d.projects) {
      if (p.strategy != s) continue;
      std::vector<Inline> row = {fmt::format("{}", ++no), place_names(p.name), place_names(p.objective),
                                 place_names(p.target)};
      for (int y : years) {
        row.push_back(money_cell(p.planned(y)));
        sub[y] += p.planned(y);
      }
      row.push_back(p.kpi);
      row.push_back(p.outcome);
      row.push_back(place_names(p.agency));
      t.add_row(row);
    }
    std::vector<Inline> row = {"", strong(thai ? fmt::format("รวม {} โครงการ", no) : fmt::format("{} projects", no)), "", ""};
    for (int y : years) row.push_back(money_cell(sub[y]));
    row.resize(hh.size());
    t.add_row(row);
    doc.table(std::move(t));
  }
  return doc;
}

void render_devplan_csv(std::ostream& out, const DevelopmentPlan& d, bool thai)
{
  CsvWriter csv(out);
  auto years = plan_years(d);
  std::vector<std::string> h;
  if (thai) h = {"ยุทธศาสตร์", "รหัส", "โครงการ", "วัตถุประสงค์", "เป้าหมาย"};
  else h = {"strategy", "id", "name", "objective", "target"};
  for (int y : years) h.push_back(thai ? fmt::format("งบประมาณ {} (บาท)", y) : fmt::format("baht_{}", y));
  if (thai) {
    for (const char* c : {"ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบหลัก", "ที่มาของโครงการ"}) h.push_back(c);
  } else {
    for (const char* c : {"kpi", "outcome", "agency", "sources"}) h.push_back(c);
  }
  csv.row(h);
  for (const auto& p : d.projects) {
    std::vector<std::string> row = {p.strategy, p.id, p.name, p.objective, p.target};
    for (int y : years) row.push_back(format_money(p.planned(y), false));
    row.push_back(p.kpi);
    row.push_back(p.outcome);
    row.push_back(p.agency);
    std::string sources;
    for (const auto& s : p.sources) sources += (sources.empty() ? "" : " ") + s.text();
    row.push_back(sources);
    csv.row(row);
  }
}

bool trace_has_breaks(const Trace& t)
{
  for (const auto& s : t.steps) {
    for (const auto& l : s.lines) {
      if (l.over_plan || l.unplanned) return true;
    }
  }
  return false;
}

void render_trace_md(std::ostream& out, const Trace& t, const Workspace& ws, bool thai)
{
  std::string village;
  if (ws.has_config) {
    if (const Village* v = ws.config.value.village(t.plan->village)) village = v->name;
  }
  out << "# " << (thai ? "เส้นทางโครงการ " : "Trace of ") << md_text(t.plan->id + "/" + t.project->id) << "\n\n";
  std::string priority = t.project->priority > 0 ? fmt::format("{}", t.project->priority)
                                                 : std::string(thai ? "ไม่ระบุ (เรียงท้าย)" : "none (sorted last)");
  out << (thai ? fmt::format("**แผนชุมชน** หมู่ที่ {} {} ({}): {} — ลำดับความสำคัญ {}, งบประมาณที่ขอ {} บาท, {}\n\n",
                             t.plan->village, md_text(village), md_text(t.plan->id), md_text(t.project->name), priority,
                             format_money(t.project->budget), category_id(t.project->category))
               : fmt::format("**Community plan** village {} {} ({}): {} — priority {}, requested {} baht, {}\n\n",
                             t.plan->village, md_text(village), md_text(t.plan->id), md_text(t.project->name), priority,
                             format_money(t.project->budget), category_id(t.project->category)));
  if (!t.eligible) {
    out << tr(thai, "โครงการนี้ไม่นับในเกณฑ์ร้อยละ 30/20 (ไม่ใช่โครงการทำร่วม/ขอสนับสนุนจาก อปท. หรือถูกยกเลิก)\n\n",
              "This project does not count for the 30%/20% rules (not joint/support with the LAO, or dropped)\n\n");
  }
  if (t.steps.empty()) {
    out << tr(thai, "ยังไม่ได้บรรจุในแผนพัฒนาท้องถิ่น\n", "Not yet taken up by the development plan\n");
    return;
  }
  for (const auto& s : t.steps) {
    out << "## " << (thai ? "แผนพัฒนาท้องถิ่น " : "Development plan ") << md_text(s.plan->id) << ": " << md_text(s.project->id) << " "
        << md_text(s.project->name) << "\n\n";
    std::vector<std::string> years;
    for (const auto& [y, m] : s.project->budget) years.push_back(fmt::format("{}: {}", y, format_money(m)));
    out << (thai ? "งบประมาณตามแผน (บาท): " : "Planned (baht): ") << (years.empty() ? "-" : fmt::format("{}", fmt::join(years, "; ")))
        << "\n\n";
    if (s.lines.empty()) {
      out << tr(thai, "ยังไม่มีรายการในข้อบัญญัติงบประมาณ\n\n", "No budget line yet\n\n");
      continue;
    }
    for (const auto& l : s.lines) {
      out << "- " << (thai ? fmt::format("ข้อบัญญัติงบประมาณ {} ({}): {} {} — {} บาท", l.budget->year,
                                         l.budget->stage == "draft" ? "ร่าง" : "ประกาศใช้", md_text(l.line->id), md_text(l.line->name),
                                         format_money(l.line->amount))
                           : fmt::format("budget {} ({}): {} {} — {} baht", l.budget->year, l.budget->stage, md_text(l.line->id),
                                         md_text(l.line->name), format_money(l.line->amount)));
      if (l.unplanned) out << tr(thai, " **ไม่มีงบประมาณตามแผนในปีนั้น**", " **no money planned that year**");
      if (l.over_plan) out << tr(thai, " **สูงกว่างบประมาณตามแผน**", " **more than planned**");
      out << "\n";
    }
    out << "\n";
  }
}

void render_trace_json(std::ostream& out, const Trace& t)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("source").value(t.plan->id + "/" + t.project->id);
  w.key("village").value(t.plan->village);
  w.key("eligible").value(t.eligible);
  w.key("development_plan").begin_array();
  for (const auto& s : t.steps) {
    w.begin_object();
    w.key("plan").value(s.plan->id);
    w.key("project").value(s.project->id);
    w.key("planned").begin_object();
    for (const auto& [y, m] : s.project->budget) w.key(fmt::format("{}", y)).raw_number(format_money(m, false));
    w.end_object();
    w.key("budget_lines").begin_array();
    for (const auto& l : s.lines) {
      w.begin_object();
      w.key("year").value(l.budget->year);
      w.key("stage").value(l.budget->stage);
      w.key("line").value(l.line->id);
      w.key("amount").raw_number(format_money(l.line->amount, false));
      w.key("over_plan").value(l.over_plan);
      w.key("unplanned").value(l.unplanned);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

const char* const devplan_css =
  "@page { size: A4 landscape; margin: 2.5cm 1.5cm 1.5cm 2cm; }\n"
  "body { max-width: 27cm; font-size: 14pt; }\n"
  "table { font-size: 12pt; }\n";

}  // namespace kudrang
