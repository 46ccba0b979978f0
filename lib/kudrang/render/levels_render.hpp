#pragma once
// `report levels`: the success levels of KPI 1.1.2 for one workspace, or a
// row per workspace of a tree with the count of LAOs at each level.
#include "kudrang/render/doc.hpp"
#include "kudrang/rules/success_levels.hpp"

#include <ostream>

namespace kudrang {

using LevelsTreeReport = std::vector<std::pair<WorkspaceInfo, SuccessLevels>>;

// What step `level` asks (1..5).
const char* level_text(int level, bool thai);
Table levels_table(const SuccessLevels& l, bool thai);
// How many more villages (levels 1, 2, 4) or projects (3, 5) would meet the step.
long level_needed(const SuccessStep& s);
// "Why a level is not met": the villages, projects and missing records that
// fail each step and what would change it (nothing when every step is met).
void levels_reasons(Doc& doc, const SuccessLevels& l, bool thai);

void render_levels_md(std::ostream& out, const SuccessLevels& l, bool thai);
void render_levels_json(std::ostream& out, const SuccessLevels& l);
void render_levels_tree_md(std::ostream& out, int year, const LevelsTreeReport& r, bool thai);
void render_levels_tree_json(std::ostream& out, int year, const LevelsTreeReport& r);
// --years: one entry per review year from `from` (each the rows of its workspaces).
void render_levels_years_md(std::ostream& out, int from, const std::vector<LevelsTreeReport>& years, bool thai);
void render_levels_years_json(std::ostream& out, int from, const std::vector<LevelsTreeReport>& years);

}  // namespace kudrang
