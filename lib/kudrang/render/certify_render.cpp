#include "kudrang/render/certify_render.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/table.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kudrang {

namespace {
const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }
}  // namespace

void render_certify_md(std::ostream& out, const CertifyReport& r, bool thai)
{
  out << "# " << tr(thai, "ผลการรับรองมาตรฐานแผนชุมชน", "Community plan certification") << "\n";
  long certified = 0;
  for (const auto& c : r.results) {
    out << "\n## " << (thai ? "แผนชุมชน " : "Plan ") << c.plan;
    if (r.many_workspaces) out << " (" << md_text(c.workspace) << ")";
    out << "\n\n";
    if (!c.criteria_found) {
      out << (thai ? fmt::format("ไม่พบชุดเกณฑ์ '{}'\n", c.criteria)
                   : fmt::format("criteria set '{}' not found\n", c.criteria));
      continue;
    }
    out << (thai ? fmt::format("ชุดเกณฑ์ {} · วันที่ประเมิน {}\n\n", c.criteria,
                               c.date ? human_date(*c.date, true) : "-")
                 : fmt::format("Criteria {} · assessed {}\n\n", c.criteria,
                               c.date ? human_date(*c.date, false) : "-"));
    MarkdownTable t({tr(thai, "ด้าน", "area"), tr(thai, "คะแนนที่ได้", "score"), tr(thai, "คะแนนเต็ม", "max")},
                    {MarkdownTable::Align::left, MarkdownTable::Align::right, MarkdownTable::Align::right});
    for (const auto& a : c.areas) {
      t.add_row({fmt::format("{} ({})", a.name, a.id), fmt::format("{}", a.score), fmt::format("{}", a.max)});
    }
    t.add_row({tr(thai, "รวม", "total"), fmt::format("{}", c.total), "100"});
    t.write(out);
    out << "\n";
    if (c.certified) {
      ++certified;
      out << (thai ? fmt::format("**ผ่านการรับรอง** ({} คะแนน; เกณฑ์ผ่าน {})\n", c.total, c.pass)
                   : fmt::format("**Certified** ({} points; pass mark {})\n", c.total, c.pass));
    } else {
      out << (thai ? fmt::format("**ยังไม่ผ่านการรับรอง** ({} คะแนน; ขาดอีก {} คะแนนจึงถึงเกณฑ์ผ่าน {})\n", c.total,
                                 std::max(0L, c.pass - c.total), c.pass)
                   : fmt::format("**Not certified** ({} points; {} more reach the pass mark {})\n", c.total,
                                 std::max(0L, c.pass - c.total), c.pass));
      // Where the points are: the areas furthest from full marks first.
      std::vector<const AreaScore*> gaps;
      for (const auto& a : c.areas) {
        if (a.score < a.max) gaps.push_back(&a);
      }
      std::stable_sort(gaps.begin(), gaps.end(),
                       [](const AreaScore* x, const AreaScore* y) { return x->max - x->score > y->max - y->score; });
      for (const AreaScore* a : gaps) {
        out << (thai ? fmt::format("- ด้าน{}: ได้ {} จาก {} (เพิ่มได้อีก {})\n", md_text(a->name), a->score, a->max, a->max - a->score)
                     : fmt::format("- {}: {} of {} ({} more possible)\n", md_line(a->name), a->score, a->max, a->max - a->score));
      }
    }
  }
  out << "\n"
      << (thai ? fmt::format("ผ่านการรับรอง {} จาก {} แผน\n", certified, r.results.size())
               : fmt::format("{} of {} plans certified\n", certified, r.results.size()));
}

