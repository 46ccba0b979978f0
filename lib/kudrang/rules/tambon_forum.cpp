#include "kudrang/rules/tambon_forum.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace kudrang {

const IntegratedPlan* integrated_plan_of(const Workspace& ws, int year)
{
  for (const auto& r : ws.integrated_plans) {
    if (r.value.year == year) return &r.value;
  }
  return nullptr;
}

bool working_group_met(const WorkingGroup& g, const std::optional<Date>& forum_date)
{
  if (!g.present || g.order_no.empty() || !g.order_date) return false;
  if (forum_date && *forum_date < *g.order_date) return false;
  bool lao = false, community = false;
  for (const auto& m : g.members) {
    lao = lao || m.side == "lao";
    community = community || m.side == "community";
  }
  return lao && community;
}

VillageForum village_forum(const CommunityPlan& p, int year)
{
  VillageForum v;
  v.plan = &p;
  v.reviewed = p.year == year && p.reviewed && fiscal_year_of(*p.reviewed) == year;
  std::set<std::string> dims;
  for (const auto& pp : p.projects) {
    if (pp.status != PlanProjectStatus::dropped && !pp.dimension.empty()) dims.insert(pp.dimension);
  }
  v.dimensions = static_cast<long>(dims.size());
  auto has = [&](const char* s) { return std::find(p.data_sources.begin(), p.data_sources.end(), s) != p.data_sources.end(); };
  v.community_data = has("jpt") && has("kchch2c");
  return v;
}

long forum_dimensions(const IntegratedPlan& ip, const Workspace& ws)
{
  std::set<std::string> dims;
  for (const auto& p : ip.projects) {
    const CommunityPlan* plan = ws.plan(p.plan);
    const PlanProject* pp = plan ? plan->project(p.project) : nullptr;
    if (pp && pp->status != PlanProjectStatus::dropped && !pp->dimension.empty()) dims.insert(pp->dimension);
  }
  return static_cast<long>(dims.size());
}

std::vector<PriorityBreach> priority_breaches(const std::vector<RankedTake>& eligible)
{
  std::vector<size_t> order(eligible.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return eligible[a].rank < eligible[b].rank; });
  std::vector<PriorityBreach> out;
  std::vector<size_t> left_out;  // better-ranked, not taken, so far
  for (size_t k = 0; k < order.size();) {
    // Projects of one rank are judged together: none passes over another.
    size_t end = k;
    while (end < order.size() && eligible[order[end]].rank == eligible[order[k]].rank) ++end;
    for (size_t j = k; j < end; ++j) {
      size_t i = order[j];
      if (eligible[i].taken && !left_out.empty()) out.push_back({i, left_out});
    }
    for (size_t j = k; j < end; ++j) {
      if (!eligible[order[j]].taken) left_out.push_back(order[j]);
    }
    k = end;
  }
  return out;
}

Carrier default_carrier(const Workspace& ws, const PlanProject& p)
{
  if (p.category == ProjectCategory::self) return Carrier::village;
  if (is_lao(ws, p.agency)) return Carrier::lao;
  if (p.category == ProjectCategory::joint || p.agency.empty()) return Carrier::joint;
  return Carrier::agency;
}

std::vector<IntegratedProject> draft_integrated_projects(const Workspace& ws, int year)
{
  struct Item {
    const CommunityPlan* plan;
    const PlanProject* project;
  };
  std::vector<Item> items;
  for (const auto& r : ws.plans) {
    if (r.value.year != year) continue;
    for (const auto& p : r.value.projects) {
      if (p.status != PlanProjectStatus::dropped) items.push_back({&r.value, &p});
    }
  }
  // Sort by village priority, then village number, then id; then, within
  // each priority, draw greedily the project whose dimension has been drawn
  // least so far (over the whole draft), ties by village and id.
  auto key = [](const Item& i) {
    return std::tuple<long, int, const std::string&, const std::string&>(priority_order(i.project->priority), i.plan->village,
                                                                         i.plan->id, i.project->id);
  };
  std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) { return key(a) < key(b); });
  std::map<std::string, long> drawn;
  std::vector<IntegratedProject> out;
  for (size_t k = 0; k < items.size();) {
    size_t end = k;
    while (end < items.size() && items[end].project->priority == items[k].project->priority) ++end;
    std::vector<Item> group(items.begin() + static_cast<long>(k), items.begin() + static_cast<long>(end));
    while (!group.empty()) {
      size_t best = 0;
      for (size_t j = 1; j < group.size(); ++j) {
        if (drawn[group[j].project->dimension] < drawn[group[best].project->dimension]) best = j;
      }
      const Item it = group[best];
      group.erase(group.begin() + static_cast<long>(best));
      ++drawn[it.project->dimension];
      IntegratedProject ip;
      ip.plan = it.plan->id;
      ip.project = it.project->id;
      ip.rank = static_cast<long>(out.size()) + 1;
      ip.carrier = default_carrier(ws, *it.project);
      if (ip.carrier == Carrier::joint || ip.carrier == Carrier::agency) ip.agency = it.project->agency;
      out.push_back(std::move(ip));
    }
    k = end;
  }
  return out;
}

ForumStanding forum_standing(const Workspace& ws, const IntegratedPlan* ip, int year, const CommunityPlan& plan,
                             const PlanProject& p)
{
  ForumStanding s;
  if (plan.year != year || p.status == PlanProjectStatus::dropped) return s;
  if (ip == nullptr) {
    s.considered = true;
    s.carrier = default_carrier(ws, p);
    s.agency_plan = p.agency_plan;
    return s;
  }
  for (const auto& f : ip->projects) {
    if (f.plan != plan.id || f.project != p.id) continue;
    s.considered = true;
    s.carrier = f.carrier;
    s.rank = f.rank;
    s.agency_plan = f.agency_plan;
    break;
  }
  return s;
}

bool within_lao_authority(const ForumStanding& s)
{
  return s.considered && s.carrier == Carrier::lao;
}

bool level4_taken_up(const ForumStanding& s, const Adoption& taken, const std::string& key)
{
  return s.considered && (taken.in_ldp(key) || !s.agency_plan.empty());
}

}  // namespace kudrang
