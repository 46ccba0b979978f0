// kudrang plan integrate | book: the subdistrict's integrated community plan
// (the tambon forum's record) and the book it hands to the LAO and the district.
#include "commands.hpp"
#include "document_output.hpp"
#include "loading.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/render/html_page.hpp"
#include "kudrang/render/integrated_render.hpp"
#include "kudrang/rules/tambon_forum.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct IntegrateOptions {
  int year = 0;
  bool write = false;
  std::string date;
  std::string venue;
};

struct BookOptions {
  int year = 0;
  std::string format = "md";
  std::string out;
  int copy = 0;
  bool thai_digits = false;
};

void run_integrate(const IntegrateOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  IntegratedDraft d;
  d.year = o.year;
  d.id = fmt::format("tambon-{}", o.year);
  d.path = fmt::format("integrated/{}.yaml", o.year);
  d.schema_prefix = "../.kudrang/schemas/";
  if (!o.date.empty()) {
    d.date = parse_date(o.date);
    if (!d.date) throw UsageError(fmt::format("--date '{}' is not a date; write it as YYYY-MM-DD", o.date));
    if (fiscal_year_of(*d.date) != o.year) {
      throw UsageError(fmt::format("--date {} is outside review year {} ({} to {})", iso_date(*d.date), o.year,
                                   iso_date(fiscal_year_start(o.year)), iso_date(fiscal_year_end(o.year))));
    }
  }
  d.venue = !o.venue.empty() ? o.venue : ws.has_config && !ws.config.value.council_venue.empty()
                                             ? ws.config.value.council_venue
                                             : std::string("-");
  d.projects = draft_integrated_projects(ws, o.year);
  if (d.projects.empty()) {
    throw UsageError(fmt::format("no village plan of review year {} has a project that is not dropped; nothing to "
                                 "integrate",
                                 o.year));
  }
  if (const IntegratedPlan* ip = integrated_plan_of(ws, o.year); ip && o.write) {
    for (const auto& rec : ws.integrated_plans) {
      if (&rec.value == ip) {
        throw UsageError(fmt::format("{} already holds the integrated plan of {}; kudrang does not overwrite it (the "
                                     "forum's ranking is edited in that record)",
                                     rec.file, o.year));
      }
    }
  }
  if (!o.write) {
    std::cout << to_markdown(integrated_draft_doc(ws, d, thai_for(g, r)));
    return;
  }
  fs::path root = resolve_root(g) / ws.display;
  std::string error;
  switch (write_new_file(root / d.path, integrated_plan_yaml(ws, d), error, root)) {
  case WriteResult::written:
    std::cout << (ws.display.empty() ? d.path : ws.display + "/" + d.path) << '\n';
    break;
  case WriteResult::exists:
    throw IoError(fmt::format("{} exists; kudrang does not overwrite files", d.path));
  case WriteResult::failed: throw IoError(error);
  }
}

void run_book(const BookOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  const IntegratedPlan* ip = integrated_plan_of(ws, o.year);
  if (!ip) {
    throw UsageError(fmt::format("the workspace holds no integrated plan of review year {}; draft one with 'kudrang "
                                 "plan integrate --year {} --write'",
                                 o.year, o.year));
  }
  DocumentOptions d;
  d.thai = true;  // an official document: Thai by nature
  d.thai_digits = o.thai_digits;
  Doc doc = integrated_book_doc(ws, *ip, d, o.copy);
  if (o.format == "md") {
    emit_text(to_markdown(doc), o.out, g);
    return;
  }
  std::string title = fmt::format("แผนชุมชนบูรณาการระดับตำบล ปี {}", o.year);
  std::string page = html_page(title, to_html(doc), book_css);
  if (o.format == "pdf") emit_pdf(page, o.out, resolve_root(g) / ws.display, g);
  else emit_text(page, o.out, g);
}

}  // namespace

void add_integrated_plan_commands(CLI::App& plan, Globals& g)
{
  auto io = std::make_shared<IntegrateOptions>();
  auto* integrate = plan.add_subcommand(
    "integrate", "Draft the subdistrict's integrated plan of a year from its village plans (print; --write writes it)");
  integrate->add_option("--year", io->year, "Review year Y of the village plans (BE)")
    ->required()
    ->check(CLI::Range(2400, 2700));
  integrate->add_flag("--write", io->write, "Write the draft as integrated/Y.yaml (never over an existing one)");
  integrate->add_option("--date", io->date, "Date of the subdistrict forum, YYYY-MM-DD (within the review year)");
  integrate->add_option("--venue", io->venue, "Venue of the forum (default: the council's venue)");
  integrate->callback([io, &g] { run_integrate(*io, g); });

  auto bo = std::make_shared<BookOptions>();
  auto* book = plan.add_subcommand("book", "The integrated plan's book for the LAO, the district office and the ศอช.ต.");
  book->add_option("--year", bo->year, "Review year Y of the integrated plan (BE)")
    ->required()
    ->check(CLI::Range(2400, 2700));
  book->add_option("--format", bo->format, "md (Markdown), html (a printable A4 page) or pdf (needs -o)")
    ->check(CLI::IsMember({"md", "html", "pdf"}));
  book->add_option("-o,--output", bo->out, "Write a new file (never overwritten) instead of standard output");
  book->add_option("--copy", bo->copy, "Print copy 1 (the LAO), 2 (the district office) or 3 (kept); default: list all three")
    ->check(CLI::Range(1, 3));
  book->add_flag("--thai-digits", bo->thai_digits, "Write numbers in Thai digits");
  book->callback([bo, &g] { run_book(*bo, g); });
}

}  // namespace kudrang::cli
