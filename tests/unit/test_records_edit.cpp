#include "kudrang/io/safe_write.hpp"
#include "kudrang/records/record_edit.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace kudrang;

namespace {

RecordText parsed(const std::string& text)
{
  std::string error;
  auto t = RecordText::parse(text, error);
  REQUIRE_MESSAGE(t, error);
  return *t;
}

}  // namespace

TEST_CASE("record edit: a value changes where it stands, its comment and every other byte kept")
{
  RecordText t = parsed("# หัว\r\nkind: meeting\r\nstatus:   planned   # วางแผน\r\ndate: 2020-10-13\r\n");
  std::string error;
  REQUIRE(t.set("status", "held", {}, error));
  CHECK(t.text() == "# หัว\r\nkind: meeting\r\nstatus: held   # วางแผน\r\ndate: 2020-10-13\r\n");
  REQUIRE(t.set("date", "2020-10-20", {}, error));
  CHECK(t.text() == "# หัว\r\nkind: meeting\r\nstatus: held   # วางแผน\r\ndate: 2020-10-20\r\n");
}

TEST_CASE("record edit: quoted values and values with '#' inside quotes are replaced whole")
{
  RecordText t = parsed("kind: meeting\nstart: \"09:30\" # เช้า\nnote: 'a # b'\n");
  std::string error;
  REQUIRE(t.set("start", "\"13:30\"", {}, error));
  REQUIRE(t.set("note", "ใหม่", {}, error));
  CHECK(t.text() == "kind: meeting\nstart: \"13:30\" # เช้า\nnote: ใหม่\n");
}

TEST_CASE("record edit: a missing key is a new line after the first 'after' key present, in the file's line endings")
{
  RecordText t = parsed("kind: meeting\r\nstart: \"09:30\"\r\nchair: p001\r\n");
  std::string error;
  REQUIRE(t.set("end", "\"12:00\"", {"finish", "start"}, error));
  CHECK(t.text() == "kind: meeting\r\nstart: \"09:30\"\r\nend: \"12:00\"\r\nchair: p001\r\n");
  RecordText u = parsed("kind: meeting\nagenda:\n  - no: 1");
  REQUIRE(u.set("note", "x", {"agenda"}, error));  // after a block: at the end
  CHECK(u.text() == "kind: meeting\nagenda:\n  - no: 1\nnote: x\n");
}

TEST_CASE("record edit: lists, mappings and multi-line values are refused, the text unchanged")
{
  RecordText t = parsed("kind: meeting\nnote: |\n  บรรทัดหนึ่ง\n  บรรทัดสอง\nagenda: [a]\n");
  std::string error;
  CHECK_FALSE(t.set("note", "x", {}, error));
  CHECK_FALSE(t.set("agenda", "x", {}, error));
  CHECK(t.text() == "kind: meeting\nnote: |\n  บรรทัดหนึ่ง\n  บรรทัดสอง\nagenda: [a]\n");
  std::string bad;
  CHECK_FALSE(RecordText::parse("kind: [unclosed\n", bad));
}

TEST_CASE("record edit: a value that would not read back as written is refused")
{
  RecordText t = parsed("kind: meeting\nnote: x\n");
  std::string error;
  CHECK_FALSE(t.set("note", "a: b", {}, error));  // would make a mapping
  CHECK(t.text() == "kind: meeting\nnote: x\n");
}

TEST_CASE("replace_file: a file changed since it was read is left as the other program wrote it")
{
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "kudrang-replace-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path f = dir / "m.yaml";
  { std::ofstream(f) << "status: planned\n"; }
  std::string error;
  CHECK(replace_file(f, "status: planned\n", "status: held\n", error) == ReplaceResult::replaced);
  { std::ofstream(f) << "status: held\nnote: saved by someone else\n"; }
  CHECK(replace_file(f, "status: held\n", "status: cancelled\n", error) == ReplaceResult::changed);
  std::ifstream in(f);
  std::stringstream s;
  s << in.rdbuf();
  CHECK(s.str() == "status: held\nnote: saved by someone else\n");
  size_t files = 0;
  for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);  // no temporary left
  fs::remove_all(dir);
}

TEST_CASE("record edit: a block entry is replaced whole, comments after it and line endings kept")
{
  RecordText t = parsed("kind: meeting\r\nattendance:\r\n  present: [p001,\r\n            p002]\r\n# หมายเหตุ\r\nagenda: []\r\n");
  std::string error;
  REQUIRE(t.set_block("attendance", "attendance:\n  present:\n    - p001  # นายหนึ่ง\n  absent: [p002]\n", {}, error));
  CHECK(t.text() ==
        "kind: meeting\r\nattendance:\r\n  present:\r\n    - p001  # นายหนึ่ง\r\n  absent: [p002]\r\n# หมายเหตุ\r\nagenda: []\r\n");
  RecordText u = parsed("kind: meeting\nchair: p001\nagenda: []\n");
  REQUIRE(u.set_block("attendance", "attendance:\n  present: [p001]\n", {"chair"}, error));
  CHECK(u.text() == "kind: meeting\nchair: p001\nattendance:\n  present: [p001]\nagenda: []\n");
}
