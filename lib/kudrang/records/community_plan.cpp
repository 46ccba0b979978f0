#include "kudrang/records/community_plan.hpp"

#include <fmt/format.h>

namespace kudrang {

const PlanProject* CommunityPlan::project(std::string_view pid) const
{
  for (const auto& p : projects) {
    if (p.id == pid) {
      return &p;
    }
  }
  return nullptr;
}

bool is_lao_spelling(std::string_view a)
{
  if (a.size() == 3 && (a[0] | 0x20) == 'l' && (a[1] | 0x20) == 'a' && (a[2] | 0x20) == 'o') return true;
  for (std::string_view w : {"อปท.", "อปท", "อบต.", "อบต", "เทศบาล", "องค์กรปกครองส่วนท้องถิ่น"}) {
    if (a == w) return true;
  }
  return false;
}

const char* category_id(ProjectCategory c)
{
  switch (c) {
  case ProjectCategory::self: return "self";
  case ProjectCategory::joint: return "joint";
  case ProjectCategory::support: return "support";
  }
  return "self";
}

const char* plan_project_status_id(PlanProjectStatus s)
{
  switch (s) {
  case PlanProjectStatus::proposed: return "proposed";
  case PlanProjectStatus::in_progress: return "in-progress";
  case PlanProjectStatus::done: return "done";
  case PlanProjectStatus::dropped: return "dropped";
  }
  return "proposed";
}

CommunityPlan extract_community_plan(const Node& doc, Diagnostics& diags)
{
  CommunityPlan p;
  if (auto id = get_ref(doc, "id")) {
    p.id = id->value;
    p.id_mark = id->mark;
  }
  p.village = static_cast<int>(get_int(doc, "village").value_or(0));
  p.village_mark = doc.find("village") ? doc.find("village")->mark : doc.mark;
  p.year = static_cast<int>(get_int(doc, "year").value_or(0));
  p.period = get_period(doc, "period", diags);
  if (auto d = get_date(doc, "reviewed", diags)) p.reviewed = d->value;
  if (const Node* h = get_map(doc, "households")) {
    p.households_total = get_int(*h, "total").value_or(0);
    p.households_participating = get_int(*h, "participating").value_or(0);
    p.households_self_analysis = get_int(*h, "self_analysis").value_or(0);
    // A total that is itself wrong (๒๔๘, text) has its own error; no
    // comparison is derived from it.
    bool total_read = get_int(*h, "total").has_value();
    for (const char* key : {"participating", "self_analysis"}) {
      long v = get_int(*h, key).value_or(0);
      if (total_read && v > p.households_total) {
        diags.error(h->key_mark(key), "households-inconsistent",
                    fmt::format("households.{} ({}) is more than households.total ({})", key, v,
                                p.households_total));
      }
    }
  }
  p.data_sources = get_text_list(doc, "data_sources");
  p.published = get_text_list(doc, "published");
  if (const Node* pr = get_map(doc, "process")) {
    p.lao_from_start = get_bool(*pr, "lao_from_start");
    p.lao_adopted = get_bool(*pr, "lao_adopted");
    p.sufficiency_economy = get_bool(*pr, "sufficiency_economy");
  }
  p.book = get_bool(doc, "book");
  if (const Node* list = get_list(doc, "projects")) {
    for (const auto& item : list->items) {
      if (!item.is_mapping()) continue;
      PlanProject pp;
      if (auto id = get_ref(item, "id")) {
        pp.id = id->value;
        pp.mark = id->mark;
      } else {
        pp.mark = item.mark;
      }
      pp.name = get_text(item, "name");
      pp.dimension = get_text(item, "dimension");
      std::string cat = get_text(item, "category");
      pp.category = cat == "joint"     ? ProjectCategory::joint
                    : cat == "support" ? ProjectCategory::support
                                       : ProjectCategory::self;
      pp.agency = get_text(item, "agency");
      // "Within the LAO's authority" (the 30% rule's eligible set) is the value `lao`;
      // its spellings a clerk writes are the same value, never silently another agency.
      if (is_lao_spelling(pp.agency)) pp.agency = "lao";
      pp.agency_plan = get_text(item, "agency_plan");
      if (auto m = get_money(item, "budget", diags)) pp.budget = m->value;
      pp.priority = get_int(item, "priority").value_or(0);
      std::string st = get_text(item, "status");
      pp.status = st == "in-progress" ? PlanProjectStatus::in_progress
                  : st == "done"      ? PlanProjectStatus::done
                  : st == "dropped"   ? PlanProjectStatus::dropped
                                      : PlanProjectStatus::proposed;
      p.projects.push_back(std::move(pp));
    }
  }
  return p;
}

}  // namespace kudrang
