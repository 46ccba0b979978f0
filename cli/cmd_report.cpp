// kudrang report summary | levels
#include "commands.hpp"
#include "loading.hpp"

#include "document_output.hpp"
#include "xlsx_output.hpp"
#include "kudrang/render/report_workbooks.hpp"
#include "kudrang/core/exit_status.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/summary_render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

namespace {

struct ReportOptions {
  int year = 0;
  std::string format = "md";
  std::string out;
};

void levels_json(std::ostream& out, const SuccessLevels& l)
{
  JsonWriter w(out);
  w.begin_object();
  w.key("year").value(l.year);
  w.key("reached").value(l.reached);
  w.key("levels").begin_array();
  for (const auto& s : l.steps) {
    w.begin_object();
    w.key("level").value(s.level);
    w.key("met").value(s.met);
    w.key("evidence").value(s.declared ? "declared" : "computed");
    w.key("numerator").value(s.ratio.num);
    w.key("denominator").value(s.ratio.den);
    w.key("threshold").value(s.threshold);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

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
  summary->add_option("--format", so->format, "md, html (one printable A4 page with charts) or pdf (needs -o)")
    ->check(CLI::IsMember({"md", "html", "pdf"}));
  summary->add_option("-o,--output", so->out, "Write a new file (never overwritten) instead of standard output");
  summary->callback([so, &g] {
    ValidateResult r = load_checked(g);
    const Workspace& ws = single_workspace(r);
    YearSummary s = summarize_year(ws, so->year);
    s.printed = today_in_thailand();
    bool thai = thai_for(g, r);
    if (so->format == "pdf") emit_pdf(render_summary_html(s, thai), so->out, resolve_root(g) / ws.display, g);
    else emit_text(so->format == "html" ? render_summary_html(s, thai) : render_summary_md(s, thai), so->out, g);
  });

  auto lo = std::make_shared<ReportOptions>();
  auto* levels = report->add_subcommand("levels", "The success level 1-5 (CDD KPI 1.1.2) the records show for a year");
  levels->add_option("--year", lo->year, "Review year of the community plans (BE)")->required()->check(CLI::Range(2400, 2700));
  levels->add_option("--format", lo->format, "md, json or xlsx (needs -o)")->check(CLI::IsMember({"md", "json", "xlsx"}));
  levels->add_option("-o,--output", lo->out, "The workbook to write with --format xlsx (never overwritten)");
  levels->callback([lo, &g] {
    ValidateResult r = load_checked(g);
    YearSummary s = summarize_year(single_workspace(r), lo->year);
    if (lo->format == "xlsx") return emit_xlsx(levels_workbook(s.levels), lo->out, g);
    if (lo->format == "json") {
      levels_json(std::cout, s.levels);
      return;
    }
    // The levels section of the summary stands on its own.
    bool thai = thai_for(g, r);
    std::string md = render_summary_md(s, thai);
    auto at = md.rfind("\n## ");
    auto body = md.substr(at + 3);
    auto first_line = body.find('\n');
    std::cout << "#" << body.substr(0, first_line + 1) << "\n"
              << (thai ? fmt::format("**ระดับที่ได้: {} จาก 5**\n", s.levels.reached)
                       : fmt::format("**Level reached: {} of 5**\n", s.levels.reached))
              << body.substr(first_line + 1);
  });
}

}  // namespace kudrang::cli
