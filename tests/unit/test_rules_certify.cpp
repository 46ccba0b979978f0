// Certification scores against a criteria set (spec/records.md "The rules
// computed", Certification): area = sum of its indicators, total = sum of
// areas, certified when every indicator is scored and total >= pass mark.
#include "kudrang/records/parsed_record.hpp"
#include "kudrang/rules/certify.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace kudrang;

namespace {

// The maximum of every indicator of the built-in cdd-2554 (100 points).
std::map<std::string, long> max_scores()
{
  return {{"se1", 4}, {"se2", 3}, {"se3", 3},  {"se4", 4},  {"se5", 3}, {"se6", 3}, {"pa1", 7},
          {"pa2", 7}, {"pa3", 6}, {"le1", 13}, {"le2", 12}, {"ut1", 9}, {"ut2", 8}, {"ut3", 8},
          {"bk1", 2}, {"bk2", 2}, {"bk3", 2},  {"bk4", 2},  {"bk5", 2}};
}

// A certification record of plan m01-2563 on cdd-2554 with these scores.
Certification certification(const std::map<std::string, long>& scores)
{
  std::string yaml = R"(kind: certification
plan: m01-2563
criteria: cdd-2554
date: 2020-02-14
committee: [นางสาวสุดา ศรีสุข]
scores:
)";
  for (const auto& [id, points] : scores)
    yaml += "  " + id + ": " + std::to_string(points) + "\n";
  ParsedRecord r = parse_record(yaml, "certifications/m01.yaml");
  for (const auto& d : r.diagnostics)
    FAIL_CHECK(format_diagnostic(d));
  REQUIRE(r.kind == "certification");
  return std::get<Certification>(r.value);
}

const AreaScore& area(const CertificationResult& r, const std::string& id)
{
  for (const auto& a : r.areas) {
    if (a.id == id)
      return a;
  }
  FAIL("no area " << id);
  return r.areas.front();
}

} // namespace

TEST_CASE("certify: the built-in criteria add up")
{
  const Criteria& c = builtin_criteria();
  Diagnostics d("cdd-2554");
  check_criteria(c, d);
  CHECK(d.list().empty());
  CHECK(c.id == "cdd-2554");
  CHECK(c.builtin);
  CHECK(c.pass == 80);
  CHECK(c.total_points() == 100);
  REQUIRE(c.areas.size() == 5);
  const std::vector<long> points{20, 20, 25, 25, 10};
  const std::vector<size_t> counts{6, 3, 2, 3, 5};
  size_t indicators = 0;
  for (size_t i = 0; i < 5; ++i) {
    CAPTURE(c.areas[i].id);
    CHECK(c.areas[i].points == points[i]);
    CHECK(c.areas[i].indicators.size() == counts[i]);
    long sum = 0;
    for (const auto& ind : c.areas[i].indicators)
      sum += ind.max;
    CHECK(sum == c.areas[i].points);
    indicators += c.areas[i].indicators.size();
  }
  CHECK(indicators == 19);
  CHECK(c.grade.self_analysis == 70);
  CHECK(c.grade.participation == 70);
  CHECK(c.grade.self_reliance == 30);
  // The test's table of maxima is the built-in set.
  for (const auto& [id, max] : max_scores()) {
    CAPTURE(id);
    REQUIRE(c.indicator(id));
    CHECK(c.indicator(id)->max == max);
  }
}

TEST_CASE("certify: every indicator at its maximum is 100 and certified")
{
  auto cert = certification(max_scores());
  auto r = certify(cert, &builtin_criteria());
  CHECK(r.plan == cert.plan.value);
  CHECK(r.criteria == builtin_criteria().id);
  CHECK(r.criteria_found);
  CHECK(r.total == 100);
  CHECK(r.pass == 80);
  CHECK(r.complete);
  CHECK(r.certified);
  REQUIRE(r.areas.size() == 5);
  for (const auto& a : r.areas) {
    CAPTURE(a.id);
    CHECK(a.score == a.max);
    CHECK(a.missing.empty());
  }
}

TEST_CASE("certify: the pass mark 80 is inclusive")
{
  auto scores = max_scores();
  SUBCASE("79 is not certified")
  {
    scores["le2"] = 0; // -12
    scores["ut1"] = 0; // -9 -> 79
    auto cert = certification(scores);
    auto r = certify(cert, &builtin_criteria());
    CHECK(r.total == 79);
    CHECK(r.complete);
    CHECK_FALSE(r.certified);
  }
  SUBCASE("80 is certified")
  {
    scores["le2"] = 1; // -11
    scores["ut1"] = 0; // -9 -> 80
    auto cert = certification(scores);
    auto r = certify(cert, &builtin_criteria());
    CHECK(r.total == 80);
    CHECK(r.certified);
  }
  SUBCASE("81 is certified")
  {
    scores["le2"] = 2;
    scores["ut1"] = 0;
    auto cert = certification(scores);
    CHECK(certify(cert, &builtin_criteria()).total == 81);
    CHECK(certify(cert, &builtin_criteria()).certified);
  }
  SUBCASE("all zero is 0, complete and not certified")
  {
    for (auto& [id, points] : scores)
      points = 0;
    auto cert = certification(scores);
    auto r = certify(cert, &builtin_criteria());
    CHECK(r.total == 0);
    CHECK(r.complete);
    CHECK_FALSE(r.certified);
  }
}

