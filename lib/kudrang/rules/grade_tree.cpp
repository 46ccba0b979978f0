#include "kudrang/rules/grade_tree.hpp"

#include "kudrang/records/binary_io.hpp"
#include "kudrang/records/fact_cache.hpp"

#include <algorithm>
#include <tuple>

namespace kudrang {

using namespace binary;

// The fields that travel, in namespace kudrang for binary_io's lookup.
template <class A>
void io(A& a, Ratio& r) { fields(a, r.num, r.den); }
template <class A>
void io(A& a, CriterionResult& c) { fields(a, c.no, c.met, c.evidence, c.ratio, c.threshold, c.needed, c.self_in_action); }

namespace {

// The cache key of a workspace's grades for one review-year filter.
std::string grades_key(const std::string& display, std::optional<int> year)
{
  return FactCache::result_key(year ? "grades " + std::to_string(*year) : "grades", display);
}

template <class A>
void io_grades(A& a, WorkspaceGrades& g)
{
  size_t n = g.grades.size();
  if (!a.count(n)) return;
  if constexpr (A::reading) {
    g.grades.resize(n);
    g.plans.resize(n);
  }
  for (size_t i = 0; i < n; ++i) {
    PlanGrade& pg = g.grades[i];
    CommunityPlan& p = g.plans[i];
    fields(a, p.id, p.village, p.year, pg.file, pg.workspace, pg.village_name, pg.met, pg.grade);
    for (auto& c : pg.criteria) io(a, c);
    pg.plan = &p;
  }
}

}  // namespace

void encode_grades(const WorkspaceGrades& g, std::string& out)
{
  Writer w(out);
  io_grades(w, const_cast<WorkspaceGrades&>(g));  // the writer only reads
}

bool decode_grades(std::string_view in, WorkspaceGrades& out)
{
  Reader r(in);
  WorkspaceGrades g;
  io_grades(r, g);
  if (!r.ok || !r.rest().empty()) return false;
  out = std::move(g);
  return true;
}

WorkspaceGrades grade_workspace(const Workspace& ws, std::optional<int> year)
{
  WorkspaceGrades out;
  AdoptionEvidence evidence = adoption_evidence(ws);
  const GradeThresholds& t = ws.grade_criteria().grade;
  std::vector<const Record<CommunityPlan>*> plans;
  for (const auto& rec : ws.plans) {
    if (!year || rec.value.year == *year) plans.push_back(&rec);
  }
  std::stable_sort(plans.begin(), plans.end(), [](const auto* a, const auto* b) {
    return std::tie(a->value.year, a->value.village, a->value.id) < std::tie(b->value.year, b->value.village, b->value.id);
  });
  for (const auto* rec : plans) {
    const CommunityPlan& p = rec->value;
    PlanGrade pg = grade_plan(p, t, evidence);
    pg.file = rec->file;
    pg.workspace = ws.display;
    if (ws.has_config) {
      if (const Village* v = ws.config.value.village(p.village)) pg.village_name = v->name;
    }
    CommunityPlan& slim = out.plans.emplace_back();
    slim.id = p.id;
    slim.id_mark = p.id_mark;
    slim.village = p.village;
    slim.village_mark = p.village_mark;
    slim.year = p.year;
    pg.plan = &slim;
    out.grades.push_back(std::move(pg));
  }
  return out;
}

GradeCollector::GradeCollector(const FileTree& files, FactCache* cache, std::optional<int> year)
  : m_files(files), m_cache(cache), m_year(year), m_by_workspace(files.workspaces.size()),
    m_from_cache(files.workspaces.size(), 0)
{
}

bool GradeCollector::needs(size_t w, const Digest& inputs, bool settled)
{
  if (!m_cache || !settled) return true;
  std::string key = grades_key(m_files.workspace_displays[w], m_year);
  auto e = m_cache->entry(key);
  if (!e || e->content_digest != inputs) return true;
  auto bytes = m_cache->payload(*e);
  if (!bytes || !decode_grades(*bytes, m_by_workspace[w])) return true;
  m_from_cache[w] = 1;
  return false;
}

void GradeCollector::visit(size_t w, const Workspace& ws, const Digest& inputs)
{
  if (m_from_cache[w]) return;  // loaded for its validation only
  m_by_workspace[w] = grade_workspace(ws, m_year);
  if (m_cache) {
    std::string bytes;
    encode_grades(m_by_workspace[w], bytes);
    m_cache->remember_payload(grades_key(m_files.workspace_displays[w], m_year), inputs, bytes);
  }
}

std::vector<PlanGrade> GradeCollector::grades() const
{
  std::vector<PlanGrade> out;
  for (const auto& g : m_by_workspace) out.insert(out.end(), g.grades.begin(), g.grades.end());
  return out;
}

}  // namespace kudrang
