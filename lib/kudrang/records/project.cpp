#include "kudrang/records/project.hpp"

namespace kudrang {

Project extract_project(const Node& doc, Diagnostics& diags)
{
  Project p;
  if (auto ref = get_ref(doc, "ref")) {
    p.ref = ref->value;
    p.ref_mark = ref->mark;
  }
  p.name = get_text(doc, "name");
  p.rationale = get_text(doc, "rationale");
  p.objectives = get_text_list(doc, "objectives");
  p.targets = get_text(doc, "targets");
  p.location = get_text(doc, "location");
  p.methods = get_text_list(doc, "methods");
  p.period = get_period(doc, "period", diags);
  if (const Node* b = doc.find("budget")) {
    if (b->is_mapping()) {
      if (auto m = get_money(*b, "amount", diags)) p.budget = m->value;
      p.budget_source = get_text(*b, "source");
    } else if (auto m = node_money(*b, diags)) {
      p.budget = m->value;
    }
  }
  p.responsible = get_text(doc, "responsible");
  if (const Node* list = get_list(doc, "indicators")) {
    for (const auto& i : list->items) {
      if (i.is_mapping()) {
        p.indicators.push_back({get_text(i, "text"), get_text(i, "measure"), get_int(i, "target")});
      }
    }
  }
  p.outcome = get_text(doc, "outcome");
  return p;
}

}  // namespace kudrang
