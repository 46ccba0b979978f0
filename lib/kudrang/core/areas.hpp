#pragma once
// Thai administrative areas (data/thai-areas.csv, MIT, embedded at build time).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

struct AreaInfo {
  std::string subdistrict_code;  // 6 digits
  std::string subdistrict_th;
  std::string district_th;
  std::string province_th;
  std::string subdistrict_en;
};

// The subdistrict with a 6-digit code, or nullopt.
std::optional<AreaInfo> find_area(std::string_view code);

// The subdistricts whose Thai or English name holds `text` (case-insensitive
// for English), in code order: for a clerk who knows the name, not the code.
std::vector<AreaInfo> search_areas(std::string_view text);

}  // namespace kudrang
