#include "kudrang/render/report_workbooks.hpp"

#include <fmt/format.h>

#include <map>

namespace kudrang {

namespace {

using C = XlsxCell;

C ratio_percent(const Ratio& r) { return C::percent(r.num, r.den); }

std::string month_label(int ce_year, int month)
{
  // "ต.ค. 62": a Thai month and short BE year, which Excel keeps as text.
  return fmt::format("{} {:02}", thai_month_abbrev(month), (ce_year + be_offset) % 100);
}

C met_cell(bool met) { return C::of(met ? "ผ่าน" : "ไม่ผ่าน"); }

}  // namespace

XlsxBook grades_workbook(const GradeReport& r)
{
  XlsxBook book;
  XlsxSheet s;
  s.name = "เกรด";
  s.headers = {"แผน", "หมู่ที่", "หมู่บ้าน", "ปี", "เกรด", "ผ่านกี่ข้อ"};
  if (r.many_workspaces) s.headers.insert(s.headers.begin(), "พื้นที่");
  for (int i = 1; i <= 6; ++i) s.headers.push_back(fmt::format("ข้อ {} {}", i, criterion_name(i, true)));
  s.headers.insert(s.headers.end(), {"ข้อ 1 ร้อยละ", "ข้อ 2 ร้อยละ", "ข้อ 5 ร้อยละ"});
  for (const auto& g : r.plans) {
    std::vector<C> row;
    if (r.many_workspaces) row.push_back(C::of(g.workspace));
    row.push_back(C::of(g.plan->id));
    row.push_back(C::integer(g.plan->village));
    row.push_back(C::of(g.village_name));
    row.push_back(C::integer(g.plan->year));
    row.push_back(C::of(g.grade ? std::string(1, *g.grade) : "ไม่ได้เกรด"));
    row.push_back(C::integer(g.met));
    for (const auto& c : g.criteria) row.push_back(met_cell(c.met));
    for (int i : {0, 1, 4}) row.push_back(g.criteria[static_cast<std::size_t>(i)].ratio ? ratio_percent(*g.criteria[static_cast<std::size_t>(i)].ratio) : C{});
    s.rows.push_back(std::move(row));
  }
  book.sheets.push_back(std::move(s));
  XlsxSheet d;
  d.name = "สรุป";
  d.headers = {"เกรด", "จำนวนแผน", "ร้อยละ"};
  const auto& x = r.distribution;
  long total = x.total();
  for (auto [label, n] : {std::pair<const char*, long>{"A (ดีมาก)", x.a}, {"B (ดี)", x.b}, {"C (พอใช้)", x.c}, {"ไม่ได้เกรด", x.none}})
    d.rows.push_back({C::of(label), C::integer(n), C::percent(n, total)});
  d.rows.push_back({C::of("รวม"), C::integer(total), C::percent(total, total)});
  book.sheets.push_back(std::move(d));
  return book;
}

XlsxBook certify_workbook(const CertifyReport& r)
{
  XlsxBook book;
  XlsxSheet s;
  s.name = "รับรอง";
  s.headers = {"แผน", "เกณฑ์", "วันที่ประเมิน", "คะแนนรวม", "เกณฑ์ผ่าน", "ผลการรับรอง", "ให้คะแนนครบ"};
  if (r.many_workspaces) s.headers.insert(s.headers.begin(), "พื้นที่");
  XlsxSheet a;
  a.name = "คะแนนรายด้าน";
  a.headers = {"แผน", "ด้าน", "ชื่อด้าน", "คะแนน", "คะแนนเต็ม", "ร้อยละ"};
  for (const auto& c : r.results) {
    std::vector<C> row;
    if (r.many_workspaces) row.push_back(C::of(c.workspace));
    row.push_back(C::of(c.plan));
    row.push_back(C::of(c.criteria));
    row.push_back(c.date ? C::day(*c.date) : C{});
    row.push_back(C::integer(c.total));
    row.push_back(C::integer(c.pass));
    row.push_back(C::of(c.certified ? "ผ่านการรับรอง" : "ไม่ผ่าน"));
    row.push_back(C::of(c.complete ? "ครบ" : "ไม่ครบ"));
    s.rows.push_back(std::move(row));
    for (const auto& area : c.areas)
      a.rows.push_back({C::of(c.plan), C::of(area.id), C::of(area.name), C::integer(area.score),
                        C::integer(area.max), C::percent(area.score, area.max)});
  }
  book.sheets.push_back(std::move(s));
  book.sheets.push_back(std::move(a));
  return book;
}

XlsxBook integration_workbook(const IntegrationReport& r)
{
  XlsxBook book;
  const IntegrationResult& t = r.total;
  XlsxSheet rules;
  rules.name = "เกณฑ์";
  rules.title = {fmt::format("การบูรณาการแผนชุมชนปี {} สู่แผนพัฒนาท้องถิ่นและงบประมาณปี {}", t.year, t.target_year)};
  rules.headers = {"เกณฑ์", "รหัส", "ผ่าน", "จำนวนที่ผ่าน", "จำนวนทั้งหมด", "ร้อยละ", "เกณฑ์ร้อยละ", "ขาดอีก"};
  for (const auto& rule : t.rules)
    rules.rows.push_back({C::of(integration_rule_name(rule.id, true)), C::of(rule.id), met_cell(rule.met),
                          C::integer(rule.ratio.num), C::integer(rule.ratio.den), ratio_percent(rule.ratio),
                          C::percent(rule.threshold, 100), C::integer(rule.needed)});
  book.sheets.push_back(std::move(rules));
  XlsxSheet p;
  p.name = "โครงการ";
  p.headers = {"แผน", "หมู่ที่", "โครงการ", "ชื่อโครงการ", "ลำดับความสำคัญ", "งบประมาณที่ขอ (บาท)", "อยู่ในแผนพัฒนาท้องถิ่น",
               "อยู่ในข้อบัญญัติงบประมาณ", "โครงการในแผนพัฒนา"};
  // The project lists come with one workspace's full result (r.detail); at a
  // root of many the rules are summed and the lists stay per workspace.
  static const IntegrationResult none;
  const IntegrationResult& d = r.detail ? *r.detail : none;
  for (const auto& e : d.eligible) {
    std::string dev;
    for (const auto* dp : e.dev_projects) dev += (dev.empty() ? "" : ", ") + dp->id;
    p.rows.push_back({C::of(e.plan->id), C::integer(e.plan->village), C::of(e.project->id), C::of(e.project->name),
                      e.project->priority ? C::integer(e.project->priority) : C{},
                      C::baht(e.project->budget), C::of(e.in_ldp ? "ใช่" : "ไม่ใช่"),
                      C::of(e.in_budget ? "ใช่" : "ไม่ใช่"), C::of(dev)});
  }
  book.sheets.push_back(std::move(p));
  XlsxSheet plans;
  plans.name = "แผนชุมชน";
  plans.headers = {"แผน", "หมู่ที่", "โครงการทำเอง", "โครงการทั้งหมด", "ร้อยละทำเอง", "จำนวนด้าน"};
  for (const auto& pc : d.plans)
    plans.rows.push_back({C::of(pc.plan->id), C::integer(pc.plan->village), C::integer(pc.self.num),
                          C::integer(pc.self.den), ratio_percent(pc.self), C::integer(pc.dimensions)});
  book.sheets.push_back(std::move(plans));
  return book;
}

XlsxBook meeting_report_workbook(const MeetingReport& r)
{
  XlsxBook book;
  XlsxSheet m;
  m.name = "การประชุม";
  m.title = {fmt::format("การประชุมปีงบประมาณ {}: จัดแล้ว {} ครั้ง จากเป้าหมาย {} ครั้ง", r.fiscal_year, r.held, r.target)};
  m.headers = {"ครั้งที่", "เรื่อง", "วันที่", "มาประชุม", "สมาชิก", "ร้อยละ", "ครบองค์ประชุม"};
  for (const auto& q : r.meetings)
    m.rows.push_back({C::of(q.meeting->id), C::of(q.meeting->title), q.meeting->date ? C::day(q.meeting->date->value) : C{},
                      C::integer(q.present), C::integer(q.members), C::percent(q.present, q.members),
                      C::of(q.reached ? "ครบ" : "ไม่ครบ")});
  book.sheets.push_back(std::move(m));
  XlsxSheet mem;
  mem.name = "สมาชิก";
  mem.headers = {"รหัส", "ชื่อ-สกุล", "ตำแหน่ง", "ภาคส่วน", "หมู่ที่", "มา", "ลา", "ขาด"};
  for (const auto& a : r.members)
    mem.rows.push_back({C::of(a.member->id), C::of(a.member->name), C::of(a.member->role), C::of(sector_thai(a.member->sector)),
                        a.member->village ? C::integer(*a.member->village) : C{}, C::integer(a.present),
                        C::integer(a.excused), C::integer(a.absent)});
  book.sheets.push_back(std::move(mem));
  XlsxSheet v;
  v.name = "หมู่บ้าน";
  v.headers = {"หมู่ที่", "หมู่บ้าน"};
  for (const auto& mh : r.months) v.headers.push_back(month_label(mh.year, mh.month));
  v.headers.push_back("รวม");
  for (const auto& va : r.villages) {
    std::vector<C> row{C::integer(va.no), C::of(va.name)};
    for (long n : va.by_month) row.push_back(C::integer(n));
    row.push_back(C::integer(va.meetings_present));
    v.rows.push_back(std::move(row));
  }
  book.sheets.push_back(std::move(v));
  XlsxSheet s;
  s.name = "ภาคส่วน";
  s.headers = {"ภาคส่วน", "มาประชุม (คน-ครั้ง)", "ควรมา (คน-ครั้ง)", "ร้อยละ"};
  for (const auto& sa : r.sectors)
    s.rows.push_back({C::of(sector_thai(sa.sector)), C::integer(sa.present), C::integer(sa.possible),
                      C::percent(sa.present, sa.possible)});
  book.sheets.push_back(std::move(s));
  XlsxSheet mo;
  mo.name = "เดือน";
  mo.headers = {"เดือน", "จัดประชุม (ครั้ง)"};
  for (const auto& mh : r.months) mo.rows.push_back({C::of(month_label(mh.year, mh.month)), C::integer(mh.held)});
  book.sheets.push_back(std::move(mo));
  return book;
}

XlsxBook levels_workbook(const SuccessLevels& l)
{
  static const char* names[] = {"สรุปสถานะแผนชุมชนและเผยแพร่อย่างน้อย 2 ช่องทาง", "จัดเวทีประชาคมทบทวนแผน",
                                "ดำเนินโครงการโดยไม่ใช้งบประมาณอย่างน้อย 2 โครงการ",
                                "เวทีตำบลพิจารณาอย่างน้อยหมู่บ้านละ 1 โครงการเข้าแผนพัฒนา",
                                "ร้อยละ 20 ของโครงการระดับ 4 ได้รับงบประมาณ/ร่วมดำเนินการ"};
  XlsxBook book;
  XlsxSheet s;
  s.name = "ระดับความสำเร็จ";
  s.title = {fmt::format("ระดับความสำเร็จปี {}: ถึงระดับ {}", l.year, l.reached)};
  s.headers = {"ระดับ", "เรื่อง", "ผ่าน", "จำนวนที่ผ่าน", "จำนวนทั้งหมด", "ร้อยละ", "เกณฑ์ร้อยละ", "ตามที่แจ้ง"};
  for (const auto& st : l.steps)
    s.rows.push_back({C::integer(st.level), C::of(st.level >= 1 && st.level <= 5 ? names[st.level - 1] : ""),
                      met_cell(st.met), C::integer(st.ratio.num), C::integer(st.ratio.den), ratio_percent(st.ratio),
                      C::percent(st.threshold, 100), C::of(st.declared ? "ใช่" : "")});
  book.sheets.push_back(std::move(s));
  return book;
}

XlsxBook devplan_workbook(const DevelopmentPlan& d)
{
  XlsxBook book;
  XlsxSheet p;
  p.name = "ผ.02";
  int from = d.period ? d.period->from : 0, to = d.period ? d.period->to : -1;
  p.title = {fmt::format("รายละเอียดโครงการพัฒนา แผนพัฒนาท้องถิ่น {} ({}-{})", d.id, from, to)};
  p.headers = {"ที่", "รหัส", "ยุทธศาสตร์", "โครงการ", "วัตถุประสงค์", "เป้าหมาย"};
  for (int y = from; y <= to; ++y) p.headers.push_back(fmt::format("งบประมาณ {} (บาท)", y));
  p.headers.insert(p.headers.end(), {"ตัวชี้วัด", "ผลที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบหลัก"});
  std::map<int, Money> totals;
  std::map<int, long> counts;
  long no = 0;
  for (const auto& x : d.projects) {
    std::vector<C> row{C::integer(++no), C::of(x.id), C::of(x.strategy), C::of(x.name), C::of(x.objective), C::of(x.target)};
    for (int y = from; y <= to; ++y) {
      auto it = x.budget.find(y);
      row.push_back(it == x.budget.end() ? C{} : C::baht(it->second));
      if (it != x.budget.end()) {
        totals[y] += it->second;
        ++counts[y];
      }
    }
    row.insert(row.end(), {C::of(x.kpi), C::of(x.outcome), C::of(x.agency)});
    p.rows.push_back(std::move(row));
  }
  book.sheets.push_back(std::move(p));
  XlsxSheet s;
  s.name = "ผ.01";
  s.headers = {"ปี", "จำนวนโครงการ", "งบประมาณ (บาท)"};
  for (int y = from; y <= to; ++y) s.rows.push_back({C::integer(y), C::integer(counts[y]), C::baht(totals[y])});
  book.sheets.push_back(std::move(s));
  return book;
}

}  // namespace kudrang
