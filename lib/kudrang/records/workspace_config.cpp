#include "kudrang/records/workspace_config.hpp"

#include <fmt/format.h>

namespace kudrang {

const Village* WorkspaceConfig::village(int no) const
{
  for (const auto& v : villages) {
    if (v.no == no) {
      return &v;
    }
  }
  return nullptr;
}

namespace {

std::optional<Fraction> parse_fraction(const Node& n)
{
  if (!n.is_number()) {
    return std::nullopt;
  }
  Fraction f;
  auto dot = n.text.find('.');
  std::string digits = n.text;
  if (dot != std::string::npos) {
    std::string frac = n.text.substr(dot + 1);
    digits = n.text.substr(0, dot) + frac;
    for (size_t i = 0; i < frac.size() && i < 9; ++i) {
      f.den *= 10;
    }
  }
  if (digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  f.num = std::stol(digits);
  return f;
}

}  // namespace

WorkspaceConfig extract_workspace_config(const Node& doc, Diagnostics& diags)
{
  WorkspaceConfig c;
  if (const Node* org = get_map(doc, "organization")) {
    c.org_name = get_text(*org, "name");
    c.org_short = get_text(*org, "short");
    c.org_type = get_text(*org, "type");
  }
  if (const Node* area = get_map(doc, "area")) {
    c.province = get_text(*area, "province");
    c.district = get_text(*area, "district");
    c.subdistrict = get_text(*area, "subdistrict");
    c.area_code = get_text(*area, "code");
    c.area_code_mark = area->find("code") ? area->find("code")->mark : area->mark;
  }
  if (const Node* list = get_list(doc, "villages")) {
    for (const auto& item : list->items) {
      if (!item.is_mapping()) continue;
      Village v;
      v.no = static_cast<int>(get_int(item, "no").value_or(0));
      v.name = get_text(item, "name");
      v.code = get_text(item, "code");
      v.mark = item.mark;
      c.villages.push_back(std::move(v));
    }
  }
  if (const Node* council = get_map(doc, "council")) {
    c.council_name = get_text(*council, "name");
    c.council_venue = get_text(*council, "venue");
    c.meetings_per_year = static_cast<int>(get_int(*council, "meetings_per_year").value_or(12));
    if (const Node* q = council->find("quorum")) {
      c.quorum = parse_fraction(*q);
      if (!c.quorum && q->is_number()) {
        diags.error(q->mark, "quorum-invalid",
                    fmt::format("'quorum' {} must be a share between 0 and 1, e.g. 0.5", q->text));
        c.quorum.reset();
      }
    }
  }
  if (auto locale = get_text(doc, "locale"); !locale.empty()) {
    c.locale = locale;
  }
  if (const Node* list = get_list(doc, "holidays")) {
    for (const auto& item : list->items) {
      if (!item.is_mapping()) continue;
      if (auto d = get_date(item, "date", diags)) {
        c.holidays.push_back({d->value, get_text(item, "name"), item.mark});
      }
    }
  }
  if (const Node* l = get_map(doc, "letter")) {
    c.letter.emblem = get_text(*l, "emblem");
    c.letter.number_prefix = get_text(*l, "number_prefix");
    c.letter.office_address = get_text(*l, "office_address");
    c.letter.unit = get_text(*l, "unit");
    c.letter.phone = get_text(*l, "phone");
    c.letter.fax = get_text(*l, "fax");
    c.letter.email = get_text(*l, "email");
  }
  if (const Node* l = get_map(doc, "limits")) {
    // The schema bounds each value; out-of-range values keep the default.
    if (auto v = get_int(*l, "max_file_bytes"); v && *v >= 1024 && *v <= 64L * 1024 * 1024) {
      c.limits.max_bytes = static_cast<size_t>(*v);
    }
    if (auto v = get_int(*l, "max_depth"); v && *v >= 4 && *v <= 400) {
      c.limits.max_depth = static_cast<int>(*v);
    }
    if (auto v = get_int(*l, "max_nodes"); v && *v >= 100 && *v <= 10'000'000) {
      c.limits.max_nodes = static_cast<size_t>(*v);
    }
  }
  return c;
}

}  // namespace kudrang
