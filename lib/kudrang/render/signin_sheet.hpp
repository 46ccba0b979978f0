#pragma once
// The sign-in sheet of a meeting (ใบลงชื่อผู้เข้าร่วมประชุม): every member of
// the council on the meeting's day, numbered in the order of signin_order()
// (the numbers `meeting attend` accepts), grouped by sector and village, with
// name, position and a column to sign.
#include "kudrang/render/doc.hpp"
#include "kudrang/records/workspace.hpp"

namespace kudrang {

Doc render_signin_sheet(const Meeting& m, const Workspace& ws);

}  // namespace kudrang
