// kudrang plan grade | certify | criteria
#include "commands.hpp"
#include "loading.hpp"
#include "selection.hpp"
#include "xlsx_output.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/git.hpp"
#include "kudrang/io/messages.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "kudrang/pipeline/stages.hpp"
#include "kudrang/render/certify_render.hpp"
#include "kudrang/render/grade_render.hpp"
#include "kudrang/render/grade_years_render.hpp"
#include "kudrang/render/report_workbooks.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct PlanOptions {
  std::vector<std::string> targets;
  std::optional<int> year;
  std::string format = "md";
  std::string criteria_id;
  std::string compare;
  std::string out;  // -o FILE (--format xlsx)
  std::string years;  // plan grade --years A-B
};

// "2561-2565" -> {2561, 2565}.

// The grades of a tree, folded workspace by workspace: each workspace's
// grades are kept (their rows point into them), nothing else.
struct GradeFold {
  std::deque<WorkspaceGrades> kept;
  std::vector<WorkspaceInfo> workspaces;
  std::unique_ptr<StageBase> stage(std::optional<int> year)
  {
    return grades_stage(year, [this](const WorkspaceInfo& info, WorkspaceGrades&& g) {
      kept.push_back(std::move(g));
      workspaces.push_back(info);
    });
  }
  std::vector<PlanGrade> rows() const
  {
    std::vector<PlanGrade> out;
    for (const auto& g : kept) out.insert(out.end(), g.grades.begin(), g.grades.end());
    return out;
  }
};

// The copies of the older records for --compare: a private folder (0700),
// removed on the way out and on SIGINT/SIGTERM/SIGHUP; the folders of runs
// killed outright are swept by the next one, after an hour.
constexpr const char* compare_prefix = "kudrang-compare-";

void print_grades(const PlanOptions& o, const GradeReport& report, bool thai, const Globals& g)
{
  if (o.format == "xlsx") return emit_xlsx(grades_workbook(report), o.out, g);
  if (o.format == "json") render_grades_json(std::cout, report, thai);
  else if (o.format == "csv") render_grades_csv(std::cout, report, thai);
  else render_grades_md(std::cout, report, thai);
}

// Any tree: graded through the pipeline, workspace by workspace, so memory
// stays small on a national tree and unchanged workspaces come from the cache.
// --years A-B: the same villages across review years, and certification per year and cumulative.
void run_grade_years(const PlanOptions& o, Globals& g)
{
  if (o.year || !o.targets.empty() || !o.compare.empty()) {
    throw UsageError("--years works alone: without --year, plan ids or --compare");
  }
  if (o.format != "md" && o.format != "json") throw UsageError("--years works with --format md or json");
  auto [from, to] = years_option(o.years);
  GradeFold grades;
  GradeYears report;
  report.from = from;
  report.to = to;
  auto gs = grades.stage(std::nullopt);
  auto cs = certify_stage(std::nullopt, [&](const WorkspaceInfo&, std::vector<CertificationResult>&& part) {
    for (auto& c : part) report.certifications.push_back(std::move(c));
  });
  PipelineResult r = run_checked(g, {gs.get(), cs.get()}, certify_reads());
  report.many_workspaces = r.workspaces.size() > 1;
  for (auto& pg : grades.rows()) {
    if (pg.plan->year >= from && pg.plan->year <= to) report.plans.push_back(pg);
  }
  if (o.format == "json") render_grade_years_json(std::cout, report);
  else render_grade_years_md(std::cout, report, thai_for(g, r));
}

void run_grade(const PlanOptions& o, Globals& g)
{
  if (!o.years.empty()) return run_grade_years(o, g);
  bool picked = !o.targets.empty() || !o.compare.empty();
  GradeFold now;
  // Picking plans by id needs every year's plans to know the ids.
  auto stage = now.stage(picked ? std::nullopt : o.year);
  // Grades read the community plans, the criteria and what the development
  // plan and budget take up (rules/grade_workspace): errors in other records
  // are one warning line (issue 12, point 7).
  PipelineResult r =
    run_checked(g, {stage.get()}, grade_reads());
  std::vector<PlanGrade> rows = now.rows();
  std::optional<Selection> sel;
  auto keep = [&](const PlanGrade& pg) {
    return (!o.year || pg.plan->year == *o.year) && (!sel || sel->matches(pg.plan->id, pg.file));
  };
  if (picked) {
    sel.emplace(o.targets, resolve_root(g), "plan", [&](const std::string& id) {
      return std::any_of(rows.begin(), rows.end(), [&](const PlanGrade& pg) { return pg.plan->id == id; });
    });
    std::erase_if(rows, [&](const PlanGrade& pg) { return !keep(pg); });
  }
  GradeReport report;
  report.year = o.year;
  report.many_workspaces = r.workspaces.size() > 1;
  report.workspaces = r.workspaces;
  report.not_fetched = unfetched_of(r);
  report.many_workspaces = report.many_workspaces || !report.not_fetched.empty();
  report.plans = std::move(rows);
  for (const auto& pg : report.plans) report.distribution.add(pg.grade);

  // The older records come straight from git into a temporary tree, and go
  // through the same stage (never cached: they are not this tree's files).
  std::unique_ptr<PrivateTempDir> old_dir;
  GradeFold old;
  if (!o.compare.empty()) {
    if (o.format == "csv") throw UsageError("--compare works with --format md or json");
    sweep_stale_temp_dirs(compare_prefix, std::chrono::hours(1));
    std::string error;
    old_dir = PrivateTempDir::create(compare_prefix, error);
    if (!old_dir) throw IoError(error);
    std::vector<std::string> warnings;
    auto old_root = export_revision(resolve_root(g), o.compare, old_dir->path(), error, &warnings);
    if (!old_root) throw UsageError(error);
    if (!g.quiet) {
      for (const auto& w : warnings) std::cerr << "kudrang: warning: " << translate(w) << '\n';
    }
    auto old_stage = old.stage(std::nullopt);
    PipelineResult before_run = run_pipeline(scan_tree(*old_root), {old_stage.get()});
    if (before_run.has_errors()) {
      std::cerr << fmt::format("kudrang: warning: the records at {} have errors; comparing what could be read\n", o.compare);
    }
    std::vector<PlanGrade> before = old.rows();
    std::erase_if(before, [&](const PlanGrade& pg) { return o.year && pg.plan->year != *o.year; });
    // Only the selected plans take part in the comparison.
    std::erase_if(before, [&](const PlanGrade& pg) {
      return !sel->all() && std::none_of(report.plans.begin(), report.plans.end(),
                                         [&](const PlanGrade& n) { return n.plan->id == pg.plan->id; });
    });
    report.compare_rev = o.compare;
    report.changes = compare_grades(before, report.plans);
  }
  print_grades(o, report, thai_for(g, r), g);
}

