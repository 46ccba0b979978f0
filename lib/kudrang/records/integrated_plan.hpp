#pragma once
// kind: integrated-plan: the subdistrict's integrated community plan of one
// review year (แผนชุมชนบูรณาการระดับตำบล), as the subdistrict civic forum
// (เวทีประชาคมระดับตำบล) held by the ศอช.ต. ranked it, and the joint working
// group of the LAO and the community that prepared it (model-LAO criterion 1).
#include "kudrang/records/fields.hpp"

namespace kudrang {

// Who carries a project of the integrated plan.
enum class Carrier {
  village,  // the village itself (หมู่บ้านดำเนินการเอง)
  joint,    // the village with a partner (ร่วมดำเนินการ)
  lao,      // the LAO, within its authority (อยู่ในอำนาจหน้าที่ของ อปท.)
  agency,   // another agency, named (อำเภอ, a department, the province ...)
};

struct IntegratedProject {
  std::string plan;     // community-plan id, "m01-2563"
  std::string project;  // its project id, "P03"
  Mark mark;            // of the reference
  long rank = 0;
  Mark rank_mark;
  Carrier carrier = Carrier::village;
  std::string agency;       // for joint / agency: the partner or carrying agency
  std::string agency_plan;  // another agency's plan that took the project up (declared)
  std::string note;
  std::string ref() const { return plan + "/" + project; }
};

struct ForumParticipants {
  int village = 0;
  Mark mark;
  long count = 0;
};

struct WorkingGroupMember {
  std::string name;
  std::string position;
  std::string side;  // lao | community
};

struct WorkingGroup {
  bool present = false;
  Mark mark;
  std::string order_no;       // คำสั่งแต่งตั้ง เลขที่
  std::optional<Date> order_date;
  std::string appointed_by;   // e.g. นายก อบต.กุดรัง
  std::vector<WorkingGroupMember> members;
};

struct IntegratedPlan {
  std::string id;
  Mark id_mark;
  int year = 0;
  Mark year_mark;
  // The forum
  std::optional<Date> date;
  Mark date_mark;
  std::string venue;
  std::vector<std::string> organisers;
  std::vector<ForumParticipants> participants;
  std::vector<std::string> data_sources;
  WorkingGroup working_group;
  std::vector<IntegratedProject> projects;
  Mark projects_mark;
};

const char* carrier_id(Carrier c);

IntegratedPlan extract_integrated_plan(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
