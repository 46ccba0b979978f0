#include "kudrang/render/integration_render.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/table.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

void rules_table(std::ostream& out, const IntegrationResult& r, bool thai)
{
  using A = MarkdownTable::Align;
  MarkdownTable t({tr(thai, "เกณฑ์", "rule"), tr(thai, "ผล", "result"), tr(thai, "ได้", "count"), tr(thai, "จาก", "of"),
                   tr(thai, "ร้อยละ", "percent"), tr(thai, "เกณฑ์ขั้นต่ำ", "threshold"), tr(thai, "ต้องเพิ่ม", "needed")},
                  {A::left, A::left, A::right, A::right, A::right, A::right, A::right});
  for (const auto& rule : r.rules) {
    t.add_row({fmt::format("{} {}", rule.id, integration_rule_name(rule.id, thai)),
               rule.met ? tr(thai, "ผ่าน", "met") : tr(thai, "ไม่ผ่าน", "not met"), fmt::format("{}", rule.ratio.num),
               fmt::format("{}", rule.ratio.den), percent_or_dash(rule.ratio), fmt::format("{}%", rule.threshold),
               fmt::format("{}", rule.needed)});
  }
  t.write(out);
}

std::string village_name(const Workspace* ws, int no)
{
  if (ws && ws->has_config) {
    if (const Village* v = ws->config.value.village(no)) return v->name;
  }
  return {};
}

void details(std::ostream& out, const IntegrationResult& r, const Workspace* ws, bool thai)
{
  using A = MarkdownTable::Align;
  const auto& rules = r.rules;
  auto project_table = [&](bool want_budget) {
    MarkdownTable t({tr(thai, "หมู่ที่", "village"), tr(thai, "โครงการ", "project"), tr(thai, "ชื่อโครงการ", "name"),
                     tr(thai, "ลำดับความสำคัญ", "priority"), tr(thai, "งบประมาณที่ขอ (บาท)", "requested (baht)")},
                    {A::right, A::left, A::left, A::right, A::right});
    for (const auto& e : r.eligible) {
      bool missing = want_budget ? (e.in_ldp && !e.in_budget) : !e.in_ldp;
      if (!missing) continue;
      std::string v = fmt::format("{}", e.plan->village);
      if (auto name = village_name(ws, e.plan->village); !name.empty()) v += " " + name;
      t.add_row({v, e.plan->id + "/" + e.project->id, e.project->name, fmt::format("{}", e.project->priority),
                 format_money(e.project->budget)});
    }
    t.write(out);
  };
  if (!rules[0].met && rules[0].ratio.den > 0) {
    out << "\n## " << (thai ? fmt::format("ldp-30: โครงการที่ยังไม่ได้บรรจุในแผนพัฒนาท้องถิ่นสำหรับปี {}", r.target_year)
                            : fmt::format("ldp-30: eligible projects not yet in the development plan for {}", r.target_year))
        << "\n\n"
        << (thai ? fmt::format("บรรจุเพิ่มอีก {} โครงการจึงผ่านเกณฑ์ร้อยละ 30 (เรียงตามหมู่บ้านและลำดับความสำคัญ)\n\n", rules[0].needed)
                 : fmt::format("{} more taken up would meet 30% (by village, then priority)\n\n", rules[0].needed));
    project_table(false);
  }
  if (!rules[1].met && rules[1].ratio.den > 0) {
    out << "\n## " << (thai ? fmt::format("budget-20: โครงการในแผนพัฒนาท้องถิ่นที่ยังไม่มีในร่างข้อบัญญัติงบประมาณ {}", r.target_year)
                            : fmt::format("budget-20: projects in the development plan not yet in the {} budget", r.target_year))
        << "\n\n"
        << (thai ? fmt::format("บรรจุเพิ่มอีก {} โครงการจึงผ่านเกณฑ์ร้อยละ 20\n\n", rules[1].needed)
                 : fmt::format("{} more budgeted would meet 20%\n\n", rules[1].needed));
    project_table(true);
  }
  if (!r.has_budget) {
    out << "\n" << (thai ? fmt::format("หมายเหตุ: ไม่พบข้อบัญญัติงบประมาณปี {} ในพื้นที่ทำงาน\n", r.target_year)
                         : fmt::format("Note: the workspace holds no budget record for {}\n", r.target_year));
  }
  auto plan_table = [&](bool self) {
    MarkdownTable t({tr(thai, "หมู่ที่", "village"), tr(thai, "แผน", "plan"),
                     self ? tr(thai, "โครงการทำเอง", "self-reliant") : tr(thai, "จำนวนด้าน", "dimensions")},
                    {A::right, A::left, A::right});
    for (const auto& p : r.plans) {
      if (self && !p.self.meets(30)) {
        t.add_row({fmt::format("{}", p.plan->village), p.plan->id,
                   fmt::format("{}/{} ({})", p.self.num, p.self.den, percent_or_dash(p.self))});
      } else if (!self && p.dimensions < 3) {
        t.add_row({fmt::format("{}", p.plan->village), p.plan->id, fmt::format("{}", p.dimensions)});
      }
    }
    t.write(out);
  };
  if (!rules[2].met && rules[2].ratio.den > 0) {
    out << "\n## " << tr(thai, "self-30: แผนที่มีโครงการทำเองน้อยกว่าร้อยละ 30", "self-30: plans with under 30% self-reliant projects")
        << "\n\n";
    plan_table(true);
  }
  if (!rules[3].met && rules[3].ratio.den > 0) {
    out << "\n## " << tr(thai, "dimensions-3: แผนที่ครอบคลุมน้อยกว่า 3 ด้าน", "dimensions-3: plans covering fewer than 3 dimensions")
        << "\n\n";
    plan_table(false);
  }
}

