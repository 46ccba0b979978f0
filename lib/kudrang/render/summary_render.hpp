#pragma once
// `report summary`: everything for one year in one document, the most
// important numbers first — for a chief executive or a district officer.
#include "kudrang/render/doc.hpp"
#include "kudrang/rules/year_summary.hpp"

#include <string>

namespace kudrang {


std::string render_summary_md(const YearSummary& s, bool thai);
// A self-contained A4 page with inline SVG charts: no script, no network.
std::string render_summary_html(const YearSummary& s, bool thai);

// A tree: one row of key figures per workspace, and the totals (md or a
// printable A4 page).
using SummaryTreeReport = std::vector<std::pair<WorkspaceInfo, SummaryRow>>;
Doc summary_tree_doc(int year, const SummaryTreeReport& r, bool thai);

}  // namespace kudrang