void render_certify_csv(std::ostream& out, const CertifyReport& r, bool thai)
{
  CsvWriter csv(out);
  std::vector<std::string> header;
  if (thai) header = {"พื้นที่ทำงาน", "แผน", "เกณฑ์", "วันที่ประเมิน", "คะแนนรวม", "เกณฑ์ผ่าน", "ผลการรับรอง"};
  else header = {"workspace", "plan", "criteria", "date", "total", "pass", "certified"};
  // Areas of the first known criteria set give the area columns.
  const CertificationResult* first = nullptr;
  for (const auto& c : r.results) {
    if (c.criteria_found) {
      first = &c;
      break;
    }
  }
  if (first) {
    for (const auto& a : first->areas) {
      header.push_back(thai ? fmt::format("{} คะแนน", a.id) : a.id + "_score");
      header.push_back(thai ? fmt::format("{} คะแนนเต็ม", a.id) : a.id + "_max");
    }
  }
  csv.row(header);
  for (const auto& c : r.results) {
    std::vector<std::string> row = {c.workspace, c.plan, c.criteria,
                                    c.date ? short_date(*c.date, thai) : "", fmt::format("{}", c.total),
                                    fmt::format("{}", c.pass),
                                    c.certified ? tr(thai, "ผ่านการรับรอง", "yes") : tr(thai, "ไม่ผ่าน", "no")};
    for (const auto& a : c.areas) {
      row.push_back(fmt::format("{}", a.score));
      row.push_back(fmt::format("{}", a.max));
    }
    csv.row(row);
  }
}

void render_certify_json(std::ostream& out, const CertifyReport& r)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("certifications").begin_array();
  for (const auto& c : r.results) {
    w.begin_object();
    w.key("plan").value(c.plan);
    if (r.many_workspaces) w.key("workspace").value(c.workspace);
    w.key("file").value(c.file);
    w.key("criteria").value(c.criteria);
    if (c.date) w.key("date").value(iso_date(*c.date));
    else w.key("date").null();
    w.key("total").value(c.total);
    w.key("pass").value(c.pass);
    w.key("certified").value(c.certified);
    w.key("areas").begin_array();
    for (const auto& a : c.areas) {
      w.begin_object();
      w.key("id").value(a.id);
      w.key("score").value(a.score);
      w.key("max").value(a.max);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

void render_criteria_md(std::ostream& out, const Criteria& c, bool thai)
{
  out << "# " << (thai ? "ชุดเกณฑ์ " : "Criteria set ") << c.id
      << (c.builtin ? tr(thai, " (ในตัวโปรแกรม)", " (built in)") : "") << "\n\n";
  out << (thai ? fmt::format("เกณฑ์ผ่านการรับรอง: {} จาก {} คะแนน\n\n", c.pass, c.total_points())
               : fmt::format("Pass mark: {} of {} points\n\n", c.pass, c.total_points()));
  MarkdownTable t({tr(thai, "ตัวชี้วัด", "indicator"), tr(thai, "รายการ", "text"), tr(thai, "คะแนนเต็ม", "max")},
                  {MarkdownTable::Align::left, MarkdownTable::Align::left, MarkdownTable::Align::right});
  for (const auto& a : c.areas) {
    t.add_row({strong(a.id), strong(a.name), strong(fmt::format("{}", a.points))});
    for (const auto& i : a.indicators) {
      t.add_row({i.id, i.text, fmt::format("{}", i.max)});
    }
  }
  t.write(out);
  out << "\n"
      << (thai ? fmt::format("เกณฑ์ระดับคุณภาพ: วิเคราะห์ตนเอง ≥ {}%, มีส่วนร่วม ≥ {}%, กิจกรรมทำเอง ≥ {}%\n",
                             c.grade.self_analysis, c.grade.participation, c.grade.self_reliance)
               : fmt::format("Grade thresholds: self-analysis ≥ {}%, participation ≥ {}%, self-reliance ≥ {}%\n",
                             c.grade.self_analysis, c.grade.participation, c.grade.self_reliance));
  if (!c.note.empty()) {
    Doc note;
    note.paragraph(Inline(c.note));
    out << "\n" << to_markdown(note);
  }
}

}  // namespace kudrang
