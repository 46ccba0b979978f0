#include "kudrang/render/integrated_render.hpp"

#include "kudrang/render/yaml_text.hpp"
#include "kudrang/rules/tambon_forum.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace kudrang {

namespace {

const char* tr(bool thai, const char* th, const char* en) { return thai ? th : en; }

struct Resolved {
  const IntegratedProject* ip = nullptr;
  const CommunityPlan* plan = nullptr;
  const PlanProject* project = nullptr;
};

std::vector<Resolved> resolve(const Workspace& ws, const std::vector<IntegratedProject>& list)
{
  std::vector<Resolved> out;
  for (const auto& p : list) {
    const CommunityPlan* plan = ws.plan(p.plan);
    out.push_back({&p, plan, plan ? plan->project(p.project) : nullptr});
  }
  std::stable_sort(out.begin(), out.end(), [](const Resolved& a, const Resolved& b) { return a.ip->rank < b.ip->rank; });
  return out;
}

std::string village_label(const Workspace& ws, int no, bool thai)
{
  std::string s = fmt::format("{} {}", tr(thai, "หมู่ที่", "village"), no);
  if (ws.has_config) {
    if (const Village* v = ws.config.value.village(no)) s += " " + v->name;
  }
  return s;
}

// A column heading with ดำเนินการ kept whole: the dictionary line breaker
// splits it into ดำเนิน|การ, which a narrow column then breaks apart.
Inline heading_cell(std::string_view s)
{
  static constexpr std::string_view word = "ดำเนินการ";
  Inline in;
  for (size_t at = s.find(word); at != std::string_view::npos; at = s.find(word)) {
    in.text(s.substr(0, at)).keep(word);
    s.remove_prefix(at + word.size());
  }
  return in.text(s);
}

// Short, for a table cell: the project's name needs the width.
std::string carrier_cell(const IntegratedProject& p, bool thai)
{
  switch (p.carrier) {
  case Carrier::lao: return tr(thai, "อปท.", "LAO");
  case Carrier::village: return tr(thai, "หมู่บ้านทำเอง", "village");
  case Carrier::joint:
    return p.agency.empty() ? std::string(tr(thai, "ร่วมดำเนินการ", "jointly"))
                            : std::string(tr(thai, "ร่วมกับ ", "with ")) + p.agency;
  case Carrier::agency: return p.agency.empty() ? std::string(tr(thai, "หน่วยงานอื่น", "another agency")) : p.agency;
  }
  return "";
}

Table ranked_table(const Workspace& ws, const std::vector<Resolved>& rows, bool thai, bool with_carrier)
{
  std::vector<Inline> head = {tr(thai, "ลำดับ", "rank"), tr(thai, "หมู่บ้าน", "village"), tr(thai, "โครงการ/กิจกรรม", "project"),
                              tr(thai, "ด้าน", "dimension")};
  std::vector<Align> align = {Align::right, Align::left, Align::left, Align::left};
  if (with_carrier) {
    head.push_back(heading_cell(tr(thai, "ผู้ดำเนินการ", "carried by")));
    align.push_back(Align::left);
  }
  head.push_back(tr(thai, "งบประมาณ (บาท)", "budget (baht)"));
  align.push_back(Align::right);
  Table t(head, align);
  t.css_class = with_carrier ? "ranked" : "ranked no-carrier";
  for (const auto& r : rows) {
    std::vector<Inline> cells;
    cells.push_back(fmt::format("{}", r.ip->rank));
    cells.push_back(r.plan ? place_names(village_label(ws, r.plan->village, thai)) : Inline(r.ip->plan));
    Inline name;
    name.text(r.project ? r.project->name : r.ip->ref());
    name.br().text(r.ip->ref());
    if (!r.ip->note.empty()) name.br().text(r.ip->note);
    cells.push_back(name);
    cells.push_back(r.project ? dimension_name(r.project->dimension, thai) : std::string("-"));
    if (with_carrier) cells.push_back(place_names(carrier_cell(*r.ip, thai)));
    cells.push_back(r.project && r.project->budget.satang > 0 ? format_money(r.project->budget) : std::string("-"));
    t.add_row(std::move(cells));
  }
  return t;
}

const char* const dimension_order[] = {"economy", "society", "environment", "health", "education", "culture",
                                       "governance", "infrastructure"};
const Carrier carrier_order[] = {Carrier::lao, Carrier::agency, Carrier::joint, Carrier::village};

}  // namespace

