#include "kudrang/render/summary_render.hpp"

#include "kudrang/core/text.hpp"

#include "kudrang/render/grade_render.hpp"
#include "kudrang/render/integration_render.hpp"
#include "kudrang/render/levels_render.hpp"
#include "kudrang/render/doc.hpp"
#include "kudrang/render/html_page.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }


std::string grade_label(std::optional<char> g, bool thai)
{
  return g ? std::string(1, *g) : std::string(tr(thai, "ไม่ผ่าน", "none"));
}

// Key figures, one line each, most important first.
std::string long_date(const Date& d, bool thai)
{
  return thai ? fmt::format("{} {} {}", d.day, thai_month_name(d.month), d.year + be_offset)
              : fmt::format("{} {} {} BE", d.day, english_month_name(d.month), d.year + be_offset);
}

// "ข้อมูล ณ วันที่ ... · พิมพ์เมื่อ ...": how fresh the figures are.
Inline dates_line(const YearSummary& s, bool thai)
{
  Inline line;
  if (s.as_of) line.text(thai ? "ข้อมูล ณ วันที่ " : "Data as of ").keep(long_date(*s.as_of, thai));
  if (s.as_of && s.printed) line.text(" · ");
  if (s.printed) line.text(thai ? "พิมพ์เมื่อ " : "printed ").keep(long_date(*s.printed, thai));
  return line;
}

std::vector<Inline> key_figures(const YearSummary& s, bool thai)
{
  std::vector<Inline> out;
  const auto& m = s.meetings;
  std::string missing;
  for (const auto& mm : m.missing_months) {
    missing += (missing.empty() ? "" : ", ") + std::string(thai ? thai_month_name(mm.month) : english_month_name(mm.month))
               + fmt::format(" {}", mm.year + be_offset);
  }
  out.push_back(thai ? Inline("ประชุมสภาแล้ว ")
                         .strong(fmt::format("{} จาก {} ครั้ง", m.held, m.target))
                         .text(fmt::format(" — {}{}", m.target_met() ? "บรรลุตัวชี้วัด" : "ยังไม่บรรลุตัวชี้วัด",
                                           missing.empty() ? "" : " (ไม่มีการประชุม: " + missing + ")"))
                     : Inline("Council meetings held: ")
                         .strong(fmt::format("{} of {}", m.held, m.target))
                         .text(fmt::format(" — {}{}", m.target_met() ? "indicator met" : "indicator not met",
                                           missing.empty() ? "" : " (no meeting: " + missing + ")")));
  const auto& d = s.distribution;
  out.push_back(thai ? Inline(fmt::format("แผนชุมชน {} แผน: ระดับ A ", d.total()))
                         .strong(fmt::format("{}", d.a))
                         .text(fmt::format(", B {}, C {}, ไม่ผ่านเกณฑ์ {}", d.b, d.c, d.none))
                     : Inline(fmt::format("{} community plans: grade A ", d.total()))
                         .strong(fmt::format("{}", d.a))
                         .text(fmt::format(", B {}, C {}, not graded {}", d.b, d.c, d.none)));
  // The plans a provincial office asks about first: fair (C) and not graded.
  std::vector<std::string> fair, ungraded;
  for (const auto& g : s.graded.grades) {
    std::string who = thai ? fmt::format("หมู่ที่ {} {} ({})", g.plan->village, g.village_name, g.plan->id)
                           : fmt::format("village {} {} ({})", g.plan->village, g.village_name, g.plan->id);
    if (!g.grade) ungraded.push_back(who);
    else if (*g.grade == 'C') fair.push_back(who);
  }
  if (!fair.empty() || !ungraded.empty()) {
    Inline line;
    if (!fair.empty()) line.text(tr(thai, "ระดับ C: ", "Grade C: ")).text(fmt::format("{}", fmt::join(fair, ", ")));
    if (!fair.empty() && !ungraded.empty()) line.text("; ");
    if (!ungraded.empty()) {
      line.text(tr(thai, "ไม่ผ่านเกณฑ์: ", "not graded: ")).text(fmt::format("{}", fmt::join(ungraded, ", ")));
    }
    out.push_back(line);
  }
  long certified = std::count_if(s.certifications.begin(), s.certifications.end(),
                                 [](const CertificationResult& c) { return c.certified; });
  out.push_back(thai ? Inline("ผ่านการรับรองมาตรฐานแผนชุมชน ")
                         .strong(fmt::format("{} จาก {}", certified, s.certifications.size()))
                         .text(" แผนที่ประเมิน")
                     : Inline("Certified plans: ")
                         .strong(fmt::format("{} of {}", certified, s.certifications.size()))
                         .text(" assessed"));
  for (const auto& r : s.integration.rules) {
    // Model-LAO criteria 1-3 (budget check) have no room on this one page.
    if (r.id == "working-group" || r.id == "village-forums-3" || r.id == "tambon-forum-3") continue;
    Inline line(thai ? fmt::format("{}: {}/{} ({}) — ", integration_rule_name(r.id, thai), r.ratio.num, r.ratio.den,
                                   percent_or_dash(r.ratio))
                     : fmt::format("{} {}: {}/{} ({}) — ", r.id, integration_rule_name(r.id, thai), r.ratio.num,
                                   r.ratio.den, percent_or_dash(r.ratio)));
    if (r.met) line.text(tr(thai, "ผ่าน", "met"));
    else line.strong(tr(thai, "ไม่ผ่าน", "not met"));
    if (!r.met && r.needed != 0) {
      line.text(thai ? fmt::format(" ขาดอีก {}", r.needed) : fmt::format(", {} more needed", r.needed));
    }
    out.push_back(line);
  }
  out.push_back(thai ? Inline("ระดับความสำเร็จของกระบวนการแผนชุมชน (KPI 1.1.2): ")
                         .strong(fmt::format("ระดับ {}", s.levels.reached))
                         .text(" จาก 5")
                     : Inline("Community-plan success level (KPI 1.1.2): ")
                         .strong(fmt::format("level {}", s.levels.reached))
                         .text(" of 5"));
  return out;
}

