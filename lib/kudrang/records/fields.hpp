#pragma once
// Reading typed values out of a record's Node. Structure and types were
// already checked against the schema, so a getter simply returns nothing for
// an absent or mistyped field; value checks the schema cannot express (a real
// calendar date, money with at most two decimals) are reported here.
#include "kudrang/core/date.hpp"
#include "kudrang/core/diagnostic.hpp"
#include "kudrang/core/money.hpp"
#include "kudrang/core/node.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

// A value with the position it was written at.
template <class T>
struct Located {
  T value{};
  Mark mark;
};
using Ref = Located<std::string>;

std::string get_text(const Node& map, std::string_view key);
std::optional<Ref> get_ref(const Node& map, std::string_view key);
std::optional<long> get_int(const Node& map, std::string_view key);
std::optional<long> node_int(const Node& n);
bool get_bool(const Node& map, std::string_view key, bool fallback = false);
std::vector<std::string> get_text_list(const Node& map, std::string_view key);
const Node* get_list(const Node& map, std::string_view key);
const Node* get_map(const Node& map, std::string_view key);

// A date field; an impossible date ("2019-02-30") is reported as date-invalid.
std::optional<Located<Date>> get_date(const Node& map, std::string_view key, Diagnostics& diags);
// A money field (number, or text the schema let through); bad values are
// reported as money-invalid. Absent: nullopt.
std::optional<Located<Money>> node_money(const Node& n, Diagnostics& diags);
std::optional<Located<Money>> get_money(const Node& map, std::string_view key, Diagnostics& diags);

// Fiscal-year range {from, to}.
struct YearRange {
  int from = 0;
  int to = 0;
  Mark mark;
  bool contains(int year) const { return year >= from && year <= to; }
};
std::optional<YearRange> get_period(const Node& map, std::string_view key, Diagnostics& diags);

}  // namespace kudrang
