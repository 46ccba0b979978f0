#pragma once
// Certification scores of a plan against a criteria set: area sums, the
// total out of 100 and whether it reaches the pass mark.
#include "kudrang/records/workspace.hpp"

namespace kudrang {

struct AreaScore {
  std::string id;
  std::string name;
  long score = 0;
  long max = 0;
  std::vector<std::pair<std::string, long>> missing;  // indicators not scored (id, max)
  bool operator==(const AreaScore&) const = default;
};

// A value of its own (no pointers into the records), so a tree's results
// can be kept after its workspaces are dropped.
struct CertificationResult {
  std::string plan;      // the certified plan's id
  std::string criteria;  // the criteria set's id, as the record names it
  std::optional<Date> date;
  std::optional<int> plan_year;  // the certified plan's review year, when the plan exists
  bool criteria_found = false;  // false: unknown criteria set (nothing scored)
  std::string file;
  std::string workspace;
  long total = 0;
  long pass = 0;
  bool certified = false;
  bool complete = true;  // every indicator scored
  std::vector<AreaScore> areas;
  bool operator==(const CertificationResult&) const = default;
};

CertificationResult certify(const Certification& c, const Criteria* criteria);

// Every certification of a workspace scored, in file order (`year`: only
// those of plans of that review year), each with its file and workspace.
std::vector<CertificationResult> certify_workspace(const Workspace& ws, std::optional<int> year);

}  // namespace kudrang
