#include "kudrang/render/summary_render.hpp"

#include "kudrang/render/grade_render.hpp"
#include "kudrang/render/integration_render.hpp"
#include "kudrang/render/markdown_html.hpp"
#include "kudrang/render/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

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

std::string grade_label(std::optional<char> g, bool thai)
{
  return g ? std::string(1, *g) : std::string(tr(thai, "ไม่ผ่าน", "none"));
}

// Key figures, one line each, most important first.
std::vector<std::string> key_figures(const YearSummary& s, bool thai)
{
  std::vector<std::string> out;
  const auto& m = s.meetings;
  std::string missing;
  for (const auto& mm : m.missing_months) {
    missing += (missing.empty() ? "" : ", ") + std::string(thai ? thai_month_name(mm.month) : english_month_name(mm.month))
               + fmt::format(" {}", mm.year + be_offset);
  }
  out.push_back(thai ? fmt::format("ประชุมสภาแล้ว **{} จาก {} ครั้ง** — {}{}", m.held, m.target,
                                   m.target_met() ? "บรรลุตัวชี้วัด" : "ยังไม่บรรลุตัวชี้วัด",
                                   missing.empty() ? "" : " (ไม่มีการประชุม: " + missing + ")")
                     : fmt::format("Council meetings held: **{} of {}** — {}{}", m.held, m.target,
                                   m.target_met() ? "indicator met" : "indicator not met",
                                   missing.empty() ? "" : " (no meeting: " + missing + ")"));
  const auto& d = s.distribution;
  out.push_back(thai ? fmt::format("แผนชุมชน {} แผน: ระดับ A **{}**, B {}, C {}, ไม่ผ่านเกณฑ์ {}", d.total(), d.a, d.b, d.c, d.none)
                     : fmt::format("{} community plans: grade A **{}**, B {}, C {}, not graded {}", d.total(), d.a, d.b,
                                   d.c, d.none));
  long certified = std::count_if(s.certifications.begin(), s.certifications.end(),
                                 [](const CertificationResult& c) { return c.certified; });
  out.push_back(thai ? fmt::format("ผ่านการรับรองมาตรฐานแผนชุมชน **{} จาก {}** แผนที่ประเมิน", certified,
                                   s.certifications.size())
                     : fmt::format("Certified plans: **{} of {}** assessed", certified, s.certifications.size()));
  for (const auto& r : s.integration.rules) {
    out.push_back(fmt::format("{} {}: {}/{} ({}) — {}{}", r.id, integration_rule_name(r.id, thai), r.ratio.num, r.ratio.den,
                              percent_or_dash(r.ratio), r.met ? tr(thai, "ผ่าน", "met") : tr(thai, "**ไม่ผ่าน**", "**not met**"),
                              r.met || r.needed == 0 ? std::string()
                               : thai ? fmt::format(" ขาดอีก {}", r.needed)
                                                                      : fmt::format(", {} more needed", r.needed)));
  }
  out.push_back(thai ? fmt::format("ระดับความสำเร็จของกระบวนการแผนชุมชน (KPI 1.1.2): **ระดับ {}** จาก 5", s.levels.reached)
                     : fmt::format("Community-plan success level (KPI 1.1.2): **level {}** of 5", s.levels.reached));
  return out;
}

std::string title(const YearSummary& s, bool thai)
{
  const auto& c = s.workspace->config.value;
  return thai ? fmt::format("รายงานสรุปประจำปี {} — {}", s.year, c.org_name)
              : fmt::format("Summary of {} — {}", s.year, c.org_name);
}

}  // namespace

YearSummary summarize_year(const Workspace& ws, int year)
{
  YearSummary s;
  s.workspace = &ws;
  s.year = year;
  s.meetings = meeting_report(ws, year);
  AdoptionEvidence evidence = adoption_evidence(ws);
  for (const auto& rec : ws.plans) {
    if (rec.value.year != year) continue;
    PlanGrade g = grade_plan(rec.value, ws.grade_criteria().grade, evidence);
    g.file = rec.file;
    if (const Village* v = ws.config.value.village(rec.value.village)) g.village_name = v->name;
    s.distribution.add(g.grade);
    s.grades.push_back(std::move(g));
  }
  std::stable_sort(s.grades.begin(), s.grades.end(),
                   [](const PlanGrade& a, const PlanGrade& b) { return a.plan->village < b.plan->village; });
  for (const auto& rec : ws.certifications) {
    const CommunityPlan* p = ws.plan(rec.value.plan.value);
    if (!p || p->year != year) continue;
    CertificationResult r = certify(rec.value, ws.criteria_set(rec.value.criteria.value));
    r.file = rec.file;
    s.certifications.push_back(std::move(r));
  }
  s.integration = check_integration(ws, year);
  s.levels = success_levels(ws, year);
  return s;
}