void rules_json(JsonWriter& w, const IntegrationResult& r)
{
  w.key("rules").begin_array();
  for (const auto& rule : r.rules) {
    w.begin_object();
    w.key("id").value(rule.id);
    w.key("numerator").value(rule.ratio.num);
    w.key("denominator").value(rule.ratio.den);
    if (auto p = rule.ratio.percent_text()) w.key("percent").raw_number(*p);
    else w.key("percent").null();
    w.key("threshold").value(rule.threshold);
    w.key("met").value(rule.met);
    w.key("needed").value(rule.needed);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

const char* integration_rule_name(const std::string& id, bool thai)
{
  if (id == "ldp-30")
    return tr(thai, "โครงการในอำนาจ อปท. บรรจุในแผนพัฒนาท้องถิ่น", "eligible projects in the local development plan");
  if (id == "budget-20")
    return tr(thai, "โครงการในแผนพัฒนาท้องถิ่นบรรจุในร่างข้อบัญญัติงบประมาณ", "of those, in the draft budget ordinance");
  if (id == "self-30") return tr(thai, "ทุกแผนมีโครงการทำเองร้อยละ 30 ขึ้นไป", "every plan ≥ 30% self-reliant projects");
  if (id == "dimensions-3") return tr(thai, "ทุกแผนครอบคลุมอย่างน้อย 3 ด้าน", "every plan covers ≥ 3 dimensions");
  return "";
}

namespace {

// The model-LAO count of indicator 3.2: LAOs meeting ldp-30, budget-20, both.
struct LaoCounts {
  long count = 0, ldp = 0, budget = 0, model = 0;
};

LaoCounts lao_counts(const IntegrationReport& r)
{
  LaoCounts c;
  for (const auto& [info, part] : r.parts) {
    ++c.count;
    bool ldp = part.rules.size() > 0 && part.rules[0].met;
    bool budget = part.rules.size() > 1 && part.rules[1].met;
    c.ldp += ldp;
    c.budget += budget;
    c.model += ldp && budget;
  }
  return c;
}

std::string workspace_label(const WorkspaceInfo& info)
{
  return info.workspace.empty() ? std::string(".") : info.workspace;
}

}  // namespace

void render_integration_md(std::ostream& out, const IntegrationReport& r, const Workspace* ws, bool thai)
{
  out << "# "
      << (thai ? fmt::format("การบูรณาการแผนชุมชนสู่แผนพัฒนาท้องถิ่นและงบประมาณ ปีทบทวนแผน {} (ปีเป้าหมาย {})", r.total.year,
                             r.total.target_year)
               : fmt::format("Community plans into the development plan and budget: review year {} (target {})",
                             r.total.year, r.total.target_year))
      << "\n\n";
  if (r.detail) {
    rules_table(out, r.total, thai);
    details(out, *r.detail, ws, thai);
    return;
  }
  // A tree: one row per LAO, then the total, then how many LAOs meet each rule.
  using A = MarkdownTable::Align;
  std::vector<Inline> header = {tr(thai, "พื้นที่ทำงาน", "workspace"), tr(thai, "อปท.", "LAO")};
  std::vector<A> align = {A::left, A::left};
  for (const auto& rule : r.total.rules) {
    header.push_back(rule.id);
    align.push_back(A::right);
  }
  MarkdownTable t(header, align);
  auto cells = [&](std::vector<Inline> row, const IntegrationResult& res) {
    for (const auto& rule : res.rules) {
      row.emplace_back(fmt::format("{}/{} {}", rule.ratio.num, rule.ratio.den, rule.met ? "✓" : "✗"));
    }
    return row;
  };
  for (const auto& [info, part] : r.parts) t.add_row(cells({Inline(workspace_label(info)), Inline(info.name)}, part));
  t.add_row(cells({Inline(tr(thai, "รวม", "total")), Inline(fmt::format("{}", r.parts.size()))}, r.total));
  t.write(out);
  LaoCounts c = lao_counts(r);
  out << "\n"
      << (thai ? fmt::format("อปท. ที่ผ่านเกณฑ์ ldp-30: {} จาก {} · budget-20: {} จาก {} · ผ่านทั้งสองเกณฑ์ (ต้นแบบ): {} จาก {}\n",
                             c.ldp, c.count, c.budget, c.count, c.model, c.count)
               : fmt::format("LAOs meeting ldp-30: {} of {} · budget-20: {} of {} · both (model): {} of {}\n", c.ldp,
                             c.count, c.budget, c.count, c.model, c.count))
      << (thai ? "แถวรวมนับโครงการของทุก อปท. รวมกัน; ตัวชี้วัด 3.2 นับ อปท. ที่ผ่านเกณฑ์ (บรรทัดข้างบน)\n"
               : "The total row counts the projects of every LAO together; indicator 3.2 counts the LAOs that meet the "
                 "rules (the line above).\n");
}

void render_integration_csv(std::ostream& out, const IntegrationReport& r)
{
  CsvWriter csv(out);
  csv.row({"workspace", "code", "name", "rule", "numerator", "denominator", "percent", "threshold", "met", "needed"});
  auto rows = [&](const std::string& ws, const std::string& code, const std::string& name, const IntegrationResult& res) {
    for (const auto& rule : res.rules) {
      csv.row({ws, code, name, rule.id, fmt::format("{}", rule.ratio.num), fmt::format("{}", rule.ratio.den),
               rule.ratio.percent_text().value_or(""), fmt::format("{}", rule.threshold), rule.met ? "yes" : "no",
               fmt::format("{}", rule.needed)});
    }
  };
  for (const auto& [info, part] : r.parts) rows(info.workspace, info.code, info.name, part);
  if (!r.detail) rows("(total)", "", "", r.total);
}

void render_integration_json(std::ostream& out, const IntegrationReport& r)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("year").value(r.total.year);
  w.key("target_year").value(r.total.target_year);
  rules_json(w, r.total);
  if (r.detail) {
    w.key("projects").begin_array();
    for (const auto& e : r.detail->eligible) {
      w.begin_object();
      w.key("source").value(e.plan->id + "/" + e.project->id);
      w.key("village").value(e.plan->village);
      w.key("priority").value(e.project->priority);
      w.key("in_development_plan").value(e.in_ldp);
      w.key("in_budget").value(e.in_budget);
      w.end_object();
    }
    w.end_array();
  } else {
    w.key("workspaces").begin_array();
    for (const auto& [info, part] : r.parts) {
      w.begin_object();
      w.key("workspace").value(info.workspace);
      w.key("code").value(info.code);
      w.key("name").value(info.name);
      w.key("year").value(part.year);
      w.key("target_year").value(part.target_year);
      w.key("has_budget").value(part.has_budget);
      rules_json(w, part);
      w.end_object();
    }
    w.end_array();
    w.key("totals").begin_object();
    rules_json(w, r.total);
    w.end_object();
    LaoCounts c = lao_counts(r);
    w.key("laos").begin_object();
    w.key("count").value(c.count);
    w.key("ldp-30").value(c.ldp);
    w.key("budget-20").value(c.budget);
    w.key("model").value(c.model);
    w.end_object();
  }
  w.end_object();
  w.finish();
}

}  // namespace kudrang