std::string title(const YearSummary& s, bool thai)
{
  const auto& c = s.workspace->config.value;
  return thai ? fmt::format("รายงานสรุปประจำปี {} — {}", s.year, c.org_name)
              : fmt::format("Summary of {} — {}", s.year, c.org_name);
}

}  // namespace

namespace {

// Title, key figures, meetings and grades: what the one-page HTML shows as charts.
Doc summary_head(const YearSummary& s, bool thai)
{
  Doc doc;
  doc.heading(1, title(s, thai));
  if (auto when = dates_line(s, thai); !when.empty()) doc.paragraph(when);
  doc.heading(2, tr(thai, "ตัวเลขสำคัญ", "Key figures"));
  doc.list(key_figures(s, thai));

  doc.heading(2, tr(thai, "การประชุมสภาผู้นำชุมชน", "Council meetings"));
  Table months({tr(thai, "เดือน", "month"), tr(thai, "ประชุม (ครั้ง)", "held")}, {Align::left, Align::right});
  for (const auto& m : s.meetings.months) {
    months.add_row({thai ? fmt::format("{} {}", thai_month_name(m.month), m.year + be_offset)
                         : fmt::format("{} {}", english_month_name(m.month), m.year + be_offset),
                    fmt::format("{}", m.held)});
  }
  doc.table(std::move(months));
  Table villages({tr(thai, "หมู่บ้าน", "village"), tr(thai, "ประชุมที่มีผู้แทนมา", "meetings represented")},
                 {Align::left, Align::right});
  for (const auto& v : s.meetings.villages) {
    villages.add_row({fmt::format("{} {}", v.no, v.name), fmt::format("{}/{}", v.meetings_present, s.meetings.held)});
  }
  doc.table(std::move(villages));

  doc.heading(2, tr(thai, "ระดับคุณภาพแผนชุมชน", "Community plan grades"));
  doc.table(distribution_table(s.distribution, thai));
  Table plans({tr(thai, "หมู่ที่", "village"), tr(thai, "แผน", "plan"), tr(thai, "ระดับ", "grade"),
               tr(thai, "เกณฑ์ที่ไม่ผ่าน", "criteria not met")},
              {Align::right, Align::left, Align::left, Align::left});
  for (const auto& g : s.graded.grades) {
    std::string unmet;
    for (const auto& c : g.criteria) {
      if (!c.met) unmet += (unmet.empty() ? "" : ", ") + std::to_string(c.no);
    }
    plans.add_row({fmt::format("{}", g.plan->village), g.plan->id, grade_label(g.grade, thai), unmet.empty() ? "-" : unmet});
  }
  doc.table(std::move(plans));
  return doc;
}

// Certification, integration and success levels: the tables of both versions.
Doc summary_tail(const YearSummary& s, bool thai)
{
  Doc doc;
  doc.heading(2, tr(thai, "การรับรองมาตรฐานแผนชุมชน", "Certification"));
  Table certs({tr(thai, "แผน", "plan"), tr(thai, "คะแนน", "points"), tr(thai, "เกณฑ์ผ่าน", "pass mark"),
               tr(thai, "ผล", "result")},
              {Align::left, Align::right, Align::right, Align::left});
  for (const auto& c : s.certifications) {
    certs.add_row({c.plan, fmt::format("{}", c.total), fmt::format("{}", c.pass),
                   c.certified ? tr(thai, "ผ่าน", "certified") : tr(thai, "ไม่ผ่าน", "not certified")});
  }
  if (certs.empty()) doc.paragraph("-");
  else doc.table(std::move(certs));

  doc.heading(2, tr(thai, "การบูรณาการแผนชุมชนสู่แผนพัฒนาท้องถิ่นและงบประมาณ", "Integration into the plan and budget"));
  Table rules({tr(thai, "เกณฑ์", "rule"), tr(thai, "ได้", "count"), tr(thai, "จาก", "of"), tr(thai, "ร้อยละ", "percent"),
               tr(thai, "ผล", "result")},
              {Align::left, Align::right, Align::right, Align::right, Align::left});
  for (const auto& r : s.integration.rules) {
    // Model-LAO criteria 1-3 (budget check) have no room on this one page.
    if (r.id == "working-group" || r.id == "village-forums-3" || r.id == "tambon-forum-3") continue;
    rules.add_row({thai ? Inline(integration_rule_name(r.id, true)) : Inline(r.id), fmt::format("{}", r.ratio.num),
                   fmt::format("{}", r.ratio.den), percent_or_dash(r.ratio),
                   r.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met")});
  }
  doc.table(std::move(rules));

  doc.heading(2, tr(thai, "ระดับความสำเร็จ (ตัวชี้วัด 1.1.2)", "Success levels (KPI 1.1.2)"));
  doc.table(levels_table(s.levels, thai));  // the reasons: report levels (this page stays one A4 page)
  if (!s.levels.from_integrated) {
    doc.paragraph(tr(thai, "ไม่มีแผนบูรณาการระดับตำบลของปีนี้ ขั้นที่ 4 จึงนับจากแผนชุมชนหมู่บ้าน",
                     "There is no integrated subdistrict plan for the year: level 4 is counted from the village plans"));
  }
  return doc;
}

}  // namespace

std::string render_summary_md(const YearSummary& s, bool thai)
{
  Doc doc = summary_head(s, thai);
  doc.append(summary_tail(s, thai));
  return to_markdown(doc);
}

namespace {

// Horizontal bars: label, value, colour; scaled to the largest value.
// A threshold drawn on one bar: a dashed line at `value` with its label
// ("30%": the least that bar must reach for the rule to be met).
struct BarMark {
  size_t bar = 0;
  long value = 0;
  std::string label;
};

TrustedHtml bar_chart(const std::vector<std::tuple<std::string, long, const char*>>& bars, const std::string& caption,
                      const std::vector<BarMark>& marks = {})
{
  long max = 1;
  for (const auto& b : bars) max = std::max(max, std::get<1>(b));
  int row = 22;
  int label_w = 150;
  int width = 330;
  int h = static_cast<int>(bars.size()) * row + 24;
  auto n = [](long v) { return std::to_string(v); };
  SvgWriter svg;
  svg.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"viewBox", fmt::format("0 0 {} {}", label_w + width + 50, h)},
                   {"width", n(label_w + width + 50)},
                   {"height", n(h)},
                   {"role", "img"},
                   {"aria-label", caption}});
  svg.text_element("text", {{"x", "0"}, {"y", "14"}, {"font-size", "13"}, {"font-weight", "bold"}}, caption);
  int y = 22;
  for (const auto& [label, value, colour] : bars) {
    int w = static_cast<int>(value * width / max);
    svg.text_element("text", {{"x", "0"}, {"y", n(y + 14)}, {"font-size", "12"}}, label);
    svg.leaf("rect", {{"x", n(label_w)}, {"y", n(y + 2)}, {"width", n(std::max(w, 1))}, {"height", "16"}, {"fill", colour}});
    svg.text_element("text", {{"x", n(label_w + w + 4)}, {"y", n(y + 14)}, {"font-size", "12"}}, n(value));
    y += row;
  }
  for (const auto& m : marks) {
    if (m.bar >= bars.size()) continue;
    int x = label_w + static_cast<int>(m.value * width / max);
    int top = 22 + static_cast<int>(m.bar) * row;
    svg.leaf("line", {{"x1", n(x)}, {"y1", n(top)}, {"x2", n(x)}, {"y2", n(top + 20)}, {"stroke", "#000"},
                      {"stroke-width", "1.5"}, {"stroke-dasharray", "3,2"}});
    svg.text_element("text", {{"x", n(x + 2)}, {"y", n(top + 9)}, {"font-size", "9"}}, m.label);
  }
  return svg.finish();
}

