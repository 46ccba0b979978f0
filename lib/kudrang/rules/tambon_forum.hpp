#pragma once
// The subdistrict's integrated plan (แผนบูรณาการระดับตำบล) and what is counted
// from it: model-LAO criteria 1-3 (domain.md, KPI 3.2), "by priority" of
// criterion 4, the default ranking of `plan integrate`. Pure functions.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/adoption.hpp"
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

// The default carrier of a village-plan project in the draft, and the carrier
// the rules read when the year has no integrated plan: self -> village; agency
// the LAO (is_lao: `lao` or the LAO's own name; support or joint) -> lao; joint
// with another partner -> joint; support from another agency -> agency.
Carrier default_carrier(const Workspace& ws, const PlanProject& p);

// How a village-plan project of review year Y stands for the rules counted
// from the subdistrict forum (ldp-30's eligible set, KPI level 4), decided here
// once for both cases. With the integrated plan of Y (`ip`): considered when the
// forum took it up, with the forum's carrier, rank and declared agency plan.
// Without (issue 19 point 4, counted from the village plans): considered when
// not dropped, carrier default_carrier, rank 0, the village plan's agency_plan.
// A dropped project, or one of a plan of another year, is never considered.
struct ForumStanding {
  bool considered = false;
  Carrier carrier = Carrier::village;
  long rank = 0;
  std::string agency_plan;
};
ForumStanding forum_standing(const Workspace& ws, const IntegratedPlan* ip, int year, const CommunityPlan& plan,
                             const PlanProject& p);

// "ที่อยู่ในอำนาจหน้าที่" (criterion 4, ldp-30's eligible set): considered and
// carried by the LAO.
bool within_lao_authority(const ForumStanding& s);

// KPI level 4, "นำเข้าบรรจุในแผนพัฒนาท้องถิ่น หรือแผนของหน่วยงานอื่นๆ": considered,
// and a source of a development-plan project with money for Y+1 (`taken` =
// adoption(ws, Y+1)) or declared taken up by another agency's plan.
bool level4_taken_up(const ForumStanding& s, const Adoption& taken, const std::string& key);

// The draft of `plan integrate`: every not-dropped project of the year's
// village plans once, ranked by (1) the village's own priority, (2) dimension
// balance: among projects of equal village priority, a dimension already
// drawn fewer times comes first, (3) village number, (4) the project id.
std::vector<IntegratedProject> draft_integrated_projects(const Workspace& ws, int year);

}  // namespace kudrang
