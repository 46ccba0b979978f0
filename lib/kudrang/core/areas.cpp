#include "kudrang/core/areas.hpp"

#include <cstddef>
#include <vector>

extern const unsigned char kudrang_thai_areas_csv[];
extern const std::size_t kudrang_thai_areas_csv_size;

namespace kudrang {

namespace {

// The CSV has no quoted fields (checked by a test); split on commas.
std::vector<std::string_view> split(std::string_view line)
{
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// Calls `f` with the fields of every data line until it returns true.
template <class F>
void each_area(F f)
{
  std::string_view csv(reinterpret_cast<const char*>(kudrang_thai_areas_csv), kudrang_thai_areas_csv_size);
  size_t pos = csv.find('\n') + 1;  // past the header
  while (pos > 0 && pos < csv.size()) {
    size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    auto fields = split(line);
    if (fields.size() >= 9 && f(fields)) return;
  }
}

AreaInfo info(const std::vector<std::string_view>& f)
{
  return AreaInfo{std::string(f[0]), std::string(f[1]), std::string(f[4]), std::string(f[7]), std::string(f[2])};
}

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<AreaInfo> find_area(std::string_view code)
{
  std::optional<AreaInfo> out;
  each_area([&](const std::vector<std::string_view>& f) {
    if (f[0] != code) return false;
    out = info(f);
    return true;
  });
  return out;
}

std::vector<AreaInfo> search_areas(std::string_view text)
{
  std::vector<AreaInfo> out;
  if (text.empty()) return out;
  std::string needle = lower(text);
  each_area([&](const std::vector<std::string_view>& f) {
    if (f[1].find(text) != std::string_view::npos || lower(f[2]).find(needle) != std::string::npos) out.push_back(info(f));
    return false;
  });
  return out;
}

}  // namespace kudrang
