#include "kudrang/pipeline/export_tables.hpp"

#include "kudrang/pipeline/codecs.hpp"
#include "kudrang/records/binary_io.hpp"
#include "kudrang/rules/certify.hpp"
#include "kudrang/rules/grade_workspace.hpp"
#include "kudrang/rules/integration.hpp"
#include "kudrang/rules/success_levels.hpp"

#include <set>

namespace kudrang {

namespace {

using T = ColumnType;

// The keys every table starts with.
std::vector<Column> keyed(std::vector<Column> rest)
{
  std::vector<Column> c = {{"lao_code", T::text, "area code of the LAO (kudrang.yaml area_code)"},
                           {"workspace", T::text, "the workspace's folder, relative to the tree root"}};
  c.insert(c.end(), rest.begin(), rest.end());
  return c;
}

Cell text(const std::string& s) { return s; }
Cell integer(int64_t n) { return n; }
Cell maybe_date(const std::optional<Date>& d) { return d ? Cell(iso_date(*d)) : Cell(); }

}  // namespace

const std::vector<TableSpec>& export_tables()
{
  static const std::vector<TableSpec> tables = {
    {"plans", keyed({{"plan", T::text, "community-plan id"},
                     {"village", T::integer, "village number (หมู่ที่)"},
                     {"year", T::integer, "review year, BE"},
                     {"grade", T::text, "A, B, C or empty (no grade)"},
                     {"met", T::integer, "criteria met, 0-6"},
                     {"file", T::text, "the record's path"}})},
    {"criteria", keyed({{"plan", T::text, "community-plan id"},
                        {"year", T::integer, "review year, BE"},
                        {"criterion", T::integer, "1-6"},
                        {"met", T::boolean, "whether it is met"},
                        {"evidence", T::text, "computed, verified or declared"},
                        {"numerator", T::integer, "counted (criteria 1, 2, 5)"},
                        {"denominator", T::integer, "out of (criteria 1, 2, 5)"},
                        {"threshold", T::integer, "percent (criteria 1, 2, 5)"}})},
    {"projects", keyed({{"plan", T::text, "community-plan id"},
                        {"year", T::integer, "review year, BE"},
                        {"project", T::text, "project id within the plan"},
                        {"name", T::text, "project name"},
                        {"dimension", T::text, "development dimension"},
                        {"category", T::text, "self, joint or support"},
                        {"agency", T::text, "who carries it out or supports it"},
                        {"budget_satang", T::integer, "money requested, in satang (1 baht = 100)"},
                        {"priority", T::integer, "1 = most urgent"},
                        {"status", T::text, "proposed, in-progress, done or dropped"}})},
    {"certifications", keyed({{"plan", T::text, "community-plan id"},
                              {"year", T::integer, "the plan's review year, BE"},
                              {"criteria", T::text, "criteria set id"},
                              {"date", T::text, "assessed, ISO date (CE)"},
                              {"total", T::integer, "score"},
                              {"pass", T::integer, "pass mark"},
                              {"certified", T::boolean, "scored in full and at or above the pass mark"}})},
    {"rules", keyed({{"year", T::integer, "review year Y, BE (the target year is Y+1)"},
                     {"rule", T::text, "ldp-30, budget-20, self-30 or dimensions-3"},
                     {"numerator", T::integer, "counted"},
                     {"denominator", T::integer, "out of"},
                     {"threshold", T::integer, "percent"},
                     {"met", T::boolean, "whether it is met"},
                     {"needed", T::integer, "fewest further items that would meet it"}})},
    {"levels", keyed({{"year", T::integer, "review year, BE"},
                      {"level", T::integer, "1-5 (KPI 1.1.2)"},
                      {"met", T::boolean, "whether the step is met"},
                      {"numerator", T::integer, "counted"},
                      {"denominator", T::integer, "out of"},
                      {"threshold", T::integer, "percent"},
                      {"reached", T::integer, "the level the workspace reaches that year, 0-5"}})},
    {"meetings", keyed({{"meeting", T::text, "meeting id"},
                        {"date", T::text, "ISO date (CE)"},
                        {"fiscal_year", T::integer, "fiscal year of the date, BE"},
                        {"status", T::text, "planned, invited, held or cancelled"},
                        {"present", T::integer, "members present"},
                        {"excused", T::integer, "members excused"},
                        {"absent", T::integer, "members absent"}})},
    {"attendance", keyed({{"meeting", T::text, "meeting id"},
                          {"member", T::text, "roster id"},
                          {"status", T::text, "present, excused or absent"},
                          {"reason", T::text, "the reason given, if any"}})},
  };
  return tables;
}

ExportRows export_rows(const Workspace& ws)
{
  ExportRows out;
  out.rows.resize(export_tables().size());
  auto& plans = out.rows[0];
  auto& criteria = out.rows[1];
  auto& projects = out.rows[2];
  auto& certifications = out.rows[3];
  auto& rules = out.rows[4];
  auto& levels = out.rows[5];
  auto& meetings = out.rows[6];
  auto& attendance = out.rows[7];
  std::string code = ws.has_config ? ws.config.value.area_code : std::string();
  auto key = [&](std::vector<Cell> rest) {
    std::vector<Cell> r = {text(code), text(ws.display)};
    r.insert(r.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    return r;
  };
  std::set<int> years;
  for (const auto& g : grade_workspace(ws, std::nullopt).grades) {
    const CommunityPlan& p = *g.plan;
    years.insert(p.year);
    plans.push_back(key({text(p.id), integer(p.village), integer(p.year), g.grade ? Cell(std::string(1, *g.grade)) : Cell(),
                         integer(g.met), text(g.file)}));
    for (const auto& c : g.criteria) {
      criteria.push_back(key({text(p.id), integer(p.year), integer(c.no), c.met, text(evidence_id(c.evidence)),
                              c.ratio ? Cell(int64_t{c.ratio->num}) : Cell(), c.ratio ? Cell(int64_t{c.ratio->den}) : Cell(),
                              c.threshold ? Cell(int64_t{*c.threshold}) : Cell()}));
    }
  }
  for (const auto& rec : ws.plans) {
    const CommunityPlan& p = rec.value;
    for (const auto& pp : p.projects) {
      projects.push_back(key({text(p.id), integer(p.year), text(pp.id), text(pp.name), text(pp.dimension),
                              text(category_id(pp.category)), text(pp.agency), integer(pp.budget.satang),
                              integer(pp.priority), text(plan_project_status_id(pp.status))}));
    }
  }
  for (const auto& c : certify_workspace(ws, std::nullopt)) {
    certifications.push_back(key({text(c.plan), c.plan_year ? Cell(int64_t{*c.plan_year}) : Cell(), text(c.criteria),
                                  maybe_date(c.date), integer(c.total), integer(c.pass), c.certified}));
  }
  for (int y : years) {
    for (const auto& r : check_integration(ws, y).rules) {
      rules.push_back(key({integer(y), text(r.id), integer(r.ratio.num), integer(r.ratio.den), integer(r.threshold), r.met,
                           integer(r.needed)}));
    }
    SuccessLevels l = success_levels(ws, y);
    for (const auto& s : l.steps) {
      levels.push_back(key({integer(y), integer(s.level), s.met, integer(s.ratio.num), integer(s.ratio.den),
                            integer(s.threshold), integer(l.reached)}));
    }
  }
  for (const auto& rec : ws.meetings) {
    const Meeting& m = rec.value;
    std::optional<Date> day = m.date ? std::optional<Date>(m.date->value) : std::nullopt;
    meetings.push_back(key({text(m.id), maybe_date(day), day ? Cell(int64_t{fiscal_year_of(*day)}) : Cell(),
                            text(meeting_status_id(m.status)), integer(static_cast<int64_t>(m.present.size())),
                            integer(static_cast<int64_t>(m.excused.size())),
                            integer(static_cast<int64_t>(m.absent.size()))}));
    for (auto [list, status] : {std::pair{&m.present, "present"}, {&m.excused, "excused"}, {&m.absent, "absent"}}) {
      for (const auto& e : *list) {
        attendance.push_back(key({text(m.id), text(e.id), text(status), e.reason.empty() ? Cell() : text(e.reason)}));
      }
    }
  }
  return out;
}

namespace {

template <class A>
void io_cell(A& a, Cell& c)
{
  uint8_t kind = static_cast<uint8_t>(c.index());
  binary::io(a, kind);
  if constexpr (A::reading) {
    switch (kind) {
    case 0: c = std::monostate{}; break;
    case 1: c = int64_t{0}; break;
    case 2: c = std::string(); break;
    case 3: c = false; break;
    default: a.ok = false; return;
    }
  }
  if (auto* n = std::get_if<int64_t>(&c)) binary::io(a, *n);
  else if (auto* s = std::get_if<std::string>(&c)) binary::io(a, *s);
  else if (auto* b = std::get_if<bool>(&c)) binary::io(a, *b);
}

template <class A>
void io_rows(A& a, ExportRows& r)
{
  size_t tables = r.rows.size();
  if (!a.count(tables)) return;
  if constexpr (A::reading) r.rows.resize(tables);
  for (auto& table : r.rows) {
    size_t n = table.size();
    if (!a.count(n)) return;
    if constexpr (A::reading) table.resize(n);
    for (auto& row : table) {
      size_t cells = row.size();
      if (!a.count(cells)) return;
      if constexpr (A::reading) row.resize(cells);
      for (auto& c : row) io_cell(a, c);
    }
  }
}

}  // namespace

void encode_partial(const ExportRows& v, std::string& out)
{
  binary::Writer w(out);
  io_rows(w, const_cast<ExportRows&>(v));  // the writer only reads
}

bool decode_partial(std::string_view& in, ExportRows& v)
{
  binary::Reader r(in);
  ExportRows got;
  io_rows(r, got);
  if (!r.ok) return false;
  v = std::move(got);
  in = r.rest();
  return true;
}

std::unique_ptr<StageBase> export_stage(std::function<void(const WorkspaceInfo&, ExportRows&&)> fold)
{
  return std::make_unique<Stage<ExportRows>>("export v2", &export_rows, std::move(fold), &encode_whole<ExportRows>,
                                             &decode_whole<ExportRows>);
}

}  // namespace kudrang
