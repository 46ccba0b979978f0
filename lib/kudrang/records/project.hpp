#pragma once
// kind: project: a project sheet of the development plan, the ten sections of seed 000.
#include "kudrang/records/fields.hpp"

namespace kudrang {

struct ProjectIndicator {
  std::string text;
  std::string measure;  // meetings-held | villages-present | empty
  std::optional<long> target;
};

struct Project {
  std::string ref;
  Mark ref_mark;
  std::string name;
  std::string rationale;
  std::vector<std::string> objectives;
  std::string targets;
  std::string location;
  std::vector<std::string> methods;
  std::optional<YearRange> period;
  Money budget;
  std::string budget_source;
  std::string responsible;
  std::vector<ProjectIndicator> indicators;
  std::string outcome;  // section 10 text as written on the sheet
};

Project extract_project(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
