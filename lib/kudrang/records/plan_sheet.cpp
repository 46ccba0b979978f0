#include "kudrang/records/plan_sheet.hpp"

#include "kudrang/core/money.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace kudrang {

using K = PlanFormField::Kind;

const std::vector<PlanFormField>& plan_form_fields()
{
  static const std::vector<PlanFormField> fields = {
    {"id", "รหัสแผน", K::text, "กรอกให้แล้ว ไม่ต้องแก้"},
    {"village", "หมู่ที่", K::integer, "กรอกให้แล้ว"},
    {"village_name", "ชื่อหมู่บ้าน", K::text, "กรอกให้แล้ว"},
    {"year", "ปีที่ทบทวนแผน (พ.ศ.)", K::year, "ปีงบประมาณที่จัดเวทีทบทวนแผน"},
    {"period.from", "แผนครอบคลุมตั้งแต่ปี (พ.ศ.)", K::year, ""},
    {"period.to", "แผนครอบคลุมถึงปี (พ.ศ.)", K::year, ""},
    {"reviewed", "วันที่จัดเวทีประชาคม", K::date, "เช่น 20/11/2562"},
    {"households.total", "จำนวนครัวเรือนทั้งหมด", K::integer, ""},
    {"households.participating", "ครัวเรือนที่มีส่วนร่วมจัดทำแผน", K::integer, "เกณฑ์ข้อ 2 (ร้อยละ 70)"},
    {"households.self_analysis", "ครัวเรือนที่วิเคราะห์ข้อมูลของตนเอง", K::integer, "เกณฑ์ข้อ 1 (ร้อยละ 70)"},
    {"data_sources.jpt", "ใช้ข้อมูล จปฐ.", K::yes_no, "ใช่ / ไม่ใช่"},
    {"data_sources.kchch2c", "ใช้ข้อมูล กชช.2ค", K::yes_no, "ใช่ / ไม่ใช่"},
    {"data_sources.household-accounts", "ใช้บัญชีรับ-จ่ายครัวเรือน", K::yes_no, "ใช่ / ไม่ใช่"},
    {"data_sources.other", "ใช้ข้อมูลอื่น", K::yes_no, "ใช่ / ไม่ใช่"},
    {"process.lao_from_start", "อปท. มีส่วนร่วมตั้งแต่เริ่มต้น", K::yes_no, "เกณฑ์ข้อ 3"},
    {"process.lao_adopted", "กิจกรรมของแผนบรรจุในแผนพัฒนาท้องถิ่นและงบประมาณ", K::yes_no, "เกณฑ์ข้อ 3"},
    {"process.sufficiency_economy", "จัดทำตามหลักปรัชญาของเศรษฐกิจพอเพียง", K::yes_no, "เกณฑ์ข้อ 4"},
    {"book", "จัดทำเป็นรูปเล่ม", K::yes_no, "เกณฑ์ข้อ 6"},
  };
  return fields;
}

const std::vector<PlanFormColumn>& plan_form_columns()
{
  static const std::vector<PlanFormColumn> cols = {
    {"priority", "ลำดับความสำคัญ"}, {"id", "รหัสโครงการ"}, {"name", "ชื่อโครงการ"},
    {"dimension", "ด้าน"},          {"category", "ประเภท"}, {"agency", "หน่วยงานที่ร่วม/สนับสนุน"},
    {"budget", "งบประมาณ (บาท)"},  {"status", "สถานะ"},
  };
  return cols;
}

const std::vector<CodeName>& dimension_names()
{
  static const std::vector<CodeName> v = {
    {"economy", "เศรษฐกิจ"},        {"society", "สังคม"},          {"environment", "สิ่งแวดล้อม"},
    {"health", "สุขภาพ"},           {"education", "การศึกษา"},      {"culture", "วัฒนธรรม"},
    {"governance", "การบริหารจัดการ"}, {"infrastructure", "โครงสร้างพื้นฐาน"},
  };
  return v;
}

