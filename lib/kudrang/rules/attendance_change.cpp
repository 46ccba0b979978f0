#include "kudrang/rules/attendance_change.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace kudrang {

namespace {

std::string trim(std::string_view s)
{
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

bool all_digits(std::string_view s)
{
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<AttendanceState> current_attendance(const Meeting& m, const std::vector<const Member*>& sheet)
{
  std::vector<AttendanceState> people;
  if (!m.has_attendance) {
    for (const Member* mem : sheet) people.push_back({mem->id, AttendanceMark::present, ""});
    return people;
  }
  auto add = [&](const std::vector<AttendanceEntry>& list, AttendanceMark mark) {
    for (const auto& e : list) people.push_back({e.id, mark, mark == AttendanceMark::present ? "" : e.reason});
  };
  add(m.present, AttendanceMark::present);
  add(m.excused, AttendanceMark::excused);
  add(m.absent, AttendanceMark::absent);
  return people;
}

void mark_attendance(std::vector<AttendanceState>& people, const std::string& id, AttendanceMark mark,
                     const std::string& reason)
{
  for (auto& p : people) {
    if (p.id != id) continue;
    if (mark == AttendanceMark::present) p.reason.clear();
    else if (!reason.empty() || p.mark != mark) p.reason = reason;
    p.mark = mark;
    return;
  }
  people.push_back({id, mark, mark == AttendanceMark::present ? "" : reason});
}

AttendanceLists attendance_lists(const std::vector<AttendanceState>& people, const std::vector<const Member*>& sheet)
{
  std::vector<const AttendanceState*> order;
  for (const Member* mem : sheet) {
    for (const auto& p : people) {
      if (p.id == mem->id) {
        order.push_back(&p);
        break;
      }
    }
  }
  for (const auto& p : people) {
    if (std::find(order.begin(), order.end(), &p) == order.end()) order.push_back(&p);
  }
  AttendanceLists out;
  for (const AttendanceState* p : order) {
    (p->mark == AttendanceMark::present ? out.present : p->mark == AttendanceMark::excused ? out.excused : out.absent)
        .push_back(*p);
  }
  return out;
}

const Member* attendance_member(const std::string& token, const Workspace& ws, const std::vector<const Member*>& sheet,
                                std::string& error)
{
  std::string t = ascii_digits(trim(token));
  if (all_digits(t)) {
    size_t n = t.size() > 6 ? 0 : std::stoul(t);
    if (n >= 1 && n <= sheet.size()) return sheet[n - 1];
    error = fmt::format("number {} is not on the sign-in sheet (1 to {}; see kudrang meeting signin)", token,
                        sheet.size());
    return nullptr;
  }
  if (const Member* m = ws.member(t)) return m;
  error = fmt::format("unknown roster id '{}'", token);
  return nullptr;
}

std::optional<AttendanceMark> attendance_mark_from_text(std::string_view text, std::string& reason)
{
  std::string k = header_key(text);
  reason.clear();
  static const std::array<const char*, 10> present = {"มา", "มาประชุม", "เข้าประชุม", "เข้าร่วม", "present",
                                                      "p", "✓", "✔", "come", "มาแล้ว"};
  static const std::array<const char*, 7> excused = {"ลา", "ลาประชุม", "excused", "e", "leave", "ขอลา", "แจ้งลา"};
  static const std::array<const char*, 8> absent = {"ขาด", "ขาดประชุม", "ไม่มา", "absent", "a", "✗", "x", "ไม่เข้าประชุม"};
  for (const char* w : present)
    if (k == w) return AttendanceMark::present;
  for (const char* w : excused)
    if (k == w) return AttendanceMark::excused;
  for (const char* w : absent)
    if (k == w) return AttendanceMark::absent;
  // A status that is itself the reason: ลาป่วย, ลากิจ, ติดราชการ.
  for (const char* w : {"ลาป่วย", "ลากิจ", "ติดราชการ", "ไปราชการ", "ป่วย"}) {
    if (k == w) {
      reason = trim(text);
      return AttendanceMark::excused;
    }
  }
  return std::nullopt;
}

namespace {

struct ColumnNames {
  const char* field;
  std::array<const char*, 8> names;
};

const ColumnNames attendance_fields[] = {
  {"number", {"ลำดับ", "ลำดับที่", "ที่", "เลขที่", "no", "number", "#", "เลขลำดับ"}},
  {"id", {"รหัส", "รหัสสมาชิก", "id", "rosterid", "memberid", nullptr, nullptr, nullptr}},
  {"name", {"ชื่อสกุล", "ชื่อนามสกุล", "ชื่อ", "name", "fullname", "ชื่อสมาชิก", nullptr, nullptr}},
  {"status", {"สถานะ", "การมาประชุม", "มาลาขาด", "มาประชุม", "status", "attendance", "ผล", nullptr}},
  {"reason", {"เหตุผล", "หมายเหตุ", "สาเหตุ", "เหตุที่ลา", "reason", "note", "remark", nullptr}},
};

std::string attendance_field(std::string_view header)
{
  std::string k = header_key(header);
  if (k.empty()) return {};
  for (const auto& f : attendance_fields)
    for (const char* n : f.names)
      if (n && k == n) return f.field;
  return {};
}

}  // namespace

AttendanceFromSheet read_attendance_sheet(const Workbook& book, const Workspace& ws,
                                          const std::vector<const Member*>& sheet)
{
  AttendanceFromSheet out;
  const Sheet* s = nullptr;
  for (const auto& candidate : book.sheets) {
    for (std::size_t r = 0; r < candidate.rows.size() && r < 5 && !s; ++r) {
      for (const auto& c : candidate.rows[r]) {
        if (attendance_field(cell_text(c)) == "status") {
          s = &candidate;
          out.header_row = r;
          break;
        }
      }
    }
    if (s) break;
  }
  if (!s) {
    out.problems.push_back({book.sheets.empty() ? "" : book.sheets.front().name + "!A1",
                            "no sheet has a status column in its first five rows: the header row needs สถานะ (or "
                            "status) with มา, ลา or ขาด, and ลำดับ (the sign-in sheet's number), รหัส (the roster "
                            "id) or ชื่อ-สกุล; เหตุผล is optional"});
    return out;
  }
  out.sheet = s->name;
  std::map<std::string, std::size_t> used;
  const auto& header = s->rows[out.header_row];
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::string h = cell_text(header[c]);
    if (h.empty()) continue;
    std::string f = attendance_field(h);
    if (!f.empty() && used.count(f)) {
      out.problems.push_back({s->name + "!" + cell_address(out.header_row, c),
                              fmt::format("a second \"{}\" column ({}; the first is {}); keep one", h, f,
                                          cell_address(out.header_row, used[f]))});
      f.clear();
    }
    if (!f.empty()) used[f] = c;
    out.columns.push_back({h, f});
  }
  auto col = [&](const char* f) -> std::optional<std::size_t> {
    auto it = used.find(f);
    return it == used.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  if (!col("number") && !col("id") && !col("name")) {
    out.problems.push_back({s->name + "!" + cell_address(out.header_row, header.size()),
                            "the header row says whose row it is with none of ลำดับ (the sign-in sheet's number), "
                            "รหัส (the roster id) or ชื่อ-สกุล"});
    return out;
  }
  std::map<std::string, std::string> seen;  // member id -> the row's address
  for (std::size_t r = out.header_row + 1; r < s->rows.size(); ++r) {
    auto text = [&](const char* f) -> std::string {
      auto c = col(f);
      return c ? cell_text(s->at(r, *c)) : std::string();
    };
    auto where = [&](const char* f) { return s->name + "!" + cell_address(r, *col(f)); };
    std::string number = text("number"), id = text("id"), name = text("name"), status = text("status");
    std::string reason = text("reason");
    if (number.empty() && id.empty() && name.empty() && status.empty() && reason.empty()) continue;
    // Who the row is: the id, else the number, else the name.
    const Member* who = nullptr;
    std::string error;
    const char* by = nullptr;
    if (!id.empty()) {
      by = "id";
      who = ws.member(id);
      if (!who) error = fmt::format("unknown roster id '{}'", id);
    } else if (!number.empty()) {
      by = "number";
      who = attendance_member(number, ws, sheet, error);
    } else if (!name.empty()) {
      by = "name";
      std::string key = name_key(name);
      std::vector<const Member*> hits;
      for (const Member* m : sheet)
        if (name_key(m->name) == key) hits.push_back(m);
      if (hits.size() == 1) who = hits.front();
      else if (hits.empty()) error = fmt::format("\"{}\" is not on the sign-in sheet of the meeting's day", name);
      else error = fmt::format("\"{}\" is on the sign-in sheet {} times; give the number (ลำดับ)", name, hits.size());
    } else {
      by = "status";
      error = "the row names nobody: fill in ลำดับ, รหัส or ชื่อ-สกุล, or delete the row";
    }
    if (!who) {
      out.problems.push_back({where(by), error});
      continue;
    }
    if (!name.empty() && std::string_view(by) != "name" && name_key(name) != name_key(who->name)) {
      out.problems.push_back(
          {where("name"), std::string_view(by) == "id"
                              ? fmt::format("the row says \"{}\", but roster id {} is {}: check the row against the "
                                            "sign-in sheet",
                                            name, id, who->name)
                              : fmt::format("the row says \"{}\", but number {} of the sign-in sheet is {} ({}): "
                                            "check the row against the sign-in sheet",
                                            name, number, who->name, who->id)});
      continue;
    }
    std::string word_reason;
    std::optional<AttendanceMark> parsed;
    if (!status.empty()) parsed = attendance_mark_from_text(status, word_reason);
    AttendanceMark mark = parsed.value_or(AttendanceMark::present);
    if (!col("status") || status.empty()) {
      out.problems.push_back({col("status") ? where("status") : s->name + "!" + cell_address(r, 0),
                              fmt::format("no status for {} ({}): write มา, ลา or ขาด", who->name, who->id)});
      continue;
    }
    if (!parsed) {
      out.problems.push_back({where("status"), fmt::format("status \"{}\" is not มา, ลา or ขาด (present, excused, "
                                                           "absent)",
                                                           status)});
      continue;
    }
    if (auto it = seen.find(who->id); it != seen.end()) {
      out.problems.push_back({where(by), fmt::format("{} ({}) has a row already ({}); keep one", who->name, who->id,
                                                     it->second)});
      continue;
    }
    seen[who->id] = where(by);
    if (reason.empty()) reason = word_reason;
    if (mark == AttendanceMark::present) reason.clear();
    out.changes.push_back({where(by), who->id, mark, reason});
  }
  return out;
}

ChecklistCommand parse_checklist_command(std::string_view raw, std::size_t sheet_size)
{
  ChecklistCommand c;
  std::string line = trim(raw);
  if (line.empty()) {
    c.kind = ChecklistCommand::Kind::redraw;
    return c;
  }
  size_t space = line.find_first_of(" \t");
  std::string verb = line.substr(0, space);
  std::string rest = space == std::string::npos ? "" : trim(line.substr(space));
  std::string lower;
  for (char ch : verb) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto is = [&](std::initializer_list<const char*> words) {
    for (const char* w : words)
      if (lower == w) return true;
    return false;
  };
  if (is({"บันทึก", "s", "save", "w", "write"}) && rest.empty()) {
    c.kind = ChecklistCommand::Kind::save;
    return c;
  }
  if (is({"ยกเลิก", "ออก", "q", "quit", "exit"}) && rest.empty()) {
    c.kind = ChecklistCommand::Kind::quit;
    return c;
  }
  if (is({"?", "h", "help", "ช่วย", "วิธีใช้"})) {
    c.kind = ChecklistCommand::Kind::help;
    return c;
  }
  if (is({"มา", "p", "present"})) c.mark = AttendanceMark::present;
  else if (is({"ลา", "e", "excused"})) c.mark = AttendanceMark::excused;
  else if (is({"ขาด", "a", "absent"})) c.mark = AttendanceMark::absent;
  else {
    c.error = fmt::format("\"{}\" is not a command: start with มา, ลา or ขาด and the numbers (ขาด 3 7), or type "
                          "บันทึก to save, ยกเลิก to leave without saving",
                          verb);
    return c;
  }
  // The numbers, then an optional ": reason" for the whole line.
  size_t colon = rest.find(':');
  std::string numbers = ascii_digits(rest.substr(0, colon));
  if (colon != std::string::npos) c.reason = trim(rest.substr(colon + 1));
  if (c.mark == AttendanceMark::present && !c.reason.empty()) {
    c.error = "a member who came has no reason; write the reason with ลา or ขาด";
    return c;
  }
  for (char& ch : numbers)
    if (ch == ',') ch = ' ';
  size_t pos = 0;
  while (pos < numbers.size()) {
    size_t b = numbers.find_first_not_of(" \t", pos);
    if (b == std::string::npos) break;
    size_t e = numbers.find_first_of(" \t", b);
    std::string item = numbers.substr(b, e == std::string::npos ? std::string::npos : e - b);
    pos = e == std::string::npos ? numbers.size() : e;
    size_t dash = item.find('-');
    std::string lo = item.substr(0, dash), hi = dash == std::string::npos ? lo : item.substr(dash + 1);
    if (!all_digits(lo) || !all_digits(hi) || lo.size() > 6 || hi.size() > 6) {
      c.error = fmt::format("\"{}\" is not a number of the sign-in sheet (1 to {})", item, sheet_size);
      return c;
    }
    size_t a = std::stoul(lo), z = std::stoul(hi);
    if (a < 1 || z > sheet_size || a > z) {
      c.error = fmt::format("\"{}\" is not on the sign-in sheet (1 to {})", item, sheet_size);
      return c;
    }
    for (size_t n = a; n <= z; ++n) c.numbers.push_back(n);
  }
  if (c.numbers.empty()) {
    c.error = "give the numbers of the sign-in sheet after the word (ขาด 3 7)";
    return c;
  }
  c.kind = ChecklistCommand::Kind::mark;
  return c;
}

}  // namespace kudrang
