// The message catalogue (io/messages): English keys, Thai texts, values put back.
#include "kudrang/io/messages.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

TEST_CASE("English is the text itself")
{
  CHECK(translate("unknown roster id 'p099' in attendance.present", Language::en)
        == "unknown roster id 'p099' in attendance.present");
}

TEST_CASE("the Thai catalogue is built in and every key is read")
{
  CHECK(catalogue_keys(Language::th).size() > 300);
  CHECK(translate("a whole number", Language::th) == "จำนวนเต็ม");
}

TEST_CASE("quoted values are kept as written, the rest translated")
{
  CHECK(translate("unknown roster id 'p099' in attendance.present", Language::th)
        == "ไม่พบรหัสสมาชิก 'p099' ใน attendance.present");
  // A phrase inside a phrase: the type phrase and the value phrase.
  CHECK(translate("'village' must be a whole number, not the text 'abc'", Language::th)
        == "'village' ต้องเป็น จำนวนเต็ม ไม่ใช่ ข้อความ 'abc'");
}

TEST_CASE("values by position, and ISO dates as Thai dates in BE")
{
  CHECK(translate("2 errors, 1 warning in 143 files", Language::th)
        == "ข้อผิดพลาด 2 รายการ คำเตือน 1 รายการ ใน 143 ไฟล์");
  CHECK(translate("no meeting records in fiscal year 2570 (2026-10-01 to 2027-09-30)", Language::th)
        == "ไม่มีระเบียนการประชุมในปีงบประมาณ 2570 (1 ตุลาคม 2569 – 30 กันยายน 2570)");
}

TEST_CASE("a text the catalogue does not have stays English")
{
  CHECK(translate("no such message, surely", Language::th) == "no such message, surely");
  CHECK(translate("", Language::th).empty());
}

TEST_CASE("the current language")
{
  Language l = Language::en;
  CHECK(parse_language("th", l));
  CHECK(l == Language::th);
  CHECK_FALSE(parse_language("fr", l));
  set_message_language(Language::th);
  CHECK(translate_lines("a whole number\na number\n") == "จำนวนเต็ม\nตัวเลข\n");
  set_message_language(Language::en);
  CHECK(translate_lines("a whole number\n") == "a whole number\n");
}

TEST_CASE("a message listing thousands of ids is translated in bounded work, every id kept")
{
  // Each ", " is a place where templates with a value first may split the
  // list; without a bound on the steps this took exponential time (a roster
  // of 2,000 imported members made `validate` hang on the first meeting).
  std::string ids;
  for (int i = 1; i <= 2000; ++i) ids += (i > 1 ? ", p" : "p") + std::to_string(i);
  std::string english = "attendance not recorded for 2000 current members: " + ids;
  std::string thai = translate(english, Language::th);
  CHECK(thai == "ยังไม่ได้บันทึกการเข้าประชุมของสมาชิกปัจจุบัน 2000 คน: " + ids);
  // A shorter list (150 ids, under the size of a phrase value) is split and
  // searched within the step budget, and comes out whole.
  std::string some;
  for (int i = 1; i <= 150; ++i) some += (i > 1 ? ", p" : "p") + std::to_string(i);
  CHECK(translate("attendance not recorded for 150 current members: " + some, Language::th)
        == "ยังไม่ได้บันทึกการเข้าประชุมของสมาชิกปัจจุบัน 150 คน: " + some);
  // The budget is per message: the next one is translated whole again.
  CHECK(translate("unknown roster id 'p099' in attendance.present", Language::th)
        == "ไม่พบรหัสสมาชิก 'p099' ใน attendance.present");
}