const std::vector<CodeName>& category_names()
{
  static const std::vector<CodeName> v = {{"self", "ทำเอง"}, {"joint", "ทำร่วม"}, {"support", "ขอรับการสนับสนุน"}};
  return v;
}

const std::vector<CodeName>& project_status_names()
{
  static const std::vector<CodeName> v = {
    {"proposed", "เสนอ"}, {"in-progress", "กำลังดำเนินการ"}, {"done", "เสร็จแล้ว"}, {"dropped", "ยกเลิก"}};
  return v;
}

std::string code_from_text(const std::vector<CodeName>& names, std::string_view text)
{
  for (const auto& n : names)
    if (text == n.code || text == n.thai) return n.code;
  return {};
}

namespace {

std::string choices(const std::vector<CodeName>& names)
{
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + std::string(n.thai);
  return out;
}

std::string quoted_yaml(std::string_view s)
{
  // Plain when it cannot be misread: starts with a letter (Thai or Latin),
  // holds no ': ', ' #', quote, bracket or brace, and is not a YAML word.
  bool plain = !s.empty() && static_cast<unsigned char>(s[0]) >= 0x80;
  for (char c : s)
    if (c == ':' || c == '#' || c == '"' || c == '\'' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' ||
        c == '\n' || c == '\\' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>' || c == '%' || c == '@' || c == '`')
      plain = false;
  if (!s.empty() && (s.back() == ' ' || s.front() == ' ')) plain = false;
  if (s == "lao") plain = true;
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

PlanSheet read_plan_sheet(const Workbook& book, const std::set<int>& villages)
{
  PlanSheet out;
  const Sheet* form = nullptr;
  const Sheet* projects = nullptr;
  for (const auto& s : book.sheets) {
    if (s.name == plan_form_sheet) form = &s;
    if (s.name == plan_projects_sheet) projects = &s;
  }
  std::string first = book.sheets.empty() ? "Sheet1" : book.sheets.front().name;
  if (!form) {
    out.problems.push_back({first + "!A1", fmt::format("the workbook has no sheet \"{}\": fill in the form kudrang plan "
                                                       "template writes",
                                                       plan_form_sheet)});
    return out;
  }
  // Column A labels -> the row of each field.
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < form->rows.size(); ++r) row_of.emplace(cell_text(form->at(r, 0)), r);
  auto where = [&](const Sheet& s, std::size_t r, std::size_t c) { return s.name + "!" + cell_address(r, c); };
  std::map<std::string, std::string> v;  // field key -> YAML scalar text
  std::map<std::string, std::pair<std::size_t, long>> numbers;
  for (const auto& f : plan_form_fields()) {
    auto it = row_of.find(f.label);
    if (it == row_of.end()) {
      out.problems.push_back({form->name + "!A1", fmt::format("the form has no row \"{}\" in column A; use the "
                                                              "template's form without changing its labels",
                                                              f.label)});
      continue;
    }
    std::size_t r = it->second;
    const SheetCell& cell = form->at(r, 1);
    std::string why;
    switch (f.kind) {
    case K::text: {
      std::string t = cell_text(cell);
      if (!t.empty()) v[f.key] = t;
      break;
    }
    case K::integer:
    case K::year: {
      auto n = cell_integer(cell, why);
      if (!why.empty()) {
        out.problems.push_back({where(*form, r, 1), fmt::format("{}: {}", f.label, why)});
      } else if (n) {
        if (f.kind == K::year && (*n < 2400 || *n > 2700)) {
          out.problems.push_back({where(*form, r, 1),
                                  *n >= 1900 && *n <= 2200
                                      ? fmt::format("{}: {} looks like a CE year; write the BE year {}", f.label, *n, *n + 543)
                                      : fmt::format("{}: {} is not a BE year (2400-2700)", f.label, *n)});
        } else if (*n < 0) {
          out.problems.push_back({where(*form, r, 1), fmt::format("{}: {} is negative", f.label, *n)});
        } else {
          v[f.key] = std::to_string(*n);
          numbers[f.key] = {r, *n};
        }
      }
      break;
    }
    case K::date: {
      auto d = cell_date(cell, why);
      if (!why.empty()) out.problems.push_back({where(*form, r, 1), fmt::format("{}: {}", f.label, why)});
      else if (d) v[f.key] = iso_date(*d);
      break;
    }
    case K::yes_no: {
      auto b = cell_bool(cell, why);
      if (!why.empty()) out.problems.push_back({where(*form, r, 1), fmt::format("{}: {}", f.label, why)});
      else if (b) v[f.key] = *b ? "true" : "false";
      break;
    }
    }
    bool required = std::string_view(f.key) != "village_name" && std::string_view(f.key) != "reviewed" &&
                    std::string_view(f.key).rfind("data_sources.", 0) != 0;
    if (required && !v.count(f.key) && why.empty() && row_of.count(f.label))
      out.problems.push_back({where(*form, r, 1), fmt::format("{} is empty; fill it in", f.label)});
  }
  if (numbers.count("village")) {
    auto [r, n] = numbers["village"];
    if (!villages.count(static_cast<int>(n)))
      out.problems.push_back({where(*form, r, 1), fmt::format("village {} is not in kudrang.yaml's villages", n)});
    out.village = static_cast<int>(n);
  }
  if (numbers.count("year")) out.year = static_cast<int>(numbers["year"].second);
  if (numbers.count("households.total")) {
    long total = numbers["households.total"].second;
    for (const char* k : {"households.participating", "households.self_analysis"}) {
      if (numbers.count(k) && numbers[k].second > total) {
        out.problems.push_back({where(*form, numbers[k].first, 1),
                                fmt::format("{} households is more than the {} households of the village",
                                            numbers[k].second, total)});
      }
    }
  }
  out.id = v.count("id") ? v["id"] : std::string();

  std::string proj_yaml;
  std::size_t project_count = 0;
  if (!projects) {
    out.problems.push_back({first + "!A1", fmt::format("the workbook has no sheet \"{}\"", plan_projects_sheet)});
  } else {
    // The header row: the first row whose column B says รหัสโครงการ.
    std::size_t header = 0;
    bool found = false;
    for (std::size_t r = 0; r < projects->rows.size() && r < 10 && !found; ++r)
      if (cell_text(projects->at(r, 1)) == plan_form_columns()[1].header) {
        header = r;
        found = true;
      }
    if (!found) out.problems.push_back({projects->name + "!B1", "the projects sheet has no header row (รหัสโครงการ in column B)"});
    std::set<std::string> ids;
    for (std::size_t r = header + 1; found && r < projects->rows.size(); ++r) {
      bool blank = true;
      for (std::size_t c = 0; c < plan_form_columns().size(); ++c)
        if (!cell_text(projects->at(r, c)).empty()) blank = false;
      if (blank) continue;
      auto text = [&](std::size_t c) { return cell_text(projects->at(r, c)); };
      std::string why;
      std::string item;
      std::string id = text(1);
      if (id.empty()) id = fmt::format("P{:02}", project_count + 1);
      bool id_ok = !id.empty() && (std::isalnum(static_cast<unsigned char>(id[0])) != 0);
      for (char ch : id)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-')) id_ok = false;
      if (!id_ok) out.problems.push_back({where(*projects, r, 1), fmt::format("project id \"{}\" may hold only A-Z, a-z, 0-9, '.', '_' and '-'", id)});
      else if (!ids.insert(id).second) out.problems.push_back({where(*projects, r, 1), fmt::format("project id {} is used twice", id)});
      item += fmt::format("  - id: {}\n", id);
      std::string name = text(2);
      if (name.empty()) out.problems.push_back({where(*projects, r, 2), "the project has no name"});
      item += fmt::format("    name: {}\n", quoted_yaml(name));
      struct Coded {
        std::size_t col;
        const std::vector<CodeName>* names;
        const char* key;
        const char* what;
      };
      for (Coded c : {Coded{3, &dimension_names(), "dimension", "dimension (ด้าน)"}, Coded{4, &category_names(), "category", "category (ประเภท)"}}) {
        std::string t = text(c.col);
        std::string code = code_from_text(*c.names, t);
        if (code.empty())
          out.problems.push_back({where(*projects, r, c.col), t.empty() ? fmt::format("the {} is empty; pick one of {}", c.what, choices(*c.names))
                                                                        : fmt::format("{} \"{}\" is not one of {}", c.what, t, choices(*c.names))});
        item += fmt::format("    {}: {}\n", c.key, code.empty() ? "x" : code);
      }
      std::string agency = text(5);
      if (agency == "อปท." || agency == "อบต." || agency == "อปท" || agency == "อบต" || agency == "เทศบาล") agency = "lao";
      if (!agency.empty()) item += fmt::format("    agency: {}\n", quoted_yaml(agency));
      const SheetCell& money_cell = projects->at(r, 6);
      if (!money_cell.empty()) {
        std::string mt = money_cell.kind == SheetCell::Kind::number ? fmt::format("{:.2f}", money_cell.number)
                                                                    : ascii_digits(cell_text(money_cell));
        std::string digits;
        for (char ch : mt)
          if (ch != ',' && ch != ' ') digits += ch;
        if (money_cell.kind == SheetCell::Kind::number && std::abs(money_cell.number * 100 - std::round(money_cell.number * 100)) > 1e-6)
          out.problems.push_back({where(*projects, r, 6), fmt::format("budget {} has more than two decimals", cell_text(money_cell))});
        else if (auto m = parse_money(digits, &why))
          item += m->satang % 100 == 0 ? fmt::format("    budget: {}\n", m->satang / 100)
                                       : fmt::format("    budget: {}\n", format_money(*m, false));
        else
          out.problems.push_back({where(*projects, r, 6), fmt::format("budget \"{}\" is not an amount in baht", cell_text(money_cell))});
      }
      auto pri = cell_integer(projects->at(r, 0), why);
      if (!why.empty()) out.problems.push_back({where(*projects, r, 0), "priority " + why});
      else if (pri && *pri < 1) out.problems.push_back({where(*projects, r, 0), "priority starts at 1 (most urgent)"});
      else if (pri) item += fmt::format("    priority: {}\n", *pri);
      std::string st = text(7);
      std::string status = st.empty() ? "proposed" : code_from_text(project_status_names(), st);
      if (status.empty()) out.problems.push_back({where(*projects, r, 7), fmt::format("status \"{}\" is not one of {}", st, choices(project_status_names()))});
      item += fmt::format("    status: {}\n", status.empty() ? "x" : status);
      proj_yaml += item;
      ++project_count;
    }
  }
  if (!out.problems.empty()) return out;

  std::string y;
  y += fmt::format("# แผนชุมชน{} หมู่ที่ {} (ทบทวนปี {}) — imported from a spreadsheet form\n",
                   v.count("village_name") ? v["village_name"] : std::string(), v["village"], v["year"]);
  y += "kind: community-plan\n";
  y += fmt::format("id: {}\nvillage: {}\nyear: {}\n", v["id"], v["village"], v["year"]);
  y += fmt::format("period: {{ from: {}, to: {} }}\n", v["period.from"], v["period.to"]);
  if (v.count("reviewed")) y += fmt::format("reviewed: {}\n", v["reviewed"]);
  y += fmt::format("households:\n  total: {}\n  participating: {}\n  self_analysis: {}\n", v["households.total"],
                   v["households.participating"], v["households.self_analysis"]);
  std::string sources;
  for (const char* s : {"jpt", "kchch2c", "household-accounts", "other"})
    if (v[std::string("data_sources.") + s] == "true") sources += (sources.empty() ? "" : ", ") + std::string(s);
  y += fmt::format("data_sources: [{}]\n", sources);
  y += fmt::format("process:\n  lao_from_start: {}\n  lao_adopted: {}\n  sufficiency_economy: {}\n",
                   v["process.lao_from_start"], v["process.lao_adopted"], v["process.sufficiency_economy"]);
  y += fmt::format("book: {}\n", v["book"]);
  y += project_count ? "projects:\n" + proj_yaml : "projects: []\n";
  out.yaml = y;
  return out;
}

}  // namespace kudrang
