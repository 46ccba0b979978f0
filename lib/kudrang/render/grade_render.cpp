#include "kudrang/render/grade_render.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/table.hpp"

#include <fmt/format.h>

#include <map>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

std::string grade_text(std::optional<char> g, bool thai)
{
  if (!g) return tr(thai, "ไม่ผ่านเกณฑ์ (ต้องปรับปรุง)", "not graded (needs improvement)");
  switch (*g) {
  case 'A': return tr(thai, "A (ดีมาก)", "A (very good)");
  case 'B': return tr(thai, "B (ดี)", "B (good)");
  default: return tr(thai, "C (พอใช้)", "C (fair)");
  }
}

const char* evidence_text(Evidence e, bool thai)
{
  switch (e) {
  case Evidence::computed: return tr(thai, "คำนวณจากข้อมูล", "computed");
  case Evidence::verified: return tr(thai, "ตรวจกับแผนพัฒนาและงบประมาณ", "verified");
  case Evidence::declared: return tr(thai, "แจ้งโดยชุมชน", "declared");
  }
  return "";
}

std::string value_text(const CriterionResult& c, bool thai)
{
  if (!c.ratio) return "-";
  const char* unit = c.no == 5 ? tr(thai, "โครงการ", "projects") : tr(thai, "ครัวเรือน", "households");
  return fmt::format("{}/{} {} ({})", c.ratio->num, c.ratio->den, unit, percent_or_dash(*c.ratio));
}

std::string plan_heading(const PlanGrade& g, bool thai)
{
  std::string village = g.village_name.empty() ? std::string() : " " + md_text(g.village_name);
  return thai ? fmt::format("หมู่ที่ {}{} — แผนชุมชน {}", g.plan->village, village, g.plan->id)
              : fmt::format("Village {}{} — plan {}", g.plan->village, village, g.plan->id);
}

}  // namespace

const char* criterion_name(int no, bool thai)
{
  switch (no) {
  case 1: return tr(thai, "วิเคราะห์ตนเองจากข้อมูลของชุมชน", "self-analysis from the community's own data");
  case 2: return tr(thai, "การมีส่วนร่วมของประชาชนในการจัดทำแผน", "people's participation in making the plan");
  case 3: return tr(thai, "อปท. มีส่วนร่วมตั้งแต่ต้นและบรรจุกิจกรรมในแผนพัฒนาท้องถิ่น/ข้อบัญญัติงบประมาณ",
                    "LAO took part from the start; activities in its plan and budget");
  case 4: return tr(thai, "จัดทำตามหลักปรัชญาของเศรษฐกิจพอเพียง", "made following the Sufficiency Economy Philosophy");
  case 5: return tr(thai, "กิจกรรมที่ชุมชนทำเองไม่น้อยกว่าร้อยละ 30 และได้ดำเนินการจริง",
                    "self-reliant activities at least 30% and carried out");
  case 6: return tr(thai, "มีแผนชุมชนเป็นรูปเล่ม", "the plan exists as a bound book");
  }
  return "";
}

