#include "kudrang/render/integration_render.hpp"

#include "kudrang/render/csv.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

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
                     r.from_integrated ? tr(thai, "ลำดับในแผนบูรณาการ", "forum rank") : tr(thai, "ลำดับความสำคัญ", "priority"),
                     tr(thai, "งบประมาณที่ขอ (บาท)", "requested (baht)")},
                    {A::right, A::left, A::left, A::right, A::right});
    for (const auto& e : r.eligible) {
      bool missing = want_budget ? (e.in_ldp && !e.in_budget) : !e.in_ldp;
      if (!missing) continue;
      std::string v = fmt::format("{}", e.plan->village);
      if (auto name = village_name(ws, e.plan->village); !name.empty()) v += " " + name;
      t.add_row({v, e.plan->id + "/" + e.project->id, e.project->name,
                 r.from_integrated ? fmt::format("{}", e.rank)
                 : e.project->priority > 0 ? fmt::format("{}", e.project->priority)
                                           : std::string(tr(thai, "ไม่ระบุ (เรียงท้าย)", "none (sorted last)")),
                 format_money(e.project->budget)});
    }
    t.write(out);
  };
  if (!rules[0].met && rules[0].ratio.den > 0) {
    out << "\n## " << (thai ? fmt::format("ldp-30: โครงการที่ยังไม่ได้บรรจุในแผนพัฒนาท้องถิ่นสำหรับปี {}", r.target_year)
                            : fmt::format("ldp-30: eligible projects not yet in the development plan for {}", r.target_year))
        << "\n\n"
        << (r.from_integrated
              ? (thai ? fmt::format("บรรจุเพิ่มอีก {} โครงการจึงผ่านเกณฑ์ร้อยละ 30 (เรียงตามลำดับในแผนบูรณาการระดับตำบล)\n\n", rules[0].needed)
                      : fmt::format("{} more taken up would meet 30% (by the forum's rank)\n\n", rules[0].needed))
              : (thai ? fmt::format("บรรจุเพิ่มอีก {} โครงการจึงผ่านเกณฑ์ร้อยละ 30 (เรียงตามหมู่บ้านและลำดับความสำคัญ)\n\n", rules[0].needed)
                      : fmt::format("{} more taken up would meet 30% (by village, then priority)\n\n", rules[0].needed)));
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
    out << "\n" << (thai ? fmt::format("หมายเหตุ: ยังไม่ได้บันทึกร่างข้อบัญญัติงบประมาณปี {} เกณฑ์ budget-20 และระดับความสำเร็จขั้นที่ 5 "
                                        "จึงยังนับไม่ได้ (ไม่ใช่ไม่ผ่านเพราะไม่มีงบประมาณ) เมื่อบันทึกร่างงบประมาณแล้วจะคำนวณทั้งสองเกณฑ์พร้อมกัน\n",
                                        r.target_year)
                         : fmt::format("Note: the draft budget of {} has not been entered, so budget-20 and success level 5 cannot "
                                       "be counted yet (not failed for want of money); entering it decides both at once\n",
                                       r.target_year));
  }
  if (!r.from_integrated) {
    out << "\n" << (thai ? fmt::format("หมายเหตุ: ไม่มีแผนบูรณาการระดับตำบลปี {} เกณฑ์ ldp-30 จึงนับจากโครงการในแผนชุมชนหมู่บ้านที่ระบุหน่วยงาน lao "
                                        "(kudrang plan integrate --year {} จัดทำร่างแผนบูรณาการ)\n", r.year, r.year)
                          : fmt::format("Note: there is no integrated subdistrict plan for {}, so ldp-30 is counted from the "
                                        "village plans' projects with agency lao (kudrang plan integrate --year {} drafts one)\n",
                                        r.year, r.year));
  } else {
    out << "\n" << (thai ? fmt::format("ldp-30 นับจากโครงการในแผนบูรณาการระดับตำบลปี {} ที่ อปท. ดำเนินการ (อยู่ในอำนาจหน้าที่) ตามลำดับความสำคัญของเวที\n", r.year)
                          : fmt::format("ldp-30 is counted over the projects of the {} integrated subdistrict plan carried by the LAO "
                                        "(within its authority), in the forum's rank order\n", r.year));
    bool any = false;
    MarkdownTable t({tr(thai, "ลำดับ", "rank"), tr(thai, "โครงการที่บรรจุ", "taken up"), tr(thai, "ชื่อโครงการ", "name"),
                     tr(thai, "ข้ามโครงการลำดับก่อนหน้าที่ยังไม่บรรจุ", "passed over (ranked before it, not taken up)")},
                    {A::right, A::left, A::left, A::left});
    for (const auto& e : r.eligible) {
      if (e.passed_over.empty()) continue;
      any = true;
      std::vector<std::string> names;
      for (size_t i : e.passed_over) {
        const auto& o = r.eligible[i];
        if (names.size() == 5) {
          names.push_back(thai ? fmt::format("... (รวม {} โครงการ)", e.passed_over.size())
                               : fmt::format("... ({} in all)", e.passed_over.size()));
          break;
        }
        names.push_back(fmt::format("{} {}/{}", o.rank, o.plan->id, o.project->id));
      }
      t.add_row({fmt::format("{}", e.rank), e.plan->id + "/" + e.project->id, e.project->name, fmt::format("{}", fmt::join(names, ", "))});
    }
    if (any) {
      out << "\n## " << tr(thai, "ldp-30: การบรรจุไม่เป็นไปตามลำดับความสำคัญ", "ldp-30: not taken up by priority") << "\n\n"
          << tr(thai, "โครงการต่อไปนี้บรรจุในแผนพัฒนาท้องถิ่น ขณะที่โครงการลำดับก่อนหน้ายังไม่ได้บรรจุ\n\n",
                "These projects were taken up while projects the forum ranked before them were not\n\n");
      t.write(out);
    } else if (std::any_of(r.eligible.begin(), r.eligible.end(), [](const EligibleProject& e) { return e.in_ldp; })) {
      out << "\n" << tr(thai, "การบรรจุเป็นไปตามลำดับความสำคัญของเวที\n", "Taken up by priority: no project was taken before a better-ranked one\n");
    }
  }
  auto rule = [&](const char* id) -> const IntegrationRule* {
    for (const auto& x : rules) if (x.id == id) return &x;
    return nullptr;
  };
  if (const IntegrationRule* wg = rule("working-group"); wg && !wg->met) {
    out << "\n## " << tr(thai, "working-group: ไม่พบคณะทำงานร่วมที่ครบถ้วน", "working-group: no complete joint working group") << "\n\n"
        << tr(thai, "ระบุคำสั่งแต่งตั้ง (เลขที่และวันที่ ไม่หลังวันจัดเวที) และกรรมการทั้งฝ่าย อปท. และฝ่ายชุมชน ใน working_group ของแผนบูรณาการ\n",
              "Record the order that appointed it (number and date, not after the forum) and members of both the LAO and "
              "the community under working_group in the integrated plan\n");
  }
  if (const IntegrationRule* vf = rule("village-forums-3"); vf && !vf->met && vf->ratio.den > 0) {
    out << "\n## " << tr(thai, "village-forums-3: เวทีหมู่บ้านที่ยังไม่ครบเกณฑ์ข้อ 2", "village-forums-3: village forums short of criterion 2") << "\n\n";
    MarkdownTable t({tr(thai, "หมู่ที่", "village"), tr(thai, "แผน", "plan"), tr(thai, "จัดเวทีในปี", "forum in year"),
                     tr(thai, "จำนวนด้าน", "dimensions"), tr(thai, "ข้อมูล จปฐ. กชช.2ค", "jpt and kchch2c data")},
                    {A::right, A::left, A::left, A::right, A::left});
    for (const auto& v : r.forums) {
      if (v.met()) continue;
      auto yn = [&](bool b) { return b ? tr(thai, "มี", "yes") : tr(thai, "ไม่มี", "no"); };
      t.add_row({fmt::format("{}", v.plan->village), v.plan->id, yn(v.reviewed), fmt::format("{}", v.dimensions), yn(v.community_data)});
    }
    t.write(out);
  }
  if (const IntegrationRule* tf = rule("tambon-forum-3"); tf && !tf->met) {
    out << "\n## " << tr(thai, "tambon-forum-3: เวทีระดับตำบลครอบคลุมไม่ถึง 3 ด้าน", "tambon-forum-3: the subdistrict forum covers fewer than 3 dimensions")
        << "\n\n" << fmt::format("{} {}\n", tr(thai, "จำนวนด้าน:", "dimensions:"), r.forum_dimensions);
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
  if (id == "working-group") return tr(thai, "คณะทำงานร่วม อปท. กับชุมชน (ข้อ 1)", "joint working group (criterion 1)");
  if (id == "village-forums-3")
    return tr(thai, "เวทีหมู่บ้าน 3 ด้าน ใช้ จปฐ. กชช.2ค (ข้อ 2)", "village forums: 3 dimensions, jpt + kchch2c (criterion 2)");
  if (id == "tambon-forum-3") return tr(thai, "เวทีตำบลบูรณาการ 3 ด้าน (ข้อ 3)", "subdistrict forum: 3 dimensions (criterion 3)");
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
    auto met = [&](const char* id) {
      return std::any_of(part.rules.begin(), part.rules.end(), [&](const IntegrationRule& x) { return x.id == id && x.met; });
    };
    bool ldp = met("ldp-30");
    bool budget = met("budget-20");
    c.ldp += ldp;
    c.budget += budget;
    c.model += ldp && budget;
  }
  return c;
}

