// Ratio: the integer threshold decision shared by grades and integration
// rules (spec/records.md "The rules computed": num * 100 >= threshold * den,
// a zero denominator is not met, has no percent and needs nothing).
#include "kudrang/rules/ratio.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

TEST_CASE("ratio: meets at and around the threshold")
{
  SUBCASE("3 of 10 meets 30; 2 of 10 does not")
  {
    CHECK(Ratio{3, 10}.meets(30));
    CHECK_FALSE(Ratio{2, 10}.meets(30));
  }
  SUBCASE("7 of 10 meets 70; 6 of 10 does not")
  {
    CHECK(Ratio{7, 10}.meets(70));
    CHECK_FALSE(Ratio{6, 10}.meets(70));
  }
  SUBCASE("69 of 100 does not meet 70; 70 of 100 does")
  {
    CHECK_FALSE(Ratio{69, 100}.meets(70));
    CHECK(Ratio{70, 100}.meets(70));
  }
  SUBCASE("6999 of 10000 (69.99%) does not meet 70")
  {
    CHECK_FALSE(Ratio{6999, 10000}.meets(70));
    CHECK(Ratio{7000, 10000}.meets(70));
  }
  SUBCASE("1 of 1 meets 100; 9 of 10 does not")
  {
    CHECK(Ratio{1, 1}.meets(100));
    CHECK_FALSE(Ratio{9, 10}.meets(100));
  }
  SUBCASE("0 of 0 never meets, not even a threshold of 0")
  {
    CHECK_FALSE(Ratio{0, 0}.meets(30));
    CHECK_FALSE(Ratio{0, 0}.meets(100));
    CHECK_FALSE(Ratio{0, 0}.meets(0));
  }
  SUBCASE("0 of 5 meets a threshold of 0")
  {
    CHECK(Ratio{0, 5}.meets(0));
  }
}

TEST_CASE("ratio: percent in hundredths, rounded half up")
{
  SUBCASE("2/3 -> 66.67")
  {
    CHECK(Ratio{2, 3}.hundredths() == 6667);
  }
  SUBCASE("1/8 -> 12.50 exactly")
  {
    CHECK(Ratio{1, 8}.hundredths() == 1250);
  }
  SUBCASE("53528/70073 -> 76.39")
  {
    CHECK(Ratio{53528, 70073}.hundredths() == 7639);
  }
  SUBCASE("14541/70073 -> 20.75")
  {
    CHECK(Ratio{14541, 70073}.hundredths() == 2075);
  }
  SUBCASE("2004/70073 -> 2.86")
  {
    CHECK(Ratio{2004, 70073}.hundredths() == 286);
  }
  SUBCASE("an exact half rounds up: 1/20000 = 0.005% -> 0.01, 3/20000 = 0.015% -> 0.02")
  {
    CHECK(Ratio{1, 20000}.hundredths() == 1);
    CHECK(Ratio{3, 20000}.hundredths() == 2);
  }
  SUBCASE("below a half rounds down: 1/40000 = 0.0025% -> 0.00")
  {
    CHECK(Ratio{1, 40000}.hundredths() == 0);
  }
  SUBCASE("0 of 5 is 0, 5 of 5 is 100")
  {
    CHECK(Ratio{0, 5}.hundredths() == 0);
    CHECK(Ratio{5, 5}.hundredths() == 10000);
  }
  SUBCASE("0 of 0 has no percent")
  {
    CHECK_FALSE(Ratio{0, 0}.hundredths().has_value());
  }
}

TEST_CASE("ratio: percent text")
{
  SUBCASE("two decimals")
  {
    CHECK(Ratio{53528, 70073}.percent_text() == "76.39");
    CHECK(Ratio{2004, 70073}.percent_text() == "2.86");
    CHECK(Ratio{1, 8}.percent_text() == "12.50");
    CHECK(Ratio{0, 5}.percent_text() == "0.00");
    CHECK(Ratio{1, 1}.percent_text() == "100.00");
  }
  SUBCASE("null for 0 of 0, shown as a dash")
  {
    CHECK_FALSE(Ratio{0, 0}.percent_text().has_value());
    CHECK(percent_or_dash(Ratio{0, 0}) == "-");
    CHECK(percent_or_dash(Ratio{98, 152}) == "64.47%");
  }
}

TEST_CASE("ratio: needed with the denominator fixed")
{
  SUBCASE("98 of 152 at 70 needs 9 (107 of 152 = 70.39%, 106 = 69.74%)")
  {
    CHECK(Ratio{98, 152}.needed_fixed(70) == 9);
    CHECK(Ratio{98 + 9, 152}.meets(70));
    CHECK_FALSE(Ratio{98 + 8, 152}.meets(70));
  }
  SUBCASE("2 of 10 at 30 needs 1; 6999 of 10000 at 70 needs 1")
  {
    CHECK(Ratio{2, 10}.needed_fixed(30) == 1);
    CHECK(Ratio{6999, 10000}.needed_fixed(70) == 1);
  }
  SUBCASE("a ratio that meets needs nothing")
  {
    CHECK(Ratio{3, 10}.needed_fixed(30) == 0);
    CHECK(Ratio{10, 10}.needed_fixed(100) == 0);
  }
  SUBCASE("at 100, every missing item is needed: 7 of 10 needs 3")
  {
    CHECK(Ratio{7, 10}.needed_fixed(100) == 3);
  }
  SUBCASE("0 of 0 needs nothing")
  {
    CHECK(Ratio{0, 0}.needed_fixed(30) == 0);
  }
}

// The least x with (num + x) * 100 >= threshold * (den + x), den > 0.
TEST_CASE("ratio: needed when items are added to both counts")
{
  SUBCASE("2 of 9 at 30 needs 1 (3 of 10 = 30%)")
  {
    CHECK(Ratio{2, 9}.needed_added(30) == 1);
    CHECK(Ratio{3, 10}.meets(30));
  }
  SUBCASE("0 of 5 at 30 needs 3 (2 of 7 = 28.57% fails, 3 of 8 = 37.5% passes)")
  {
    CHECK(Ratio{0, 5}.needed_added(30) == 3);
    CHECK_FALSE(Ratio{2, 7}.meets(30));
    CHECK(Ratio{3, 8}.meets(30));
  }
  SUBCASE("an exact boundary: 1 of 8 at 30 needs 2 (3 of 10 = 30%, 2 of 9 = 22.22%)")
  {
    // 30 * 8 - 100 * 1 = 140; 140 / 70 = 2 exactly.
    CHECK(Ratio{1, 8}.needed_added(30) == 2);
  }
  SUBCASE("just over a boundary: 1 of 9 at 30 needs 3 (4 of 12 = 33.33%, 3 of 11 = 27.27%)")
  {
    // 30 * 9 - 100 * 1 = 170; 170 / 70 = 2.43 -> 3.
    CHECK(Ratio{1, 9}.needed_added(30) == 3);
    CHECK_FALSE(Ratio{3, 11}.meets(30));
    CHECK(Ratio{4, 12}.meets(30));
  }
  SUBCASE("a ratio that meets needs nothing")
  {
    CHECK(Ratio{3, 10}.needed_added(30) == 0);
  }
}

// spec/records.md: "A ratio whose denominator is 0 is not met, its percent is
// null and its `needed` is 0." (Regression: needed_added once returned 1 here.)
TEST_CASE("ratio: 0 of 0 needs nothing when items are added")
{
  CHECK(Ratio{0, 0}.needed_added(30) == 0);
}
