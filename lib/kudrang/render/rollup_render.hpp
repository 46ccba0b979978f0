#pragma once
// `report summary` at a tree root (issue 17): the LAOs' rows, subtotals per
// district and province, the headline figures of KPI 3.2 and 1.1.2, the
// grade distribution over graded plans and the ranked LAOs, in Markdown (a
// Doc), JSON and CSV.
#include "kudrang/render/doc.hpp"
#include "kudrang/rules/rollup.hpp"

#include <ostream>
#include <string>

namespace kudrang {

enum class RollupGrain { lao, district, province };

Doc rollup_doc(const Rollup& r, const SummaryRows& rows, RollupGrain by, bool thai);
void render_rollup_json(std::ostream& out, const Rollup& r, const SummaryRows& rows);
void render_rollup_csv(std::ostream& out, const Rollup& r, const SummaryRows& rows, RollupGrain by, bool thai);

}  // namespace kudrang
