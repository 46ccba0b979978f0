#include "testutil.hpp"

#include <doctest/doctest.h>

using namespace kudrang;
using kudrang::test::minimal_workspace;
using kudrang::test::validate_files;
using V = std::vector<std::string>;

namespace {

const std::string roster = "kind: roster\nmembers:\n"
                           "  - { id: p1, name: นายหนึ่ง, role: กำนัน, sector: local-administration, village: 1 }\n"
                           "  - { id: p2, name: นางสอง, role: สมาชิกสภา อบต., sector: local-government, village: 2 }\n";

std::string meeting(const std::string& id, const std::string& date, const std::string& attendance)
{
  return "kind: meeting\nid: " + id + "\ntitle: ประชุม\nstatus: held\ndate: " + date
         + "\nstart: \"09:30\"\nchair: p1\nattendance:\n" + attendance;
}

}  // namespace

TEST_CASE("workspace: a consistent workspace is clean")
{
  CHECK(validate_files({{"kudrang.yaml", minimal_workspace()},
                        {"roster.yaml", roster},
                        {"m/1.yaml", meeting("2563-01", "2019-10-15", "  present: [p1, p2]\n")}})
        .empty());
}

TEST_CASE("workspace: meeting checks")
{
  SUBCASE("a date outside the fiscal year of the id")
  {
    auto v = validate_files({{"kudrang.yaml", minimal_workspace()},
                             {"roster.yaml", roster},
                             {"m/1.yaml", meeting("2563-01", "2019-09-30", "  present: [p1, p2]\n")}});
    CHECK(v == V{"m/1.yaml:5:7: error: 2019-09-30 (30 September 2562 BE) is outside fiscal year 2563 of "
                 "meeting '2563-01' (2019-10-01 to 2020-09-30) [date-fiscal-year]"});
  }
  SUBCASE("a member not recorded is a warning; one in two lists an error")
  {
    auto v = validate_files({{"kudrang.yaml", minimal_workspace()},
                             {"roster.yaml", roster},
                             {"m/1.yaml", meeting("2563-01", "2019-10-15", "  present: [p1]\n  absent: [p1]\n")}});
    CHECK(v == V{"m/1.yaml:8:1: warning: attendance not recorded for 1 current member: p2 [attendance-missing]",
                 "m/1.yaml:8:1: warning: 1 of 2 members present: below the quorum (more than half); a meeting "
                 "below it cannot decide [quorum-not-met]",
                 "m/1.yaml:10:12: error: 'p1' is listed in attendance.present and again in attendance.absent; "
                 "a member is in one list only [attendance-duplicate]"});
  }
  SUBCASE("two held meetings on one day")
  {
    auto v = validate_files({{"kudrang.yaml", minimal_workspace()},
                             {"roster.yaml", roster},
                             {"m/1.yaml", meeting("2563-01", "2019-10-15", "  present: [p1, p2]\n")},
                             {"m/2.yaml", meeting("2563-02", "2019-10-15", "  present: [p1, p2]\n")}});
    CHECK(v == V{"m/2.yaml:5:7: error: meeting '2563-02' is held on 2019-10-15, the same day as meeting "
                 "'2563-01' [meeting-date-duplicate]"});
  }
}

TEST_CASE("workspace: ids are unique per workspace, not across workspaces")
{
  auto v = validate_files({{"a/kudrang.yaml", minimal_workspace()},
                           {"a/roster.yaml", roster},
                           {"b/kudrang.yaml", minimal_workspace()},
                           {"b/roster.yaml", roster},
                           {"b/roster2.yaml", roster}});
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "b/roster2.yaml:3:11: error: member id 'p1' is already used at b/roster.yaml:3 [id-duplicate]");
}

TEST_CASE("workspace: a reference never resolves in another workspace")
{
  auto v = validate_files({{"a/kudrang.yaml", minimal_workspace()},
                           {"a/roster.yaml", roster},
                           {"b/kudrang.yaml", minimal_workspace()},
                           {"b/m/1.yaml", meeting("2563-01", "2019-10-15", "  present: [p1]\n")}});
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "b/m/1.yaml:7:8: error: unknown roster id 'p1' in chair [ref-unknown]");
  CHECK(v[1] == "b/m/1.yaml:9:13: error: unknown roster id 'p1' in attendance.present [ref-unknown]");
}

TEST_CASE("workspace: households and criteria sums")
{
  auto v = validate_files(
    {{"kudrang.yaml", minimal_workspace()},
     {"p.yaml", "kind: community-plan\nid: m01-2563\nvillage: 1\nyear: 2563\n"
                "period: { from: 2564, to: 2566 }\n"
                "households: { total: 100, participating: 101, self_analysis: 50 }\n"
                "process: { lao_from_start: true, lao_adopted: false, sufficiency_economy: true }\n"
                "book: true\nprojects: []\n"},
     {"c.yaml", "kind: criteria\nid: mine\ncertification:\n  pass: 60\n  areas:\n"
                "    - { id: a, name: A, points: 100, indicators: [ { id: a1, max: 90 } ] }\n"}});
  CHECK(v == V{"c.yaml:6:7: error: the indicators of area 'a' add up to 90 points, but the area has 100 "
               "[criteria-sum]",
               "p.yaml:6:27: error: households.participating (101) is more than households.total (100) "
               "[households-inconsistent]"});
}
