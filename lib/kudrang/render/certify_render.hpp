#pragma once
// Certification scores (md, csv, json per spec/cli.md) and the criteria sets.
#include "kudrang/rules/certify.hpp"

#include <ostream>

namespace kudrang {

struct CertifyReport {
  std::vector<CertificationResult> results;
  bool many_workspaces = false;
};

void render_certify_md(std::ostream& out, const CertifyReport& r, bool thai);
void render_certify_csv(std::ostream& out, const CertifyReport& r, bool thai);
void render_certify_json(std::ostream& out, const CertifyReport& r);

// A criteria set as a table an evaluator can read: areas, indicators, maxima.
void render_criteria_md(std::ostream& out, const Criteria& c, bool thai);

}  // namespace kudrang