std::string dimension_name(std::string_view id, bool thai)
{
  static const std::map<std::string_view, std::pair<const char*, const char*>> names = {
    {"economy", {"ด้านเศรษฐกิจ", "economy"}},
    {"society", {"ด้านสังคม", "society"}},
    {"environment", {"ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม", "environment"}},
    {"health", {"ด้านสาธารณสุข", "health"}},
    {"education", {"ด้านการศึกษา", "education"}},
    {"culture", {"ด้านศาสนา ศิลปะและวัฒนธรรม", "culture"}},
    {"governance", {"ด้านการบริหารจัดการ", "governance"}},
    {"infrastructure", {"ด้านโครงสร้างพื้นฐาน", "infrastructure"}},
  };
  auto it = names.find(id);
  if (it == names.end()) return std::string(id);
  return thai ? it->second.first : it->second.second;
}

std::string carrier_name(Carrier c, bool thai)
{
  switch (c) {
  case Carrier::village: return tr(thai, "หมู่บ้านดำเนินการเอง", "the village itself");
  case Carrier::joint: return tr(thai, "ร่วมดำเนินการ", "jointly");
  case Carrier::lao: return tr(thai, "อปท. ดำเนินการ (อยู่ในอำนาจหน้าที่)", "the LAO (within its authority)");
  case Carrier::agency: return tr(thai, "หน่วยงานอื่น", "another agency");
  }
  return "";
}

std::string integrated_plan_yaml(const Workspace& ws, const IntegratedDraft& d)
{
  std::string out;
  out += "# yaml-language-server: $schema=" + d.schema_prefix + "integrated-plan.schema.json\n";
  std::string sub = ws.has_config ? ws.config.value.subdistrict : std::string();
  out += fmt::format("# แผนชุมชนบูรณาการระดับตำบล{} ปี {} (ร่างจาก kudrang plan integrate: เวทีปรับลำดับได้ที่ rank)\n", sub,
                     d.year);
  out += "kind: integrated-plan\n";
  out += "id: " + d.id + "\n";
  out += fmt::format("year: {}\n", d.year);
  out += "forum:\n";
  if (d.date) out += "  date: " + iso_date(*d.date) + "\n";
  else out += "  # date: ปปปป-ดด-วว   (วันที่จัดเวทีประชาคมระดับตำบล)\n";
  out += "  venue: " + yaml_text(d.venue) + "\n";
  out += "  organisers: [" + yaml_text("ศอช.ต." + sub) + "]\n";
  out += "  data_sources: [jpt, kchch2c]\n";
  out += "projects:\n";
  for (const auto& p : d.projects) {
    out += fmt::format("  - {{ ref: {}, rank: {}, carrier: {}", p.ref(), p.rank, carrier_id(p.carrier));
    if (!p.agency.empty()) out += ", agency: " + yaml_text(p.agency);
    out += " }\n";
  }
  return out;
}

