#include "kudrang/core/holidays.hpp"

#include <cstddef>
#include <string_view>

extern const unsigned char kudrang_thai_holidays_csv[];
extern const std::size_t kudrang_thai_holidays_csv_size;

namespace kudrang {

// tools/holidays/make_table.py writes these years; a test checks the table
// has days in every one of them.
int builtin_holidays_first_fiscal_year() { return 2563; }
int builtin_holidays_last_fiscal_year() { return 2575; }

std::vector<PublicHoliday> builtin_holidays(const Date& first, const Date& last)
{
  std::vector<PublicHoliday> out;
  std::string_view csv(reinterpret_cast<const char*>(kudrang_thai_holidays_csv), kudrang_thai_holidays_csv_size);
  size_t pos = csv.find('\n') + 1;  // past the header: date,name,name_en,kind
  while (pos > 0 && pos < csv.size()) {
    size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    size_t comma = line.find(',');
    if (comma == std::string_view::npos) continue;
    auto d = parse_date(line.substr(0, comma));
    if (!d || *d < first || last < *d) continue;
    std::string_view rest = line.substr(comma + 1);
    out.push_back({*d, std::string(rest.substr(0, rest.find(',')))});
  }
  return out;
}

}  // namespace kudrang
