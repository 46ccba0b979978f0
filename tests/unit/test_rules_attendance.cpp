// Changing who came to a meeting (issue 13 point 2): the lists, the sheet a
// clerk typed off the paper sign-in sheet, and the checklist's commands.
#include "kudrang/io/spreadsheet.hpp"
#include "kudrang/render/new_records.hpp"
#include "kudrang/render/signin_sheet.hpp"
#include "kudrang/rules/attendance_change.hpp"
#include "kudrang/rules/signin.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

namespace {

const std::string roster = R"(kind: roster
members:
  - { id: p01, name: นายหนึ่ง ใจดี, role: กำนัน, sector: local-administration, village: 1 }
  - { id: p02, name: นายสอง ใจดี, role: ผู้ใหญ่บ้าน, sector: local-administration, village: 2 }
  - { id: p03, name: นางสาม ใจดี, role: สมาชิกสภา อบต., sector: local-government, village: 2 }
  - { id: p04, name: นายสี่ ใจดี, role: พัฒนากร, sector: state-agency }
  - { id: p05, name: นายห้า ใจดี, role: เกษตรตำบล, sector: state-agency }
)";

LoadedTree load(const std::string& attendance)
{
  std::string m = "kind: meeting\nid: 2563-01\ntitle: ประชุม\nstatus: planned\ndate: 2019-10-15\nstart: \"09:30\"\n";
  if (!attendance.empty()) m += "attendance:\n" + attendance;
  return test::load_valid_tree({{"kudrang.yaml", test::minimal_workspace(2)},
                                {"roster.yaml", roster},
                                {"meetings/2563-01.yaml", m}});
}

std::vector<std::string> ids(const std::vector<AttendanceState>& l)
{
  std::vector<std::string> out;
  for (const auto& e : l) out.push_back(e.id);
  return out;
}

Workbook csv(const std::string& text)
{
  std::string error;
  auto book = read_spreadsheet_bytes(text, "csv", "attend", error);
  REQUIRE_MESSAGE(book, error);
  return *book;
}

}  // namespace

TEST_CASE("attendance: a meeting without lists starts with everyone present; members named move, others stay")
{
  auto tree = load("");
  const Workspace& ws = tree.workspaces.at(0);
  const Meeting& m = ws.meetings.at(0).value;
  auto sheet = signin_order(ws, m.date->value);
  REQUIRE(sheet.size() == 5);
  auto people = current_attendance(m, sheet);
  CHECK(attendance_lists(people, sheet).present.size() == 5);
  mark_attendance(people, "p04", AttendanceMark::excused, "ติดราชการ");
  mark_attendance(people, "p02", AttendanceMark::absent, "");
  auto l = attendance_lists(people, sheet);
  CHECK(ids(l.present) == std::vector<std::string>{"p01", "p03", "p05"});
  CHECK(ids(l.excused) == std::vector<std::string>{"p04"});
  CHECK(l.excused[0].reason == "ติดราชการ");
  CHECK(ids(l.absent) == std::vector<std::string>{"p02"});
  // Back to present: the reason goes; excused again without a reason keeps none.
  mark_attendance(people, "p04", AttendanceMark::present, "");
  CHECK(attendance_lists(people, sheet).present.size() == 4);
  mark_attendance(people, "p04", AttendanceMark::excused, "");
  CHECK(attendance_lists(people, sheet).excused.at(0).reason.empty());
  // Everyone is in exactly one list.
  CHECK(attendance_lists(people, sheet).total() == 5);
}

