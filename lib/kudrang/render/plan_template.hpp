#pragma once
// The village plan form (issue 14, `kudrang plan template`): a Thai workbook
// a village committee fills in, read back by records/plan_sheet.
#include "kudrang/io/xlsx_writer.hpp"
#include "kudrang/records/workspace.hpp"

namespace kudrang {

// The form for village `village` and review year `year` of the workspace:
// sheet แผนชุมชน (label, value, hint; yes/no dropdowns) with the plan id,
// village number and name filled in, and sheet โครงการ (one row per project,
// dropdowns for dimension, category and status).
XlsxBook plan_template(const Workspace& ws, const Village& village, int year, std::size_t project_rows = 30);

}  // namespace kudrang