void run_certify(const PlanOptions& o, Globals& g)
{
  CertifyReport report;
  std::vector<WorkspaceInfo> infos;
  // By id needs every year's certifications (and their plans) to know the ids.
  bool picked = !o.targets.empty();
  auto stage = certify_stage(picked ? std::nullopt : o.year, [&](const WorkspaceInfo&, std::vector<CertificationResult>&& part) {
    for (auto& c : part) report.results.push_back(std::move(c));
  });
  PipelineResult r = run_checked(g, {stage.get()}, certify_reads());
  if (picked) {
    Selection sel(o.targets, resolve_root(g), "plan", [&](const std::string& id) {
      return std::any_of(report.results.begin(), report.results.end(),
                         [&](const CertificationResult& c) { return c.plan == id; });
    });
    std::erase_if(report.results, [&](const CertificationResult& c) {
      return !sel.matches(c.plan, c.file) || (o.year && c.plan_year != o.year);
    });
  }
  report.many_workspaces = r.workspaces.size() > 1;
  bool thai = thai_for(g, r);
  if (o.format == "xlsx") return emit_xlsx(certify_workbook(report), o.out, g);
  if (o.format == "json") render_certify_json(std::cout, report);
  else if (o.format == "csv") render_certify_csv(std::cout, report, thai);
  else render_certify_md(std::cout, report, thai);
}

void run_criteria(const PlanOptions& o, Globals& g)
{
  std::string id = o.criteria_id.empty() ? builtin_criteria().id : o.criteria_id;
  // Outside a workspace the built-in set can still be shown.
  std::optional<ValidateResult> r;
  const Criteria* c = nullptr;
  try {
    r = load_checked(g);
    c = r->tree.workspaces.front().criteria_set(id);
  } catch (const UsageError&) {
    c = id == builtin_criteria().id ? &builtin_criteria() : nullptr;
  }
  if (!c) {
    throw UsageError(fmt::format("unknown criteria set '{}' (built in: {})", id, builtin_criteria().id));
  }
  render_criteria_md(std::cout, *c, r ? thai_for(g, *r) : thai_output(g, "th"));
}

}  // namespace

void add_plan_command(CLI::App& app, Globals& g)
{
  auto* plan = app.add_subcommand("plan", "Community plans: quality grades, certification, criteria");
  plan->require_subcommand(1);

  auto go = std::make_shared<PlanOptions>();
  auto* grade = plan->add_subcommand("grade", "Quality grade A/B/C of each community plan, with reasons");
  grade->add_option("plans", go->targets, "Plan ids or paths (default: every plan)");
  grade->add_option("--year", go->year, "Only plans of this review year (BE)")->check(CLI::Range(2400, 2700));
  grade->add_option("--format", go->format, "md, csv, json or xlsx (needs -o)")->check(CLI::IsMember({"md", "csv", "json", "xlsx"}));
  grade->add_option("-o,--output", go->out, "The workbook to write with --format xlsx (never overwritten)");
  grade->add_option("--compare", go->compare, "Also show which plans changed grade since this git revision (e.g. HEAD~1)");
  grade->add_option("--years", go->years,
                    "A range of review years (BE), e.g. 2561-2565: each village's grade per year, certified plans per year and cumulative");
  grade->callback([go, &g] { run_grade(*go, g); });

  auto co = std::make_shared<PlanOptions>();
  auto* cert = plan->add_subcommand("certify", "Certification scores per area and in total against the pass mark");
  cert->add_option("plans", co->targets, "Plan ids or paths (default: every certification)");
  cert->add_option("--year", co->year, "Only plans of this review year (BE)")->check(CLI::Range(2400, 2700));
  cert->add_option("--format", co->format, "md, csv, json or xlsx (needs -o)")->check(CLI::IsMember({"md", "csv", "json", "xlsx"}));
  cert->add_option("-o,--output", co->out, "The workbook to write with --format xlsx (never overwritten)");
  cert->callback([co, &g] { run_certify(*co, g); });

  auto cr = std::make_shared<PlanOptions>();
  auto* crit = plan->add_subcommand("criteria", "Print a criteria set: areas, indicators, points, pass mark");
  crit->add_option("id", cr->criteria_id, "Criteria set id (default: cdd-2554)");
  crit->callback([cr, &g] { run_criteria(*cr, g); });

  add_plan_sheet_commands(*plan, g);
  add_integrated_plan_commands(*plan, g);
}

}  // namespace kudrang::cli