TrustedHtml village_grid(const MeetingReport& r, bool thai)
{
  int cell = 20;
  int label_w = 120;
  int top = 34;
  int w = label_w + 12 * cell + 40;
  int h = top + static_cast<int>(r.villages.size()) * cell + 4 + 22;  // + the legend
  auto n = [](long v) { return std::to_string(v); };
  SvgWriter svg;
  svg.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"viewBox", fmt::format("0 0 {} {}", w, h)},
                   {"width", n(w)},
                   {"height", n(h)},
                   {"role", "img"}});
  svg.text_element("text", {{"x", "0"}, {"y", "12"}, {"font-size", "13"}, {"font-weight", "bold"}},
                   tr(thai, "ผู้แทนหมู่บ้านเข้าประชุม (หมู่บ้าน × เดือน)", "Villages represented (village × month)"));
  for (size_t i = 0; i < 12; ++i) {
    const auto& m = r.months[i];
    svg.text_element("text",
                     {{"x", n(label_w + static_cast<int>(i) * cell + cell / 2)},
                      {"y", n(top - 4)},
                      {"font-size", "9"},
                      {"text-anchor", "middle"}},
                     thai ? thai_month_abbrev(m.month) : std::string(english_month_name(m.month)).substr(0, 3));
  }
  int y = top;
  for (const auto& v : r.villages) {
    svg.text_element("text", {{"x", "0"}, {"y", n(y + 14)}, {"font-size", "11"}}, fmt::format("{} {}", v.no, v.name));
    for (size_t i = 0; i < 12; ++i) {
      long held = r.months[i].held;
      const char* fill = held == 0 ? "#e5e5e5" : v.by_month[i] >= held ? "#2e7d32" : v.by_month[i] > 0 ? "#f9a825" : "#c62828";
      svg.leaf("rect", {{"x", n(label_w + static_cast<int>(i) * cell)},
                        {"y", n(y)},
                        {"width", n(cell)},
                        {"height", n(cell)},
                        {"fill", fill},
                        {"stroke", "#fff"}});
    }
    svg.text_element("text", {{"x", n(label_w + 12 * cell + 4)}, {"y", n(y + 14)}, {"font-size", "11"}},
                     fmt::format("{}/{}", v.meetings_present, r.held));
    y += cell;
  }
  // The legend: what each colour says.
  struct Key {
    const char* fill;
    const char* th;
    const char* en;
  };
  const Key keys[] = {{"#2e7d32", "มาทุกครั้ง", "at every meeting"},
                      {"#f9a825", "มาบางครั้ง", "at some"},
                      {"#c62828", "ไม่มีผู้แทนมา", "none present"},
                      {"#e5e5e5", "ไม่มีการประชุม", "no meeting"}};
  int x = 0;
  y += 8;
  for (const auto& k : keys) {
    svg.leaf("rect", {{"x", n(x)}, {"y", n(y)}, {"width", "10"}, {"height", "10"}, {"fill", k.fill}});
    std::string label = thai ? k.th : k.en;
    svg.text_element("text", {{"x", n(x + 13)}, {"y", n(y + 9)}, {"font-size", "10"}}, label);
    x += 13 + static_cast<int>(display_width(label)) * 6 + 12;
  }
  return svg.finish();
}

}  // namespace

