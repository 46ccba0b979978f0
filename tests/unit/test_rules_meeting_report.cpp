// The council's year (spec/records.md "The rules computed", Meetings of
// fiscal year N): held meetings per month, missing months, attendance per
// village and sector, and the quorum of each held meeting.
#include "kudrang/rules/meeting_report.hpp"
#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using kudrang::test::minimal_workspace;
using kudrang::test::TempDir;
using Files = std::map<std::string, std::string>;

namespace {

// Ten members: three of village 1..3 in local administration, two in local
// government, three in the community council, two from state agencies.
const std::string roster = R"(kind: roster
members:
  - { id: p01, name: นายหนึ่ง, role: กำนัน, sector: local-administration, village: 1 }
  - { id: p02, name: นายสอง, role: ผู้ช่วยผู้ใหญ่บ้าน, sector: local-administration, village: 1 }
  - { id: p03, name: นายสาม, role: ผู้ใหญ่บ้าน, sector: local-administration, village: 2 }
  - { id: p04, name: นางสี่, role: สมาชิกสภา อบต., sector: local-government, village: 2 }
  - { id: p05, name: นายห้า, role: นายก อบต., sector: local-government }
  - { id: p06, name: นางหก, role: ผู้แทนสภาองค์กรชุมชน, sector: community-council, village: 3 }
  - { id: p07, name: นางเจ็ด, role: ผู้แทนกลุ่มอาชีพ, sector: community-council, village: 3 }
  - { id: p08, name: นายแปด, role: ประธานสภาองค์กรชุมชน, sector: community-council }
  - { id: p09, name: นางเก้า, role: พัฒนากร, sector: state-agency }
  - { id: p10, name: นายสิบ, role: เกษตรตำบล, sector: state-agency }
)";

std::string meeting(const std::string& id, const std::string& status, const std::string& date,
                    const std::string& attendance = "")
{
  std::string s = "kind: meeting\nid: " + id + "\ntitle: ประชุมสภาผู้นำ\nstatus: " + status + "\ndate: " + date +
                  "\nstart: \"09:30\"\n";
  if (!attendance.empty())
    s += "attendance:\n" + attendance;
  return s;
}

// Fiscal year 2563 runs from 2019-10-01 to 2020-09-30.
Files year_2563(const std::string& config)
{
  return {
      {"kudrang.yaml", config},
      {"roster.yaml", roster},
      {"meetings/2563-01.yaml", meeting("2563-01", "held", "2019-10-15",
                                        "  present: [p01, p02, p03, p05, p06, p09]\n"
                                        "  excused: [p04]\n"
                                        "  absent: [p07, p08, p10]\n")},
      {"meetings/2563-02.yaml", meeting("2563-02", "held", "2019-11-12",
                                        "  present: [p01, p02, p04, p08, p10]\n"
                                        "  absent: [p03, p05, p06, p07, p09]\n")},
      {"meetings/2563-03.yaml", meeting("2563-03", "held", "2019-11-26",
                                        "  present: [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10]\n")},
      {"meetings/2563-04.yaml", meeting("2563-04", "cancelled", "2019-12-10")},
      {"meetings/2563-05.yaml", meeting("2563-05", "planned", "2020-01-14")},
      // The last day of the year; p08 is in no attendance list (a warning).
      {"meetings/2563-06.yaml", meeting("2563-06", "held", "2020-09-30",
                                        "  present: [p01, p02, p06, p07, p09, p10]\n"
                                        "  absent: [p03, p04, p05]\n")},
      // Either side of the fiscal year.
      {"meetings/2562-12.yaml", meeting("2562-12", "held", "2019-09-30",
                                        "  present: [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10]\n")},
      {"meetings/2564-01.yaml", meeting("2564-01", "held", "2020-10-01",
                                        "  present: [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10]\n")},
  };
}

std::string config_with(const std::string& council_extra, int villages = 4)
{
  std::string c = minimal_workspace(villages);
  auto at = c.find(", meetings_per_year: 12 }");
  REQUIRE(at != std::string::npos);
  c.replace(at, std::string(", meetings_per_year: 12 }").size(),
            ", meetings_per_year: 12" + council_extra + " }");
  return c;
}

// Loads the files; fixtures must have no errors (warnings are allowed).
LoadedTree load(const std::map<std::string, std::string>& files)
{
  return test::load_valid_tree(files);
}

const SectorAttendance& sector(const MeetingReport& r, Sector s)
{
  for (const auto& x : r.sectors) {
    if (x.sector == s)
      return x;
  }
  FAIL("no sector " << sector_id(s));
  return r.sectors.front();
}

const MemberAttendance& member(const MeetingReport& r, const std::string& id)
{
  for (const auto& x : r.members) {
    if (x.member && x.member->id == id)
      return x;
  }
  FAIL("no member " << id);
  return r.members.front();
}

} // namespace

