#include "kudrang/records/sheet_import.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <cmath>
#include <cstdlib>

namespace kudrang {

namespace {

std::string trim(std::string_view s)
{
  // ASCII blanks and the no-break space Excel users paste (U+00A0).
  auto blank_at_front = [&](std::string_view v) -> std::size_t {
    if (v.empty()) return 0;
    if (v[0] == ' ' || v[0] == '\t' || v[0] == '\r' || v[0] == '\n') return 1;
    if (v.substr(0, 2) == "\xC2\xA0") return 2;
    return 0;
  };
  while (auto n = blank_at_front(s)) s.remove_prefix(n);
  while (!s.empty()) {
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') s.remove_suffix(1);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    else break;
  }
  return std::string(s);
}

bool all_digits(std::string_view s)
{
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string quote_text(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Excel's 1900 date system: serial 25569 is 1970-01-01 (serials below 61
// count a 29 February 1900 that never was, and are refused).
std::optional<Date> from_serial(double v)
{
  if (!(v >= 61 && v < 2958466)) return std::nullopt;
  long serial = static_cast<long>(std::floor(v));
  return civil_from_days(serial - 25569);
}

std::optional<Date> make_date(long y, long m, long d, bool two_digit_year)
{
  if (two_digit_year) y += 2500;  // Thai short years are BE: 68 = 2568
  if (y >= 2400) y -= be_offset;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > days_in_month(static_cast<int>(y), static_cast<int>(m))) return std::nullopt;
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int thai_month_from(std::string_view word)
{
  std::string w(word);
  for (int m = 1; m <= 12; ++m) {
    if (w == thai_month_name(m) || w == thai_month_abbrev(m)) return m;
    std::string abbrev = thai_month_abbrev(m);
    std::string bare;
    for (char c : abbrev)
      if (c != '.') bare += c;
    std::string wb;
    for (char c : w)
      if (c != '.') wb += c;
    if (wb == bare) return m;
    std::string en = english_month_name(m);
    if (w.size() >= 3 && en.size() >= w.size()) {
      bool same = true;
      for (std::size_t i = 0; i < w.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(w[i])) != std::tolower(static_cast<unsigned char>(en[i]))) same = false;
      if (same) return m;
    }
  }
  return 0;
}

std::vector<std::string> split_words(std::string_view s)
{
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::optional<Date> date_from_text(std::string_view raw)
{
  std::string s = ascii_digits(trim(raw));
  // 2025-10-14 (BE when >= 2400)
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') return parse_date(s);
  // 14/10/2568, 14/10/68, 14-10-2568, 14.10.2568
  for (char sep : {'/', '-', '.'}) {
    auto a = s.find(sep);
    auto b = a == std::string::npos ? a : s.find(sep, a + 1);
    if (a == std::string::npos || b == std::string::npos || s.find(sep, b + 1) != std::string::npos) continue;
    std::string d = s.substr(0, a), m = s.substr(a + 1, b - a - 1), y = s.substr(b + 1);
    if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2) continue;
    if (y.size() != 2 && y.size() != 4) return std::nullopt;
    return make_date(std::atol(y.c_str()), std::atol(m.c_str()), std::atol(d.c_str()), y.size() == 2);
  }
  // 14 ต.ค. 68, 1 ตุลาคม 2562, 1 ตุลาคม พ.ศ. 2562, 14 Oct 2025
  auto words = split_words(s);
  if (words.size() >= 2 && words[0].size() > 0) {
    // "14ต.ค.68": a digit-prefixed month word
    if (words.size() == 4 && (words[2] == "พ.ศ." || words[2] == "พ.ศ" || words[2] == "ค.ศ.")) words.erase(words.begin() + 2);
    if (words.size() == 3 && all_digits(words[0]) && all_digits(words[2]) && words[0].size() <= 2) {
      int m = thai_month_from(words[1]);
      if (m == 0 || (words[2].size() != 2 && words[2].size() != 4)) return std::nullopt;
      return make_date(std::atol(words[2].c_str()), m, std::atol(words[0].c_str()), words[2].size() == 2);
    }
  }
  return std::nullopt;
}

}  // namespace

std::string ascii_digits(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Thai digits U+0E50..U+0E59 are E0 B9 90..99 in UTF-8.
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE0 && static_cast<unsigned char>(s[i + 1]) == 0xB9 &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(s[i + 2]) - 0x90));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string cell_text(const SheetCell& c)
{
  switch (c.kind) {
  case SheetCell::Kind::empty: return {};
  case SheetCell::Kind::text: return trim(c.text);
  case SheetCell::Kind::boolean: return c.number != 0 ? "TRUE" : "FALSE";
  case SheetCell::Kind::date: return iso_date(c.date);
  case SheetCell::Kind::number:
    if (std::floor(c.number) == c.number && std::fabs(c.number) < 1e15) return fmt::format("{}", static_cast<long long>(c.number));
    return fmt::format("{}", c.number);
  }
  return {};
}

std::optional<Date> cell_date(const SheetCell& c, std::string& why)
{
  why.clear();
  switch (c.kind) {
  case SheetCell::Kind::empty: return std::nullopt;
  case SheetCell::Kind::date: {
    Date d = c.date;
    if (d.year >= 2400) d.year -= be_offset;  // a BE year typed into a date cell
    if (auto ok = make_date(d.year, d.month, d.day, false)) return ok;
    why = fmt::format("the date {} is outside 1900-2200 CE", iso_date(c.date));
    return std::nullopt;
  }
  case SheetCell::Kind::number:
    if (auto d = from_serial(c.number)) return d;
    why = fmt::format("the number {} is not a date; format the cell as a date or write it as 14/10/2568",
                      cell_text(c));
    return std::nullopt;
  case SheetCell::Kind::boolean:
    why = "a yes/no value is not a date";
    return std::nullopt;
  case SheetCell::Kind::text: {
    std::string t = trim(c.text);
    if (t.empty()) return std::nullopt;
    if (auto d = date_from_text(t)) return d;
    why = fmt::format("{} is not a date; write it as 14/10/2568 (BE), 2025-10-14 or 14 ต.ค. 68", quote_text(t));
    return std::nullopt;
  }
  }
  return std::nullopt;
}

std::optional<long> cell_integer(const SheetCell& c, std::string& why)
{
  why.clear();
  if (c.kind == SheetCell::Kind::empty) return std::nullopt;
  if (c.kind == SheetCell::Kind::number) {
    if (std::floor(c.number) == c.number && std::fabs(c.number) < 1e9) return static_cast<long>(c.number);
    why = fmt::format("{} is not a whole number", cell_text(c));
    return std::nullopt;
  }
  std::string t = ascii_digits(cell_text(c));
  if (t.empty()) return std::nullopt;
  for (std::string_view prefix : {"หมู่ที่", "หมู่", "ม.", "no.", "No."}) {
    if (t.rfind(prefix, 0) == 0) {
      t = trim(std::string_view(t).substr(prefix.size()));
      break;
    }
  }
  std::string digits;
  for (char ch : t)
    if (ch != ',') digits += ch;
  if (all_digits(digits) && digits.size() <= 9) return std::atol(digits.c_str());
  why = fmt::format("{} is not a whole number", quote_text(cell_text(c)));
  return std::nullopt;
}

std::optional<bool> cell_bool(const SheetCell& c, std::string& why)
{
  why.clear();
  if (c.kind == SheetCell::Kind::empty) return std::nullopt;
  if (c.kind == SheetCell::Kind::boolean || c.kind == SheetCell::Kind::number) {
    if (c.number == 1) return true;
    if (c.number == 0) return false;
  }
  std::string t = cell_text(c);
  if (t.empty()) return std::nullopt;
  std::string low;
  for (char ch : t) low += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view yes : {"true", "yes", "y", "ใช่", "มี", "✓", "✔", "x", "1", "ทำ", "เป็น"})
    if (low == yes) return true;
  for (std::string_view no : {"false", "no", "n", "ไม่ใช่", "ไม่มี", "ไม่", "0", "-", "ไม่ทำ", "ไม่เป็น"})
    if (low == no) return false;
  why = fmt::format("{} is not yes or no; write ใช่ or ไม่ใช่", quote_text(t));
  return std::nullopt;
}

