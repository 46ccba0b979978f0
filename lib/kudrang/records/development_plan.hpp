#pragma once
// kind: development-plan: the SAO's multi-year local development plan (แผนพัฒนาท้องถิ่น).
#include "kudrang/records/fields.hpp"

#include <map>

namespace kudrang {

// A reference to a community-plan project: "m01-2563/P03".
struct SourceRef {
  std::string plan;
  std::string project;
  Mark mark;
  std::string text() const { return plan + "/" + project; }
};

struct DevProject {
  std::string id;
  Mark mark;
  std::string name;
  std::string strategy;
  std::string objective;
  std::string target;
  std::string kpi;
  std::string outcome;
  std::string agency;
  std::map<int, Money> budget;  // BE fiscal year -> planned money
  Mark budget_mark;
  std::vector<SourceRef> sources;

  Money planned(int year) const
  {
    auto it = budget.find(year);
    return it == budget.end() ? Money{} : it->second;
  }
};

struct DevelopmentPlan {
  std::string id;
  Mark id_mark;
  std::optional<YearRange> period;
  std::vector<DevProject> projects;
};

DevelopmentPlan extract_development_plan(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
