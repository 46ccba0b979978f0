#pragma once
// The order of the sign-in sheet (ใบลงชื่อผู้เข้าร่วมประชุม): the members of the
// council on the meeting's day, by sector (ท้องที่, ท้องถิ่น, สภาองค์กรชุมชน,
// ภาครัฐ), then village, then roster order. Its numbers (1..n) are what a
// clerk reads off the paper sheet and types into `meeting attend`.
#include "kudrang/records/workspace.hpp"

#include <vector>

namespace kudrang {

std::vector<const Member*> signin_order(const Workspace& ws, const Date& day);

}  // namespace kudrang
