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
};

struct CertificationResult {
  const Certification* certification = nullptr;
  std::string file;
  std::string workspace;
  const Criteria* criteria = nullptr;  // nullptr: unknown criteria set
  long total = 0;
  long pass = 0;
  bool certified = false;
  bool complete = true;  // every indicator scored
  std::vector<AreaScore> areas;
};

CertificationResult certify(const Certification& c, const Criteria* criteria);

}  // namespace kudrang