std::string render_summary_html(const YearSummary& s, bool thai)
{
  Doc doc;
  doc.heading(1, title(s, thai));
  if (auto when = dates_line(s, thai); !when.empty()) doc.paragraph(when).css_class = "dates";
  doc.list(key_figures(s, thai)).css_class = "key";
  const auto& d = s.distribution;
  Doc grades;
  grades.html(bar_chart({{tr(thai, "A ดีมาก", "A very good"), d.a, "#2e7d32"},
                         {tr(thai, "B ดี", "B good"), d.b, "#9e9d24"},
                         {tr(thai, "C พอใช้", "C fair"), d.c, "#f9a825"},
                         {tr(thai, "ไม่ผ่านเกณฑ์", "not graded"), d.none, "#c62828"}},
                        tr(thai, "ระดับคุณภาพแผนชุมชน (แผน)", "Community plan grades (plans)")));
  const auto& rules = s.integration.rules;
  long eligible = rules.size() > 0 ? rules[0].ratio.den : 0;
  long in_ldp = rules.size() > 0 ? rules[0].ratio.num : 0;
  long in_budget = rules.size() > 1 ? rules[1].ratio.num : 0;
  grades.html(bar_chart({{tr(thai, "โครงการในอำนาจ อปท.", "eligible projects"), eligible, "#546e7a"},
                         {tr(thai, "บรรจุแผนพัฒนาฯ", "in the development plan"), in_ldp, "#1565c0"},
                         {tr(thai, "บรรจุร่างข้อบัญญัติ", "in the draft budget"), in_budget, "#2e7d32"}},
                        thai ? fmt::format("จากแผนชุมชนสู่แผนพัฒนาและงบประมาณ {}", s.integration.target_year)
                             : fmt::format("From plans to the {} plan and budget", s.integration.target_year),
                        // The 30% and 20% rules: the least each bar must reach (rounded up).
                        {{1, (eligible * 30 + 99) / 100, tr(thai, "เกณฑ์ 30%", "30% rule")},
                         {2, (in_ldp * 20 + 99) / 100, tr(thai, "เกณฑ์ 20%", "20% rule")}}));
  Doc grid;
  grid.html(village_grid(s.meetings, thai));
  Doc charts;
  charts.division("", std::move(grades));
  charts.division("", std::move(grid));
  doc.division("charts", std::move(charts));
  // The tables of the Markdown version, from the certification on.
  doc.division("tables", summary_tail(s, thai));
  static const char* css =
    "body{font-size:12.5pt;max-width:19cm;line-height:1.3} h1{font-size:17pt} h2{font-size:13pt;margin:.5em 0 .15em}"
    " table{font-size:11pt} ul.key{margin:.2em 0 .4em;padding-left:1.2em} ul.key li{margin:0}"
    " .charts{display:flex;gap:10px;align-items:flex-start} .charts>div{flex:1 1 0;min-width:0}"
    " .charts svg{display:block;margin-bottom:6px;max-width:100%;height:auto}"
    " svg text{font-family:'TH Sarabun New','TH SarabunPSK','Sarabun','Laksaman',sans-serif}"
    " .tables{columns:2;column-gap:14px} .tables h2{break-after:avoid} .tables table{break-inside:avoid}"
    " @page{size:A4;margin:1.2cm}";
  return html_page(title(s, thai), to_html(doc), css);
}