Doc integrated_draft_doc(const Workspace& ws, const IntegratedDraft& d, bool thai)
{
  Doc doc;
  doc.heading(1, thai ? fmt::format("ร่างแผนชุมชนบูรณาการระดับตำบล ปี {}", d.year)
                      : fmt::format("Draft integrated subdistrict plan, review year {}", d.year));
  doc.paragraph(tr(thai,
                   "เรียงลำดับเริ่มต้น: ลำดับความสำคัญในแผนชุมชนหมู่บ้าน แล้วสลับด้านการพัฒนาให้สมดุล แล้วเลขหมู่บ้าน "
                   "เวทีประชาคมระดับตำบลปรับลำดับได้ในระเบียน (rank)",
                   "Default ranking: the village plan's priority, then balance between development dimensions, then the "
                   "village number. The forum sets its own ranking in the record (rank)."));
  std::vector<Resolved> rows = resolve(ws, d.projects);
  doc.table(ranked_table(ws, rows, thai, true));
  std::map<Carrier, long> by;
  for (const auto& p : d.projects) ++by[p.carrier];
  std::vector<std::string> parts;
  for (Carrier c : carrier_order) parts.push_back(fmt::format("{} {}", carrier_name(c, thai), by[c]));
  doc.paragraph(fmt::format("{} {} {}: {}", tr(thai, "รวม", "In all"), d.projects.size(), tr(thai, "โครงการ", "projects"),
                            fmt::join(parts, ", ")));
  return doc;
}

