#include "kudrang/records/integrated_plan.hpp"

namespace kudrang {

const char* carrier_id(Carrier c)
{
  switch (c) {
  case Carrier::village: return "village";
  case Carrier::joint: return "joint";
  case Carrier::lao: return "lao";
  case Carrier::agency: return "agency";
  }
  return "village";
}

IntegratedPlan extract_integrated_plan(const Node& doc, Diagnostics& diags)
{
  IntegratedPlan p;
  if (auto id = get_ref(doc, "id")) {
    p.id = id->value;
    p.id_mark = id->mark;
  }
  p.year = static_cast<int>(get_int(doc, "year").value_or(0));
  p.year_mark = doc.find("year") ? doc.find("year")->mark : doc.mark;
  if (const Node* f = get_map(doc, "forum")) {
    if (auto d = get_date(*f, "date", diags)) {
      p.date = d->value;
      p.date_mark = d->mark;
    }
    p.venue = get_text(*f, "venue");
    p.organisers = get_text_list(*f, "organisers");
    p.data_sources = get_text_list(*f, "data_sources");
    if (const Node* list = get_list(*f, "participants")) {
      for (const auto& item : list->items) {
        if (!item.is_mapping()) continue;
        ForumParticipants fp;
        fp.village = static_cast<int>(get_int(item, "village").value_or(0));
        fp.mark = item.find("village") ? item.find("village")->mark : item.mark;
        fp.count = get_int(item, "count").value_or(0);
        p.participants.push_back(fp);
      }
    }
  }
  if (const Node* w = get_map(doc, "working_group")) {
    WorkingGroup& g = p.working_group;
    g.present = true;
    g.mark = w->mark;
    if (const Node* o = get_map(*w, "order")) {
      g.order_no = get_text(*o, "no");
      if (auto d = get_date(*o, "date", diags)) g.order_date = d->value;
      g.appointed_by = get_text(*o, "by");
    }
    if (const Node* list = get_list(*w, "members")) {
      for (const auto& item : list->items) {
        if (!item.is_mapping()) continue;
        g.members.push_back({get_text(item, "name"), get_text(item, "position"), get_text(item, "side")});
      }
    }
  }
  if (const Node* list = get_list(doc, "projects")) {
    p.projects_mark = list->mark;
    for (const auto& item : list->items) {
      if (!item.is_mapping()) continue;
      IntegratedProject ip;
      if (auto r = get_ref(item, "ref")) {
        auto slash = r->value.find('/');
        if (slash != std::string::npos) {
          ip.plan = r->value.substr(0, slash);
          ip.project = r->value.substr(slash + 1);
        } else {
          ip.plan = r->value;
        }
        ip.mark = r->mark;
      } else {
        ip.mark = item.mark;
      }
      ip.rank = get_int(item, "rank").value_or(0);
      ip.rank_mark = item.find("rank") ? item.find("rank")->mark : item.mark;
      std::string c = get_text(item, "carrier");
      ip.carrier = c == "joint" ? Carrier::joint : c == "lao" ? Carrier::lao : c == "agency" ? Carrier::agency
                                                                                         : Carrier::village;
      ip.agency = get_text(item, "agency");
      ip.agency_plan = get_text(item, "agency_plan");
      ip.note = get_text(item, "note");
      p.projects.push_back(std::move(ip));
    }
  }
  return p;
}

}  // namespace kudrang
