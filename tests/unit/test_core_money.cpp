#include "kudrang/core/money.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

TEST_CASE("money: exact satang from decimal text")
{
  CHECK(parse_money("150000")->satang == 15000000);
  CHECK(parse_money("99.5")->satang == 9950);
  CHECK(parse_money("0.01")->satang == 1);
  CHECK(parse_money("0.10")->satang == 10);
  // 0.1 + 0.2 is exactly 0.3 here, unlike binary floating point
  CHECK(parse_money("0.1")->satang + parse_money("0.2")->satang == parse_money("0.3")->satang);
}

TEST_CASE("money: what is not money")
{
  std::string why;
  CHECK_FALSE(parse_money("1.005", &why));
  CHECK(why == "money has at most 2 decimals (satang)");
  CHECK_FALSE(parse_money("-5", &why));
  CHECK(why == "an amount of money cannot be negative");
  CHECK_FALSE(parse_money("1e5"));
  CHECK_FALSE(parse_money(""));
  CHECK_FALSE(parse_money("."));
  CHECK(parse_money("1.500")->satang == 150);  // trailing zeros are not extra satang
}

TEST_CASE("money: formatting with separators")
{
  CHECK(format_money(Money{15000000}) == "150,000.00");
  CHECK(format_money(Money{123456789}) == "1,234,567.89");
  CHECK(format_money(Money{5}) == "0.05");
  CHECK(format_money(Money{15000000}, false) == "150000.00");
}
