#include "kudrang/rules/certify.hpp"

namespace kudrang {

CertificationResult certify(const Certification& c, const Criteria* criteria)
{
  CertificationResult r;
  r.plan = c.plan.value;
  r.criteria = c.criteria.value;
  r.date = c.date;
  r.criteria_found = criteria != nullptr;
  if (!criteria) {
    r.complete = false;
    return r;
  }
  r.pass = criteria->pass;
  for (const auto& area : criteria->areas) {
    AreaScore a{area.id, area.name, 0, area.points, {}};
    for (const auto& ind : area.indicators) {
      bool found = false;
      for (const auto& s : c.scores) {
        if (s.indicator == ind.id) {
          a.score += s.points;
          found = true;
          break;
        }
      }
      if (!found) {
        a.missing.emplace_back(ind.id, ind.max);
        r.complete = false;
      }
    }
    r.total += a.score;
    r.areas.push_back(std::move(a));
  }
  r.certified = r.complete && r.total >= r.pass;
  return r;
}

std::vector<CertificationResult> certify_workspace(const Workspace& ws, std::optional<int> year)
{
  std::vector<CertificationResult> out;
  for (const auto& rec : ws.certifications) {
    const Certification& c = rec.value;
    const CommunityPlan* p = ws.plan(c.plan.value);
    if (year && (!p || p->year != *year)) continue;
    CertificationResult res = certify(c, ws.criteria_set(c.criteria.value));
    if (p) res.plan_year = p->year;
    res.file = rec.file;
    res.workspace = ws.display;
    out.push_back(std::move(res));
  }
  return out;
}

}  // namespace kudrang