std::vector<std::string> grade_advice(const PlanGrade& g, bool thai)
{
  std::vector<std::string> out;
  const CommunityPlan& p = *g.plan;
  for (const auto& c : g.criteria) {
    if (c.met) continue;
    std::string line;
    switch (c.no) {
    case 1:
    case 2: {
      const Ratio& r = *c.ratio;
      if (r.den == 0) {
        line = thai ? "ยังไม่ได้บันทึกจำนวนครัวเรือนทั้งหมด (households.total เป็น 0)"
                    : "the number of households is not recorded (households.total is 0)";
        break;
      }
      const char* what_th = c.no == 1 ? "ครัวเรือนวิเคราะห์ตนเองจากข้อมูล" : "ครัวเรือนมีส่วนร่วม";
      const char* what_en = c.no == 1 ? "households analysed their own data" : "households took part";
      line = thai ? fmt::format("{} {} จาก {} ({}); เพิ่มอีก {} ครัวเรือนจึงถึงร้อยละ {}", what_th, r.num, r.den,
                                percent_or_dash(r), c.needed, *c.threshold)
                  : fmt::format("{} of {} {} ({}); {} more reach {}%", r.num, r.den, what_en, percent_or_dash(r),
                                c.needed, *c.threshold);
      break;
    }
    case 3:
      if (!c.lao_from_start) {
        line = tr(thai, "อปท. ไม่ได้มีส่วนร่วมตั้งแต่เริ่มจัดทำแผน (process.lao_from_start)",
                  "the LAO did not take part from the start (process.lao_from_start)");
      } else if (c.evidence == Evidence::verified) {
        line = tr(thai,
                  "ยังไม่มีโครงการของแผนนี้ที่อยู่ในแผนพัฒนาท้องถิ่นและมีรายการในข้อบัญญัติงบประมาณ "
                  "(ตรวจกับแผนพัฒนาท้องถิ่นและงบประมาณ)",
                  "no project of this plan has reached a development-plan project with a budget line yet "
                  "(verified against the development plan and budget)");
        if (c.budget_missing) {
          line += thai ? fmt::format("; ยังไม่ได้บันทึกร่างข้อบัญญัติงบประมาณปี {} (บันทึกแล้วเกณฑ์นี้ เกณฑ์ budget-20 และระดับความสำเร็จขั้นที่ 5 จะคำนวณใหม่พร้อมกัน)",
                                     p.year + 1)
                       : fmt::format("; the draft budget of {} has not been entered (entering it decides this criterion, "
                                     "budget-20 and success level 5 at once)",
                                     p.year + 1);
        }
      } else {
        line = tr(thai, "ยังไม่ได้แจ้งว่ากิจกรรมของแผนบรรจุในแผนพัฒนาท้องถิ่นและข้อบัญญัติงบประมาณ (process.lao_adopted)",
                  "not declared that plan activities are in the development plan and budget (process.lao_adopted)");
      }
      break;
    case 4:
      line = tr(thai, "ยังไม่ได้จัดทำตามหลักปรัชญาของเศรษฐกิจพอเพียง (process.sufficiency_economy)",
                "the plan is not declared to follow the Sufficiency Economy Philosophy (process.sufficiency_economy)");
      break;
    case 5: {
      const Ratio& r = *c.ratio;
      if (r.den == 0) {
        line = thai ? fmt::format("แผนไม่มีโครงการ (หรือทุกโครงการถูกยกเลิก); ต้องมีโครงการที่ชุมชนทำเองอย่างน้อยร้อยละ {}",
                                  *c.threshold)
                    : fmt::format("the plan lists no projects that are not dropped; at least {}% must be self-reliant",
                                  *c.threshold);
      } else if (!r.meets(*c.threshold)) {
        line = thai ? fmt::format("โครงการที่ชุมชนทำเอง {} จาก {} โครงการ ({}); เพิ่มโครงการทำเองอีก {} โครงการจึงถึงร้อยละ {}",
                                  r.num, r.den, percent_or_dash(r), c.needed, *c.threshold)
                    : fmt::format("{} of {} projects are self-reliant ({}); {} more self-reliant project{} reach{} {}%",
                                  r.num, r.den, percent_or_dash(r), c.needed, c.needed == 1 ? "" : "s",
                                  c.needed == 1 ? "es" : "", *c.threshold);
      } else {
        line = tr(thai, "ยังไม่มีโครงการที่ชุมชนทำเองอยู่ระหว่างดำเนินการหรือแล้วเสร็จ",
                  "no self-reliant project is in progress or done yet");
      }
      break;
    }
    case 6:
      line = tr(thai, "ยังไม่ได้จัดทำแผนเป็นรูปเล่ม (book)", "the plan is not yet a bound book (book)");
      break;
    }
    out.push_back(thai ? fmt::format("เกณฑ์ที่ {}: {}", c.no, line) : fmt::format("criterion {}: {}", c.no, line));
  }
  return out;
}

