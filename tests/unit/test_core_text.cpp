#include "kudrang/core/node.hpp"
#include "kudrang/core/text.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

TEST_CASE("text: Thai display width ignores vowel and tone marks")
{
  CHECK(display_width("ผู้ใหญ่บ้าน") == 7);
  CHECK(count_code_points("ผู้ใหญ่บ้าน") == 11);
  CHECK(display_width("กุดรัง") == 4);
  CHECK(display_width("abc") == 3);
  CHECK(pad_right("กุดรัง", 6) == "กุดรัง  ");
  CHECK(pad_left("12", 4) == "  12");
}

TEST_CASE("text: invalid UTF-8 is found at its byte")
{
  CHECK(find_invalid_utf8("กุดรัง") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xE0\xB8") == 2);  // truncated Thai letter
  CHECK(find_invalid_utf8("a\xA1" "b") == 1);   // a TIS-620 byte
}

TEST_CASE("text: Thai digits on request")
{
  CHECK(to_thai_digits("ครั้งที่ 1/2563") == "ครั้งที่ ๑/๒๕๖๓");
}

TEST_CASE("scalar typing: kudrang's resolver, not YAML 1.1")
{
  CHECK(resolve_plain_scalar("0341") == NodeType::integer);  // decimal, never octal
  CHECK(resolve_plain_scalar("yes") == NodeType::string);
  CHECK(resolve_plain_scalar("true") == NodeType::boolean);
  CHECK(resolve_plain_scalar("~") == NodeType::null);
  CHECK(resolve_plain_scalar("2019-10-15") == NodeType::string);
  CHECK(resolve_plain_scalar("09:30") == NodeType::string);
  CHECK(resolve_plain_scalar("1.50") == NodeType::number);
  CHECK(resolve_plain_scalar("1e5") == NodeType::string);
  CHECK(resolve_plain_scalar("1.5e3") == NodeType::number);
  CHECK(resolve_plain_scalar("-") == NodeType::string);
}
