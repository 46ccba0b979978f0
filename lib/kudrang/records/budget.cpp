#include "kudrang/records/budget.hpp"

namespace kudrang {

Budget extract_budget(const Node& doc, Diagnostics& diags)
{
  Budget b;
  b.year = static_cast<int>(get_int(doc, "year").value_or(0));
  b.year_mark = doc.find("year") ? doc.find("year")->mark : doc.mark;
  b.stage = get_text(doc, "stage");
  if (const Node* list = get_list(doc, "lines")) {
    for (const auto& item : list->items) {
      if (!item.is_mapping()) continue;
      BudgetLine l;
      l.id = get_text(item, "id");
      l.mark = item.find("id") ? item.find("id")->mark : item.mark;
      l.name = get_text(item, "name");
      if (auto m = get_money(item, "amount", diags)) l.amount = m->value;
      l.project = get_ref(item, "project");
      b.lines.push_back(std::move(l));
    }
  }
  return b;
}

}  // namespace kudrang
