#include "kudrang/rules/project_status.hpp"

#include <set>

namespace kudrang {

ProjectStatus project_status(const Workspace& ws, const Project& p, int fy)
{
  ProjectStatus s;
  s.project = &p;
  s.fiscal_year = fy;
  s.in_period = !p.period || p.period->contains(fy);
  long held = 0;
  std::set<int> villages;
  for (const auto& rec : ws.meetings) {
    const Meeting& m = rec.value;
    if (m.status != MeetingStatus::held || !m.date || fiscal_year_of(m.date->value) != fy) continue;
    if (!m.project || m.project->value != p.ref) continue;
    ++held;
    for (const auto& e : m.present) {
      const Member* mem = ws.member(e.id);
      if (mem && mem->village && ws.has_config && ws.config.value.village(*mem->village)) villages.insert(*mem->village);
    }
  }
  for (const auto& ind : p.indicators) {
    IndicatorStatus is{&ind, std::nullopt, false};
    if (ind.measure == "meetings-held") is.value = held;
    else if (ind.measure == "villages-present") is.value = static_cast<long>(villages.size());
    if (is.value && ind.target) is.met = *is.value >= *ind.target;
    s.indicators.push_back(is);
  }
  return s;
}

}  // namespace kudrang
