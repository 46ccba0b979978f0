#include "kudrang/records/fields.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace kudrang {

std::string get_text(const Node& map, std::string_view key)
{
  const Node* n = map.find(key);
  return n && n->is_scalar() && !n->is_null() ? n->text : std::string();
}

std::optional<Ref> get_ref(const Node& map, std::string_view key)
{
  const Node* n = map.find(key);
  if (!n || !n->is_scalar() || n->is_null()) {
    return std::nullopt;
  }
  // Longer than any id or PLAN/PROJECT reference may be (the schema reports
  // it): not taken further, so no later message repeats a hostile megabyte.
  if (n->text.size() > 129) return std::nullopt;
  return Ref{n->text, n->mark};
}

std::optional<long> node_int(const Node& n)
{
  if (n.type == NodeType::integer) {
    errno = 0;
    long v = std::strtol(n.text.c_str(), nullptr, 10);
    return errno == 0 ? std::optional<long>(v) : std::nullopt;
  }
  if (n.type == NodeType::number) {
    double v = std::strtod(n.text.c_str(), nullptr);
    // Out of range, the cast would be undefined (the loader reports such numbers).
    if (std::fabs(v) < 9.2e18 && v == static_cast<double>(static_cast<long>(v))) {
      return static_cast<long>(v);
    }
  }
  return std::nullopt;
}

std::optional<long> get_int(const Node& map, std::string_view key)
{
  const Node* n = map.find(key);
  return n ? node_int(*n) : std::nullopt;
}

bool get_bool(const Node& map, std::string_view key, bool fallback)
{
  const Node* n = map.find(key);
  return n && n->is_bool() ? n->as_bool() : fallback;
}

std::vector<std::string> get_text_list(const Node& map, std::string_view key)
{
  std::vector<std::string> out;
  if (const Node* n = get_list(map, key)) {
    for (const auto& item : n->items) {
      if (item.is_scalar() && !item.is_null()) {
        out.push_back(item.text);
      }
    }
  }
  return out;
}

const Node* get_list(const Node& map, std::string_view key)
{
  const Node* n = map.find(key);
  return n && n->is_sequence() ? n : nullptr;
}

const Node* get_map(const Node& map, std::string_view key)
{
  const Node* n = map.find(key);
  return n && n->is_mapping() ? n : nullptr;
}

std::optional<Located<Date>> get_date(const Node& map, std::string_view key, Diagnostics& diags)
{
  const Node* n = map.find(key);
  if (!n || !n->is_string()) {
    return std::nullopt;
  }
  auto d = parse_date(n->text);
  if (!d) {
    // Only report dates that have the right shape; the schema reports the rest.
    if (n->text.size() == 10 && n->text[4] == '-' && n->text[7] == '-') {
      diags.error(n->mark, "date-invalid",
                  fmt::format("'{}' {} is not a date in the calendar", key, n->text));
    }
    return std::nullopt;
  }
  return Located<Date>{*d, n->mark};
}

std::optional<Located<Money>> node_money(const Node& n, Diagnostics& diags)
{
  if (!n.is_number()) {
    return std::nullopt;
  }
  std::string why;
  auto m = parse_money(n.text, &why);
  if (!m) {
    diags.error(n.mark, "money-invalid", fmt::format("{}: {}", n.text, why));
    return std::nullopt;
  }
  return Located<Money>{*m, n.mark};
}

std::optional<Located<Money>> get_money(const Node& map, std::string_view key, Diagnostics& diags)
{
  const Node* n = map.find(key);
  return n ? node_money(*n, diags) : std::nullopt;
}

std::optional<YearRange> get_period(const Node& map, std::string_view key, Diagnostics& diags)
{
  const Node* n = get_map(map, key);
  if (!n) {
    return std::nullopt;
  }
  auto from = get_int(*n, "from");
  auto to = get_int(*n, "to");
  if (!from || !to) {
    return std::nullopt;
  }
  YearRange r{static_cast<int>(*from), static_cast<int>(*to), n->mark};
  if (r.from > r.to) {
    diags.error(n->key_mark("to"), "period-order",
                fmt::format("'{}' ends ({}) before it starts ({})", key, r.to, r.from));
  }
  return r;
}

}  // namespace kudrang
