#pragma once
// kind: budget: an annual budget ordinance (ข้อบัญญัติงบประมาณรายจ่ายประจำปี), draft or enacted.
#include "kudrang/records/fields.hpp"

namespace kudrang {

struct BudgetLine {
  std::string id;
  Mark mark;
  std::string name;
  Money amount;
  std::optional<Ref> project;  // a development-plan project id
};

struct Budget {
  int year = 0;
  Mark year_mark;
  std::string stage;  // draft | enacted
  std::vector<BudgetLine> lines;
};

Budget extract_budget(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
