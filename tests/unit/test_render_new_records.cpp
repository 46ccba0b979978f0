// What `kudrang init` writes besides records: the CI workflow must be YAML a
// CI service can read, and use --changed on pull requests.
#include "kudrang/render/new_records.hpp"
#include "testutil.hpp"

using namespace kudrang;

TEST_CASE("init: the CI workflow is valid YAML; pull requests run validate --changed, main runs all")
{
  NewWorkspace w;
  w.org_name = "องค์การบริหารส่วนตำบลกุดรัง";
  w.subdistrict = "กุดรัง";
  auto files = new_workspace_files(w);
  const std::string* workflow = nullptr;
  for (const auto& [path, text] : files) {
    if (path == ".github/workflows/kudrang.yml") workflow = &text;
  }
  REQUIRE(workflow);
  Diagnostics diags("kudrang.yml");
  auto doc = load_yaml(*workflow, diags);
  REQUIRE(doc);
  CHECK(diags.list().empty());
  const Node* steps = doc->find("jobs")->find("validate")->find("steps");
  REQUIRE(steps);
  std::vector<std::string> runs;
  for (const auto& step : steps->items) {
    if (const Node* run = step.find("run")) runs.push_back(run->text);
  }
  CHECK(std::count_if(runs.begin(), runs.end(), [](const std::string& r) {
          return r.find("kudrang validate --changed") != std::string::npos;
        }) == 1);
  CHECK(std::count(runs.begin(), runs.end(), std::string("kudrang validate --format github")) == 1);
}

namespace {

// The content lines of an iCalendar text, unfolded (RFC 5545 3.1).
std::vector<std::string> ics_lines(const std::string& ics)
{
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < ics.size()) {
    size_t end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    std::string line = ics.substr(pos, end - pos);
    CHECK(line.size() <= 75);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
    if (!line.empty() && line[0] == ' ') lines.back() += line.substr(1);
    else lines.push_back(line);
    pos = end + 2;
  }
  return lines;
}

}  // namespace

TEST_CASE("ics: a venue with line breaks (CRLF, LF, bare CR) and specials stays one escaped, folded LOCATION")
{
  Workspace ws;
  ws.has_config = true;
  ws.config.value.council_venue = "ห้องประชุม\rBEGIN:VEVENT\nX;Y,Z\\\r\nEND:VEVENT " + std::string(60, 'x');
  std::vector<ScheduledMeeting> s(1);
  s[0].number = 1;
  s[0].date = Date{2020, 10, 15};
  auto lines = ics_lines(schedule_ics(ws, 2564, s, "09:30", 180, "20200913T000000Z"));
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 1);
  CHECK(std::find(lines.begin(), lines.end(),
                  "LOCATION:ห้องประชุม\\nBEGIN:VEVENT\\nX\\;Y\\,Z\\\\\\nEND:VEVENT " + std::string(60, 'x'))
        != lines.end());
}

TEST_CASE("ics: a meeting that ends after midnight ends on the next day, not at hour 25")
{
  Workspace ws;
  std::vector<ScheduledMeeting> s(1);
  s[0].number = 1;
  s[0].date = Date{2021, 2, 28};
  auto lines = ics_lines(schedule_ics(ws, 2564, s, "22:00", 180, "20200913T000000Z"));
  CHECK(std::find(lines.begin(), lines.end(), "DTSTART;TZID=Asia/Bangkok:20210228T220000") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "DTEND;TZID=Asia/Bangkok:20210301T010000") != lines.end());
}
