// libFuzzer target: a whole small workspace. The input is split into files at
// lines "--- file" (the first part is kudrang.yaml); the records go through the
// cross-file checks and every rule and document a report command would run.
#include "kudrang/check/workspace_checks.hpp"
#include "kudrang/records/parsed_record.hpp"
#include "kudrang/render/documents.hpp"
#include "kudrang/render/grade_render.hpp"
#include "kudrang/render/plan_forms.hpp"
#include "kudrang/render/summary_render.hpp"
#include "kudrang/rules/certify.hpp"
#include "kudrang/rules/grade_workspace.hpp"
#include "kudrang/rules/integration.hpp"
#include "kudrang/rules/meeting_report.hpp"
#include "kudrang/rules/project_status.hpp"
#include "kudrang/rules/success_levels.hpp"
#include "kudrang/rules/trace.hpp"

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace kudrang;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  const std::string_view sep = "\n--- file\n";
  for (size_t start = 0;;) {
    size_t at = input.find(sep, start);
    parts.push_back(input.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos || parts.size() == 12) break;
    start = at + sep.size();
  }
  // The production limits (4 MiB files, 64 levels, 200,000 nodes): what a
  // clerk's or an attacker's file meets, not smaller ones (issue 11).
  const LoadLimits limits;

  Workspace ws;
  std::vector<Diagnostic> diags;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string name = i == 0 ? "kudrang.yaml" : "f" + std::to_string(i) + ".yaml";
    place_record(ws, name, i == 0, parse_record(parts[i], name, limits), diags);
  }
  ws.build_index();
  check_workspace(ws, diags);

  std::ostringstream out;
  // Record text is escaped in every HTML page: no record can open an element.
  auto html = [](const std::string& page) {
    if (page.find("<script") != std::string::npos || page.find("<img") != std::string::npos) std::abort();
    return page;
  };
  DocumentOptions o;
  o.letter_date = Date{2020, 10, 1};
  std::set<int> years;
  for (const auto& g : grade_workspace(ws, std::nullopt).grades) {
    grade_advice(g, true);
    years.insert(g.plan->year);
  }
  for (const auto& c : ws.certifications) certify(c.value, ws.criteria_set(c.value.criteria.value));
  for (const auto& b : ws.budgets) years.insert(b.value.year);
  for (const auto& m : ws.meetings) {
    for (const Doc& d : {minutes_doc(m.value, ws, o), invitation_doc(m.value, ws, o)}) out << to_markdown(d) << html(to_html(d));
    if (auto fy = m.value.id_fiscal_year()) years.insert(*fy);
  }
  if (years.size() > 3) years.erase(std::next(years.begin(), 3), years.end());
  for (int y : years) {
    check_integration(ws, y);
    meeting_report(ws, y);
    success_levels(ws, y);
    YearSummary s = summarize_year(ws, y);
    out << render_summary_md(s, true) << html(render_summary_html(s, false));
    for (const auto& p : ws.projects) {
      out << to_markdown(project_status_doc(project_status(ws, p.value, y), o));
    }
  }
  for (const auto& p : ws.projects) {
    Doc d = project_sheet_doc(p.value, ws, o);
    out << to_markdown(d) << html(to_html(d));
  }
  for (const auto& d : ws.development_plans) {
    Doc doc = devplan_doc(d.value, true);
    out << to_markdown(doc) << html(to_html(doc));
    for (const auto& p : d.value.projects) {
      for (const auto& s : p.sources) trace_project(ws, s.text());
    }
  }
  for (const auto& p : ws.plans) {
    for (const auto& pp : p.value.projects) trace_project(ws, p.value.id + "/" + pp.id);
  }
  return 0;
}
