#pragma once
// kind: certification: an evaluation committee's scores of one plan on a criteria set.
#include "kudrang/records/fields.hpp"

namespace kudrang {

struct Score {
  std::string indicator;
  Mark mark;
  long points = 0;
};

struct Certification {
  Ref plan;
  Ref criteria;
  std::optional<Date> date;
  std::vector<std::string> committee;
  std::vector<Score> scores;
  Mark scores_mark;
};

Certification extract_certification(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
