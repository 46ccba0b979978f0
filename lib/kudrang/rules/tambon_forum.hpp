#pragma once
// The subdistrict's integrated plan (แผนบูรณาการระดับตำบล) and what is counted
// from it: model-LAO criteria 1-3 (domain.md, KPI 3.2), "by priority" of
// criterion 4, the default ranking of `plan integrate`. Pure functions.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/ratio.hpp"

namespace kudrang {

// The integrated plan of review year `year`, or nullptr (the first, when
// validation has already reported a second one).
const IntegratedPlan* integrated_plan_of(const Workspace& ws, int year);

// Criterion 1: "ตั้งคณะทำงานร่วมกัน". Met when the record names the order that
// appointed the group (number and date, on or before the forum's date when
// that is known) and its members include both the LAO and the community.
bool working_group_met(const WorkingGroup& g, const std::optional<Date>& forum_date);

// Criterion 2: a village forum reviewed the plan in the review year, covering
// at least 3 development dimensions (not-dropped projects), using community
// data: both จปฐ. (jpt) and กชช.2ค (kchch2c), the two the seed names.
struct VillageForum {
  const CommunityPlan* plan = nullptr;
  bool reviewed = false;       // `reviewed` in the review year's fiscal year
  long dimensions = 0;
  bool community_data = false;  // jpt and kchch2c
  bool met() const { return reviewed && dimensions >= 3 && community_data; }
};
VillageForum village_forum(const CommunityPlan& p, int year);

// Criterion 3: the distinct development dimensions of the integrated plan's
// projects (from their village-plan projects); met at 3 or more.
long forum_dimensions(const IntegratedPlan& ip, const Workspace& ws);

// "ตามลำดับความสำคัญ" (criterion 4). The eligible projects, each with its rank
// and whether the development plan took it up. A project taken while an
// eligible one ranked before it was left out is a breach, naming those.
struct RankedTake {
  long rank = 0;
  bool taken = false;
};
struct PriorityBreach {
  size_t taken = 0;                 // index into the input
  std::vector<size_t> passed_over;  // indexes of better-ranked projects left out
};
std::vector<PriorityBreach> priority_breaches(const std::vector<RankedTake>& eligible);

// The default carrier of a village-plan project in the draft: self -> village;
// agency "lao" (support or joint) -> lao; joint with another partner -> joint;
// support from another agency -> agency.
Carrier default_carrier(const PlanProject& p);

// The draft of `plan integrate`: every not-dropped project of the year's
// village plans once, ranked by (1) the village's own priority, (2) dimension
// balance: among projects of equal village priority, a dimension already
// drawn fewer times comes first, (3) village number, (4) the project id.
std::vector<IntegratedProject> draft_integrated_projects(const Workspace& ws, int year);

}  // namespace kudrang
