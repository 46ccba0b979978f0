#pragma once
// kind: community-plan: one village's plan as reviewed at its civic forum.
#include "kudrang/records/fields.hpp"

namespace kudrang {

enum class ProjectCategory { self, joint, support };
enum class PlanProjectStatus { proposed, in_progress, done, dropped };

struct PlanProject {
  std::string id;
  Mark mark;
  std::string name;
  std::string dimension;
  ProjectCategory category = ProjectCategory::self;
  std::string agency;
  std::string agency_plan;  // another agency's plan that took the project up (declared), "" if none
  Money budget;
  long priority = 0;  // 0: no priority given (sorts after every prioritised project)
  PlanProjectStatus status = PlanProjectStatus::proposed;
};

struct CommunityPlan {
  std::string id;
  Mark id_mark;
  int village = 0;
  Mark village_mark;
  int year = 0;
  std::optional<YearRange> period;
  std::optional<Date> reviewed;
  long households_total = 0;
  long households_participating = 0;
  long households_self_analysis = 0;
  std::vector<std::string> data_sources;
  std::vector<std::string> published;  // channels the plan's status was published through
  bool lao_from_start = false;
  bool lao_adopted = false;
  bool sufficiency_economy = false;
  bool book = false;
  std::vector<PlanProject> projects;

  const PlanProject* project(std::string_view id) const;
};

// `lao` in any case, or the Thai words for the LAO (อปท., อบต., เทศบาล, with or
// without the dot): the agency value `lao`.
bool is_lao_spelling(std::string_view agency);

// Sort key of a priority: a project without one (0) after every prioritised project.
inline long priority_order(long priority) { return priority > 0 ? priority : 1L << 40; }

const char* category_id(ProjectCategory c);
const char* plan_project_status_id(PlanProjectStatus s);

CommunityPlan extract_community_plan(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
