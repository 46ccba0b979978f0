#include "kudrang/pipeline/codecs.hpp"

#include "kudrang/records/binary_io.hpp"
#include "kudrang/records/record_codec.hpp"

namespace kudrang::binary {
// Found through the reader's and writer's namespace (std::pair has no other).
template <class A, class T, class U>
void io(A& a, std::pair<T, U>& p)
{
  fields(a, p.first, p.second);
}
}  // namespace kudrang::binary

namespace kudrang {

using namespace binary;

// The fields that travel, in namespace kudrang for binary_io's lookup.
template <class A>
void io(A& a, Date& d) { fields(a, d.year, d.month, d.day); }
template <class A>
void io(A& a, Ratio& r) { fields(a, r.num, r.den); }
template <class A>
void io(A& a, CriterionResult& c) { fields(a, c.no, c.met, c.evidence, c.ratio, c.threshold, c.needed, c.self_in_action, c.lao_from_start, c.budget_missing); }
template <class A>
void io(A& a, WorkspaceInfo& i) { fields(a, i.workspace, i.code, i.name, i.locale); }
template <class A>
void io(A& a, Mark& m) { fields(a, m.line, m.column); }
template <class A>
void io(A& a, PendingMeeting& p) { fields(a, p.file, p.mark, p.id, p.date, p.invited); }
template <class A>
void io(A& a, AreaScore& s) { fields(a, s.id, s.name, s.score, s.max, s.missing); }
template <class A>
void io(A& a, CertificationResult& c)
{
  fields(a, c.plan, c.criteria, c.date, c.plan_year, c.criteria_found, c.file, c.workspace, c.total, c.pass, c.certified, c.complete,
         c.areas);
}
template <class A>
void io(A& a, IntegrationRule& r) { fields(a, r.id, r.ratio, r.threshold, r.met, r.needed); }
template <class A>
void io(A& a, SuccessStep& s) { fields(a, s.level, s.met, s.declared, s.ratio, s.threshold, s.failing); }
template <class A>
void io(A& a, GradeDistribution& d) { fields(a, d.a, d.b, d.c, d.none); }
template <class A>
void io(A& a, MonthHeld& m) { fields(a, m.year, m.month, m.held); }
template <class A>
void io(A& a, VillageAttendance& v)
{
  fields(a, v.no, v.name, v.meetings_present);
  for (auto& m : v.by_month) io(a, m);
}
template <class A>
void io(A& a, SectorAttendance& s) { fields(a, s.sector, s.present, s.possible); }
template <class A>
void io(A& a, SummaryRow& r)
{
  fields(a, r.year, r.meetings_held, r.meetings_target, r.grades, r.certified, r.assessed, r.rules, r.level, r.subdistrict,
         r.district_code, r.district, r.province_code, r.province, r.villages, r.without_plan, r.budget_entered, r.as_of);
}

namespace {

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
template <class A>
void io_integration(A& a, IntegrationResult& r)
{
  fields(a, r.year, r.target_year, r.rules, r.has_budget, r.from_integrated, r.by_priority, r.forum_dimensions);
}
template <class A>
void io_levels(A& a, SuccessLevels& l)
{
  fields(a, l.year, l.reached, l.steps, l.from_integrated, l.villages, l.without_plan, l.budget_missing, l.short_projects,
         l.money_elsewhere, l.elsewhere_in_ldp30);
}
template <class A>
void io_meetings(A& a, MeetingReport& m)
{
  fields(a, m.fiscal_year, m.target, m.held, m.missing_months, m.villages, m.sectors, m.cancelled);
  for (auto& month : m.months) io(a, month);
}

// Writes with `walk`, which only reads what it is given.
template <class T, class Walk>
void encode_with(const T& v, std::string& out, Walk walk)
{
  Writer w(out);
  walk(w, const_cast<T&>(v));
}

template <class T, class Walk>
bool decode_with(std::string_view& in, T& v, Walk walk)
{
  Reader r(in);
  T got{};
  walk(r, got);
  if (!r.ok) return false;
  v = std::move(got);
  in = r.rest();
  return true;
}

}  // namespace

#define KUDRANG_CODEC(T, WALK)                                                          \
  void encode_partial(const T& v, std::string& out)                                   \
  {                                                                                   \
    encode_with(v, out, [](auto& a, T& x) { WALK; });                                 \
  }                                                                                   \
  bool decode_partial(std::string_view& in, T& v)                                     \
  {                                                                                   \
    return decode_with(in, v, [](auto& a, T& x) { WALK; });                           \
  }

KUDRANG_CODEC(WorkspaceInfo, io(a, x))
KUDRANG_CODEC(std::vector<PendingMeeting>, io(a, x))
KUDRANG_CODEC(WorkspaceGrades, io_grades(a, x))
KUDRANG_CODEC(std::vector<CertificationResult>, io(a, x))
KUDRANG_CODEC(IntegrationResult, io_integration(a, x))
KUDRANG_CODEC(SuccessLevels, io_levels(a, x))
KUDRANG_CODEC(MeetingReport, io_meetings(a, x))
KUDRANG_CODEC(SummaryRow, io(a, x))

#undef KUDRANG_CODEC

void encode_partial(const std::vector<Diagnostic>& v, std::string& out) { encode_diagnostics(v, out); }
bool decode_partial(std::string_view& in, std::vector<Diagnostic>& v) { return decode_diagnostics(in, v); }

}  // namespace kudrang
