#pragma once
// The CDD's success levels 1-5 of community-plan work in a subdistrict
// (KPI 1.1.2, domain.md §2), for the plans of review year Y. Levels build on
// each other: the level reached is the highest whose steps, and all below,
// are met.
#include "kudrang/records/workspace.hpp"
#include "kudrang/rules/ratio.hpp"

namespace kudrang {

struct SuccessStep {
  int level = 0;
  bool met = false;
  bool declared = false;  // rests on what the records declare, not on facts kudrang can check
  Ratio ratio;            // plans (levels 1-4) or projects (level 5) meeting the step
  long threshold = 100;   // percent
  std::vector<int> failing;  // levels 1, 2, 4: the villages (of kudrang.yaml) that miss the step
  bool operator==(const SuccessStep&) const = default;
};

struct SuccessLevels {
  int year = 0;
  int reached = 0;  // 0..5
  std::vector<SuccessStep> steps;  // levels 1..5
  bool from_integrated = false;    // levels 4-5 counted from the integrated plan of Y
  long villages = 0;               // villages of kudrang.yaml (plans of Y when it lists none)
  std::vector<int> without_plan;   // villages of kudrang.yaml with no plan of Y (failing 1, 2, 4)
  bool budget_missing = false;     // no budget record of Y+1: level 5 cannot be counted yet
  std::vector<std::string> short_projects;  // level 4-5: "PLAN/PROJECT" taken up but not supported yet
  // "PLAN/PROJECT" of a village failing level 4 that the development plan takes
  // up with money for other years only: money moved into Y+1 would meet level 4
  // for it and count for ldp-30 at once.
  std::vector<std::string> money_elsewhere;
  bool elsewhere_in_ldp30 = false;  // one of them is within the LAO's authority (ldp-30's eligible set)
  bool operator==(const SuccessLevels&) const = default;
};

// Levels 1, 2 and 4 ask for every village ("แผนทุกหมู่บ้าน", "ต่อหมู่บ้าน"): they count
// the villages of kudrang.yaml, and a village with no plan of Y fails them
// and is named.
// 1: every village's plan published through >= 2 channels (community-plan `published`, declared)
// 2: every village's plan reviewed at a civic forum (`reviewed` date in the review year's fiscal year)
// 3: per subdistrict ("ตัวแทนองค์กร/เครือข่ายภาคประชาชน ร่วมดำเนินโครงการ/กิจกรรมตามแผน
//    โดยไม่ใช้งบประมาณอย่างน้อย 2 โครงการ" has no "every village"): >= 2 self
//    projects without budget, under way or done, over the year's plans
// 4: ("เวทีประชาคมระดับตำบล เพื่อพิจารณาโครงการ อย่างน้อย 1 โครงการ/กิจกรรมต่อหมู่บ้าน
//    และนำเข้าบรรจุในแผนพัฒนาท้องถิ่น หรือแผนของหน่วยงานอื่นๆ"): every village with a
//    plan of Y has >= 1 project that level4_taken_up (tambon_forum.hpp) counts: taken
//    up by the development plan with money for Y+1 or declared in another agency's
//    plan (`agency_plan`); the projects and the declaration are the integrated plan's
//    of Y (the subdistrict forum), without it the village plans' (not dropped)
// 5: ("ได้รับการสนับสนุนงบประมาณหรือร่วมดำเนินการจาก อปท. หรือหน่วยงานอื่น ๆ"):
//    >= 20% of the projects taken up at level 4 have a line in the Y+1 budget
//    (budget support from the LAO) or are joint/support projects under way or
//    done (joint action of the LAO or another agency)
SuccessLevels success_levels(const Workspace& ws, int year);

}  // namespace kudrang