TEST_CASE("attendance: the lists as recorded are the starting point, in the sign-in sheet's order")
{
  auto tree = load("  present: [p05, p01]\n  excused: [{ id: p02, reason: ลาป่วย }]\n  absent: [p03, p04]\n");
  const Workspace& ws = tree.workspaces.at(0);
  const Meeting& m = ws.meetings.at(0).value;
  auto sheet = signin_order(ws, m.date->value);
  auto people = current_attendance(m, sheet);
  // Excused again with no new reason: ลาป่วย stays.
  mark_attendance(people, "p02", AttendanceMark::excused, "");
  auto l = attendance_lists(people, sheet);
  CHECK(ids(l.present) == std::vector<std::string>{"p01", "p05"});
  CHECK(l.excused.at(0).reason == "ลาป่วย");
  CHECK(ids(l.absent) == std::vector<std::string>{"p03", "p04"});
  std::string error;
  CHECK(attendance_member("2", ws, sheet, error)->id == "p02");
  CHECK(attendance_member("๓", ws, sheet, error)->id == "p03");
  CHECK(attendance_member("p05", ws, sheet, error)->id == "p05");
  CHECK(attendance_member("6", ws, sheet, error) == nullptr);
  CHECK(error.find("1 to 5") != std::string::npos);
  CHECK(attendance_member("p99", ws, sheet, error) == nullptr);
  CHECK(error == "unknown roster id 'p99'");
  // The block written back carries each member's name as a comment.
  std::string yaml = attendance_yaml(l, ws);
  CHECK(yaml.find("    - p01  # นายหนึ่ง ใจดี\n") != std::string::npos);
  CHECK(yaml.find("    - { id: p02, reason: ลาป่วย }  # นายสอง ใจดี\n") != std::string::npos);
}

TEST_CASE("attendance: the words clerks write for มา, ลา and ขาด")
{
  std::string reason;
  CHECK(attendance_mark_from_text("มา", reason) == AttendanceMark::present);
  CHECK(attendance_mark_from_text(" มาประชุม ", reason) == AttendanceMark::present);
  CHECK(attendance_mark_from_text("✓", reason) == AttendanceMark::present);
  CHECK(attendance_mark_from_text("Present", reason) == AttendanceMark::present);
  CHECK(attendance_mark_from_text("ลา", reason) == AttendanceMark::excused);
  CHECK(reason.empty());
  CHECK(attendance_mark_from_text("ลาป่วย", reason) == AttendanceMark::excused);
  CHECK(reason == "ลาป่วย");
  CHECK(attendance_mark_from_text("ติดราชการ", reason) == AttendanceMark::excused);
  CHECK(attendance_mark_from_text("ขาด", reason) == AttendanceMark::absent);
  CHECK(attendance_mark_from_text("ไม่มา", reason) == AttendanceMark::absent);
  CHECK(attendance_mark_from_text("absent", reason) == AttendanceMark::absent);
  CHECK_FALSE(attendance_mark_from_text("ไปเที่ยว", reason));
  CHECK_FALSE(attendance_mark_from_text("", reason));
}

TEST_CASE("attendance: a sheet typed off the paper sheet, by number, id or name; every problem by its cell")
{
  auto tree = load("");
  const Workspace& ws = tree.workspaces.at(0);
  auto sheet = signin_order(ws, ws.meetings.at(0).value.date->value);
  auto good = read_attendance_sheet(csv("ที่,ชื่อ - สกุล,สถานะ,หมายเหตุ\n1,นายหนึ่ง ใจดี,มา,\n2,,ลา,ติดประชุมอำเภอ\n"
                                        ",นางสาม  ใจดี,ขาด,\n,,,\n5,,ลาป่วย,\n"),
                                    ws, sheet);
  CHECK(good.problems.empty());
  REQUIRE(good.changes.size() == 4);
  CHECK(good.changes[0].id == "p01");
  CHECK(good.changes[1].id == "p02");
  CHECK(good.changes[1].mark == AttendanceMark::excused);
  CHECK(good.changes[1].reason == "ติดประชุมอำเภอ");
  CHECK(good.changes[2].id == "p03");  // by name, spaces compared leniently
  CHECK(good.changes[2].mark == AttendanceMark::absent);
  CHECK(good.changes[3].reason == "ลาป่วย");
  CHECK(good.changes[3].where == "attend!A6");

  auto bad = read_attendance_sheet(csv("รหัส,ลำดับ,name,status\np09,,,มา\n,2,นายหนึ่ง ใจดี,มา\n,3,,ไปเที่ยว\n"
                                       ",4,,\n,9,,มา\n,,,มา\np01,,,มา\n,1,,ขาด\n"),
                                   ws, sheet);
  CHECK(bad.changes.size() == 1);  // p01 by id; the same member again by number is refused
  REQUIRE(bad.problems.size() == 7);
  CHECK(bad.problems[0].where == "attend!A2");  // unknown id
  CHECK(bad.problems[1].where == "attend!C3");  // the name is not number 2's
  CHECK(bad.problems[1].message.find("นายสอง ใจดี (p02)") != std::string::npos);
  CHECK(bad.problems[2].where == "attend!D4");  // not a status
  CHECK(bad.problems[3].where == "attend!D5");  // no status
  CHECK(bad.problems[4].where == "attend!B6");  // not on the sheet
  CHECK(bad.problems[5].where == "attend!D7");  // names nobody
  CHECK(bad.problems[6].where == "attend!B9");  // p01 twice
  CHECK(bad.problems[6].message.find("attend!A8") != std::string::npos);

  auto none = read_attendance_sheet(csv("ชื่อ,หมู่\nนายหนึ่ง,1\n"), ws, sheet);
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].message.find("สถานะ") != std::string::npos);
}

