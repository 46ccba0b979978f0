// kudrang roster import FILE [--write] | roster add ... (issue 14): the
// council roster from a spreadsheet (spec/cli.md "Spreadsheets"). New members
// get generated ids and are appended to roster.yaml with every other byte
// kept (records/record_edit); members already on the roster (matched by
// name) are reported, never duplicated, never overwritten. Nothing is
// written without --write, nor when any cell is wrong.
#include "commands.hpp"
#include "loading.hpp"
#include "record_editing.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/core/text.hpp"
#include "kudrang/io/spreadsheet.hpp"
#include "kudrang/records/sheet_import.hpp"
#include "kudrang/render/yaml_text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct Proposed {
  std::size_t row = 0;  // 0-based sheet row; unused for roster add
  Member member;
  std::string existing;  // id of the roster member with the same name
};

std::set<int> village_numbers(const Workspace& ws)
{
  std::set<int> out;
  if (ws.has_config)
    for (const auto& v : ws.config.value.villages) out.insert(v.no);
  return out;
}

// The next ids after the roster's: p001 style, one more than the highest.
class IdMaker {
public:
  explicit IdMaker(const Workspace& ws)
  {
    for (const Member* m : ws.members()) {
      m_taken.insert(m->id);
      const std::string& id = m->id;
      if (id.size() >= 2 && id[0] == 'p' && id.find_first_not_of("0123456789", 1) == std::string::npos) {
        m_next = std::max(m_next, std::stol(id.substr(1)) + 1);
        m_width = std::max(m_width, id.size() - 1);
      }
    }
  }
  std::string next()
  {
    for (;;) {
      std::string id = fmt::format("p{:0{}}", m_next++, m_width);
      if (m_taken.insert(id).second) return id;
    }
  }

private:
  std::set<std::string> m_taken;
  long m_next = 1;
  std::size_t m_width = 3;
};

std::string member_yaml(const Member& m)
{
  std::string out = fmt::format("- id: {}\n  name: {}\n  role: {}\n  sector: {}\n", m.id, yaml_text(m.name),
                                yaml_text(m.role), sector_id(m.sector));
  if (m.village) out += fmt::format("  village: {}\n", *m.village);
  if (m.from) out += fmt::format("  from: {}\n", iso_date(*m.from));
  if (m.until) out += fmt::format("  until: {}\n", iso_date(*m.until));
  return out;
}

// Marks each proposed member that the roster (or an earlier row) already
// has by name; gives the others ids.
void match_and_number(std::vector<Proposed>& rows, const Workspace& ws)
{
  std::map<std::string, std::string> by_name;
  for (const Member* m : ws.members()) by_name.emplace(name_key(m->name), m->id);
  IdMaker ids(ws);
  for (auto& p : rows) {
    auto it = by_name.find(name_key(p.member.name));
    if (it != by_name.end()) {
      p.existing = it->second;
      p.member.id = it->second;
      continue;
    }
    p.member.id = ids.next();
    by_name.emplace(name_key(p.member.name), p.member.id);
  }
}

void print_table(const std::vector<std::vector<std::string>>& rows)
{
  std::vector<std::size_t> widths;
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], display_width(r[c]));
    }
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) line += (c ? "  " : "") + (c + 1 < r.size() ? pad_right(r[c], widths[c]) : r[c]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << '\n';
  }
}

void print_preview(const std::vector<Proposed>& rows, bool thai, bool with_rows)
{
  std::vector<std::vector<std::string>> t;
  std::vector<std::string> head = thai ? std::vector<std::string>{"แถว", "รหัส", "ชื่อ-สกุล", "ตำแหน่ง", "ภาคส่วน", "หมู่ที่", "ตั้งแต่", "ถึง", "สถานะ"}
                                       : std::vector<std::string>{"row", "id", "name", "role", "sector", "village", "from", "until", "status"};
  if (!with_rows) head.erase(head.begin());
  t.push_back(head);
  for (const auto& p : rows) {
    const Member& m = p.member;
    std::vector<std::string> r;
    if (with_rows) r.push_back(std::to_string(p.row + 1));
    r.push_back(m.id);
    r.push_back(m.name);
    r.push_back(m.role);
    r.push_back(thai ? sector_thai(m.sector) : sector_id(m.sector));
    r.push_back(m.village ? std::to_string(*m.village) : "");
    r.push_back(m.from ? short_date(*m.from, thai) : "");  // as the clerk reads dates (BE), not as the record stores them
    r.push_back(m.until ? short_date(*m.until, thai) : "");
    r.push_back(p.existing.empty() ? (thai ? "ใหม่" : "new")
                                   : (thai ? "มีในทะเบียนแล้ว (" + p.existing + ") ไม่เปลี่ยน" : "on the roster as " + p.existing + ", not changed"));
    t.push_back(std::move(r));
  }
  print_table(t);
}