Table distribution_table(const GradeDistribution& d, bool thai)
{
  Table t({tr(thai, "ระดับ", "grade"), tr(thai, "จำนวน (แผน)", "plans"), tr(thai, "ร้อยละ", "percent")},
          {Align::left, Align::right, Align::right});
  auto row = [&](std::string name, long n) {
    Ratio r{n, d.total()};
    t.add_row({std::move(name), fmt::format("{}", n), r.percent_text().value_or("-")});
  };
  row(grade_text('A', thai), d.a);
  row(grade_text('B', thai), d.b);
  row(grade_text('C', thai), d.c);
  row(grade_text(std::nullopt, thai), d.none);
  t.add_row({tr(thai, "รวม", "total"), fmt::format("{}", d.total()), d.total() ? "100.00" : "-"});
  return t;
}

void render_distribution_md(std::ostream& out, const GradeDistribution& d, bool thai)
{
  distribution_table(d, thai).write(out);
}

void render_grades_md(std::ostream& out, const GradeReport& r, bool thai)
{
  out << "# " << tr(thai, "ผลการประเมินคุณภาพแผนชุมชน", "Community plan quality grades");
  if (r.year) out << (thai ? fmt::format(" ปี {}", *r.year) : fmt::format(" {}", *r.year));
  out << "\n";
  // With many workspaces: a section per workspace, its plans one level down,
  // and its own distribution before the next.
  const char* plan_level = r.many_workspaces ? "\n### " : "\n## ";
  std::string current_ws = "\x01";
  GradeDistribution ws_dist;
  auto close_workspace = [&] {
    if (current_ws == "\x01") return;
    out << "\n" << (thai ? "สรุประดับคุณภาพของพื้นที่นี้" : "Distribution in this workspace") << "\n\n";
    render_distribution_md(out, ws_dist, thai);
    ws_dist = {};
  };
  for (const auto& g : r.plans) {
    if (r.many_workspaces && g.workspace != current_ws) {
      close_workspace();
      current_ws = g.workspace;
      out << "\n## " << (current_ws.empty() ? "." : md_text(current_ws)) << "\n";
    }
    ws_dist.add(g.grade);
    out << plan_level << plan_heading(g, thai) << "\n\n";
    out << (thai ? fmt::format("ระดับคุณภาพ: **{}** — ผ่าน {} จาก 6 เกณฑ์ (ปีทบทวนแผน {})\n\n", grade_text(g.grade, true),
                               g.met, g.plan->year)
                 : fmt::format("Grade: **{}** — {} of 6 criteria met (review year {})\n\n", grade_text(g.grade, false),
                               g.met, g.plan->year));
    MarkdownTable t({tr(thai, "เกณฑ์", "criterion"), tr(thai, "ผล", "result"), tr(thai, "ค่าที่ได้", "value"),
                     tr(thai, "เกณฑ์ขั้นต่ำ", "threshold"), tr(thai, "หลักฐาน", "evidence")});
    for (const auto& c : g.criteria) {
      t.add_row({fmt::format("{}. {}", c.no, criterion_name(c.no, thai)),
                 c.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"), value_text(c, thai),
                 c.threshold ? fmt::format("{}%", *c.threshold) : "-", evidence_text(c.evidence, thai)});
    }
    t.write(out);
    auto advice = grade_advice(g, thai);
    if (!advice.empty()) {
      out << "\n" << tr(thai, "สิ่งที่จะยกระดับแผน:", "What would raise the grade:") << "\n\n";
      for (const auto& a : advice) out << "- " << a << "\n";
    }
  }
  if (r.many_workspaces) close_workspace();
  out << "\n## " << (r.many_workspaces ? tr(thai, "สรุประดับคุณภาพแผนชุมชนทุกพื้นที่", "Distribution of grades, all workspaces")
                                       : tr(thai, "สรุประดับคุณภาพแผนชุมชน", "Distribution of grades"))
      << "\n\n";
  render_distribution_md(out, r.distribution, thai);
  if (!r.compare_rev) return;
  out << "\n## " << (thai ? fmt::format("การเปลี่ยนแปลงระดับคุณภาพเทียบกับ {}", *r.compare_rev)
                          : fmt::format("Grade changes since {}", *r.compare_rev))
      << "\n\n";
  if (r.changes.empty()) {
    out << tr(thai, "ไม่มีแผนใดเปลี่ยนระดับ\n", "No plan changed grade\n");
    return;
  }
  auto g = [&](std::optional<char> x, bool absent) {
    return absent ? std::string(tr(thai, "(ไม่มี)", "(none)")) : x ? std::string(1, *x) : std::string(tr(thai, "ไม่ผ่าน", "none"));
  };
  MarkdownTable t({tr(thai, "แผน", "plan"), tr(thai, "เดิม", "before"), tr(thai, "ปัจจุบัน", "now"),
                   tr(thai, "เกณฑ์ที่เปลี่ยน", "criteria that changed")});
  for (const auto& c : r.changes) {
    std::string why;
    if (c.is_new) why = tr(thai, "แผนใหม่", "new plan");
    if (c.is_removed) why = tr(thai, "แผนถูกนำออก", "plan removed");
    for (const auto& cc : c.criteria) {
      if (!why.empty()) why += "; ";
      why += thai ? fmt::format("เกณฑ์ที่ {} {}", cc.no, cc.now_met ? "ผ่านแล้ว" : "ไม่ผ่านแล้ว")
                  : fmt::format("{} {}", cc.no, cc.now_met ? "now met" : "no longer met");
    }
    std::string plan = r.many_workspaces ? c.workspace + " " + c.plan : c.plan;
    t.add_row({plan, g(c.before, c.is_new), g(c.after, c.is_removed), why});
  }
  t.write(out);
}

