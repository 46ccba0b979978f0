#pragma once
// Baht held exactly as an integer number of satang (1 baht = 100 satang).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kudrang {

// A total that does not fit in 64 bits of satang (about 92 million million
// baht): reported as an error, never wrapped into a negative number.
class MoneyOverflow : public std::overflow_error {
public:
  MoneyOverflow()
    : std::overflow_error("a money total is larger than kudrang can hold (92,233,720,368,547,758.07 baht); "
                          "check the amounts for a digit too many")
  {
  }
};

struct Money {
  int64_t satang = 0;
  auto operator<=>(const Money&) const = default;
  // Checked: throws MoneyOverflow instead of overflowing.
  Money& operator+=(Money o)
  {
    if (__builtin_add_overflow(satang, o.satang, &satang)) throw MoneyOverflow();
    return *this;
  }
};

// Parses a non-negative decimal with at most two decimals ("150000", "99.5").
// Returns nullopt (and sets `why` when given) for anything else.
std::optional<Money> parse_money(std::string_view text, std::string* why = nullptr);

// "150,000.00" (thousands separators) or "150000.00" for machines.
std::string format_money(Money m, bool separators = true);

}  // namespace kudrang