// Appends the new members to the workspace's roster record (or creates
// roster.yaml), validating the workspace with the result first.
void write_members(const Globals& g, const Workspace& ws, const std::vector<Proposed>& rows)
{
  std::string items;
  std::size_t count = 0;
  for (const auto& p : rows) {
    if (!p.existing.empty()) continue;
    items += member_yaml(p.member);
    ++count;
  }
  fs::path root = resolve_root(g);
  if (!ws.rosters.empty()) {
    const std::string& file = ws.rosters.front().file;
    edit_record(g, root, file, [&](RecordText& t) {
      std::string error;
      if (!t.append_items("members", items, count, error)) throw RecordsHaveErrors(file + ": " + error + "; nothing was changed");
    });
    return;
  }
  std::string text = "# yaml-language-server: $schema=schemas/roster.schema.json\nkind: roster\nmembers:\n";
  if (!fs::exists(root / "schemas" / "roster.schema.json")) text = "kind: roster\nmembers:\n";
  bool at_line_start = true;
  for (char c : items) {
    if (at_line_start) text += "  ";
    at_line_start = c == '\n';
    text += c;
  }
  create_record(g, root, "roster.yaml", text);
}

struct ImportOptions {
  std::string file;
  bool write = false;
};

void run_import(const ImportOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  bool thai = thai_for(g, r);
  std::string label = fs::path(o.file).filename().string();
  if (!fs::exists(o.file)) throw IoError(fmt::format("{}: no such file", o.file));
  std::string error;
  auto book = read_spreadsheet(o.file, error);
  if (!book) {
    std::cerr << fmt::format("{}: {}\n", label, error);
    throw RecordsHaveErrors("nothing was imported");
  }
  RosterSheet sheet = read_roster_sheet(*book, village_numbers(ws));
  if (!sheet.sheet.empty()) {
    std::cout << fmt::format(fmt::runtime(thai ? "{}: แผ่นงาน {} แถวหัวตาราง {}{}\n" : "{}: sheet {}, header row {}{}\n"), label,
                             sheet.sheet, sheet.header_row + 1,
                             book->format == "csv" ? fmt::format(" ({})", book->encoding) : std::string());
    for (const auto& c : sheet.columns)
      std::cout << fmt::format("  {} {} -> {}\n", cell_address(sheet.header_row, c.col).substr(0, cell_address(sheet.header_row, c.col).find_first_of("0123456789")),
                               c.header, c.field.empty() ? (thai ? "(ไม่ใช้)" : "(ignored)") : c.field);
  }
  std::vector<Proposed> rows;
  for (auto& x : sheet.rows) rows.push_back({x.row, x.member, {}});
  match_and_number(rows, ws);
  // The same person twice in the sheet is a mistake to fix in the sheet.
  std::map<std::string, std::size_t> seen;
  for (const auto& p : rows) {
    auto [it, fresh] = seen.emplace(name_key(p.member.name), p.row);
    if (!fresh) {
      std::size_t name_col = 0;
      for (const auto& c : sheet.columns)
        if (c.field == "name") name_col = c.col;
      sheet.problems.push_back({sheet.sheet + "!" + cell_address(p.row, name_col),
                                fmt::format("\"{}\" is also in row {}; keep one row per member", p.member.name, it->second + 1)});
    }
  }
  if (!sheet.problems.empty()) {
    for (const auto& pr : sheet.problems) std::cerr << fmt::format("{}: {}: {}\n", label, pr.where, pr.message);
    throw RecordsHaveErrors(fmt::format("{} problem(s) in {}; nothing was written", sheet.problems.size(), label));
  }
  print_preview(rows, thai, true);
  std::size_t fresh = 0;
  for (const auto& p : rows) fresh += p.existing.empty() ? 1 : 0;
  std::cout << fmt::format(fmt::runtime(thai ? "สมาชิกใหม่ {} คน, มีในทะเบียนแล้ว {} คน\n" : "{} new, {} already on the roster\n"), fresh,
                           rows.size() - fresh);
  if (fresh == 0) return;
  if (!o.write) {
    std::cout << (thai ? "ยังไม่ได้บันทึก: สั่งอีกครั้งพร้อม --write เพื่อเพิ่มสมาชิกใหม่ลงทะเบียน\n"
                       : "nothing written: run again with --write to add the new members to the roster\n");
    return;
  }
  write_members(g, ws, rows);
}

