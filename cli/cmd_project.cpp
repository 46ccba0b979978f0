// kudrang project render | status
#include "commands.hpp"
#include "loading.hpp"

#include "document_output.hpp"
#include "kudrang/core/text.hpp"
#include "kudrang/core/exit_status.hpp"
#include "kudrang/render/documents.hpp"
#include "kudrang/render/html_page.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

namespace {

struct ProjectOptions {
  std::string ref;
  int fy = 0;
  std::string format = "md";
  std::string out;
  bool thai_digits = false;
};

std::pair<const Workspace*, const Project*> find_project(const ValidateResult& r, const std::string& ref)
{
  for (const auto& ws : r.tree.workspaces) {
    if (const Project* p = ws.project(ref)) return {&ws, p};
  }
  std::vector<std::string> refs;
  for (const auto& ws : r.tree.workspaces) {
    for (const auto& rec : ws.projects) refs.push_back(rec.value.ref);
  }
  throw UsageError(fmt::format("unknown project sheet '{}'{}", ref, did_you_mean(ref, refs)));
}

}  // namespace

void add_project_command(CLI::App& app, Globals& g)
{
  auto* project = app.add_subcommand("project", "Project sheets of the development plan");
  project->require_subcommand(1);

  auto ro = std::make_shared<ProjectOptions>();
  auto* render = project->add_subcommand("render", "The project sheet in its ten-section form");
  render->add_option("ref", ro->ref, "Project ref, e.g. 1.2.2")->required();
  render->add_option("--format", ro->format, "md (Markdown), html (a printable A4 page) or pdf (needs -o)")
    ->check(CLI::IsMember({"md", "html", "pdf"}));
  render->add_option("-o,--output", ro->out, "Write a new file (never overwritten) instead of standard output");
  render->add_flag("--thai-digits", ro->thai_digits, "Write numbers in Thai digits");
  render->callback([ro, &g] {
    // The sheet reads its project record and kudrang.yaml: errors elsewhere
    // are counted, not a reason to refuse (issue 12, point 7).
    ValidateResult r = load_unchecked(g);
    std::string file;
    for (const auto& w : r.tree.workspaces) {
      for (const auto& rec : w.projects) {
        if (rec.value.ref == ro->ref && file.empty()) file = rec.file;
      }
    }
    if (file.empty()) refuse_errors(r.diagnostics);  // its file may be the one with errors
    auto [ws, p] = find_project(r, ro->ref);
    refuse_errors(g, r.diagnostics, RecordReads::of({}, {file}));
    DocumentOptions d;
    d.thai_digits = ro->thai_digits;
    Doc doc = project_sheet_doc(*p, *ws, d);
    if (ro->format == "md") {
      emit_text(to_markdown(doc), ro->out, g);
      return;
    }
    std::string page = html_page("โครงการ " + p->ref, to_html(doc), minutes_css);
    if (ro->format == "pdf") emit_pdf(page, ro->out, resolve_root(g) / ws->display, g);
    else emit_text(page, ro->out, g);
  });

  auto so = std::make_shared<ProjectOptions>();
  auto* status = project->add_subcommand("status", "The sheet's measurable indicators against the records of a year");
  status->add_option("ref", so->ref, "Project ref, e.g. 1.2.2")->required();
  status->add_option("--fy", so->fy, "Fiscal year (BE)")->required()->check(CLI::Range(2400, 2700));
  status->add_option("--format", so->format, "md or json")->check(CLI::IsMember({"md", "json"}));
  status->callback([so, &g] {
    ValidateResult r = load_checked(g);
    auto [ws, p] = find_project(r, so->ref);
    ProjectStatus s = project_status(*ws, *p, so->fy);
    if (so->format == "json") {
      render_project_status_json(std::cout, s);
    } else {
      DocumentOptions d;
      d.thai = thai_for(g, r);
      std::cout << to_markdown(project_status_doc(s, d));
    }
    bool all_met = std::all_of(s.indicators.begin(), s.indicators.end(),
                               [](const IndicatorStatus& i) { return !i.value || i.met; });
    g.exit_code = all_met ? exit_ok : exit_failed;
  });
}

}  // namespace kudrang::cli
