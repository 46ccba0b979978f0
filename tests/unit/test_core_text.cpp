#include "kudrang/core/node.hpp"
#include "kudrang/core/text.hpp"
#include "kudrang/records/record_reads.hpp"

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

TEST_CASE("text: the fast display width agrees with utf8proc for every code point and for broken bytes")
{
  // Every code point of the BMP and the first supplementary planes, alone
  // and between Thai letters; then truncated and stray bytes.
  auto utf8 = [](char32_t cp) {
    std::string s;
    if (cp < 0x80) s += static_cast<char>(cp);
    else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
  };
  size_t differ = 0;
  for (char32_t cp = 0; cp < 0x30000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    std::string s = "ก" + utf8(cp) + "ั";
    if (display_width(s) != display_width_utf8proc(s)) ++differ;
  }
  CHECK(differ == 0);
  for (std::string s : {"\xE0", "\xE0\xB8", "\xE0\xB8\x41", "a\xE0\xB9", "\xB8\x81", "\xE0\xB8\xB8\xB8", "\xFF\xE0\xB9\x80x"}) {
    CHECK(display_width(s) == display_width_utf8proc(s));
  }
  CHECK(display_width("ผู้ใหญ่บ้าน กุดรัง abc") == display_width_utf8proc("ผู้ใหญ่บ้าน กุดรัง abc"));
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

TEST_CASE("escape_controls: control characters cannot drive a terminal (issue 11)")
{
  CHECK(kudrang::escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(kudrang::escape_controls("line\nforged: error") == "line\\nforged: error");
  CHECK(kudrang::escape_controls("cr\rtab\tdel\x7f") == "cr\\rtab\\tdel\\x7f");
  CHECK(kudrang::escape_controls("c1\xC2\x9b" "x") == "c1\\u009bx");
  CHECK(kudrang::escape_controls("กุดรัง") == "กุดรัง");
}

TEST_CASE("find_control_char: tabs and line breaks are text, the rest is not")
{
  CHECK(kudrang::find_control_char("a\tb\r\nc") == std::string_view::npos);
  CHECK(kudrang::find_control_char(std::string_view("ab\0c", 4)) == 2);
  CHECK(kudrang::find_control_char("x\x7f") == 1);
  CHECK(kudrang::find_control_char("กุด\xC2\x85") == 9);
  CHECK(kudrang::find_control_char("\xC2\xA0") == std::string_view::npos);  // NBSP is text
}

TEST_CASE("abbreviate: long values are cut at a code point")
{
  CHECK(kudrang::abbreviate("กุดรัง", 3) == "กุด…");
  CHECK(kudrang::abbreviate("abc", 3) == "abc");
}

TEST_CASE("closest_candidate: leading zeros first, then one clear closest, never a tie")
{
  std::vector<std::string> ids{"p001", "p002", "p013", "p017"};
  CHECK(kudrang::closest_candidate("p13", ids) == "p013");     // zeros left out
  CHECK(kudrang::closest_candidate("P017", ids) == "p017");    // case
  CHECK(kudrang::closest_candidate("p0013", ids) == "p013");   // a zero too many
  CHECK(kudrang::closest_candidate("p003", ids).empty());       // p001, p002, p013 all one edit away
  CHECK(kudrang::closest_candidate("p999", ids).empty());       // nothing near
  CHECK(kudrang::closest_candidate("hled", {"planned", "held"}) == "held");
  CHECK(kudrang::closest_candidate("ab", {"xy", "abc"}) == "abc");
  CHECK(kudrang::closest_candidate("", ids).empty());
}

TEST_CASE("kind_line_of: the kind a file names, even when it does not parse")
{
  CHECK(kudrang::kind_line_of("# x\nkind: meeting\nid: [a\n") == "meeting");
  CHECK(kudrang::kind_line_of("kind: \"project\"  # a sheet\r\n") == "project");
  CHECK(kudrang::kind_line_of("  kind: roster\n").empty());  // nested: not the record's kind
  CHECK(kudrang::kind_line_of("id: x\n").empty());
}
