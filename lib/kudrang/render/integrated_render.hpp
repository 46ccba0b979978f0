#pragma once
// The integrated subdistrict plan: the draft `plan integrate` prints for the
// forum and writes as a record, and the book (`plan book`) the ศอช.ต. hands
// to the LAO and the district office: "ทำเป็นเอกสารรูปเล่ม 3 เล่ม ส่ง อปท. 1
// อำเภอ 1 และสำเนาเก็บไว้ 1" (seed 003, 2555 guidance point 4).
#include "kudrang/records/workspace.hpp"
#include "kudrang/render/doc.hpp"
#include "kudrang/render/documents.hpp"

#include <string>

namespace kudrang {

// Thai (or English) name of a development dimension ("economy" -> "ด้านเศรษฐกิจ").
std::string dimension_name(std::string_view id, bool thai);
// Who carries a project ("lao" -> "อปท. ดำเนินการ (อยู่ในอำนาจหน้าที่)").
std::string carrier_name(Carrier c, bool thai);

struct IntegratedDraft {
  int year = 0;
  std::string id;       // tambon-<year>
  std::string path;     // integrated/<year>.yaml, relative to the workspace
  std::string schema_prefix;  // where the yaml-language-server comment finds the schemas
  std::optional<Date> date;   // --date
  std::string venue;          // --venue, else the council's venue
  std::vector<IntegratedProject> projects;
};

// The record text of a draft (reads back as an integrated-plan record).
std::string integrated_plan_yaml(const Workspace& ws, const IntegratedDraft& d);
// The draft as the forum reviews it: its ranked table, with the default
// ranking stated.
Doc integrated_draft_doc(const Workspace& ws, const IntegratedDraft& d, bool thai);

// The book. `copy` 1..3 prints that copy's recipient on the cover (1: the
// LAO, 2: the district office, 3: kept by the ศอช.ต.); 0 lists all three.
Doc integrated_book_doc(const Workspace& ws, const IntegratedPlan& ip, const DocumentOptions& o, int copy);
extern const char* const book_css;

}  // namespace kudrang
