#include "kudrang/render/new_records.hpp"

#include "kudrang/core/version.hpp"

#include "kudrang/render/yaml_text.hpp"
#include "kudrang/schema/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace kudrang {

std::string meeting_id(int fy, int number)
{
  return fmt::format("{}-{:02}", fy, number);
}

std::string meeting_path(int fy, int number)
{
  return fmt::format("meetings/{}/{}.yaml", fy, meeting_id(fy, number));
}

namespace {

const Member* find_role(const Workspace& ws, std::initializer_list<const char*> prefixes)
{
  for (const char* p : prefixes) {
    for (const Member* m : ws.members()) {
      if (m->role.rfind(p, 0) == 0) return m;
    }
  }
  return nullptr;
}

// The project sheet whose meetings-held indicator covers the year, if exactly one.
const Project* meeting_project(const Workspace& ws, int fy)
{
  const Project* found = nullptr;
  for (const auto& rec : ws.projects) {
    const Project& p = rec.value;
    if (p.period && !p.period->contains(fy)) continue;
    for (const auto& i : p.indicators) {
      if (i.measure == "meetings-held") {
        if (found) return nullptr;
        found = &p;
        break;
      }
    }
  }
  return found;
}

void wrap_ids(std::ostringstream& out, const std::vector<std::string>& ids, const char* indent)
{
  out << "[";
  size_t col = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) {
      out << ",";
      if (col >= 12) {
        out << "\n" << indent;
        col = 0;
      } else {
        out << " ";
      }
    }
    out << ids[i];
    ++col;
  }
  out << "]";
}

}  // namespace

std::string new_meeting_yaml(const Workspace& ws, const NewMeeting& m)
{
  const auto& c = ws.config.value;
  std::ostringstream out;
  std::string id = meeting_id(m.fiscal_year, m.number);
  out << "# yaml-language-server: $schema=" << m.schema_prefix << "meeting.schema.json\n";
  out << "kind: meeting\n";
  out << "id: " << id << "\n";
  if (const Project* p = meeting_project(ws, m.fiscal_year)) out << "project: \"" << p->ref << "\"\n";
  std::string council = c.council_name.empty() ? "สภา" : c.council_name;
  out << "title: " << yaml_text(fmt::format("ประชุม{} ครั้งที่ {}/{}", council, m.number, m.fiscal_year)) << "\n";
  out << "status: planned\n";
  out << "date: " << iso_date(m.date) << "\n";
  out << "start: \"" << m.start << "\"\n";
  std::string venue = m.venue.empty() ? c.council_venue : m.venue;
  if (!venue.empty()) out << "venue: " << yaml_text(venue) << "\n";
  if (const Member* chief = find_role(ws, {"นายกองค์การบริหารส่วนตำบล", "นายก อบต.", "นายกเทศมนตรี"})) {
    out << "chair: " << chief->id << "\n";
  }
  if (const Member* clerk = find_role(ws, {"ปลัดองค์การบริหารส่วนตำบล", "ปลัด อบต.", "ปลัดเทศบาล"})) {
    out << "recorder: " << clerk->id << "\n";
  }
  if (m.fill_attendance) {
    std::vector<std::string> ids;
    for (const Member* mem : ws.members()) {
      if (mem->current_on(m.date)) ids.push_back(mem->id);
    }
    out << "attendance:        # move each member to excused (ลา) or absent after the meeting\n";
    out << "  present: ";
    wrap_ids(out, ids, "            ");
    out << "\n  excused: []\n  absent: []\n";
  }
  out << "agenda:\n";
  out << "  - no: 1\n    title: เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ\n";
  out << "  - no: 2\n    title: เรื่องรับรองรายงานการประชุมครั้งที่แล้ว\n";
  return out.str();
}

