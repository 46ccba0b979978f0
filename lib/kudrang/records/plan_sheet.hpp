#pragma once
// The village plan form (issue 14): the one table of its fields, shared by
// the template (render/plan_template) and the import (read_plan_sheet), and
// the reading of a filled form into a community-plan record's YAML text.
#include "kudrang/records/sheet_import.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kudrang {

// A row of the form's first sheet: label in column A, value in column B.
struct PlanFormField {
  const char* key;    // id, village, year, period.from, ... (the record's path)
  const char* label;  // Thai label shown in column A
  enum class Kind { text, integer, year, date, yes_no } kind;
  const char* hint;   // column C
};
const std::vector<PlanFormField>& plan_form_fields();

// The projects sheet's columns, in order: key and Thai header.
struct PlanFormColumn {
  const char* key;  // priority, id, name, dimension, category, agency, budget, status
  const char* header;
};
const std::vector<PlanFormColumn>& plan_form_columns();

inline constexpr const char* plan_form_sheet = "แผนชุมชน";
inline constexpr const char* plan_projects_sheet = "โครงการ";
inline constexpr const char* yes_text = "ใช่";
inline constexpr const char* no_text = "ไม่ใช่";

// Thai names of the codes (the dropdowns), and back (code or Thai name).
struct CodeName {
  const char* code;
  const char* thai;
};
const std::vector<CodeName>& dimension_names();
const std::vector<CodeName>& category_names();
const std::vector<CodeName>& project_status_names();
// The code for a cell's text (the code itself or its Thai name); empty if none.
std::string code_from_text(const std::vector<CodeName>& names, std::string_view text);

// A filled form read: the record's YAML text, or problems by cell.
struct PlanSheet {
  std::string id;
  int village = 0;
  int year = 0;
  std::string yaml;  // the community-plan record (empty when there are problems)
  std::vector<SheetProblem> problems;
};
PlanSheet read_plan_sheet(const Workbook& book, const std::set<int>& villages);

}  // namespace kudrang
