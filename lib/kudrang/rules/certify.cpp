#include "kudrang/rules/certify.hpp"

namespace kudrang {

CertificationResult certify(const Certification& c, const Criteria* criteria)
{
  CertificationResult r;
  r.certification = &c;
  r.criteria = criteria;
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

}  // namespace kudrang