std::string attendance_yaml(const AttendanceLists& lists, const Workspace& ws)
{
  std::string out = "attendance:\n";
  auto list = [&](const char* name, const std::vector<AttendanceState>& entries) {
    if (entries.empty()) {
      out += fmt::format("  {}: []\n", name);
      return;
    }
    out += fmt::format("  {}:\n", name);
    for (const auto& e : entries) {
      const Member* m = ws.member(e.id);
      std::string comment = m && !m->name.empty() ? "  # " + m->name : "";
      // A name is one line of a comment, whatever the roster holds.
      std::replace_if(comment.begin(), comment.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
      if (e.reason.empty()) out += fmt::format("    - {}{}\n", e.id, comment);
      else out += fmt::format("    - {{ id: {}, reason: {} }}{}\n", e.id, yaml_text(e.reason), comment);
    }
  };
  list("present", lists.present);
  list("excused", lists.excused);
  list("absent", lists.absent);
  return out;
}

std::vector<std::pair<std::string, std::string>> new_workspace_files(const NewWorkspace& w)
{
  std::vector<std::pair<std::string, std::string>> files;
  std::ostringstream ws;
  ws << "# yaml-language-server: $schema=.kudrang/schemas/workspace.schema.json\n";
  ws << "kind: workspace\n";
  ws << "organization: { name: " << yaml_text(w.org_name) << ", short: " << yaml_text(w.org_short)
     << ", type: " << w.org_type << " }\n";
  ws << "area:\n";
  ws << "  province: " << yaml_text(w.province) << "\n";
  ws << "  district: " << yaml_text(w.district) << "\n";
  ws << "  subdistrict: " << yaml_text(w.subdistrict) << "\n";
  if (!w.code.empty()) ws << "  code: \"" << w.code << "\"\n";
  ws << "villages:           # every village (หมู่บ้าน) of the subdistrict: put in the real names\n";
  for (int i = 1; i <= w.villages; ++i) {
    ws << "  - { no: " << i << ", name: " << yaml_text(fmt::format("หมู่ที่ {}", i));
    if (w.code.size() == 6) ws << ", code: \"" << w.code << fmt::format("{:02}", i) << "\"";
    ws << " }\n";
  }
  std::string place = w.subdistrict.empty() ? std::string() : "ตำบล" + w.subdistrict;
  ws << "council:\n";
  ws << "  name: " << yaml_text("สภาผู้นำชุมชนจัดการตนเอง" + place) << "\n";
  ws << "  venue: " << yaml_text("ห้องประชุม " + w.org_name) << "\n";
  ws << "  meetings_per_year: 12\n";
  ws << "locale: th\n";
  ws << "holidays: []      # days the meeting planner skips besides Thailand's public holidays (built in for 2563-2575): - { date: 2025-06-02, name: วันหยุดพิเศษ }\n";
  files.emplace_back("kudrang.yaml", ws.str());

  files.emplace_back("roster.yaml",
                     "# yaml-language-server: $schema=.kudrang/schemas/roster.schema.json\n"
                     "kind: roster\n"
                     "members: []\n"
                     "# One entry per council member, for example:\n"
                     "#  - id: p001\n"
                     "#    name: นายสมชาย ใจดี\n"
                     "#    role: กำนัน\n"
                     "#    sector: local-administration   # local-administration (ท้องที่) | local-government (ท้องถิ่น)\n"
                     "#                                   # | community-council (สภาองค์กรชุมชน) | state-agency (ภาครัฐ)\n"
                     "#    village: 1\n"
                     "#    from: 2024-10-01\n");
  for (const char* dir : {"meetings", "projects", "plans", "certifications", "development-plan", "budget", "criteria"}) {
    files.emplace_back(fmt::format("{}/.gitkeep", dir), "");
  }
  for (const auto& e : embedded_schemas()) {
    std::string text(e.text);
    if (text.empty() || text.back() != '\n') text += '\n';
    files.emplace_back(fmt::format(".kudrang/schemas/{}.schema.json", e.kind), text);
  }
  files.emplace_back(".gitignore", "# kudrang's cache (outside git only; in a repository it lives in .git/kudrang) and editor files\n"
                                   ".kudrang-cache/\n*.tmp\n*~\n");
  // Pull requests check only the workspaces they touch (complete for those,
  // so nothing is missed); the default branch is checked whole. kudrang
  // comes from its released Debian package, pinned to the version writing
  // this, in a Debian 12 container (the package is built for Debian 12).
  const std::string deb = release_package_url(version);
  files.emplace_back(".github/workflows/kudrang.yml", fmt::format(R"(# Checks the records with kudrang: on a pull request the workspaces it
# changes, on the default branch every record. kudrang {0} is installed from
# its released Debian package; to upgrade, change KUDRANG_DEB to a newer
# release (man kudrang-init, "Upgrading").
name: kudrang
on:
  push:
    branches: [{1}]
  pull_request:
env:
  KUDRANG_DEB: {2}
jobs:
  validate:
    runs-on: ubuntu-latest
    container: debian:12
    steps:
      - name: Install git and curl
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git curl ca-certificates
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # --changed needs the branch's history
      - name: Install kudrang
        run: |
          curl -fsSL -o /tmp/kudrang.deb "$KUDRANG_DEB"
          apt-get install -y -qq /tmp/kudrang.deb
          kudrang --version
      - name: Validate the changed workspaces (pull request)
        if: github.event_name == 'pull_request'
        run: |
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
          kudrang validate --changed "origin/${{{{ github.base_ref }}}}" --format github
      - name: Validate every record ({1})
        if: github.event_name != 'pull_request'
        run: kudrang validate --format github
)",
                                                                  version, w.default_branch, deb));
  files.emplace_back(".kudrang/gitlab-ci.yml", fmt::format(R"(# The same checks for GitLab: copy this file to .gitlab-ci.yml at the top of
# the repository. kudrang {0} from its released Debian package.
kudrang:
  image: debian:12
  variables:
    KUDRANG_DEB: {2}
    GIT_DEPTH: "0"
  before_script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends git curl ca-certificates
    - curl -fsSL -o /tmp/kudrang.deb "$KUDRANG_DEB"
    - apt-get install -y -qq /tmp/kudrang.deb
  script:
    - |
      if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then
        git fetch -q origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
        kudrang validate --changed "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
      else
        kudrang validate
      fi
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == "{1}"
)",
                                                           version, w.default_branch, deb));
  return files;
}