Doc integrated_book_doc(const Workspace& ws, const IntegratedPlan& ip, const DocumentOptions& o, int copy)
{
  const bool thai = o.thai;
  const WorkspaceConfig* c = ws.has_config ? &ws.config.value : nullptr;
  std::string sub = c ? c->subdistrict : "";
  std::string district = c ? c->district : "";
  std::string province = c ? c->province : "";
  std::string lao = c ? c->org_name : "";
  std::vector<Resolved> rows = resolve(ws, ip.projects);

  Doc doc;
  // Cover
  Doc cover;
  cover.heading(1, Inline(tr(thai, "แผนชุมชนบูรณาการระดับตำบล", "Integrated subdistrict community plan")).br().keep(
                     (thai ? "ตำบล" : "Subdistrict ") + sub));
  cover.paragraph(Inline().keep(fmt::format("{} {} {} {}", thai ? "อำเภอ" + district : "District " + district,
                                            thai ? "จังหวัด" + province : "Province " + province,
                                            tr(thai, "ปีที่ทบทวนแผน", "review year"), ip.year)));
  Inline by = Inline(tr(thai, "จัดทำโดย ", "Prepared by "));
  for (size_t i = 0; i < ip.organisers.size(); ++i) {
    if (i) by.text(", ");
    by.append(place_names(ip.organisers[i]));
  }
  cover.paragraph(by);
  if (ip.date) {
    cover.paragraph(Inline(tr(thai, "จากเวทีประชาคมระดับตำบล ", "From the subdistrict civic forum of "))
                      .keep(thai ? thai_long_date(*ip.date) : iso_date(*ip.date)));
  }
  std::string recipients[3] = {
    thai ? "เล่มที่ 1 สำหรับ " + lao : "Copy 1 for " + lao,
    thai ? "เล่มที่ 2 สำหรับ ที่ว่าการอำเภอ" + district : "Copy 2 for the district office of " + district,
    thai ? "เล่มที่ 3 สำเนาเก็บไว้ที่ ศอช.ต." + sub : "Copy 3 kept by the ศอช.ต. of " + sub,
  };
  if (copy >= 1 && copy <= 3) {
    cover.paragraph(Inline().strong(recipients[copy - 1])).css_class = "copy";
  } else {
    std::vector<Inline> items;
    for (const auto& r : recipients) items.push_back(place_names(r));
    cover.paragraph(tr(thai, "จัดทำเป็นเอกสารรูปเล่ม 3 เล่ม", "Bound in three copies"));
    cover.list(std::move(items));
  }
  doc.division("cover", std::move(cover));
  doc.page_break();

  // 1. The forum
  doc.heading(2, tr(thai, "ส่วนที่ 1 บันทึกเวทีประชาคมระดับตำบล", "Part 1. The subdistrict civic forum"));
  std::vector<Inline> facts;
  facts.push_back(Inline().strong(tr(thai, "วันที่:", "Date:")).text(" ")
                    .keep(ip.date ? (thai ? thai_long_date(*ip.date) : iso_date(*ip.date)) : std::string("....................")));
  facts.push_back(Inline().strong(tr(thai, "สถานที่:", "Venue:")).text(" ").append(place_names(ip.venue)));
  Inline org = Inline().strong(tr(thai, "ผู้จัด:", "Organisers:")).text(" ");
  for (size_t i = 0; i < ip.organisers.size(); ++i) {
    if (i) org.text(", ");
    org.append(place_names(ip.organisers[i]));
  }
  facts.push_back(org);
  std::vector<std::string> data;
  for (const auto& s : ip.data_sources) {
    data.push_back(s == "jpt" ? tr(thai, "จปฐ.", "jpt") : s == "kchch2c" ? tr(thai, "กชช.2ค", "kchch2c")
                   : s == "household-accounts" ? tr(thai, "บัญชีรับ-จ่ายครัวเรือน", "household accounts")
                                               : tr(thai, "อื่น ๆ", "other"));
  }
  facts.push_back(Inline().strong(tr(thai, "ข้อมูลที่ใช้:", "Data used:")).text(" ")
                    .text(data.empty() ? std::string("-") : fmt::format("{}", fmt::join(data, ", "))));
  std::set<std::string> dims;
  for (const auto& r : rows) {
    if (r.project && !r.project->dimension.empty()) dims.insert(r.project->dimension);
  }
  std::vector<std::string> dim_names;
  for (const char* d : dimension_order) {
    if (dims.count(d)) dim_names.push_back(dimension_name(d, thai));
  }
  facts.push_back(Inline().strong(tr(thai, "มิติการพัฒนาที่บูรณาการ:", "Development dimensions integrated:")).text(" ")
                    .text(fmt::format("{} {} ({})", dims.size(), tr(thai, "ด้าน", ""), fmt::join(dim_names, ", "))));
  doc.list(std::move(facts));

  if (!ip.participants.empty()) {
    doc.heading(3, tr(thai, "ผู้เข้าร่วมเวทีจากแต่ละหมู่บ้าน", "Participants by village"));
    Table t({tr(thai, "หมู่บ้าน", "village"), tr(thai, "จำนวน (คน)", "people")}, {Align::left, Align::right});
    long total = 0;
    for (const auto& p : ip.participants) {
      t.add_row({place_names(village_label(ws, p.village, thai)), fmt::format("{}", p.count)});
      total += p.count;
    }
    t.add_row({Inline().strong(tr(thai, "รวม", "total")), Inline().strong(fmt::format("{}", total))});
    doc.table(std::move(t)).css_class = "whole";
  }
  if (ip.working_group.present) {
    const WorkingGroup& g = ip.working_group;
    doc.heading(3, tr(thai, "คณะทำงานร่วมระหว่าง อปท. และชุมชน", "The joint working group of the LAO and the community"));
    Inline order(tr(thai, "แต่งตั้งตามคำสั่งที่ ", "Appointed by order no. "));
    order.keep(g.order_no);
    if (g.order_date) {
      const Date& od = *g.order_date;
      order.text(tr(thai, " ลงวันที่ ", " of "))
        .keep(thai ? fmt::format("{} {} พ.ศ. {}", od.day, thai_month_name(od.month), od.year + 543) : iso_date(od));
    }
    if (!g.appointed_by.empty()) order.text(tr(thai, " โดย ", " by ")).append(place_names(g.appointed_by));
    doc.paragraph(order).css_class = "keep-next";
    Table t({tr(thai, "ที่", "no."), tr(thai, "ชื่อ-สกุล", "name"), tr(thai, "ตำแหน่ง", "position"), tr(thai, "ฝ่าย", "side")},
            {Align::right, Align::left, Align::left, Align::left});
    long n = 0;
    for (const auto& m : g.members) {
      t.add_row({fmt::format("{}", ++n), keep(m.name), place_names(m.position),
                 m.side == "lao" ? tr(thai, "อปท.", "LAO") : tr(thai, "ชุมชน", "community")});
    }
    doc.table(std::move(t)).css_class = "whole";
  }

  // 2. Summary. Parts 1-3 run on (a new page only for the cover and for the
  // parts each recipient takes out, 4 on); every heading stays with its table.
  doc.heading(2, tr(thai, "ส่วนที่ 2 สรุปโครงการ", "Part 2. Summary"));
  doc.heading(3, tr(thai, "จำแนกตามด้านการพัฒนาและผู้ดำเนินการ", "By development dimension and by who carries them"));
  {
    std::vector<Inline> head = {tr(thai, "ด้าน", "dimension")};
    std::vector<Align> align = {Align::left};
    for (Carrier cr : carrier_order) {
      head.push_back(heading_cell(carrier_name(cr, thai)));
      align.push_back(Align::right);
    }
    head.push_back(tr(thai, "รวม", "total"));
    align.push_back(Align::right);
    Table t(head, align);
    std::map<std::string, std::map<Carrier, long>> counts;
    std::map<Carrier, long> col;
    for (const auto& r : rows) {
      std::string d = r.project ? r.project->dimension : "";
      ++counts[d][r.ip->carrier];
      ++col[r.ip->carrier];
    }
    for (const char* d : dimension_order) {
      if (!counts.count(d)) continue;
      std::vector<Inline> cells = {dimension_name(d, thai)};
      long sum = 0;
      for (Carrier cr : carrier_order) {
        cells.push_back(fmt::format("{}", counts[d][cr]));
        sum += counts[d][cr];
      }
      cells.push_back(fmt::format("{}", sum));
      t.add_row(std::move(cells));
    }
    std::vector<Inline> total = {Inline().strong(tr(thai, "รวม", "total"))};
    for (Carrier cr : carrier_order) total.push_back(Inline().strong(fmt::format("{}", col[cr])));
    total.push_back(Inline().strong(fmt::format("{}", rows.size())));
    t.add_row(std::move(total));
    doc.table(std::move(t)).css_class = "whole by-carrier";
  }
  doc.heading(3, tr(thai, "จำแนกตามหมู่บ้าน", "By village"));
  {
    Table t({tr(thai, "หมู่บ้าน", "village"), tr(thai, "จำนวนโครงการ", "projects"), tr(thai, "ลำดับสูงสุด", "best rank")},
            {Align::left, Align::right, Align::right});
    std::map<int, std::pair<long, long>> per;  // village -> count, best rank
    for (const auto& r : rows) {
      if (!r.plan) continue;
      auto& e = per[r.plan->village];
      if (e.first == 0 || r.ip->rank < e.second) e.second = r.ip->rank;
      ++e.first;
    }
    if (c) {
      for (const auto& v : c->villages) {
        auto it = per.find(v.no);
        t.add_row({place_names(village_label(ws, v.no, thai)), fmt::format("{}", it == per.end() ? 0 : it->second.first),
                   it == per.end() ? std::string("-") : fmt::format("{}", it->second.second)});
      }
    }
    doc.table(std::move(t)).css_class = "whole";
  }

  // 3. The ranked list
  doc.heading(2, tr(thai, "ส่วนที่ 3 บัญชีโครงการเรียงตามลำดับความสำคัญ", "Part 3. The projects by rank"));
  doc.table(ranked_table(ws, rows, thai, true));

  // 4. One section per carrier
  int part = 4;
  for (Carrier cr : carrier_order) {
    std::vector<Resolved> mine;
    for (const auto& r : rows) {
      if (r.ip->carrier == cr) mine.push_back(r);
    }
    // What goes to one recipient starts its own page; "no project" does not.
    if (!mine.empty()) doc.page_break();
    std::string title;
    switch (cr) {
    case Carrier::lao:
      title = thai ? fmt::format("ส่วนที่ {} โครงการที่เสนอ{}ดำเนินการ (อยู่ในอำนาจหน้าที่)", part, lao)
                   : fmt::format("Part {}. For {} (within its authority)", part, lao);
      break;
    case Carrier::agency:
      title = thai ? fmt::format("ส่วนที่ {} โครงการที่เสนอหน่วยงานอื่น (ผ่านที่ว่าการอำเภอ{})", part, district)
                   : fmt::format("Part {}. For other agencies (through the district office of {})", part, district);
      break;
    case Carrier::joint:
      title = thai ? fmt::format("ส่วนที่ {} โครงการที่หมู่บ้านร่วมดำเนินการกับหน่วยงาน", part)
                   : fmt::format("Part {}. Carried jointly", part);
      break;
    case Carrier::village:
      title = thai ? fmt::format("ส่วนที่ {} โครงการที่หมู่บ้านดำเนินการเอง", part)
                   : fmt::format("Part {}. Carried by the villages themselves", part);
      break;
    }
    ++part;
    doc.heading(2, place_names(title));
    if (mine.empty()) {
      doc.paragraph(tr(thai, "ไม่มีโครงการ", "No project."));
      continue;
    }
    if (cr == Carrier::agency) {
      std::map<std::string, std::vector<Resolved>> by_agency;
      for (const auto& r : mine) by_agency[r.ip->agency].push_back(r);
      for (const auto& [agency, list] : by_agency) {
        doc.heading(3, place_names(agency.empty() ? std::string(tr(thai, "(ไม่ระบุหน่วยงาน)", "(no agency named)")) : agency));
        doc.table(ranked_table(ws, list, thai, false));
      }
    } else {
      doc.table(ranked_table(ws, mine, thai, cr == Carrier::joint));
    }
    Money sum;
    for (const auto& r : mine) {
      if (r.project) sum.satang += r.project->budget.satang;
    }
    doc.paragraph(fmt::format("{} {} {} {} {}", tr(thai, "รวม", "In all"), mine.size(), tr(thai, "โครงการ งบประมาณ", "projects, budget"),
                              format_money(sum), tr(thai, "บาท", "baht")))
      .css_class = "total";
  }

  // Sign-off
  Doc sign;
  sign.paragraph(Inline()
                   .text("(ลงชื่อ) ........................................ ")
                   .keep(tr(thai, "ผู้จัดทำ", "prepared by"))
                   .br()
                   .keep("(........................................)")
                   .br()
                   .keep(thai ? "ประธาน ศอช.ต." + sub : "Chair, ศอช.ต. " + sub));
  doc.division("signature", std::move(sign));
  if (o.thai_digits) to_thai_digits(doc);
  return doc;
}

