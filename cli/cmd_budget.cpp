// kudrang budget check
#include "commands.hpp"
#include "loading.hpp"
#include "xlsx_output.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/pipeline/stages.hpp"
#include "kudrang/render/integration_render.hpp"
#include "kudrang/render/plan_forms.hpp"
#include "kudrang/render/report_workbooks.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace kudrang::cli {

namespace {

struct BudgetOptions {
  int year = 0;
  std::string years;  // --years A-B
  std::string format = "md";
  std::string out;  // -o FILE (--format xlsx)
};

void render_check(const BudgetOptions& o, const IntegrationReport& report, const Workspace* ws, bool thai,
                  std::ostream& out)
{
  if (o.format == "json") render_integration_json(out, report);
  else if (o.format == "csv") render_integration_csv(out, report, thai);
  else render_integration_md(out, report, ws, thai);
}

// --years A-B: the rules of each review year, one pipeline run with a stage per year.
void run_check_years(const BudgetOptions& o, Globals& g)
{
  if (o.format != "md" && o.format != "json") throw UsageError("--years works with --format md or json");
  auto [from, to] = years_option(o.years);
  std::vector<IntegrationReport> years(static_cast<size_t>(to - from + 1));
  std::vector<std::unique_ptr<StageBase>> owned;
  std::vector<StageBase*> stages;
  for (int y = from; y <= to; ++y) {
    IntegrationReport& slot = years[static_cast<size_t>(y - from)];
    owned.push_back(integration_stage(y, [&slot](const WorkspaceInfo& info, IntegrationResult&& part) {
      add_integration(slot.total, part);
      slot.parts.emplace_back(info, std::move(part));
    }));
    stages.push_back(owned.back().get());
  }
  PipelineResult r = run_checked(g, stages, integration_reads());
  if (o.format == "json") render_integration_years_json(std::cout, from, years);
  else render_integration_years_md(std::cout, from, years, thai_for(g, r));
  // Passes when every LAO meets every rule in every year that has plans (a
  // year with no community plan of the LAO's is shown as "-", not judged).
  bool all = true;
  for (const auto& y : years) {
    for (const auto& [info, part] : y.parts) {
      bool has_plans = std::any_of(part.rules.begin(), part.rules.end(),
                                   [](const IntegrationRule& x) { return x.id == "self-30" && x.ratio.den > 0; });
      all = all && (!has_plans || part.all_met());
    }
  }
  g.exit_code = all ? exit_ok : exit_failed;
}

// Any tree through the pipeline: a row per workspace and the totals; one
// workspace also gets its project lists, rendered while it is loaded.
void run_check(const BudgetOptions& o, Globals& g)
{
  if (!o.years.empty()) return run_check_years(o, g);
  if (o.year == 0) throw UsageError("budget check needs --year Y or --years A-B");
  std::filesystem::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  IntegrationReport report;
  auto rows = integration_stage(o.year, [&](const WorkspaceInfo& info, IntegrationResult&& part) {
    add_integration(report.total, part);
    report.parts.emplace_back(info, std::move(part));
  });
  std::vector<StageBase*> stages = {rows.get()};
  std::string detail;
  XlsxBook book;  // --format xlsx: built while the one workspace is loaded
  std::unique_ptr<StageBase> one;
  if (tree.workspaces.size() == 1) {
    one = visit_stage([&](const Workspace& ws) {
      IntegrationResult full = check_integration(ws, o.year);
      IntegrationReport r;
      r.total = full;
      r.parts.emplace_back(workspace_info(ws), full);
      r.detail = &full;
      if (o.format == "xlsx") {
        book = integration_workbook(r);
        return;
      }
      std::ostringstream text;
      render_check(o, r, &ws, thai_output(g, ws.has_config ? ws.config.value.locale : "th"), text);
      detail = text.str();
    });
    stages.push_back(one.get());
  }
  PipelineResult r = run_stages(tree, root, g, stages);
  refuse_errors(g, r.diagnostics, integration_reads());
  if (o.format == "xlsx") emit_xlsx(one ? book : integration_workbook(report), o.out, g);
  else if (one) std::cout << detail;
  else render_check(o, report, nullptr, thai_for(g, r), std::cout);
  // A tree passes when every LAO does (indicator 3.2 counts LAOs, not the sum).
  bool all = report.total.all_met();
  for (const auto& [info, part] : report.parts) all = all && part.all_met();
  g.exit_code = all ? exit_ok : exit_failed;
}

}  // namespace

void add_budget_command(CLI::App& app, Globals& g)
{
  auto* budget = app.add_subcommand("budget", "From community plans to the development plan and budget");
  budget->require_subcommand(1);
  auto o = std::make_shared<BudgetOptions>();
  auto* check = budget->add_subcommand("check", "The 30% / 20% / self-30 / dimensions-3 rules; exit 1 when one fails");
  auto* year_opt = check->add_option("--year", o->year, "Review year Y of the community plans (BE); the target year is Y+1")
                      ->check(CLI::Range(2400, 2700));
  auto* years_opt =
      check->add_option("--years", o->years, "A range of review years (BE), e.g. 2561-2565: the rules of each year");
  year_opt->excludes(years_opt);
  check->add_option("--format", o->format, "md, csv, json or xlsx (needs -o)")->check(CLI::IsMember({"md", "csv", "json", "xlsx"}));
  check->add_option("-o,--output", o->out, "The workbook to write with --format xlsx (never overwritten)");
  check->callback([o, &g] { run_check(*o, g); });

  auto ref = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("md");
  auto* trace = budget->add_subcommand("trace", "One community-plan project's path: plan -> development plan -> budget line");
  trace->add_option("project", *ref, "PLAN/PROJECT, e.g. m01-2563/P01")->required();
  trace->add_option("--format", *format, "md or json")->check(CLI::IsMember({"md", "json"}));
  trace->callback([ref, format, &g] {
    ValidateResult r = load_checked(g);
    for (const auto& ws : r.tree.workspaces) {
      if (auto t = trace_project(ws, *ref)) {
        if (*format == "json") render_trace_json(std::cout, *t);
        else render_trace_md(std::cout, *t, ws, thai_for(g, r));
        g.exit_code = trace_has_breaks(*t) ? exit_failed : exit_ok;
        return;
      }
    }
    throw UsageError("unknown community-plan project '" + *ref + "' (write it as PLAN/PROJECT, e.g. m01-2563/P01)");
  });
}

}  // namespace kudrang::cli