std::string province_workflow(const std::string& default_branch)
{
  return fmt::format(R"WF(# Checks a gathering of LAO repositories (git submodules) with kudrang: on a
# pull request (a bump of some LAOs) the files changed inside each bumped
# submodule, on the default branch every LAO. kudrang {0} from its released
# Debian package (man kudrang-gather, "Continuous integration").
name: kudrang-province
on:
  push:
    branches: [{1}]
  pull_request:
  schedule:
    - cron: "0 1 1 * *"  # the 1st of every month, 08:00 in Thailand
  workflow_dispatch:
env:
  KUDRANG_DEB: {2}
jobs:
  validate:
    if: github.event_name == 'push' || github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    container: debian:12
    steps:
      - name: Install git and curl
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git curl ca-certificates
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0        # --changed needs the history, the submodules' too
          submodules: recursive # every LAO fetched: one that is not is an error for --changed
      - name: Install kudrang
        run: |
          curl -fsSL -o /tmp/kudrang.deb "$KUDRANG_DEB"
          apt-get install -y -qq /tmp/kudrang.deb
          kudrang --version
      - name: Validate the bumped LAOs (pull request)
        if: github.event_name == 'pull_request'
        run: |
          git config --global --add safe.directory '*'
          kudrang validate --changed "origin/${{{{ github.base_ref }}}}" --format github
      - name: Validate every LAO ({1})
        if: github.event_name == 'push'
        run: |
          git config --global --add safe.directory '*'
          kudrang validate --format github

  # SKETCH, not tested by kudrang: the monthly bump. Moves every LAO to its
  # default branch's head and opens a pull request with the bumps, which the
  # job above then checks. LAO repositories that are private need a token
  # that can read them (a deploy key or a fine-grained token in
  # secrets.LAO_READ_TOKEN, given to actions/checkout and git).
  bump:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    container: debian:12
    permissions:
      contents: write
      pull-requests: write
    steps:
      - name: Install git, curl and jq
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git curl ca-certificates jq
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
          submodules: recursive
      - name: Install kudrang
        run: |
          curl -fsSL -o /tmp/kudrang.deb "$KUDRANG_DEB"
          apt-get install -y -qq /tmp/kudrang.deb
      - name: Move every LAO to its default branch's head
        run: |
          git config --global --add safe.directory '*'
          # exit 1 (an LAO now has errors) or 3 (some failed to fetch) still
          # opens the pull request: the report says which, CI shows the errors.
          kudrang gather update --format json > gather.json || true
      - name: Open a pull request with the bumps
        env:
          GH_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}
        run: |
          if git diff --cached --quiet; then echo "no LAO has new commits"; exit 0; fi
          branch="gather/$(date -u +%Y-%m)"
          git config user.name "kudrang gather"
          git config user.email "kudrang-gather@users.noreply.github.com"
          git checkout -b "$branch"
          git commit -q -m "gather: $(jq -r '.moved' gather.json) LAO(s) moved to their default branch's head"
          git push -f origin "$branch"
          jq -n --arg head "$branch" --arg base "{1}" --rawfile body gather.json \
            '{{title: ("gather: monthly bump " + $head), head: $head, base: $base, body: ("```json\n" + $body + "```")}}' |
            curl -fsS -X POST -H "Authorization: Bearer $GH_TOKEN" -H "Accept: application/vnd.github+json" \
              "https://api.github.com/repos/${{{{ github.repository }}}}/pulls" -d @- > /dev/null
)WF",
                     version, default_branch, release_package_url(version));
}

