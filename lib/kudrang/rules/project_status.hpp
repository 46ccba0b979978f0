#pragma once
// A project sheet's machine-checkable indicators measured from the records
// of one fiscal year: meetings-held (held meetings serving the project) and
// villages-present (villages represented at one or more of them).
#include "kudrang/records/workspace.hpp"

namespace kudrang {

struct IndicatorStatus {
  const ProjectIndicator* indicator = nullptr;
  std::optional<long> value;  // nullopt: not machine-checkable
  bool met = false;
};

struct ProjectStatus {
  const Project* project = nullptr;
  int fiscal_year = 0;
  bool in_period = true;  // the fiscal year lies in the sheet's period
  std::vector<IndicatorStatus> indicators;
};

ProjectStatus project_status(const Workspace& ws, const Project& p, int fiscal_year);

}  // namespace kudrang
