#pragma once
// `report summary`: everything for one year in one document, the most
// important numbers first — for a chief executive or a district officer.
#include "kudrang/rules/certify.hpp"
#include "kudrang/rules/grade.hpp"
#include "kudrang/rules/integration.hpp"
#include "kudrang/rules/meeting_report.hpp"
#include "kudrang/rules/success_levels.hpp"

#include <string>

namespace kudrang {

struct YearSummary {
  const Workspace* workspace = nullptr;
  int year = 0;
  MeetingReport meetings;
  std::vector<PlanGrade> grades;
  GradeDistribution distribution;
  std::vector<CertificationResult> certifications;
  IntegrationResult integration;
  SuccessLevels levels;
  std::optional<Date> as_of;    // the latest date the year's records carry (meetings, forums, certifications)
  std::optional<Date> printed;  // the day it is printed (the caller's clock)
};

YearSummary summarize_year(const Workspace& ws, int year);

std::string render_summary_md(const YearSummary& s, bool thai);
// A self-contained A4 page with inline SVG charts: no script, no network.
std::string render_summary_html(const YearSummary& s, bool thai);

}  // namespace kudrang
