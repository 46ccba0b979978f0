#pragma once
// Thai administrative areas (data/thai-areas.csv, MIT, embedded at build time).
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace kudrang
