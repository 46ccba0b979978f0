// kudrang budget check
#include "commands.hpp"
#include "loading.hpp"
#include "xlsx_output.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/render/integration_render.hpp"
#include "kudrang/render/plan_forms.hpp"
#include "kudrang/render/report_workbooks.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace kudrang::cli {

namespace {

struct BudgetOptions {
  int year = 0;
  std::string format = "md";
  std::string out;  // -o FILE (--format xlsx)
};

void run_check(const BudgetOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  IntegrationReport report;
  for (const auto& ws : r.tree.workspaces) {
    IntegrationResult part = check_integration(ws, o.year);
    add_integration(report.total, part);
    report.parts.emplace_back(ws.display, std::move(part));
  }
  const Workspace* only = r.tree.workspaces.size() == 1 ? &r.tree.workspaces.front() : nullptr;
  bool thai = thai_for(g, r);
  if (o.format == "xlsx") emit_xlsx(integration_workbook(report), o.out, g);
  else if (o.format == "json") render_integration_json(std::cout, report);
  else if (o.format == "csv") render_integration_csv(std::cout, report);
  else render_integration_md(std::cout, report, only, thai);
  g.exit_code = report.total.all_met() ? exit_ok : exit_failed;
}

}  // namespace

void add_budget_command(CLI::App& app, Globals& g)
{
  auto* budget = app.add_subcommand("budget", "From community plans to the development plan and budget");
  budget->require_subcommand(1);
  auto o = std::make_shared<BudgetOptions>();
  auto* check = budget->add_subcommand("check", "The 30% / 20% / self-30 / dimensions-3 rules; exit 1 when one fails");
  check->add_option("--year", o->year, "Review year Y of the community plans (BE); the target year is Y+1")
    ->required()
    ->check(CLI::Range(2400, 2700));
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
