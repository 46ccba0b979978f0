#pragma once
// The development plan in the layout of its official forms: ผ.02 (project
// detail, grouped by strategy with subtotals per year) and ผ.01 (count and
// money per strategy and year); and a project's trace into the budget.
#include "kudrang/render/doc.hpp"
#include "kudrang/rules/trace.hpp"

#include <ostream>

namespace kudrang {

Doc devplan_doc(const DevelopmentPlan& d, bool thai);
// Print CSS of the forms (html_page's extra_css): A4 landscape, as ผ.01/ผ.02 are printed.
extern const char* const devplan_css;
void render_devplan_csv(std::ostream& out, const DevelopmentPlan& d, bool thai);

void render_trace_md(std::ostream& out, const Trace& t, const Workspace& ws, bool thai);
void render_trace_json(std::ostream& out, const Trace& t);
// Whether the trace shows a break worth a non-zero exit (a line over its plan
// or for a year without planned money).
bool trace_has_breaks(const Trace& t);

}  // namespace kudrang
