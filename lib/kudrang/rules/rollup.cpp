#include "kudrang/rules/rollup.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace kudrang {

int rules_met(const SummaryRow& row)
{
  int n = 0;
  for (const char* id : {"ldp-30", "budget-20", "self-30", "dimensions-3"}) {
    const IntegrationRule* r = find_rule(row, id);
    n += r && r->met ? 1 : 0;
  }
  return n;
}

namespace {

void add_lao(LaoTotals& t, const SummaryRow& row)
{
  if (t.laos == 0) t.sum.meetings_target = 0;
  ++t.laos;
  const IntegrationRule* ldp = find_rule(row, "ldp-30");
  const IntegrationRule* budget = find_rule(row, "budget-20");
  t.ldp30 += ldp && ldp->met;
  t.budget20 += budget && budget->met;
  t.model += model_lao(row);
  ++t.levels[static_cast<size_t>(std::clamp(row.level, 0, 5))];
  add_summary_row(t.sum, row);
}

long plans_of(const SummaryRow& r) { return r.grades.a + r.grades.b + r.grades.c + r.grades.none; }

}  // namespace

Rollup roll_up(int year, const SummaryRows& rows, size_t ranked)
{
  Rollup out;
  out.year = year;
  std::map<std::string, LaoTotals> districts, provinces;  // "" (unknown) sorts first: moved last below
  for (const auto& [info, row] : rows) {
    add_lao(out.total, row);
    LaoTotals& d = districts[row.district_code.empty() ? "" : row.district_code];
    d.code = row.district_code;
    if (d.name.empty()) d.name = row.district;
    if (d.province.empty()) d.province = row.province;
    add_lao(d, row);
    LaoTotals& p = provinces[row.province_code];
    p.code = row.province_code;
    if (p.name.empty()) p.name = row.province;
    add_lao(p, row);
  }
  auto flatten = [](std::map<std::string, LaoTotals>& m, std::vector<LaoTotals>& v) {
    for (auto& [code, t] : m) {
      if (!code.empty()) v.push_back(std::move(t));
    }
    if (auto it = m.find(""); it != m.end()) v.push_back(std::move(it->second));
  };
  flatten(districts, out.districts);
  flatten(provinces, out.provinces);

  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  auto key = [&](size_t i) {
    const SummaryRow& r = rows[i].second;
    long plans = plans_of(r);
    long graded = plans - r.grades.none;
    // graded share compared as a fraction: graded/plans, cross-multiplied below
    return std::make_tuple(r.level, rules_met(r), graded, plans, r.certified);
  };
  auto better = [&](size_t a, size_t b) {
    auto [la, ra, ga, pa, ca] = key(a);
    auto [lb, rb, gb, pb, cb] = key(b);
    if (la != lb) return la > lb;
    if (ra != rb) return ra > rb;
    // graded share: ga/pa vs gb/pb (an LAO with no plan has share 0)
    long x = pa ? ga * (pb ? pb : 1) : 0;
    long y = pb ? gb * (pa ? pa : 1) : 0;
    if (x != y) return x > y;
    if (ca != cb) return ca > cb;
    return rows[a].first.workspace < rows[b].first.workspace;
  };
  std::stable_sort(order.begin(), order.end(), better);
  size_t n = std::min(ranked, order.size());
  out.best.assign(order.begin(), order.begin() + static_cast<long>(n));
  out.worst.assign(order.rbegin(), order.rbegin() + static_cast<long>(n));
  return out;
}

}  // namespace kudrang