Doc summary_tree_doc(int year, const SummaryTreeReport& r, bool thai)
{
  Doc doc;
  doc.heading(1, thai ? fmt::format("รายงานสรุปประจำปี {} — {} พื้นที่ทำงาน", year, r.size())
                      : fmt::format("Summary of {} — {} workspaces", year, r.size()));
  Table t({tr(thai, "พื้นที่ทำงาน", "workspace"), tr(thai, "อปท.", "LAO"), tr(thai, "ประชุม", "meetings"),
           tr(thai, "แผน A/B/C/-", "plans A/B/C/-"), tr(thai, "ผ่านการรับรอง", "certified"), "ldp-30", "budget-20",
           tr(thai, "ระดับ", "level")},
          {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right});
  auto find = [](const SummaryRow& row, const char* id) -> const IntegrationRule* {
    for (const auto& x : row.rules) {
      if (x.id == id) return &x;
    }
    return nullptr;
  };
  auto rule = [&](const SummaryRow& row, const char* id) -> std::string {
    const IntegrationRule* x = find(row, id);
    if (!x) return "-";
    return fmt::format("{} {}", percent_or_dash(x->ratio), x->met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"));
  };
  auto cells = [&](const std::string& ws, const std::string& name, const SummaryRow& row, const std::string& level) {
    return std::vector<Inline>{Inline(ws), Inline(name), Inline(fmt::format("{}/{}", row.meetings_held, row.meetings_target)),
                               Inline(fmt::format("{}/{}/{}/{}", row.grades.a, row.grades.b, row.grades.c, row.grades.none)),
                               Inline(fmt::format("{}/{}", row.certified, row.assessed)), Inline(rule(row, "ldp-30")),
                               Inline(rule(row, "budget-20")), Inline(level)};
  };
  SummaryRow total;
  total.meetings_target = 0;
  long model = 0;
  for (const auto& [info, row] : r) {
    t.add_row(cells(info.workspace.empty() ? "." : info.workspace, info.name, row, fmt::format("{}", row.level)));
    add_summary_row(total, row);
    const IntegrationRule* ldp = find(row, "ldp-30");
    const IntegrationRule* budget = find(row, "budget-20");
    model += ldp && budget && ldp->met && budget->met;
  }
  t.add_row(cells(tr(thai, "รวม", "total"), fmt::format("{}", r.size()), total, "-"));
  doc.table(std::move(t));
  doc.paragraph(thai ? fmt::format("อปท. ที่ผ่านทั้งเกณฑ์ ldp-30 และ budget-20: {} จาก {}", model, r.size())
                     : fmt::format("LAOs meeting both ldp-30 and budget-20: {} of {}", model, r.size()));
  return doc;
}

}  // namespace kudrang