struct AddOptions {
  std::string name, role, sector, from, until;
  std::optional<int> village;
};

void run_add(const AddOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  Proposed p;
  p.member.name = o.name;
  p.member.role = o.role;
  if (name_key(o.name).empty()) throw UsageError("--name must give the member's name");
  p.member.sector = sector_from_text(o.sector);
  if (p.member.sector == Sector::unknown)
    throw UsageError(fmt::format("--sector '{}' is not one of ท้องที่, ท้องถิ่น, สภาองค์กรชุมชน, ภาครัฐ (or "
                                 "local-administration, local-government, community-council, state-agency)",
                                 o.sector));
  if (o.village) {
    if (!village_numbers(ws).count(*o.village))
      throw UsageError(fmt::format("--village {} is not in kudrang.yaml's villages", *o.village));
    p.member.village = o.village;
  }
  for (auto [flag, text, slot] : {std::tuple{"--from", &o.from, &p.member.from}, std::tuple{"--until", &o.until, &p.member.until}}) {
    if (text->empty()) continue;
    SheetCell c;
    c.kind = SheetCell::Kind::text;
    c.text = *text;
    std::string why;
    auto d = cell_date(c, why);
    if (!d) throw UsageError(fmt::format("{} {}", flag, why));
    *slot = d;
  }
  std::vector<Proposed> rows{p};
  match_and_number(rows, ws);
  if (!rows[0].existing.empty()) {
    std::cerr << fmt::format("kudrang: {} is on the roster already as {}; nothing was added\n", o.name, rows[0].existing);
    g.exit_code = exit_failed;
    return;
  }
  write_members(g, ws, rows);
}

}  // namespace

void add_roster_command(CLI::App& app, Globals& g)
{
  auto* roster = app.add_subcommand("roster", "The council's members: import them from a spreadsheet, add one");
  roster->require_subcommand(1);
  auto io = std::make_shared<ImportOptions>();
  auto* imp = roster->add_subcommand("import", "Read members from a .xlsx, .ods or .csv sheet; preview, --write adds the new ones");
  imp->add_option("file", io->file, "The sheet: headers ชื่อ-สกุล, ตำแหน่ง, ภาคส่วน, หมู่ที่, ตั้งแต่, ถึง (or name, role, sector, village, from, until)")
    ->required();
  imp->add_flag("--write", io->write, "Add the new members to roster.yaml (without it nothing is written)");
  imp->callback([io, &g] { run_import(*io, g); });

  auto ao = std::make_shared<AddOptions>();
  auto* add = roster->add_subcommand("add", "Add one member to roster.yaml");
  add->add_option("--name", ao->name, "Full name with title, e.g. นายสมชาย ใจดี")->required();
  add->add_option("--role", ao->role, "Position, e.g. ผู้ใหญ่บ้าน หมู่ที่ 2")->required();
  add->add_option("--sector", ao->sector, "ท้องที่, ท้องถิ่น, สภาองค์กรชุมชน or ภาครัฐ (or the code)")->required();
  add->add_option("--village", ao->village, "The village the member represents (หมู่ที่)");
  add->add_option("--from", ao->from, "Member since (2019-10-01, 1/10/2562, 1 ต.ค. 62)");
  add->add_option("--until", ao->until, "Member until");
  add->callback([ao, &g] { run_add(*ao, g); });
}

}  // namespace kudrang::cli
