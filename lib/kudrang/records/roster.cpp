#include "kudrang/records/roster.hpp"

#include <fmt/format.h>

namespace kudrang {

Sector parse_sector(std::string_view s)
{
  if (s == "local-administration") return Sector::local_administration;
  if (s == "local-government") return Sector::local_government;
  if (s == "community-council") return Sector::community_council;
  if (s == "state-agency") return Sector::state_agency;
  return Sector::unknown;
}

const char* sector_id(Sector s)
{
  switch (s) {
  case Sector::local_administration: return "local-administration";
  case Sector::local_government: return "local-government";
  case Sector::community_council: return "community-council";
  case Sector::state_agency: return "state-agency";
  case Sector::unknown: break;
  }
  return "unknown";
}

const char* sector_thai(Sector s)
{
  switch (s) {
  case Sector::local_administration: return "ท้องที่";
  case Sector::local_government: return "ท้องถิ่น";
  case Sector::community_council: return "สภาองค์กรชุมชน";
  case Sector::state_agency: return "ภาครัฐ";
  case Sector::unknown: break;
  }
  return "ไม่ระบุ";
}

const char* sector_english(Sector s)
{
  switch (s) {
  case Sector::local_administration: return "local administration";
  case Sector::local_government: return "local government";
  case Sector::community_council: return "community organisations council";
  case Sector::state_agency: return "state agencies";
  case Sector::unknown: break;
  }
  return "unknown";
}

Roster extract_roster(const Node& doc, Diagnostics& diags)
{
  Roster r;
  const Node* list = get_list(doc, "members");
  if (!list) {
    return r;
  }
  for (const auto& item : list->items) {
    if (!item.is_mapping()) continue;
    auto id = get_ref(item, "id");
    if (!id) continue;
    Member m;
    m.id = id->value;
    m.mark = id->mark;
    m.name = get_text(item, "name");
    m.role = get_text(item, "role");
    m.sector = parse_sector(get_text(item, "sector"));
    if (auto v = get_int(item, "village")) {
      m.village = static_cast<int>(*v);
      m.village_mark = item.find("village")->mark;
    }
    if (auto d = get_date(item, "from", diags)) m.from = d->value;
    if (auto d = get_date(item, "until", diags)) m.until = d->value;
    if (m.from && m.until && *m.until < *m.from) {
      diags.error(item.key_mark("until"), "period-order",
                  fmt::format("member '{}' leaves ({}) before joining ({})", m.id, iso_date(*m.until),
                              iso_date(*m.from)));
    }
    r.members.push_back(std::move(m));
  }
  return r;
}

}  // namespace kudrang
