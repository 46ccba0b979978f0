#include "kudrang/records/record_codec.hpp"

#include "kudrang/records/binary_io.hpp"

#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <vector>

namespace kudrang {

// The fields of each record type, in namespace kudrang so that the
// containers of binary_io find them by argument-dependent lookup.
using namespace binary;

template <class A>
void io(A& a, Mark& m) { fields(a, m.line, m.column); }
template <class A>
void io(A& a, Date& d) { fields(a, d.year, d.month, d.day); }
template <class A>
void io(A& a, Money& m) { fields(a, m.satang); }
template <class A, class T>
void io(A& a, Located<T>& l) { fields(a, l.value, l.mark); }
template <class A>
void io(A& a, YearRange& y) { fields(a, y.from, y.to, y.mark); }
template <class A>
void io(A& a, LoadLimits& l) { fields(a, l.max_bytes, l.max_depth, l.max_nodes); }
template <class A>
void io(A& a, Diagnostic& d) { fields(a, d.mark, d.severity, d.code, d.message); }

// workspace
template <class A>
void io(A& a, Village& v) { fields(a, v.no, v.name, v.code, v.mark); }
template <class A>
void io(A& a, Holiday& h) { fields(a, h.date, h.name, h.mark); }
template <class A>
void io(A& a, Fraction& f) { fields(a, f.num, f.den); }
template <class A>
void io(A& a, LetterConfig& l) { fields(a, l.emblem, l.number_prefix, l.office_address, l.unit, l.phone, l.fax, l.email); }
template <class A>
void io(A& a, WorkspaceConfig& w)
{
  fields(a, w.org_name, w.org_short, w.org_type, w.province, w.district, w.subdistrict, w.area_code,
         w.area_code_mark, w.villages, w.council_name, w.council_venue, w.meetings_per_year, w.quorum, w.locale,
         w.holidays, w.letter, w.limits);
}
// roster
template <class A>
void io(A& a, Member& m) { fields(a, m.id, m.mark, m.name, m.role, m.sector, m.village, m.village_mark, m.from, m.until); }
template <class A>
void io(A& a, Roster& r) { fields(a, r.members); }
// meeting
template <class A>
void io(A& a, AttendanceEntry& e) { fields(a, e.id, e.mark, e.reason); }
template <class A>
void io(A& a, Guest& g) { fields(a, g.name, g.organization, g.position); }
template <class A>
void io(A& a, AgendaItem& i) { fields(a, i.no, i.mark, i.title, i.notes, i.resolution); }
template <class A>
void io(A& a, Meeting& m)
{
  fields(a, m.id, m.id_mark, m.project, m.title, m.status, m.date, m.start, m.end, m.end_mark, m.venue, m.chair,
         m.recorder, m.checker, m.has_attendance, m.attendance_mark, m.present, m.excused, m.absent, m.guests,
         m.agenda, m.note);
}
// project
template <class A>
void io(A& a, ProjectIndicator& i) { fields(a, i.text, i.measure, i.target); }
template <class A>
void io(A& a, Project& p)
{
  fields(a, p.ref, p.ref_mark, p.name, p.rationale, p.objectives, p.targets, p.location, p.methods, p.period,
         p.budget, p.budget_source, p.responsible, p.indicators, p.outcome);
}
// community plan
template <class A>
void io(A& a, PlanProject& p)
{
  fields(a, p.id, p.mark, p.name, p.dimension, p.category, p.agency, p.agency_plan, p.budget, p.priority, p.status);
}
template <class A>
void io(A& a, CommunityPlan& p)
{
  fields(a, p.id, p.id_mark, p.village, p.village_mark, p.year, p.period, p.reviewed, p.households_total,
         p.households_participating, p.households_self_analysis, p.data_sources, p.published, p.lao_from_start,
         p.lao_adopted, p.sufficiency_economy, p.book, p.projects);
}
// certification
template <class A>
void io(A& a, Score& s) { fields(a, s.indicator, s.mark, s.points); }
template <class A>
void io(A& a, Certification& c) { fields(a, c.plan, c.criteria, c.date, c.committee, c.scores, c.scores_mark); }
// criteria
template <class A>
void io(A& a, Indicator& i) { fields(a, i.id, i.mark, i.max, i.text); }
template <class A>
void io(A& a, Area& ar) { fields(a, ar.id, ar.mark, ar.name, ar.points, ar.indicators); }
template <class A>
void io(A& a, GradeThresholds& g) { fields(a, g.self_analysis, g.participation, g.self_reliance); }
template <class A>
void io(A& a, Criteria& c) { fields(a, c.id, c.id_mark, c.pass, c.areas, c.grade, c.builtin, c.note); }
// development plan
template <class A>
void io(A& a, SourceRef& s) { fields(a, s.plan, s.project, s.mark); }
template <class A>
void io(A& a, DevProject& p)
{
  fields(a, p.id, p.mark, p.name, p.strategy, p.objective, p.target, p.kpi, p.outcome, p.agency, p.budget,
         p.budget_mark, p.sources);
}
template <class A>
void io(A& a, DevelopmentPlan& d) { fields(a, d.id, d.id_mark, d.period, d.projects); }
// budget
template <class A>
void io(A& a, BudgetLine& l) { fields(a, l.id, l.mark, l.name, l.amount, l.project); }
template <class A>
void io(A& a, Budget& b) { fields(a, b.year, b.year_mark, b.stage, b.lines); }
// integrated plan
template <class A>
void io(A& a, IntegratedProject& p)
{
  fields(a, p.plan, p.project, p.mark, p.rank, p.rank_mark, p.carrier, p.agency, p.agency_plan, p.note);
}
template <class A>
void io(A& a, ForumParticipants& f) { fields(a, f.village, f.mark, f.count); }
template <class A>
void io(A& a, WorkingGroupMember& m) { fields(a, m.name, m.position, m.side); }
template <class A>
void io(A& a, WorkingGroup& g) { fields(a, g.present, g.mark, g.order_no, g.order_date, g.appointed_by, g.members); }
template <class A>
void io(A& a, IntegratedPlan& p)
{
  fields(a, p.id, p.id_mark, p.year, p.year_mark, p.date, p.date_mark, p.venue, p.organisers, p.participants,
         p.data_sources, p.working_group, p.projects, p.projects_mark);
}

namespace {

// The variant's alternative by index, read or written.
template <class A, size_t I = 1>
void io_value(A& a, size_t index, RecordValue& v)
{
  if constexpr (I < std::variant_size_v<RecordValue>) {
    if (index == I) {
      if constexpr (A::reading) v.template emplace<I>();
      io(a, std::get<I>(v));
      return;
    }
    io_value<A, I + 1>(a, index, v);
  }
}

}  // namespace

void encode_diagnostics(const std::vector<Diagnostic>& list, std::string& out)
{
  Writer w(out);
  auto& l = const_cast<std::vector<Diagnostic>&>(list);  // the writer only reads
  size_t n = l.size();
  w.count(n);
  for (auto& d : l) {
    io(w, d.file);
    io(w, d);
  }
}

bool decode_diagnostics(std::string_view& in, std::vector<Diagnostic>& out)
{
  Reader r(in);
  size_t n = 0;
  if (!r.count(n)) return false;
  std::vector<Diagnostic> list(n);
  for (auto& d : list) {
    io(r, d.file);
    io(r, d);
  }
  if (!r.ok) return false;
  out = std::move(list);
  in = r.rest();
  return true;
}

void encode_record(const ParsedRecord& r, std::string& out)
{
  Writer w(out);
  auto& rec = const_cast<ParsedRecord&>(r);  // the writer only reads
  io(w, rec.kind);
  io(w, rec.diagnostics);
  size_t index = rec.value.index();
  w.count(index);
  io_value(w, index, rec.value);
}

bool decode_record(std::string_view& in, const std::string& display, ParsedRecord& out)
{
  Reader r(in);
  io(r, out.kind);
  io(r, out.diagnostics);
  size_t index = 0;
  if (!r.count(index) || index >= std::variant_size_v<RecordValue>) return false;
  io_value(r, index, out.value);
  if (!r.ok) return false;
  for (auto& d : out.diagnostics) d.file = display;
  in = r.rest();
  return true;
}

}  // namespace kudrang
