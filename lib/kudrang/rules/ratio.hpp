#pragma once
// A count against a total, decided against a percent threshold in integers:
// met when num * 100 >= threshold * den ("no less than 30%": 3 of 10 passes).
// A zero denominator is never met, has no percent and needs nothing.
#include <optional>
#include <string>

namespace kudrang {

struct Ratio {
  long num = 0;
  long den = 0;
  bool operator==(const Ratio&) const = default;

  bool meets(long threshold) const { return den > 0 && num * 100 >= threshold * den; }
  // Percent in hundredths (7639 = 76.39%), rounded half up; nullopt when den == 0.
  std::optional<long> hundredths() const;
  // "76.39" or nullopt.
  std::optional<std::string> percent_text() const;
  // Fewest further items counted in `num` (with `den` fixed) that make it meet.
  long needed_fixed(long threshold) const;
  // Fewest further items added to both `num` and `den` that make it meet
  // (e.g. more self-reliant projects added to a plan); 0 when den == 0. A
  // threshold of 100 cannot be reached by adding, so needed_fixed applies.
  long needed_added(long threshold) const;
};

// "76.39%" or "-" for a ratio with nothing to count.
std::string percent_or_dash(const Ratio& r);

}  // namespace kudrang