TEST_CASE("certify: area sums")
{
  auto scores = max_scores();
  scores["se1"] = 2;  // se: 20 - 2 = 18
  scores["se6"] = 1;  // se: 18 - 2 = 16
  scores["pa3"] = 5;  // pa: 19
  scores["le1"] = 10; // le: 22
  scores["ut2"] = 6;  // ut: 23
  scores["bk5"] = 0;  // bk: 8
  auto cert = certification(scores);
  auto r = certify(cert, &builtin_criteria());
  CHECK(area(r, "se").score == 16);
  CHECK(area(r, "se").max == 20);
  CHECK(area(r, "pa").score == 19);
  CHECK(area(r, "pa").max == 20);
  CHECK(area(r, "le").score == 22);
  CHECK(area(r, "le").max == 25);
  CHECK(area(r, "ut").score == 23);
  CHECK(area(r, "ut").max == 25);
  CHECK(area(r, "bk").score == 8);
  CHECK(area(r, "bk").max == 10);
  CHECK(r.total == 16 + 19 + 22 + 23 + 8);
  CHECK(r.total == 88);
  CHECK(r.certified);
  // Areas in the order of the criteria set.
  REQUIRE(r.areas.size() == 5);
  CHECK(r.areas[0].id == "se");
  CHECK(r.areas[4].id == "bk");
}

TEST_CASE("certify: a missing indicator makes it incomplete and not certified")
{
  auto scores = max_scores();
  SUBCASE("one missing of 100 points scored otherwise (98 of the rest)")
  {
    scores.erase("bk5");
    auto cert = certification(scores);
    auto r = certify(cert, &builtin_criteria());
    CHECK(r.total == 98);
    CHECK_FALSE(r.complete);
    CHECK_FALSE(r.certified);
    CHECK(area(r, "bk").score == 8);
    CHECK(area(r, "bk").missing == std::vector<std::pair<std::string, long>>{{"bk5", 2}});
    CHECK(area(r, "se").missing.empty());
  }
  SUBCASE("two missing in different areas")
  {
    scores.erase("se2");
    scores.erase("le1");
    auto cert = certification(scores);
    auto r = certify(cert, &builtin_criteria());
    CHECK(r.total == 100 - 3 - 13);
    CHECK_FALSE(r.complete);
    CHECK_FALSE(r.certified);
    CHECK(area(r, "se").missing == std::vector<std::pair<std::string, long>>{{"se2", 3}});
    CHECK(area(r, "le").missing == std::vector<std::pair<std::string, long>>{{"le1", 13}});
  }
}

TEST_CASE("certify: unknown criteria give not certified")
{
  auto cert = certification(max_scores());
  auto r = certify(cert, nullptr);
  CHECK_FALSE(r.criteria_found);
  CHECK_FALSE(r.certified);
  CHECK_FALSE(r.complete);
  CHECK(r.total == 0);
  CHECK(r.areas.empty());
}

TEST_CASE("certify: against a workspace criteria set with its own pass mark")
{
  ParsedRecord p = parse_record(R"(kind: criteria
id: local-1
certification:
  pass: 60
  areas:
    - { id: a, name: ด้านหนึ่ง, points: 50, indicators: [ { id: a1, max: 30, text: หนึ่ง }, { id: a2, max: 20, text: สอง } ] }
    - { id: b, name: ด้านสอง, points: 50, indicators: [ { id: b1, max: 50, text: สาม } ] }
)",
                                "criteria/local-1.yaml");
  for (const auto& d : p.diagnostics)
    FAIL_CHECK(format_diagnostic(d));
  REQUIRE(p.kind == "criteria");
  const Criteria crit = std::get<Criteria>(p.value);
  Diagnostics d("criteria/local-1.yaml");
  check_criteria(crit, d);
  CHECK(d.list().empty());
  CHECK(crit.pass == 60);

  auto make = [](long a1, long a2, long b1) {
    Certification c;
    c.scores = {{"a1", {}, a1}, {"a2", {}, a2}, {"b1", {}, b1}};
    return c;
  };
  SUBCASE("60 certified")
  {
    auto c = make(30, 0, 30);
    auto r = certify(c, &crit);
    CHECK(r.total == 60);
    CHECK(r.pass == 60);
    CHECK(r.certified);
    CHECK(r.areas[0].score == 30);
    CHECK(r.areas[1].score == 30);
  }
  SUBCASE("59 not certified")
  {
    auto c = make(29, 0, 30);
    auto r = certify(c, &crit);
    CHECK(r.total == 59);
    CHECK_FALSE(r.certified);
  }
}