TEST_CASE("meeting report: months October to September with held counts")
{
  auto tree = load(year_2563(minimal_workspace(4)));
  auto r = meeting_report(tree.workspaces.at(0), 2563);
  CHECK(r.fiscal_year == 2563);
  CHECK(r.target == 12);
  SUBCASE("the twelve months in order, in CE")
  {
    const std::array<std::pair<int, int>, 12> months{{{2019, 10},
                                                      {2019, 11},
                                                      {2019, 12},
                                                      {2020, 1},
                                                      {2020, 2},
                                                      {2020, 3},
                                                      {2020, 4},
                                                      {2020, 5},
                                                      {2020, 6},
                                                      {2020, 7},
                                                      {2020, 8},
                                                      {2020, 9}}};
    const std::array<long, 12> held{1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    for (size_t i = 0; i < 12; ++i) {
      CAPTURE(i);
      CHECK(r.months[i].year == months[i].first);
      CHECK(r.months[i].month == months[i].second);
      CHECK(r.months[i].held == held[i]);
    }
  }
  SUBCASE("held: the four held meetings of the year; cancelled, planned and other years not counted")
  {
    CHECK(r.held == 4);
    CHECK(r.cancelled == 1);
    CHECK_FALSE(r.target_met());
    REQUIRE(r.meetings.size() == 4);
    CHECK(r.meetings[0].meeting->id == "2563-01");
    CHECK(r.meetings[1].meeting->id == "2563-02");
    CHECK(r.meetings[2].meeting->id == "2563-03");
    CHECK(r.meetings[3].meeting->id == "2563-06");
  }
  SUBCASE("missing months: December to August")
  {
    REQUIRE(r.missing_months.size() == 9);
    CHECK(r.missing_months.front().year == 2019);
    CHECK(r.missing_months.front().month == 12);
    for (size_t i = 1; i < 9; ++i) {
      CAPTURE(i);
      CHECK(r.missing_months[i].year == 2020);
      CHECK(r.missing_months[i].month == static_cast<int>(i));
      CHECK(r.missing_months[i].held == 0);
    }
  }
  SUBCASE("the neighbouring years see only their own meeting")
  {
    auto before = meeting_report(tree.workspaces.at(0), 2562);
    CHECK(before.held == 1);
    CHECK(before.months[11].year == 2019);
    CHECK(before.months[11].month == 9);
    CHECK(before.months[11].held == 1);
    CHECK(before.missing_months.size() == 11);
    auto after = meeting_report(tree.workspaces.at(0), 2564);
    CHECK(after.held == 1);
    CHECK(after.months[0].year == 2020);
    CHECK(after.months[0].month == 10);
    CHECK(after.months[0].held == 1);
    CHECK(after.cancelled == 0);
  }
}

TEST_CASE("meeting report: the target comes from council.meetings_per_year")
{
  auto files = year_2563(minimal_workspace(4));
  auto& c = files["kudrang.yaml"];
  c.replace(c.find("meetings_per_year: 12"), 21, "meetings_per_year: 4");
  auto tree = load(files);
  auto r = meeting_report(tree.workspaces.at(0), 2563);
  CHECK(r.target == 4);
  CHECK(r.held == 4);
  CHECK(r.target_met());
}

TEST_CASE("meeting report: villages count a held meeting once however many members are present")
{
  auto tree = load(year_2563(minimal_workspace(4)));
  auto r = meeting_report(tree.workspaces.at(0), 2563);
  REQUIRE(r.villages.size() == 4);
  // Village 1 (p01, p02): both present at all four meetings -> 4, not 8.
  CHECK(r.villages[0].no == 1);
  CHECK(r.villages[0].name == "บ้านทดสอบ1");
  CHECK(r.villages[0].meetings_present == 4);
  // Village 2 (p03, p04): 01 (p03), 02 (p04), 03 (both); none at 06 -> 3.
  CHECK(r.villages[1].meetings_present == 3);
  // Village 3 (p06, p07): 01 (p06), 03, 06 (both); none at 02 -> 3.
  CHECK(r.villages[2].meetings_present == 3);
  // Village 4 has no members.
  CHECK(r.villages[3].meetings_present == 0);
  SUBCASE("by fiscal month")
  {
    CHECK(r.villages[0].by_month == std::array<long, 12>{1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    CHECK(r.villages[1].by_month == std::array<long, 12>{1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(r.villages[2].by_month == std::array<long, 12>{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
  }
}

TEST_CASE("meeting report: sectors present and possible")
{
  auto tree = load(year_2563(minimal_workspace(4)));
  auto r = meeting_report(tree.workspaces.at(0), 2563);
  REQUIRE(r.sectors.size() == 4);
  CHECK(r.sectors[0].sector == Sector::local_administration);
  CHECK(r.sectors[1].sector == Sector::local_government);
  CHECK(r.sectors[2].sector == Sector::community_council);
  CHECK(r.sectors[3].sector == Sector::state_agency);
  // p01-p03: 3+2+3+2 present of 3 named at each of 4 meetings.
  CHECK(sector(r, Sector::local_administration).present == 10);
  CHECK(sector(r, Sector::local_administration).possible == 12);
  // p04, p05: 1+1+2+0 of 2 named at each.
  CHECK(sector(r, Sector::local_government).present == 4);
  CHECK(sector(r, Sector::local_government).possible == 8);
  // p06-p08: 1+1+3+2; p08 named in no list of 2563-06, so 3+3+3+2.
  CHECK(sector(r, Sector::community_council).present == 7);
  CHECK(sector(r, Sector::community_council).possible == 11);
  // p09, p10: 1+1+2+2 of 2 named at each.
  CHECK(sector(r, Sector::state_agency).present == 6);
  CHECK(sector(r, Sector::state_agency).possible == 8);
  SUBCASE("members")
  {
    CHECK(member(r, "p01").present == 4);
    CHECK(member(r, "p04").present == 2);
    CHECK(member(r, "p04").excused == 1);
    CHECK(member(r, "p04").absent == 1);
    CHECK(member(r, "p08").present == 2);
    CHECK(member(r, "p08").absent == 1);
  }
}

TEST_CASE("meeting report: quorum of each held meeting")
{
  SUBCASE("without a configured quorum, more than half: 5 of 10 is not reached, 6 of 10 is")
  {
    auto tree = load(year_2563(minimal_workspace(4)));
    auto r = meeting_report(tree.workspaces.at(0), 2563);
    REQUIRE(r.meetings.size() == 4);
    CHECK(r.meetings[0].present == 6);
    CHECK(r.meetings[0].members == 10);
    CHECK(r.meetings[0].reached);
    CHECK(r.meetings[1].present == 5);
    CHECK(r.meetings[1].members == 10);
    CHECK_FALSE(r.meetings[1].reached);
    CHECK(r.meetings[2].present == 10);
    CHECK(r.meetings[2].reached);
    CHECK(r.meetings[3].present == 6);
    CHECK(r.meetings[3].reached);
  }
  SUBCASE("quorum 0.5: 5 of 10 is reached")
  {
    auto tree = load(year_2563(config_with(", quorum: 0.5")));
    REQUIRE(tree.workspaces.at(0).config.value.quorum);
    auto r = meeting_report(tree.workspaces.at(0), 2563);
    REQUIRE(r.meetings.size() == 4);
    CHECK(r.meetings[1].present == 5);
    CHECK(r.meetings[1].reached);
    CHECK(r.meetings[0].reached);
  }
  SUBCASE("quorum 0.6: 5 of 10 is not reached, 6 of 10 is")
  {
    auto tree = load(year_2563(config_with(", quorum: 0.6")));
    auto r = meeting_report(tree.workspaces.at(0), 2563);
    REQUIRE(r.meetings.size() == 4);
    CHECK_FALSE(r.meetings[1].reached);
    CHECK(r.meetings[0].reached);
  }
  SUBCASE("members are those current on the day")
  {
    auto files = year_2563(minimal_workspace(4));
    // p11 left the council before the second meeting.
    files["roster.yaml"] += "  - { id: p11, name: นายสิบเอ็ด, role: อดีตสมาชิก, sector: state-agency, "
                            "until: 2019-10-31 }\n";
    auto tree = load(files);
    auto r = meeting_report(tree.workspaces.at(0), 2563);
    REQUIRE(r.meetings.size() == 4);
    CHECK(r.meetings[0].members == 11);
    CHECK(r.meetings[0].present == 6);
    CHECK(r.meetings[0].reached); // 6 of 11
    CHECK(r.meetings[1].members == 10);
  }
}

TEST_CASE("meeting report: quorum_reached")
{
  SUBCASE("more than half by default")
  {
    CHECK_FALSE(quorum_reached(5, 10, std::nullopt));
    CHECK(quorum_reached(6, 10, std::nullopt));
    CHECK(quorum_reached(3, 5, std::nullopt));
    CHECK_FALSE(quorum_reached(2, 4, std::nullopt));
  }
  SUBCASE("a configured share is inclusive")
  {
    CHECK(quorum_reached(5, 10, Fraction{5, 10}));
    CHECK(quorum_reached(5, 10, Fraction{1, 2}));
    CHECK_FALSE(quorum_reached(4, 10, Fraction{5, 10}));
    CHECK(quorum_reached(2, 3, Fraction{2, 3}));
    CHECK_FALSE(quorum_reached(1, 3, Fraction{1, 2}));
  }
  SUBCASE("no members: not reached")
  {
    CHECK_FALSE(quorum_reached(0, 0, std::nullopt));
    CHECK_FALSE(quorum_reached(0, 0, Fraction{5, 10}));
  }
}
