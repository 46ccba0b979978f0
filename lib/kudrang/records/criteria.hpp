#pragma once
// kind: criteria: a certification standard (areas, indicators, pass mark) and
// the quality-grade thresholds. The set cdd-2554 is built in.
#include "kudrang/records/fields.hpp"

namespace kudrang {

struct Indicator {
  std::string id;
  Mark mark;
  long max = 0;
  std::string text;
};

struct Area {
  std::string id;
  Mark mark;
  std::string name;
  long points = 0;
  std::vector<Indicator> indicators;
};

struct GradeThresholds {
  long self_analysis = 70;
  long participation = 70;
  long self_reliance = 30;
};

struct Criteria {
  std::string id;
  Mark id_mark;
  long pass = 80;
  std::vector<Area> areas;
  GradeThresholds grade;
  bool builtin = false;
  std::string note;  // why the values are what they are (built-in defaults)

  const Indicator* indicator(std::string_view id) const;
  long total_points() const;
};

Criteria extract_criteria(const Node& doc, Diagnostics& diags);

// The built-in set cdd-2554: 5 areas, 19 indicators, 100 points. Where public
// sources give no value, the value is a default marked as such in its text.
const Criteria& builtin_criteria();

// Checks that indicator maxima add up to each area and areas to 100, and that
// ids are unique; used for workspace criteria and (in tests) the built-in set.
void check_criteria(const Criteria& c, Diagnostics& diags);

}  // namespace kudrang