void render_grades_csv(std::ostream& out, const GradeReport& r, bool thai)
{
  CsvWriter csv(out);
  std::vector<std::string> header;
  if (thai) header = {"พื้นที่ทำงาน", "แผน", "หมู่ที่", "ปี", "เกรด", "ผ่านกี่ข้อ"};
  else header = {"workspace", "plan", "village", "year", "grade", "met"};
  for (int i = 1; i <= 6; ++i) {
    header.push_back(thai ? fmt::format("ข้อ {} ผ่าน", i) : fmt::format("c{}_met", i));
    header.push_back(thai ? fmt::format("ข้อ {} หลักฐาน", i) : fmt::format("c{}_evidence", i));
    if (i == 1 || i == 2 || i == 5) {
      header.push_back(thai ? fmt::format("ข้อ {} จำนวนที่ผ่าน", i) : fmt::format("c{}_count", i));
      header.push_back(thai ? fmt::format("ข้อ {} จำนวนทั้งหมด", i) : fmt::format("c{}_total", i));
      header.push_back(thai ? fmt::format("ข้อ {} ร้อยละ", i) : fmt::format("c{}_percent", i));
      header.push_back(thai ? fmt::format("ข้อ {} เกณฑ์ร้อยละ", i) : fmt::format("c{}_threshold", i));
    }
  }
  csv.row(header);
  for (const auto& g : r.plans) {
    std::vector<std::string> row = {g.workspace, g.plan->id, fmt::format("{}", g.plan->village),
                                    fmt::format("{}", g.plan->year), g.grade ? std::string(1, *g.grade) : "",
                                    fmt::format("{}", g.met)};
    for (const auto& c : g.criteria) {
      row.push_back(c.met ? tr(thai, "ผ่าน", "yes") : tr(thai, "ไม่ผ่าน", "no"));
      row.push_back(evidence_id(c.evidence));
      if (c.ratio) {
        row.push_back(fmt::format("{}", c.ratio->num));
        row.push_back(fmt::format("{}", c.ratio->den));
        row.push_back(c.ratio->percent_text().value_or(""));
        row.push_back(fmt::format("{}", *c.threshold));
      }
    }
    csv.row(row);
  }
}