std::string name_key(std::string_view name)
{
  std::string s = trim(name);
  for (std::string_view title : {"นางสาว", "นาง", "นาย", "น.ส.", "ด.ช.", "ด.ญ.", "Mrs.", "Mrs", "Miss", "Mr.", "Mr",
                                 "Ms.", "Ms"}) {
    if (s.rfind(title, 0) == 0) {
      s = s.substr(title.size());
      break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '.') continue;
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      ++i;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  return out;
}

Sector sector_from_text(std::string_view raw)
{
  std::string s = trim(raw);
  Sector code = parse_sector(s);
  if (code != Sector::unknown) return code;
  std::string low;
  for (char ch : s) low += ch == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (Sector x : all_sectors) {
    std::string en = sector_english(x);
    std::string en_dashed;
    for (char ch : en) en_dashed += ch == ' ' ? '-' : ch;
    if (s == sector_thai(x) || low == en || low == en_dashed || low == sector_id(x)) return x;
  }
  // "ภาคท้องที่", "ท้องที่ (กำนัน ผู้ใหญ่บ้าน)", "1. ท้องที่": the Thai name inside.
  Sector found = Sector::unknown;
  int hits = 0;
  for (Sector x : all_sectors) {
    std::string th = sector_thai(x);
    auto at = s.find(th);
    // ท้องถิ่น is not inside ท้องที่ and back; สภาองค์กรชุมชน and ภาครัฐ are distinct.
    if (at != std::string::npos) {
      found = x;
      ++hits;
    }
  }
  if (s.find("local administration") != std::string::npos) {
    found = Sector::local_administration;
    ++hits;
  }
  return hits == 1 ? found : Sector::unknown;
}

std::string header_key(std::string_view h)
{
  std::string out;
  for (char ch : trim(h)) {
    if (ch == ' ' || ch == '-' || ch == '.' || ch == '_' || ch == '(' || ch == ')' || ch == '/' || ch == ':') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

namespace {

struct FieldNames {
  const char* field;
  std::array<const char*, 9> names;
};

// Headers clerks write for each roster field (compared by header_key).
const FieldNames roster_fields[] = {
  {"name", {"ชื่อสกุล", "ชื่อนามสกุล", "ชื่อ", "ชื่อผู้แทน", "ชื่อสมาชิก", "name", "fullname", "membername", nullptr}},
  {"title", {"คำนำหน้า", "คำนำหน้าชื่อ", "title", "prefix", nullptr, nullptr, nullptr, nullptr, nullptr}},
  {"role", {"ตำแหน่ง", "role", "position", "ตำแหน่งในสภา", nullptr, nullptr, nullptr, nullptr, nullptr}},
  {"sector", {"ภาคส่วน", "ภาค", "sector", "ประเภท", nullptr, nullptr, nullptr, nullptr, nullptr}},
  {"village", {"หมู่ที่", "หมู่", "หมู่บ้าน", "ม", "village", "villageno", "moo", nullptr, nullptr}},
  {"from", {"ตั้งแต่", "ตั้งแต่วันที่", "วันเริ่ม", "เริ่ม", "from", "since", "start", nullptr, nullptr}},
  {"until", {"ถึง", "ถึงวันที่", "วันสิ้นสุด", "สิ้นสุด", "until", "to", "end", nullptr, nullptr}},
};

std::string field_of(std::string_view header)
{
  std::string k = header_key(header);
  if (k.empty()) return {};
  for (const auto& f : roster_fields)
    for (const char* n : f.names)
      if (n && k == n) return f.field;
  return {};
}

}  // namespace

RosterSheet read_roster_sheet(const Workbook& book, const std::set<int>& villages)
{
  RosterSheet out;
  const Sheet* sheet = nullptr;
  for (const auto& s : book.sheets) {
    for (std::size_t r = 0; r < s.rows.size() && r < 5 && !sheet; ++r) {
      for (const auto& c : s.rows[r]) {
        if (field_of(cell_text(c)) == "name") {
          sheet = &s;
          out.header_row = r;
          break;
        }
      }
    }
    if (sheet) break;
  }
  if (!sheet) {
    std::string where = book.sheets.empty() ? "" : book.sheets.front().name + "!A1";
    bool any = false;
    for (const auto& s : book.sheets) any = any || !s.rows.empty();
    out.problems.push_back(
        {where, any ? "no sheet has a name column in its first five rows: the header row needs ชื่อ-สกุล (or name), "
                      "and may have คำนำหน้า, ตำแหน่ง, ภาคส่วน, หมู่ที่, ตั้งแต่, ถึง"
                    : "the workbook has no filled cells"});
    return out;
  }
  out.sheet = sheet->name;
  std::map<std::string, std::size_t> used;
  const auto& header = sheet->rows[out.header_row];
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::string h = cell_text(header[c]);
    if (h.empty()) continue;
    std::string f = field_of(h);
    if (!f.empty() && used.count(f)) {
      out.problems.push_back({sheet->name + "!" + cell_address(out.header_row, c),
                              fmt::format("a second {} column ({}; the first is {}); keep one", quote_text(h), f,
                                          cell_address(out.header_row, used[f]))});
      f.clear();
    }
    if (!f.empty()) used[f] = c;
    out.columns.push_back({c, h, f});
  }
  auto col = [&](const char* f) -> std::optional<std::size_t> {
    auto it = used.find(f);
    if (it == used.end()) return std::nullopt;
    return it->second;
  };
  for (const char* needed : {"role", "sector"}) {
    if (!col(needed)) {
      out.problems.push_back({sheet->name + "!" + cell_address(out.header_row, header.size()),
                              fmt::format("the header row has no {} column ({})", needed,
                                          std::string_view(needed) == "role" ? "ตำแหน่ง" : "ภาคส่วน")});
    }
  }
  for (std::size_t r = out.header_row + 1; r < sheet->rows.size(); ++r) {
    const auto& row = sheet->rows[r];
    bool blank = true;
    for (const auto& col_info : out.columns)
      if (col_info.col < row.size() && !cell_text(row[col_info.col]).empty()) blank = false;
    if (blank) continue;
    auto where = [&](std::size_t c) { return sheet->name + "!" + cell_address(r, c); };
    auto text = [&](const char* f) -> std::string {
      auto c = col(f);
      return c ? cell_text(sheet->at(r, *c)) : std::string();
    };
    Member m;
    std::string name = text("name");
    std::string title = text("title");
    if (name.empty()) {
      out.problems.push_back({where(*col("name")), "the name is empty; fill it in or delete the row"});
      continue;
    }
    m.name = title.empty() || name.rfind(title, 0) == 0 ? name : title + name;
    m.role = text("role");
    if (col("role") && m.role.empty())
      out.problems.push_back({where(*col("role")), fmt::format("{} has no role (ตำแหน่ง)", quote_text(m.name))});
    if (auto c = col("sector")) {
      std::string s = text("sector");
      m.sector = sector_from_text(s);
      if (m.sector == Sector::unknown) {
        out.problems.push_back(
            {where(*c), s.empty() ? fmt::format("{} has no sector (ภาคส่วน): write ท้องที่, ท้องถิ่น, สภาองค์กรชุมชน or ภาครัฐ",
                                                quote_text(m.name))
                                  : fmt::format("sector {} is not one of ท้องที่, ท้องถิ่น, สภาองค์กรชุมชน, ภาครัฐ "
                                                "(or local-administration, local-government, community-council, "
                                                "state-agency)",
                                                quote_text(s))});
      }
    }
    std::string why;
    if (auto c = col("village")) {
      auto v = cell_integer(sheet->at(r, *c), why);
      if (!why.empty()) out.problems.push_back({where(*c), "village " + why});
      else if (v && !villages.count(static_cast<int>(*v)))
        out.problems.push_back({where(*c), fmt::format("village {} is not in kudrang.yaml's villages", *v)});
      else if (v) m.village = static_cast<int>(*v);
    }
    for (const char* f : {"from", "until"}) {
      auto c = col(f);
      if (!c) continue;
      auto d = cell_date(sheet->at(r, *c), why);
      if (!why.empty()) out.problems.push_back({where(*c), why});
      else if (std::string_view(f) == "from") m.from = d;
      else m.until = d;
    }
    if (m.from && m.until && *m.until < *m.from)
      out.problems.push_back({where(*col("until")), fmt::format("{} leaves ({}) before joining ({})", quote_text(m.name),
                                                                iso_date(*m.until), iso_date(*m.from))});
    out.rows.push_back({r, std::move(m)});
  }
  return out;
}

}  // namespace kudrang
