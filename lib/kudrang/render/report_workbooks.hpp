#pragma once
// Every report as a workbook (issue 14, --format xlsx): built from the values
// the rules return (the same ones the Markdown, CSV and JSON show), one sheet
// per table, Thai headers, real cell types (io/xlsx_writer).
#include "kudrang/io/xlsx_writer.hpp"
#include "kudrang/render/certify_render.hpp"
#include "kudrang/render/grade_render.hpp"
#include "kudrang/render/integration_render.hpp"
#include "kudrang/rules/meeting_report.hpp"
#include "kudrang/rules/success_levels.hpp"

namespace kudrang {

// plan grade: sheets เกรด (one row per plan, the six criteria) and สรุป (the distribution).
XlsxBook grades_workbook(const GradeReport& r);
// plan certify: sheets รับรอง (one row per certification) and คะแนนรายด้าน (per area).
XlsxBook certify_workbook(const CertifyReport& r);
// budget check: sheets เกณฑ์ (the rules), โครงการ (eligible projects), แผนชุมชน (per plan).
XlsxBook integration_workbook(const IntegrationReport& r);
// meeting report: sheets การประชุม (meetings), สมาชิก (มา/ลา/ขาด per member),
// หมู่บ้าน (villages x months), ภาคส่วน (sectors), and เดือน (held per month).
XlsxBook meeting_report_workbook(const MeetingReport& r);
// report levels: sheet ระดับความสำเร็จ (levels 1-5).
XlsxBook levels_workbook(const SuccessLevels& l);
// devplan render: sheet ผ.02 (one row per project, money per plan year) and ผ.01 (totals per year).
XlsxBook devplan_workbook(const DevelopmentPlan& d);

}  // namespace kudrang
