// kudrang report summary | levels
#include "commands.hpp"
#include "loading.hpp"

#include "document_output.hpp"
#include "xlsx_output.hpp"
#include "kudrang/render/report_workbooks.hpp"
#include "kudrang/core/exit_status.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/pipeline/stages.hpp"
#include "kudrang/render/html_page.hpp"
#include "kudrang/render/levels_render.hpp"
#include "kudrang/render/summary_render.hpp"
#include "kudrang/render/rollup_render.hpp"

#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

namespace {

struct ReportOptions {
  int year = 0;
  std::string format = "md";
  std::string out;
  std::string by = "lao";
  std::string years;  // report levels --years A-B
};


}  // namespace

void add_report_command(CLI::App& app, Globals& g)
{
  auto* report = app.add_subcommand("report", "Documents for a year: the summary, the success levels");
  report->require_subcommand(1);

  auto so = std::make_shared<ReportOptions>();
  auto* summary = report->add_subcommand("summary", "Everything for one year in one document, key numbers first");
  summary->add_option("--year", so->year, "The year (BE): meetings of that fiscal year, plans reviewed that year")
    ->required()
    ->check(CLI::Range(2400, 2700));
  summary->add_option("--format", so->format,
                      "md, html (one printable A4 page with charts), pdf (needs -o); json or csv: the roll-up of the LAOs")
    ->check(CLI::IsMember({"md", "html", "pdf", "json", "csv"}));
  summary->add_option("--by", so->by, "At a tree root, the rows of the roll-up: lao (default), district or province")
    ->check(CLI::IsMember({"lao", "district", "province"}));
  summary->add_option("-o,--output", so->out, "Write a new file (never overwritten) instead of standard output");
  summary->callback([so, &g] {
    std::filesystem::path root = resolve_root(g);
    FileTree tree = scan_root(root);
    SummaryTreeReport rows;
    auto stage = summary_stage(so->year, [&](const WorkspaceInfo& info, SummaryRow&& row) {
      rows.emplace_back(info, std::move(row));
    });
    std::vector<StageBase*> stages = {stage.get()};
    std::string page;
    std::string ws_display;
    std::unique_ptr<StageBase> one;
    bool rollup = so->format == "json" || so->format == "csv";
    if (tree.workspaces.size() == 1 && !rollup) {
      // One workspace: the whole document, rendered while it is loaded.
      one = visit_stage([&](const Workspace& ws) {
        YearSummary s = summarize_year(ws, so->year);
        s.printed = today_in_thailand();
        bool thai = thai_output(g, ws.has_config ? ws.config.value.locale : "th");
        page = so->format == "md" ? render_summary_md(s, thai) : render_summary_html(s, thai);
        ws_display = ws.display;
      });
      stages.push_back(one.get());
    }
    PipelineResult r = run_stages(tree, root, g, stages);
    refuse_errors(r.diagnostics);
    if (!one) {
      bool thai = thai_for(g, r);
      RollupGrain by = so->by == "district" ? RollupGrain::district : so->by == "province" ? RollupGrain::province : RollupGrain::lao;
      Rollup up = roll_up(so->year, rows);
      if (rollup) {
        std::ostringstream text;
        if (so->format == "json") render_rollup_json(text, up, rows);
        else render_rollup_csv(text, up, rows, by, thai);
        return emit_text(text.str(), so->out, g);
      }
      Doc doc = rollup_doc(up, rows, by, thai);
      std::string title = thai ? fmt::format("รายงานสรุปประจำปี {}", so->year) : fmt::format("Summary of {}", so->year);
      page = so->format == "md" ? to_markdown(doc) : html_page(title, to_html(doc));
    }
    if (so->format == "pdf") emit_pdf(page, so->out, root / ws_display, g);
    else emit_text(page, so->out, g);
  });

  auto lo = std::make_shared<ReportOptions>();
  auto* levels = report->add_subcommand("levels", "The success level 1-5 (CDD KPI 1.1.2) the records show for a year");
  auto* year_opt = levels->add_option("--year", lo->year, "Review year of the community plans (BE)")->check(CLI::Range(2400, 2700));
  auto* years_opt = levels->add_option("--years", lo->years, "A range of review years (BE), e.g. 2561-2565: the level of each year");
  year_opt->excludes(years_opt);
  levels->add_option("--format", lo->format, "md, json or xlsx (needs -o)")->check(CLI::IsMember({"md", "json", "xlsx"}));
  levels->add_option("-o,--output", lo->out, "The workbook to write with --format xlsx (never overwritten)");
  levels->callback([lo, &g] {
    if (!lo->years.empty()) {
      if (lo->format == "xlsx") throw UsageError("--years works with --format md or json");
      auto [from, to] = years_option(lo->years);
      std::vector<LevelsTreeReport> per_year(static_cast<size_t>(to - from + 1));
      std::vector<std::unique_ptr<StageBase>> owned;
      std::vector<StageBase*> stages;
      for (int y = from; y <= to; ++y) {
        auto& slot = per_year[static_cast<size_t>(y - from)];
        owned.push_back(levels_stage(y, [&slot](const WorkspaceInfo& info, SuccessLevels&& l) { slot.emplace_back(info, std::move(l)); }));
        stages.push_back(owned.back().get());
      }
      PipelineResult r = run_checked(g, stages, levels_reads());
      if (lo->format == "json") render_levels_years_json(std::cout, from, per_year);
      else render_levels_years_md(std::cout, from, per_year, thai_for(g, r));
      return;
    }
    if (lo->year == 0) throw UsageError("report levels needs --year Y or --years A-B");
    LevelsTreeReport rows;
    auto stage = levels_stage(lo->year, [&](const WorkspaceInfo& info, SuccessLevels&& l) {
      rows.emplace_back(info, std::move(l));
    });
    PipelineResult r = run_checked(g, {stage.get()}, levels_reads());
    bool thai = thai_for(g, r);
    if (lo->format == "xlsx") {
      if (rows.size() != 1) throw UsageError("xlsx is for one workspace; pass --workspace DIR or use md/json");
      return emit_xlsx(levels_workbook(rows.front().second), lo->out, g);
    }
    if (rows.size() == 1) {
      if (lo->format == "json") render_levels_json(std::cout, rows.front().second);
      else render_levels_md(std::cout, rows.front().second, thai);
    } else {
      if (lo->format == "json") render_levels_tree_json(std::cout, lo->year, rows);
      else render_levels_tree_md(std::cout, lo->year, rows, thai);
    }
  });
}

}  // namespace kudrang::cli
