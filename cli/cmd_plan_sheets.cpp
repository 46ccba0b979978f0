// kudrang plan template | plan import (issue 14): the village plan form a
// committee fills in, and the filled form read back into a community-plan
// record (preview; --write), every problem named by its cell.
#include "commands.hpp"
#include "loading.hpp"
#include "record_editing.hpp"
#include "xlsx_output.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/spreadsheet.hpp"
#include "kudrang/records/plan_sheet.hpp"
#include "kudrang/render/plan_template.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <set>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct TemplateOptions {
  int village = 0;
  std::optional<int> year;
  std::string out;
};

void run_template(const TemplateOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  const Village* v = ws.has_config ? ws.config.value.village(o.village) : nullptr;
  if (!v) throw UsageError(fmt::format("--village {} is not in kudrang.yaml's villages", o.village));
  int year = o.year ? *o.year : fiscal_year_of(today_in_thailand());
  emit_xlsx(plan_template(ws, *v, year), o.out, g);
}

struct ImportOptions {
  std::string file;
  bool write = false;
};

void run_import(const ImportOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  std::string label = fs::path(o.file).filename().string();
  if (!fs::exists(o.file)) throw IoError(fmt::format("{}: no such file", o.file));
  std::string error;
  auto book = read_spreadsheet(o.file, error);
  if (!book) {
    std::cerr << fmt::format("{}: {}\n", label, error);
    throw RecordsHaveErrors("nothing was imported");
  }
  std::set<int> villages;
  if (ws.has_config)
    for (const auto& v : ws.config.value.villages) villages.insert(v.no);
  PlanSheet plan = read_plan_sheet(*book, villages);
  if (!plan.problems.empty()) {
    for (const auto& p : plan.problems) std::cerr << fmt::format("{}: {}: {}\n", label, p.where, p.message);
    throw RecordsHaveErrors(fmt::format("{} problem(s) in {}; nothing was written", plan.problems.size(), label));
  }
  std::string rel = fmt::format("plans/{}/m{:02}.yaml", plan.year, plan.village);
  for (const auto& rec : ws.plans) {
    if (rec.value.id == plan.id || rec.file == rel) {
      std::cerr << fmt::format("kudrang: plan {} exists already ({}); kudrang does not replace it: change that "
                               "record, or remove it first\n",
                               plan.id, rec.file);
      throw RecordsHaveErrors("nothing was written");
    }
  }
  std::string schema = fs::exists(resolve_root(g) / "schemas" / "community-plan.schema.json")
                           ? "# yaml-language-server: $schema=../../schemas/community-plan.schema.json\n"
                           : "";
  std::string text = schema + plan.yaml;
  if (!o.write) {
    std::cout << fmt::format("# {}\n", rel) << text;
    std::cout << "# nothing written: run again with --write to add this record\n";
    return;
  }
  create_record(g, resolve_root(g), rel, text);
}

}  // namespace

void add_plan_sheet_commands(CLI::App& plan, Globals& g)
{
  auto t = std::make_shared<TemplateOptions>();
  auto* tmpl = plan.add_subcommand("template", "Write a village's plan form (.xlsx) for the committee to fill in");
  tmpl->add_option("--village", t->village, "Village number (หมู่ที่)")->required();
  tmpl->add_option("--year", t->year, "Review year (BE; default: the current fiscal year)")->check(CLI::Range(2400, 2700));
  tmpl->add_option("-o,--output", t->out, "The workbook to write (never overwritten)")->required();
  tmpl->callback([t, &g] { run_template(*t, g); });

  auto i = std::make_shared<ImportOptions>();
  auto* imp = plan.add_subcommand("import", "Read a filled plan form into a community-plan record; preview, --write adds it");
  imp->add_option("file", i->file, "The filled form (.xlsx, .ods)")->required();
  imp->add_flag("--write", i->write, "Write plans/YEAR/mNN.yaml (without it nothing is written)");
  imp->callback([i, &g] { run_import(*i, g); });
}

}  // namespace kudrang::cli
