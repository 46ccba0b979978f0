#include "kudrang/core/text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <vector>

namespace kudrang {

size_t find_invalid_utf8(std::string_view s)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      return i;
    }
    i += static_cast<size_t>(n);
  }
  return std::string_view::npos;
}

size_t count_code_points(std::string_view s)
{
  return static_cast<size_t>(std::count_if(
    s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {

// utf8proc's width of one code point (an invalid sequence is one column).
size_t width_by_utf8proc(const utf8proc_uint8_t* p, size_t size, size_t& used)
{
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(size), &cp);
  if (n <= 0) {
    used = 1;
    return 1;
  }
  used = static_cast<size_t>(n);
  int w = utf8proc_charwidth(cp);
  return w > 0 ? static_cast<size_t>(w) : 0;
}

// The widths of ASCII and of the Thai block (U+0E00-U+0E7F), taken from
// utf8proc once: a report is mostly these, and a table lookup is many times
// faster than utf8proc's property search (a national plan grade aligns
// millions of cells).
struct FastWidths {
  unsigned char ascii[128];
  unsigned char thai[128];
  FastWidths()
  {
    for (unsigned c = 0; c < 128; ++c) {
      int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
      ascii[c] = static_cast<unsigned char>(w > 0 ? w : 0);
      w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(0x0E00 + c));
      thai[c] = static_cast<unsigned char>(w > 0 ? w : 0);
    }
  }
};

const FastWidths& fast_widths()
{
  static const FastWidths table;
  return table;
}

}  // namespace

size_t display_width_utf8proc(std::string_view s)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  size_t width = 0;
  while (i < s.size()) {
    size_t used = 0;
    width += width_by_utf8proc(p + i, s.size() - i, used);
    i += used;
  }
  return width;
}

size_t display_width(std::string_view s)
{
  const FastWidths& t = fast_widths();
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const size_t size = s.size();
  size_t i = 0;
  size_t width = 0;
  while (i < size) {
    unsigned char c = p[i];
    if (c < 0x80) {
      width += t.ascii[c];
      ++i;
    } else if (c == 0xE0 && i + 2 < size && (p[i + 1] == 0xB8 || p[i + 1] == 0xB9) && (p[i + 2] & 0xC0) == 0x80) {
      // U+0E00-U+0E7F is E0 B8 80 .. E0 B9 BF.
      width += t.thai[((p[i + 1] - 0xB8) << 6) | (p[i + 2] & 0x3F)];
      i += 3;
    } else {
      size_t used = 0;
      width += width_by_utf8proc(p + i, size - i, used);
      i += used;
    }
  }
  return width;
}

std::string pad_right(std::string_view s, size_t width)
{
  std::string out(s);
  size_t w = display_width(s);
  if (w < width) {
    out.append(width - w, ' ');
  }
  return out;
}

std::string pad_left(std::string_view s, size_t width)
{
  size_t w = display_width(s);
  std::string out;
  if (w < width) {
    out.append(width - w, ' ');
  }
  out.append(s);
  return out;
}

std::string to_thai_digits(std::string_view s)
{
  std::string out;
  out.reserve(s.size() * 3);
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      // U+0E50 THAI DIGIT ZERO: E0 B9 90
      out += '\xE0';
      out += '\xB9';
      out += static_cast<char>(0x90 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

std::string abbreviate(std::string_view s, size_t max_code_points)
{
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count++ == max_code_points) return std::string(s.substr(0, i)) + "…";
  }
  return std::string(s);
}

namespace {

bool is_c0_or_del(unsigned char c) { return c < 0x20 || c == 0x7F; }
// C1 controls U+0080-U+009F are C2 80 .. C2 9F in UTF-8.
bool is_c1_at(std::string_view s, size_t i)
{
  return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size()
         && static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

}  // namespace

size_t find_control_char(std::string_view s)
{
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((is_c0_or_del(c) && c != '\t' && c != '\n' && c != '\r') || is_c1_at(s, i)) return i;
  }
  return std::string_view::npos;
}

std::string escape_controls(std::string_view s)
{
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (is_c0_or_del(c)) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (is_c1_at(s, i)) {
      auto d = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else {
      out += s[i];
    }
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace {

// p013 -> p13, P-07 -> p-7: numbers without leading zeros, letters in lower case.
std::string loose_form(std::string_view s)
{
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool digit = c >= '0' && c <= '9';
    bool number_start = digit && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'));
    if (number_start && c == '0' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      // a leading zero of a longer number: skipped (the number's next digit starts it again)
      size_t j = i;
      while (j + 1 < s.size() && s[j] == '0' && s[j + 1] >= '0' && s[j + 1] <= '9') ++j;
      i = j - 1;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::string closest_candidate(std::string_view value, const std::vector<std::string>& candidates)
{
  if (value.empty()) return {};
  std::string loose = loose_form(value);
  const std::string* same = nullptr;
  for (const auto& c : candidates) {
    if (c != value && loose_form(c) == loose) {
      if (same && *same != c) return {};  // two read the same: not for kudrang to choose
      same = &c;
    }
  }
  if (same) return *same;
  size_t limit = std::min<size_t>(2, count_code_points(value) / 2);
  size_t best = limit + 1;
  const std::string* pick = nullptr;
  bool tie = false;
  for (const auto& c : candidates) {
    if (c == value) continue;
    size_t d = edit_distance(value, c);
    if (d < best) {
      best = d;
      pick = &c;
      tie = false;
    } else if (d == best && pick && *pick != c) {
      tie = true;
    }
  }
  return pick && !tie ? *pick : std::string();
}

std::string did_you_mean(std::string_view value, const std::vector<std::string>& candidates)
{
  std::string best = closest_candidate(value, candidates);
  return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
}

}  // namespace kudrang
