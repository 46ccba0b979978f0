#pragma once
// kind: roster: the council's members, each in one of the four sectors.
#include "kudrang/records/fields.hpp"

namespace kudrang {

enum class Sector { local_administration, local_government, community_council, state_agency, unknown };

// "local-administration" -> Sector; unknown text -> Sector::unknown.
Sector parse_sector(std::string_view s);
const char* sector_id(Sector s);
const char* sector_thai(Sector s);     // ท้องที่ ...
const char* sector_english(Sector s);  // local administration ...
constexpr Sector all_sectors[] = {Sector::local_administration, Sector::local_government,
                                  Sector::community_council, Sector::state_agency};

struct Member {
  std::string id;
  Mark mark;
  std::string name;
  std::string role;
  Sector sector = Sector::unknown;
  std::optional<int> village;
  Mark village_mark;
  std::optional<Date> from;
  std::optional<Date> until;

  // Whether the member belongs to the council on `day`.
  bool current_on(const Date& day) const
  {
    return (!from || *from <= day) && (!until || day <= *until);
  }
};

struct Roster {
  std::vector<Member> members;
};

Roster extract_roster(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