void render_grades_json(std::ostream& out, const GradeReport& r, bool thai)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("plans").begin_array();
  for (const auto& g : r.plans) {
    w.begin_object();
    w.key("plan").value(g.plan->id);
    if (r.many_workspaces) w.key("workspace").value(g.workspace);
    w.key("file").value(g.file);
    w.key("village").value(g.plan->village);
    w.key("year").value(g.plan->year);
    if (g.grade) w.key("grade").value(std::string(1, *g.grade));
    else w.key("grade").null();
    w.key("met").value(g.met);
    w.key("criteria").begin_array();
    for (const auto& c : g.criteria) {
      w.begin_object();
      w.key("no").value(c.no);
      w.key("met").value(c.met);
      w.key("evidence").value(evidence_id(c.evidence));
      auto pct = c.ratio ? c.ratio->percent_text() : std::nullopt;
      if (pct) w.key("value").raw_number(*pct);
      else w.key("value").null();
      if (c.threshold) w.key("threshold").value(*c.threshold);
      else w.key("threshold").null();
      if (c.ratio) {
        w.key("count").value(c.ratio->num);
        w.key("total").value(c.ratio->den);
      }
      w.end_object();
    }
    w.end_array();
    w.key("advice").begin_array();
    for (const auto& a : grade_advice(g, thai)) w.value(a);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  auto distribution = [&](const GradeDistribution& d) {
    w.begin_object();
    w.key("A").value(d.a);
    w.key("B").value(d.b);
    w.key("C").value(d.c);
    w.key("none").value(d.none);
    w.end_object();
  };
  w.key("distribution");
  distribution(r.distribution);
  if (r.many_workspaces) {
    // Percents over the graded plans only (A+B+C), as the seed's national table gives them.
    long graded = r.distribution.a + r.distribution.b + r.distribution.c;
    w.key("graded_distribution").begin_object();
    for (auto [name, n] : {std::pair{"A", r.distribution.a}, {"B", r.distribution.b}, {"C", r.distribution.c}}) {
      auto pct = Ratio{n, graded}.percent_text();
      if (pct) w.key(name).raw_number(*pct);
      else w.key(name).null();
    }
    w.end_object();
    std::map<std::string, GradeDistribution> by_workspace;
    for (const auto& g : r.plans) by_workspace[g.workspace].add(g.grade);
    w.key("workspaces").begin_array();
    for (const auto& info : r.workspaces) {
      w.begin_object();
      w.key("workspace").value(info.workspace);
      w.key("code").value(info.code);
      w.key("name").value(info.name);
      w.key("distribution");
      distribution(by_workspace[info.workspace]);
      w.end_object();
    }
    w.end_array();
    w.key("totals").begin_object();
    w.key("distribution");
    distribution(r.distribution);
    w.key("not_fetched").value(static_cast<long>(r.not_fetched.size()));
    w.end_object();
    w.key("not_fetched").begin_array();
    for (const auto& p : r.not_fetched) w.value(p);
    w.end_array();
  }
  if (r.compare_rev) {
    auto grade = [&](std::optional<char> x) {
      if (x) w.value(std::string(1, *x));
      else w.null();
    };
    w.key("compare").begin_object();
    w.key("revision").value(*r.compare_rev);
    w.key("changes").begin_array();
    for (const auto& c : r.changes) {
      w.begin_object();
      w.key("plan").value(c.plan);
      if (r.many_workspaces) w.key("workspace").value(c.workspace);
      w.key("before");
      grade(c.before);
      w.key("after");
      grade(c.after);
      w.key("new").value(c.is_new);
      w.key("removed").value(c.is_removed);
      w.key("criteria").begin_array();
      for (const auto& cc : c.criteria) {
        w.begin_object();
        w.key("no").value(cc.no);
        w.key("was_met").value(cc.was_met);
        w.key("now_met").value(cc.now_met);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_object();
  w.finish();
}

}  // namespace kudrang
