#include "kudrang/records/development_plan.hpp"

#include <fmt/format.h>

namespace kudrang {

DevelopmentPlan extract_development_plan(const Node& doc, Diagnostics& diags)
{
  DevelopmentPlan d;
  if (auto id = get_ref(doc, "id")) {
    d.id = id->value;
    d.id_mark = id->mark;
  }
  d.period = get_period(doc, "period", diags);
  const Node* list = get_list(doc, "projects");
  if (!list) {
    return d;
  }
  for (const auto& item : list->items) {
    if (!item.is_mapping()) continue;
    DevProject p;
    if (auto id = get_ref(item, "id")) {
      p.id = id->value;
      p.mark = id->mark;
    } else {
      p.mark = item.mark;
    }
    p.name = get_text(item, "name");
    p.strategy = get_text(item, "strategy");
    p.objective = get_text(item, "objective");
    p.target = get_text(item, "target");
    p.kpi = get_text(item, "kpi");
    p.outcome = get_text(item, "outcome");
    p.agency = get_text(item, "agency");
    if (const Node* b = get_map(item, "budget")) {
      p.budget_mark = item.key_mark("budget");
      for (size_t i = 0; i < b->keys.size(); ++i) {
        const std::string& key = b->keys[i];
        if (key.size() != 4 || key.find_first_not_of("0123456789") != std::string::npos) {
          continue;  // the schema reports it
        }
        int year = std::stoi(key);
        if (year >= 1900 && year <= 2200) {
          diags.error(b->key_marks[i], "year-ce",
                      fmt::format("budget year {} looks like a CE year; did you mean {}? (years are "
                                  "Buddhist Era)",
                                  year, year + 543));
          continue;
        }
        if (d.period && !d.period->contains(year)) {
          diags.warning(b->key_marks[i], "year-outside-period",
                        fmt::format("money planned for {} lies outside the plan's period {}-{}", year,
                                    d.period->from, d.period->to));
        }
        if (auto m = node_money(b->items[i], diags)) {
          p.budget[year] = m->value;
        }
      }
    }
    if (const Node* s = get_list(item, "sources")) {
      for (const auto& src : s->items) {
        if (!src.is_string()) continue;
        auto slash = src.text.find('/');
        if (slash == std::string::npos) continue;  // the schema reports it
        p.sources.push_back({src.text.substr(0, slash), src.text.substr(slash + 1), src.mark});
      }
    }
    d.projects.push_back(std::move(p));
  }
  return d;
}

}  // namespace kudrang
