#include "kudrang/records/certification.hpp"

namespace kudrang {

Certification extract_certification(const Node& doc, Diagnostics& diags)
{
  Certification c;
  c.plan = get_ref(doc, "plan").value_or(Ref{{}, doc.mark});
  c.criteria = get_ref(doc, "criteria").value_or(Ref{{}, doc.mark});
  if (auto d = get_date(doc, "date", diags)) c.date = d->value;
  c.committee = get_text_list(doc, "committee");
  if (const Node* s = get_map(doc, "scores")) {
    c.scores_mark = doc.key_mark("scores");
    for (size_t i = 0; i < s->keys.size(); ++i) {
      if (auto v = node_int(s->items[i])) {
        c.scores.push_back({s->keys[i], s->items[i].mark, *v});
      }
    }
  } else {
    c.scores_mark = doc.mark;
  }
  return c;
}

}  // namespace kudrang
