#include "kudrang/rules/ratio.hpp"

#include <fmt/format.h>

namespace kudrang {

std::optional<long> Ratio::hundredths() const
{
  if (den <= 0) {
    return std::nullopt;
  }
  return (num * 20000 + den) / (2 * den);
}

std::optional<std::string> Ratio::percent_text() const
{
  auto h = hundredths();
  if (!h) {
    return std::nullopt;
  }
  return fmt::format("{}.{:02}", *h / 100, *h % 100);
}

long Ratio::needed_fixed(long threshold) const
{
  if (den <= 0 || meets(threshold)) {
    return 0;
  }
  long target = (threshold * den + 99) / 100;  // ceil(threshold% of den)
  return target - num;
}

long Ratio::needed_added(long threshold) const
{
  if (meets(threshold) || den <= 0) {
    return 0;  // spec: nothing to count, nothing needed
  }
  if (threshold >= 100) {
    return needed_fixed(threshold);
  }
  // (num + x) * 100 >= threshold * (den + x)  <=>  x >= (threshold*den - 100*num) / (100 - threshold)
  long gap = threshold * den - 100 * num;
  return (gap + (100 - threshold) - 1) / (100 - threshold);
}

std::string percent_or_dash(const Ratio& r)
{
  auto t = r.percent_text();
  return t ? *t + "%" : std::string("-");
}

}  // namespace kudrang
