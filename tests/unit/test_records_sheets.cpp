// Spreadsheet cells to record values (issue 14), the CSV encodings, and
// appending list entries to a record in place.
#include "kudrang/io/spreadsheet.hpp"
#include "kudrang/records/record_edit.hpp"
#include "kudrang/records/sheet_import.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

namespace {

SheetCell text(const char* s)
{
  SheetCell c;
  c.kind = SheetCell::Kind::text;
  c.text = s;
  return c;
}

SheetCell number(double v)
{
  SheetCell c;
  c.kind = SheetCell::Kind::number;
  c.number = v;
  return c;
}

std::optional<Date> date_of(const SheetCell& c)
{
  std::string why;
  return cell_date(c, why);
}

}  // namespace

TEST_CASE("sheets: dates as Excel serials, BE and CE text, Thai months and Thai digits")
{
  CHECK(date_of(number(43739)) == Date{2019, 10, 1});
  CHECK(date_of(number(43739.75)) == Date{2019, 10, 1});  // a time of day is dropped
  CHECK(date_of(text("14/10/2568")) == Date{2025, 10, 14});
  CHECK(date_of(text("14/10/2025")) == Date{2025, 10, 14});
  CHECK(date_of(text("14/10/68")) == Date{2025, 10, 14});  // short years are BE
  CHECK(date_of(text("2025-10-14")) == Date{2025, 10, 14});
  CHECK(date_of(text("2568-10-14")) == Date{2025, 10, 14});
  CHECK(date_of(text("14 ต.ค. 68")) == Date{2025, 10, 14});
  CHECK(date_of(text("1 ตุลาคม 2562")) == Date{2019, 10, 1});
  CHECK(date_of(text("1 ตุลาคม พ.ศ. 2562")) == Date{2019, 10, 1});
  CHECK(date_of(text("๑๔/๑๐/๒๕๖๘")) == Date{2025, 10, 14});
  CHECK(date_of(text(" 14 Oct 2025 ")) == Date{2025, 10, 14});
  SheetCell d;
  d.kind = SheetCell::Kind::date;
  d.date = Date{2563, 10, 1};  // a BE year typed into a date cell
  CHECK(date_of(d) == Date{2020, 10, 1});

  std::string why;
  CHECK_FALSE(cell_date(text("31/2/2564"), why));
  CHECK(why.find("\"31/2/2564\" is not a date") != std::string::npos);
  CHECK_FALSE(cell_date(text("เมื่อวาน"), why));
  CHECK_FALSE(cell_date(number(12), why));  // before 1 March 1900: not a date kudrang trusts
  CHECK(why.find("12") != std::string::npos);
  CHECK_FALSE(cell_date(SheetCell{}, why));
  CHECK(why.empty());  // empty is no date, and no problem
}

TEST_CASE("sheets: numbers in Thai digits, village words, yes/no, names and sectors")
{
  std::string why;
  CHECK(cell_integer(text("๑๒"), why) == 12);
  CHECK(cell_integer(text("หมู่ที่ 3"), why) == 3);
  CHECK(cell_integer(text("ม.๕"), why) == 5);
  CHECK(cell_integer(number(7), why) == 7);
  CHECK_FALSE(cell_integer(number(7.5), why));
  CHECK_FALSE(cell_integer(text("สาม"), why));
  CHECK(why == "\"สาม\" is not a whole number");
  CHECK(cell_bool(text("ใช่"), why) == true);
  CHECK(cell_bool(text("ไม่ใช่"), why) == false);
  CHECK_FALSE(cell_bool(text("บางที"), why));
  CHECK(ascii_digits("ครั้งที่ ๑/๒๕๖๓") == "ครั้งที่ 1/2563");
  CHECK(name_key("นายสมชาย  ใจดี") == name_key("สมชาย ใจดี"));
  CHECK(name_key("นางสาวมาลี ดีงาม") == name_key("มาลี ดีงาม"));
  CHECK(name_key("นางมาลี ดีงาม") != name_key("มาลี ดีมาก"));
  CHECK(sector_from_text("ท้องที่") == Sector::local_administration);
  CHECK(sector_from_text("ท้องถิ่น") == Sector::local_government);
  CHECK(sector_from_text("สภาองค์กรชุมชน") == Sector::community_council);
  CHECK(sector_from_text("ภาครัฐ") == Sector::state_agency);
  CHECK(sector_from_text("state-agency") == Sector::state_agency);
  CHECK(sector_from_text("Local Government") == Sector::local_government);
  CHECK(sector_from_text("ภาคเอกชน") == Sector::unknown);
}

TEST_CASE("sheets: cell addresses")
{
  CHECK(cell_address(6, 2) == "C7");
  CHECK(cell_address(0, 25) == "Z1");
  CHECK(cell_address(0, 26) == "AA1");
  CHECK(column_index("AA") == 26);
  CHECK_FALSE(column_index("A1"));
}

TEST_CASE("sheets: CSV in UTF-8 with or without BOM, or Windows-874")
{
  std::string enc, error;
  CHECK(csv_to_utf8("\xEF\xBB\xBFชื่อ", enc, error) == "ชื่อ");
  CHECK(enc == "UTF-8 with BOM");
  CHECK(csv_to_utf8("ชื่อ", enc, error) == "ชื่อ");
  CHECK(enc == "UTF-8");
  CHECK(csv_to_utf8("\xaa\xd7\xe8\xcd", enc, error) == "ชื่อ");  // TIS-620 bytes
  CHECK(enc == "Windows-874");
  auto book = read_spreadsheet_bytes("a,\"b,c\"\r\n\xc1\xd2,2\r\n", "csv", "x", error);
  REQUIRE(book);
  REQUIRE(book->sheets.size() == 1);
  CHECK(book->sheets[0].rows.size() == 2);
  CHECK(book->sheets[0].at(0, 1).text == "b,c");
  CHECK(book->sheets[0].at(1, 0).text == "มา");
  CHECK(book->sheets[0].at(1, 1).text == "2");
}

TEST_CASE("record edit: list entries are appended after the last one, every other byte kept")
{
  std::string error;
  const std::string before =
      "# ทะเบียน\r\nkind: roster\r\nmembers:\r\n    - id: p001   # กำนัน\r\n      name: ก\r\n\r\n# ท้าย\r\n";
  auto t = RecordText::parse(before, error);
  REQUIRE(t);
  REQUIRE(t->append_items("members", "- id: p002\n  name: ข\n", 1, error));
  CHECK(t->text() == "# ทะเบียน\r\nkind: roster\r\nmembers:\r\n    - id: p001   # กำนัน\r\n      name: ก\r\n"
                     "    - id: p002\r\n      name: ข\r\n\r\n# ท้าย\r\n");
  auto empty = RecordText::parse("kind: roster\nmembers: []\n", error);
  REQUIRE(empty);
  REQUIRE(empty->append_items("members", "- id: p001\n  name: ก\n", 1, error));
  CHECK(empty->text() == "kind: roster\nmembers:\n  - id: p001\n    name: ก\n");
  auto flow = RecordText::parse("kind: roster\nmembers: [{id: p001}]\n", error);
  REQUIRE(flow);
  CHECK_FALSE(flow->append_items("members", "- id: p002\n", 1, error));
  CHECK(error.find("flow list") != std::string::npos);
}
