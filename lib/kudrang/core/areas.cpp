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

}  // namespace

std::optional<AreaInfo> find_area(std::string_view code)
{
  std::string_view csv(reinterpret_cast<const char*>(kudrang_thai_areas_csv), kudrang_thai_areas_csv_size);
  size_t pos = 0;
  while (pos < csv.size()) {
    size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.substr(0, code.size()) != code || line.size() <= code.size() || line[code.size()] != ',') continue;
    auto f = split(line);
    if (f.size() < 9) return std::nullopt;
    return AreaInfo{std::string(f[0]), std::string(f[1]), std::string(f[4]), std::string(f[7]), std::string(f[2])};
  }
  return std::nullopt;
}

}  // namespace kudrang
