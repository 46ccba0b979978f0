#pragma once
// Baht held exactly as an integer number of satang (1 baht = 100 satang).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kudrang {

struct Money {
  int64_t satang = 0;
  auto operator<=>(const Money&) const = default;
  Money& operator+=(Money o)
  {
    satang += o.satang;
    return *this;
  }
};

// Parses a non-negative decimal with at most two decimals ("150000", "99.5").
// Returns nullopt (and sets `why` when given) for anything else.
std::optional<Money> parse_money(std::string_view text, std::string* why = nullptr);

// "150,000.00" (thousands separators) or "150000.00" for machines.
std::string format_money(Money m, bool separators = true);

}  // namespace kudrang