// The ranked tables: the project's name takes the width, the village and the
// carrier what their kept names need.
const char* const book_css =
  ".cover { text-align: center; margin-top: 6cm; }\n"
  ".cover h1 { font-size: 24pt; }\n"
  ".cover ul { list-style: none; padding: 0; }\n"
  ".cover .copy { margin-top: 2cm; font-size: 18pt; }\n"
  ".signature { break-inside: avoid; page-break-inside: avoid; margin: 2em 0 0 45%; text-align: center; }\n"
  ".signature p { margin: 0; }\n"
  ".ranked th:nth-child(1) { width: 7%; } .ranked th:nth-child(2) { width: 17%; }\n"
  ".ranked th:nth-child(3) { width: 35%; } .ranked th:nth-child(4) { width: 15%; }\n"
  ".ranked th:nth-child(5) { width: 13%; } .ranked th:nth-child(6) { width: 13%; }\n"
  ".ranked.no-carrier th:nth-child(3) { width: 43%; } .ranked.no-carrier th:nth-child(4) { width: 20%; }\n"
  ".ranked.no-carrier th:nth-child(5) { width: 13%; }\n"
  // The carriers' columns wide enough for ดำเนินการ whole.
  ".by-carrier th:first-child { width: 30%; } .by-carrier th { width: 16%; } .by-carrier th:last-child { width: 6%; }\n";

}  // namespace kudrang
