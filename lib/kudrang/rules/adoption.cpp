#include "kudrang/rules/adoption.hpp"

#include <algorithm>

namespace kudrang {

bool Adoption::in_budget(const std::string& source) const
{
  auto it = taken_up.find(source);
  return it != taken_up.end() && std::any_of(it->second.begin(), it->second.end(), [&](const DevProject* d) {
           return budgeted.count(d->id) > 0;
         });
}

bool is_lao(const Workspace& ws, std::string_view agency)
{
  if (agency == "lao") return true;
  if (!ws.has_config || agency.empty()) return false;
  const WorkspaceConfig& c = ws.config.value;
  return agency == c.org_name || agency == c.org_short;
}

Adoption adoption(const Workspace& ws, std::optional<int> target_year)
{
  Adoption a;
  for (const auto& b : ws.budgets) {
    if (target_year && b.value.year != *target_year) continue;
    a.has_budget = true;
    for (const auto& l : b.value.lines) {
      if (l.project) a.budgeted.insert(l.project->value);
    }
  }
  for (const auto& d : ws.development_plans) {
    for (const auto& p : d.value.projects) {
      if (target_year && p.planned(*target_year).satang <= 0) continue;
      for (const auto& s : p.sources) a.taken_up[s.text()].push_back(&p);
    }
  }
  return a;
}

}  // namespace kudrang
