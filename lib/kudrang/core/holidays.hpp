#pragma once
// Thailand's public and government holidays, fiscal years 2563-2575
// (data/thai-holidays.csv, computed by python-holidays, MIT licence; embedded
// at build time). The meeting planner skips them; the workspace's own
// `holidays:` adds the days the cabinet declares later.
#include "kudrang/core/date.hpp"

#include <string>
#include <vector>

namespace kudrang {

struct PublicHoliday {
  Date date;
  std::string name;  // Thai, as the table writes it
};

// The first and last fiscal years (BE) the built-in table covers.
int builtin_holidays_first_fiscal_year();
int builtin_holidays_last_fiscal_year();

// The built-in holidays from `first` to `last` (inclusive), in date order; a
// day with two names (12 August) gives two entries.
std::vector<PublicHoliday> builtin_holidays(const Date& first, const Date& last);

}  // namespace kudrang