void laos_json(JsonWriter& w, const LaoCounts& c)
{
  w.key("laos").begin_object();
  w.key("count").value(c.count);
  w.key("ldp-30").value(c.ldp);
  w.key("budget-20").value(c.budget);
  w.key("model").value(c.model);
  w.end_object();
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
  // Columns by rule id: a workspace with an integrated plan has rules others lack.
  auto cells = [&](std::vector<Inline> row, const IntegrationResult& res) {
    for (const auto& column : r.total.rules) {
      auto it = std::find_if(res.rules.begin(), res.rules.end(),
                             [&](const IntegrationRule& x) { return x.id == column.id; });
      if (it == res.rules.end()) row.emplace_back("-");
      else row.emplace_back(fmt::format("{}/{} {}", it->ratio.num, it->ratio.den, it->met ? "✓" : "✗"));
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

void render_integration_csv(std::ostream& out, const IntegrationReport& r, bool thai)
{
  CsvWriter csv(out);
  if (thai) {
    csv.row({"พื้นที่ทำงาน", "รหัส อปท.", "อปท.", "เกณฑ์", "จำนวนที่ผ่าน", "จำนวนทั้งหมด", "ร้อยละ", "เกณฑ์ร้อยละ", "ผล",
             "ขาดอีก"});
  } else {
    csv.row({"workspace", "code", "name", "rule", "numerator", "denominator", "percent", "threshold", "met", "needed"});
  }
  auto rows = [&](const std::string& ws, const std::string& code, const std::string& name, const IntegrationResult& res) {
    for (const auto& rule : res.rules) {
      csv.row({ws, code, name, rule.id, fmt::format("{}", rule.ratio.num), fmt::format("{}", rule.ratio.den),
               rule.ratio.percent_text().value_or(""), fmt::format("{}", rule.threshold),
               rule.met ? tr(thai, "ผ่าน", "yes") : tr(thai, "ไม่ผ่าน", "no"), fmt::format("{}", rule.needed)});
    }
  };
  for (const auto& [info, part] : r.parts) rows(info.workspace, info.code, info.name, part);
  if (!r.detail) rows(tr(thai, "(รวม)", "(total)"), "", "", r.total);
}

void render_integration_json(std::ostream& out, const IntegrationReport& r)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("year").value(r.total.year);
  w.key("target_year").value(r.total.target_year);
  w.key("counted_from").value(r.total.from_integrated ? "integrated-plan" : "village-plans");
  w.key("by_priority").value(r.total.by_priority);
  rules_json(w, r.total);
  if (r.detail) {
    w.key("projects").begin_array();
    for (const auto& e : r.detail->eligible) {
      w.begin_object();
      w.key("source").value(e.plan->id + "/" + e.project->id);
      w.key("village").value(e.plan->village);
      if (e.project->priority > 0) w.key("priority").value(e.project->priority);
    else w.key("priority").null();
      if (r.detail->from_integrated) w.key("rank").value(e.rank);
      else w.key("rank").null();
      w.key("passed_over").begin_array();
      for (size_t i : e.passed_over) {
        const EligibleProject& o = r.detail->eligible[i];
        w.value(o.plan->id + "/" + o.project->id);
      }
      w.end_array();
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
      w.key("counted_from").value(part.from_integrated ? "integrated-plan" : "village-plans");
      rules_json(w, part);
      w.end_object();
    }
    w.end_array();
    w.key("totals").begin_object();
    rules_json(w, r.total);
    w.end_object();
    laos_json(w, lao_counts(r));
  }
  w.end_object();
  w.finish();
}

namespace {

std::string rule_cell(const IntegrationResult& r, const char* id)
{
  for (const auto& rule : r.rules) {
    if (rule.id != id) continue;
    if (rule.ratio.den == 0) return "-";
    auto p = rule.ratio.percent_text();
    return fmt::format("{}/{}{}{}", rule.ratio.num, rule.ratio.den, p ? " (" + *p + "%)" : "", rule.met ? " ✓" : " ✗");
  }
  return "-";
}

}  // namespace

void render_integration_years_md(std::ostream& out, int from, const std::vector<IntegrationReport>& years, bool thai)
{
  Doc doc;
  int to = from + static_cast<int>(years.size()) - 1;
  doc.heading(1, thai ? fmt::format("เกณฑ์ อปท. ต้นแบบ ปีทบทวนแผน {}–{}", from, to)
                      : fmt::format("The model-LAO rules, review years {}–{}", from, to));
  bool one = !years.empty() && years.front().parts.size() == 1;
  const char* ids[] = {"ldp-30", "budget-20", "self-30", "dimensions-3"};
  if (one) {
    Table t({tr(thai, "ปีทบทวน", "review year"), tr(thai, "ปีเป้าหมาย", "target year"), "ldp-30", "budget-20", "self-30",
             "dimensions-3", tr(thai, "ร่างงบประมาณ", "draft budget")},
            {Align::right, Align::right, Align::left, Align::left, Align::left, Align::left, Align::left});
    for (size_t k = 0; k < years.size(); ++k) {
      const IntegrationResult& r = years[k].parts.front().second;
      std::vector<Inline> row = {Inline(fmt::format("{}", from + static_cast<int>(k))),
                                 Inline(fmt::format("{}", from + static_cast<int>(k) + 1))};
      for (const char* id : ids) row.emplace_back(rule_cell(r, id));
      row.emplace_back(r.has_budget ? tr(thai, "มี", "entered") : tr(thai, "ยังไม่ได้บันทึก", "not entered"));
      t.add_row(std::move(row));
    }
    doc.table(std::move(t));
  } else {
    Table t({tr(thai, "ปีทบทวน", "review year"), tr(thai, "อปท.", "LAOs"), tr(thai, "ผ่าน ldp-30", "meet ldp-30"),
             tr(thai, "ผ่าน budget-20", "meet budget-20"), tr(thai, "ต้นแบบ (ผ่านทั้งสองข้อ)", "model (both)"),
             tr(thai, "ร้อยละ อปท. ต้นแบบ", "model LAOs, %"), tr(thai, "ldp-30 รวมทุก อปท.", "ldp-30 pooled")},
            {Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left});
    for (size_t k = 0; k < years.size(); ++k) {
      LaoCounts c = lao_counts(years[k]);
      auto share = Ratio{c.model, c.count}.percent_text();
      t.add_row({Inline(fmt::format("{}", from + static_cast<int>(k))), Inline(fmt::format("{}", c.count)),
                 Inline(fmt::format("{}", c.ldp)), Inline(fmt::format("{}", c.budget)), Inline(fmt::format("{}", c.model)),
                 Inline(share ? *share : "-"), Inline(rule_cell(years[k].total, "ldp-30"))});
    }
    doc.table(std::move(t));
    doc.paragraph(tr(thai, "ตัวชี้วัด 3.2 นับ อปท. ที่ผ่านทั้งเกณฑ์ร้อยละ 30 และร้อยละ 20 ของตนเอง ไม่ใช่ผลรวมของทุก อปท.",
                     "Indicator 3.2 counts the LAOs that meet their own 30% and 20% rules, not the pooled counts."));
  }
  doc.paragraph(tr(thai, "รายละเอียดของแต่ละปี: kudrang budget check --year ปี",
                   "The details of a year: kudrang budget check --year Y"));
  out << to_markdown(doc);
}

void render_integration_years_json(std::ostream& out, int from, const std::vector<IntegrationReport>& years)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("from").value(from);
  w.key("to").value(from + static_cast<int>(years.size()) - 1);
  w.key("years").begin_array();
  for (size_t k = 0; k < years.size(); ++k) {
    const IntegrationReport& r = years[k];
    w.begin_object();
    w.key("year").value(from + static_cast<int>(k));
    w.key("target_year").value(from + static_cast<int>(k) + 1);
    if (r.parts.size() == 1) w.key("has_budget").value(r.parts.front().second.has_budget);
    rules_json(w, r.total);
    laos_json(w, lao_counts(r));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

}  // namespace kudrang