std::string release_package_url(std::string_view v)
{
  return fmt::format("{0}/v{1}/kudrang_{1}_amd64.deb", KUDRANG_RELEASES, v);
}

namespace {

// TEXT of RFC 5545 3.3.11: \\ ; , escaped, every line break (CRLF, LF or a
// bare CR) as \\n, other control characters (which TEXT may not hold) dropped.
std::string ics_escape(std::string_view s)
{
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out += "\\n";
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) continue;
    out += c;
  }
  return out;
}

// Folds a content line at 75 octets without splitting a UTF-8 character.
std::string ics_line(const std::string& line)
{
  std::string out;
  size_t limit = 75;
  size_t count = 0;
  for (size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (count + len > limit) {
      out += "\r\n ";
      count = 1;
      limit = 75;
    }
    out.append(line, i, len);
    count += len;
    i += len;
  }
  return out + "\r\n";
}

// Local date-time `add_minutes` after HH:MM on `d`, carried into the next
// days past midnight.
std::string ics_time(const Date& d, const std::string& hhmm, int add_minutes)
{
  long minutes = std::stoi(hhmm.substr(0, 2)) * 60L + std::stoi(hhmm.substr(3, 2)) + add_minutes;
  long days = minutes / (24 * 60);
  minutes %= 24 * 60;
  if (minutes < 0) {
    minutes += 24 * 60;
    --days;
  }
  Date day = civil_from_days(days_from_civil(d) + days);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}00", day.year, day.month, day.day, minutes / 60, minutes % 60);
}

}  // namespace

std::string schedule_ics(const Workspace& ws, int fy, const std::vector<ScheduledMeeting>& s, const std::string& start,
                         int minutes, const std::string& stamp)
{
  const auto& c = ws.config.value;
  std::string out;
  auto line = [&](const std::string& l) { out += ics_line(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//kudrang//meeting plan//TH");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-TIMEZONE:Asia/Bangkok");
  line("BEGIN:VTIMEZONE");
  line("TZID:Asia/Bangkok");
  line("BEGIN:STANDARD");
  line("DTSTART:19700101T000000");
  line("TZOFFSETFROM:+0700");
  line("TZOFFSETTO:+0700");
  line("TZNAME:ICT");
  line("END:STANDARD");
  line("END:VTIMEZONE");
  std::string council = c.council_name.empty() ? "สภา" : c.council_name;
  std::string area = c.area_code.empty() ? "workspace" : c.area_code;
  // A meeting the clerk moved or cancelled keeps its UID and gets a higher
  // SEQUENCE than any earlier export (the minutes of the export's stamp since
  // 2020), so phones replace the event they have.
  long sequence = 0;
  if (stamp.size() >= 13) {
    Date d{std::stoi(stamp.substr(0, 4)), std::stoi(stamp.substr(4, 2)), std::stoi(stamp.substr(6, 2))};
    sequence = (days_from_civil(d) - days_from_civil(Date{2020, 1, 1})) * 1440L + std::stoi(stamp.substr(9, 2)) * 60L +
               std::stoi(stamp.substr(11, 2));
    if (sequence < 1) sequence = 1;
  }
  for (const auto& m : s) {
    const std::string& begins = m.start.empty() ? start : m.start;
    line("BEGIN:VEVENT");
    line(fmt::format("UID:{}-{}@kudrang.{}", fy, m.number, area));
    line("DTSTAMP:" + stamp);
    if (m.changed) line(fmt::format("SEQUENCE:{}", sequence));
    if (m.cancelled) line("STATUS:CANCELLED");
    line("DTSTART;TZID=Asia/Bangkok:" + ics_time(m.date, begins, 0));
    line("DTEND;TZID=Asia/Bangkok:" + ics_time(m.date, begins, minutes));
    line("SUMMARY:" + ics_escape(fmt::format("ประชุม{} ครั้งที่ {}/{}", council, m.number, fy)));
    if (!c.council_venue.empty()) line("LOCATION:" + ics_escape(c.council_venue));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace kudrang