std::string render_summary_md(const YearSummary& s, bool thai)
{
  using A = MarkdownTable::Align;
  std::ostringstream out;
  out << "# " << title(s, thai) << "\n\n";
  out << "## " << tr(thai, "ตัวเลขสำคัญ", "Key figures") << "\n\n";
  for (const auto& k : key_figures(s, thai)) out << "- " << k << "\n";

  out << "\n## " << tr(thai, "การประชุมสภาผู้นำชุมชน", "Council meetings") << "\n\n";
  MarkdownTable months({tr(thai, "เดือน", "month"), tr(thai, "ประชุม (ครั้ง)", "held")}, {A::left, A::right});
  for (const auto& m : s.meetings.months) {
    months.add_row({thai ? fmt::format("{} {}", thai_month_name(m.month), m.year + be_offset)
                         : fmt::format("{} {}", english_month_name(m.month), m.year + be_offset),
                    fmt::format("{}", m.held)});
  }
  months.write(out);
  out << "\n";
  MarkdownTable villages({tr(thai, "หมู่บ้าน", "village"), tr(thai, "ประชุมที่มีผู้แทนมา", "meetings represented")},
                         {A::left, A::right});
  for (const auto& v : s.meetings.villages) {
    villages.add_row({fmt::format("{} {}", v.no, v.name), fmt::format("{}/{}", v.meetings_present, s.meetings.held)});
  }
  villages.write(out);

  out << "\n## " << tr(thai, "ระดับคุณภาพแผนชุมชน", "Community plan grades") << "\n\n";
  render_distribution_md(out, s.distribution, thai);
  out << "\n";
  MarkdownTable plans({tr(thai, "หมู่ที่", "village"), tr(thai, "แผน", "plan"), tr(thai, "ระดับ", "grade"),
                       tr(thai, "เกณฑ์ที่ไม่ผ่าน", "criteria not met")},
                      {A::right, A::left, A::left, A::left});
  for (const auto& g : s.grades) {
    std::string unmet;
    for (const auto& c : g.criteria) {
      if (!c.met) unmet += (unmet.empty() ? "" : ", ") + std::to_string(c.no);
    }
    plans.add_row({fmt::format("{}", g.plan->village), g.plan->id, grade_label(g.grade, thai), unmet.empty() ? "-" : unmet});
  }
  plans.write(out);

  out << "\n## " << tr(thai, "การรับรองมาตรฐานแผนชุมชน", "Certification") << "\n\n";
  MarkdownTable certs({tr(thai, "แผน", "plan"), tr(thai, "คะแนน", "points"), tr(thai, "เกณฑ์ผ่าน", "pass mark"),
                       tr(thai, "ผล", "result")},
                      {A::left, A::right, A::right, A::left});
  for (const auto& c : s.certifications) {
    certs.add_row({c.certification->plan.value, fmt::format("{}", c.total), fmt::format("{}", c.pass),
                   c.certified ? tr(thai, "ผ่าน", "certified") : tr(thai, "ไม่ผ่าน", "not certified")});
  }
  if (certs.empty()) out << "-\n";
  else certs.write(out);

  out << "\n## " << tr(thai, "การบูรณาการแผนชุมชนสู่แผนพัฒนาท้องถิ่นและงบประมาณ", "Integration into the plan and budget")
      << "\n\n";
  MarkdownTable rules({tr(thai, "เกณฑ์", "rule"), tr(thai, "ได้", "count"), tr(thai, "จาก", "of"), tr(thai, "ร้อยละ", "percent"),
                       tr(thai, "ผล", "result")},
                      {A::left, A::right, A::right, A::right, A::left});
  for (const auto& r : s.integration.rules) {
    rules.add_row({r.id, fmt::format("{}", r.ratio.num), fmt::format("{}", r.ratio.den), percent_or_dash(r.ratio),
                   r.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met")});
  }
  rules.write(out);

  out << "\n## " << tr(thai, "ระดับความสำเร็จ (ตัวชี้วัด 1.1.2)", "Success levels (KPI 1.1.2)") << "\n\n";
  MarkdownTable levels({tr(thai, "ขั้น", "level"), tr(thai, "เงื่อนไข", "step"), tr(thai, "ได้", "count"),
                        tr(thai, "ผล", "result"), tr(thai, "หลักฐาน", "evidence")},
                       {A::right, A::left, A::right, A::left, A::left});
  for (const auto& st : s.levels.steps) {
    levels.add_row({fmt::format("{}", st.level), level_text(st.level, thai), fmt::format("{}/{}", st.ratio.num, st.ratio.den),
                    st.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"),
                    st.declared ? tr(thai, "แจ้งโดยชุมชน", "declared") : tr(thai, "คำนวณจากข้อมูล", "computed")});
  }
  levels.write(out);
  return out.str();
}

namespace {

// Horizontal bars: label, value, colour; scaled to the largest value.
std::string bar_chart(const std::vector<std::tuple<std::string, long, const char*>>& bars, const std::string& caption)
{
  long max = 1;
  for (const auto& b : bars) max = std::max(max, std::get<1>(b));
  int row = 22;
  int label_w = 150;
  int width = 330;
  std::ostringstream svg;
  int h = static_cast<int>(bars.size()) * row + 24;
  svg << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
                     "aria-label=\"{}\">",
                     label_w + width + 50, h, label_w + width + 50, h, html_escape(caption));
  svg << fmt::format("<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">{}</text>", html_escape(caption));
  int y = 22;
  for (const auto& [label, value, colour] : bars) {
    int w = static_cast<int>(value * width / max);
    svg << fmt::format("<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>", y + 14, html_escape(label));
    svg << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>", label_w, y + 2, std::max(w, 1), colour);
    svg << fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>", label_w + w + 4, y + 14, value);
    y += row;
  }
  svg << "</svg>";
  return svg.str();
}

std::string village_grid(const MeetingReport& r, bool thai)
{
  int cell = 20;
  int label_w = 120;
  int top = 34;
  int w = label_w + 12 * cell + 40;
  int h = top + static_cast<int>(r.villages.size()) * cell + 4;
  std::ostringstream svg;
  svg << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\">", w, h,
                     w, h);
  svg << fmt::format("<text x=\"0\" y=\"12\" font-size=\"13\" font-weight=\"bold\">{}</text>",
                     tr(thai, "ผู้แทนหมู่บ้านเข้าประชุม (หมู่บ้าน × เดือน)", "Villages represented (village × month)"));
  for (size_t i = 0; i < 12; ++i) {
    const auto& m = r.months[i];
    svg << fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
                       label_w + static_cast<int>(i) * cell + cell / 2, top - 4,
                       thai ? thai_month_abbrev(m.month) : std::string(english_month_name(m.month)).substr(0, 3));
  }
  int y = top;
  for (const auto& v : r.villages) {
    svg << fmt::format("<text x=\"0\" y=\"{}\" font-size=\"11\">{} {}</text>", y + 14, v.no, html_escape(v.name));
    for (size_t i = 0; i < 12; ++i) {
      long held = r.months[i].held;
      const char* fill = held == 0 ? "#e5e5e5" : v.by_month[i] >= held ? "#2e7d32" : v.by_month[i] > 0 ? "#f9a825" : "#c62828";
      svg << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\"/>",
                         label_w + static_cast<int>(i) * cell, y, cell, cell, fill);
    }
    svg << fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\">{}/{}</text>", label_w + 12 * cell + 4, y + 14,
                       v.meetings_present, r.held);
    y += cell;
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace

std::string render_summary_html(const YearSummary& s, bool thai)
{
  std::ostringstream body;
  body << "<h1>" << html_escape(title(s, thai)) << "</h1>\n";
  body << "<ul class=\"key\">\n";
  for (const auto& k : key_figures(s, thai)) body << "<li>" << markdown_inline_html(k) << "</li>\n";
  body << "</ul>\n<div class=\"charts\">\n<div>";
  const auto& d = s.distribution;
  body << bar_chart({{tr(thai, "A ดีมาก", "A very good"), d.a, "#2e7d32"},
                     {tr(thai, "B ดี", "B good"), d.b, "#9e9d24"},
                     {tr(thai, "C พอใช้", "C fair"), d.c, "#f9a825"},
                     {tr(thai, "ไม่ผ่านเกณฑ์", "not graded"), d.none, "#c62828"}},
                    tr(thai, "ระดับคุณภาพแผนชุมชน (แผน)", "Community plan grades (plans)"));
  const auto& rules = s.integration.rules;
  long eligible = rules.size() > 0 ? rules[0].ratio.den : 0;
  long in_ldp = rules.size() > 0 ? rules[0].ratio.num : 0;
  long in_budget = rules.size() > 1 ? rules[1].ratio.num : 0;
  body << bar_chart({{tr(thai, "โครงการในอำนาจ อปท.", "eligible projects"), eligible, "#546e7a"},
                     {tr(thai, "บรรจุแผนพัฒนาฯ", "in the development plan"), in_ldp, "#1565c0"},
                     {tr(thai, "บรรจุร่างข้อบัญญัติ", "in the draft budget"), in_budget, "#2e7d32"}},
                    thai ? fmt::format("จากแผนชุมชนสู่แผนพัฒนาและงบประมาณ {}", s.integration.target_year)
                         : fmt::format("From plans to the {} plan and budget", s.integration.target_year));
  body << "</div>\n<div>" << village_grid(s.meetings, thai) << "</div>\n</div>\n";
  // The tables of the Markdown version, from the integration rules on.
  std::string md = render_summary_md(s, thai);
  auto from = md.find("\n## " + std::string(tr(thai, "การรับรองมาตรฐานแผนชุมชน", "Certification")));
  body << "<div class=\"tables\">" << markdown_to_html(from == std::string::npos ? md : md.substr(from)) << "</div>\n";
  static const char* css =
    "body{font-size:12.5pt;max-width:19cm;line-height:1.3} h1{font-size:17pt} h2{font-size:13pt;margin:.5em 0 .15em}"
    " table{font-size:11pt} ul.key{margin:.2em 0 .4em;padding-left:1.2em} ul.key li{margin:0}"
    " .charts{display:flex;gap:10px;align-items:flex-start} .charts svg{display:block;margin-bottom:6px}"
    " .tables{columns:2;column-gap:14px} .tables h2{break-after:avoid} .tables table{break-inside:avoid}"
    " @page{size:A4;margin:1.2cm}";
  return html_page(title(s, thai), body.str(), css);
}

}  // namespace kudrang
