#include "kudrang/core/money.hpp"

#include <fmt/format.h>

namespace kudrang {

std::optional<Money> parse_money(std::string_view s, std::string* why)
{
  auto fail = [&](const char* reason) -> std::optional<Money> {
    if (why) {
      *why = reason;
    }
    return std::nullopt;
  };
  if (!s.empty() && s[0] == '+') {
    s.remove_prefix(1);
  }
  if (!s.empty() && s[0] == '-') {
    return fail("an amount of money cannot be negative");
  }
  int64_t baht = 0;
  int64_t satang = 0;
  size_t i = 0;
  size_t int_digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++int_digits) {
    if (baht > 1'000'000'000'000'000LL / 10) {
      return fail("the amount is too large");
    }
    baht = baht * 10 + (s[i] - '0');
  }
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++frac_digits) {
      if (frac_digits >= 2) {
        if (s[i] != '0') {
          return fail("money has at most 2 decimals (satang)");
        }
        continue;
      }
      satang = satang * 10 + (s[i] - '0');
    }
  }
  if (i != s.size() || int_digits + frac_digits == 0) {
    return fail("not an amount of money in baht (digits, optionally . and 2 decimals)");
  }
  if (frac_digits == 1) {
    satang *= 10;
  }
  return Money{baht * 100 + satang};
}

std::string format_money(Money m, bool separators)
{
  int64_t baht = m.satang / 100;
  int64_t satang = m.satang % 100;
  if (!separators) {
    return fmt::format("{}.{:02}", baht, satang);
  }
  std::string digits = std::to_string(baht);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return fmt::format("{}.{:02}", out, satang);
}

}  // namespace kudrang
