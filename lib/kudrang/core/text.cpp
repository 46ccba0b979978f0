#include "kudrang/core/text.hpp"

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

size_t display_width(std::string_view s)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t i = 0;
  size_t width = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      ++i;  // an invalid byte counts as one column
      ++width;
      continue;
    }
    i += static_cast<size_t>(n);
    int w = utf8proc_charwidth(cp);
    width += w > 0 ? static_cast<size_t>(w) : 0;
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

}  // namespace kudrang
