#include "kudrang/rules/year_summary.hpp"

#include "kudrang/core/areas.hpp"

namespace kudrang {

YearSummary summarize_year(const Workspace& ws, int year)
{
  YearSummary s;
  s.workspace = &ws;
  s.year = year;
  s.meetings = meeting_report(ws, year);
  s.graded = grade_workspace(ws, year);
  for (const auto& g : s.graded.grades) s.distribution.add(g.grade);
  for (const auto& rec : ws.certifications) {
    const CommunityPlan* p = ws.plan(rec.value.plan.value);
    if (!p || p->year != year) continue;
    CertificationResult r = certify(rec.value, ws.criteria_set(rec.value.criteria.value));
    r.file = rec.file;
    s.certifications.push_back(std::move(r));
  }
  s.integration = check_integration(ws, year);
  s.levels = success_levels(ws, year);
  auto later = [&](const Date& d) {
    if (!s.as_of || *s.as_of < d) s.as_of = d;
  };
  for (const auto& rec : ws.meetings) {
    const Meeting& m = rec.value;
    if (m.date && m.status == MeetingStatus::held && fiscal_year_of(m.date->value) == year) later(m.date->value);
  }
  for (const auto& rec : ws.plans) {
    if (rec.value.year == year && rec.value.reviewed) later(*rec.value.reviewed);
  }
  for (const auto& rec : ws.certifications) {
    const CommunityPlan* p = ws.plan(rec.value.plan.value);
    if (p && p->year == year && rec.value.date) later(*rec.value.date);
  }
  return s;
}

SummaryRow summary_row(const YearSummary& s)
{
  SummaryRow r;
  r.year = s.year;
  r.meetings_held = s.meetings.held;
  r.meetings_target = s.meetings.target;
  r.grades = s.distribution;
  r.assessed = static_cast<long>(s.certifications.size());
  for (const auto& c : s.certifications) r.certified += c.certified ? 1 : 0;
  r.rules = s.integration.rules;
  r.level = s.levels.reached;
  r.villages = s.levels.villages;
  r.without_plan = static_cast<long>(s.levels.without_plan.size());
  r.budget_entered = !s.levels.budget_missing;
  r.as_of = s.as_of;
  if (s.workspace && s.workspace->has_config) {
    const WorkspaceConfig& c = s.workspace->config.value;
    r.subdistrict = c.subdistrict;
    r.district = c.district;
    r.province = c.province;
    std::string code = c.area_code.substr(0, std::min<size_t>(6, c.area_code.size()));
    if (auto a = find_area(code)) {
      r.subdistrict = a->subdistrict_th;
      r.district = a->district_th;
      r.province = a->province_th;
    }
    if (code.size() == 6) {
      r.district_code = code.substr(0, 4);
      r.province_code = code.substr(0, 2);
    }
  }
  return r;
}

const IntegrationRule* find_rule(const SummaryRow& row, std::string_view id)
{
  for (const auto& x : row.rules) {
    if (x.id == id) return &x;
  }
  return nullptr;
}

bool model_lao(const SummaryRow& row)
{
  const IntegrationRule* ldp = find_rule(row, "ldp-30");
  const IntegrationRule* budget = find_rule(row, "budget-20");
  return ldp && budget && ldp->met && budget->met;
}

void add_summary_row(SummaryRow& total, const SummaryRow& part)
{
  total.year = part.year;
  total.meetings_held += part.meetings_held;
  total.meetings_target += part.meetings_target;
  total.grades.a += part.grades.a;
  total.grades.b += part.grades.b;
  total.grades.c += part.grades.c;
  total.grades.none += part.grades.none;
  total.certified += part.certified;
  total.assessed += part.assessed;
  IntegrationResult sum, one;
  sum.rules = std::move(total.rules);
  one.rules = part.rules;
  add_integration(sum, one);
  total.rules = std::move(sum.rules);
  total.level = 0;  // a tree reaches no level: its workspaces do (the rows say which)
  total.villages += part.villages;
  total.without_plan += part.without_plan;
  total.budget_entered = total.budget_entered && part.budget_entered;
  if (part.as_of && (!total.as_of || *total.as_of < *part.as_of)) total.as_of = part.as_of;
}

}  // namespace kudrang