TEST_CASE("attendance: the checklist's commands")
{
  auto c = parse_checklist_command("ขาด 3 7", 10);
  CHECK(c.kind == ChecklistCommand::Kind::mark);
  CHECK(c.mark == AttendanceMark::absent);
  CHECK(c.numbers == std::vector<std::size_t>{3, 7});
  c = parse_checklist_command("ลา 5, 6: ติดราชการ ต่างอำเภอ", 10);
  CHECK(c.mark == AttendanceMark::excused);
  CHECK(c.numbers == std::vector<std::size_t>{5, 6});
  CHECK(c.reason == "ติดราชการ ต่างอำเภอ");
  c = parse_checklist_command("e 4:ลาป่วย", 10);
  CHECK(c.numbers == std::vector<std::size_t>{4});
  CHECK(c.reason == "ลาป่วย");
  c = parse_checklist_command("มา 8-๑๐", 10);
  CHECK(c.mark == AttendanceMark::present);
  CHECK(c.numbers == std::vector<std::size_t>{8, 9, 10});
  CHECK(parse_checklist_command("บันทึก", 10).kind == ChecklistCommand::Kind::save);
  CHECK(parse_checklist_command("S", 10).kind == ChecklistCommand::Kind::save);
  CHECK(parse_checklist_command("ยกเลิก", 10).kind == ChecklistCommand::Kind::quit);
  CHECK(parse_checklist_command("  ", 10).kind == ChecklistCommand::Kind::redraw);
  CHECK(parse_checklist_command("?", 10).kind == ChecklistCommand::Kind::help);
  CHECK(parse_checklist_command("ขาด 11", 10).kind == ChecklistCommand::Kind::invalid);
  CHECK(parse_checklist_command("ขาด 0", 10).kind == ChecklistCommand::Kind::invalid);
  CHECK(parse_checklist_command("ขาด", 10).kind == ChecklistCommand::Kind::invalid);
  CHECK(parse_checklist_command("ขาด สาม", 10).kind == ChecklistCommand::Kind::invalid);
  CHECK(parse_checklist_command("มา 3: เหตุผล", 10).kind == ChecklistCommand::Kind::invalid);
  CHECK(parse_checklist_command("บันทึก 3", 10).kind == ChecklistCommand::Kind::invalid);
  CHECK(parse_checklist_command("3 7", 10).kind == ChecklistCommand::Kind::invalid);
}

TEST_CASE("attendance: the checklist shows members by sector and village with their marks, one line each")
{
  auto tree = load("");
  const Workspace& ws = tree.workspaces.at(0);
  const Meeting& m = ws.meetings.at(0).value;
  auto sheet = signin_order(ws, m.date->value);
  auto people = current_attendance(m, sheet);
  mark_attendance(people, "p02", AttendanceMark::excused, "ลาป่วย\nแทรก");
  std::string text = render_attendance_checklist(m, ws, sheet, people, true);
  CHECK(text.find("ภาคท้องที่\n  หมู่ที่ 1 บ้านทดสอบ1\n") != std::string::npos);
  CHECK(text.find("[ลา ]  นายสอง ใจดี") != std::string::npos);
  CHECK(text.find("(ลาป่วย แทรก)") != std::string::npos);  // a reason never breaks the line
  CHECK(text.find("ภาครัฐ\n") != std::string::npos);
  CHECK(text.find("     5  [มา ]  นายห้า ใจดี") != std::string::npos);
  std::string en = render_attendance_checklist(m, ws, sheet, people, false);
  CHECK(en.find("[excused]  นายสอง ใจดี") != std::string::npos);
}
