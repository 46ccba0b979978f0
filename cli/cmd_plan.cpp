// kudrang plan grade | certify | criteria
#include "commands.hpp"
#include "loading.hpp"
#include "selection.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/git.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "kudrang/records/fact_cache.hpp"
#include "kudrang/rules/grade_tree.hpp"
#include "kudrang/render/certify_render.hpp"
#include "kudrang/render/grade_render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
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
};

// Grades every selected plan of a loaded tree, in the evaluator's order.
std::vector<PlanGrade> grade_all(const LoadedTree& tree, const PlanOptions& o, const Selection* sel)
{
  std::vector<PlanGrade> out;
  for (const auto& ws : tree.workspaces) {
    AdoptionEvidence evidence = adoption_evidence(ws);
    const GradeThresholds& t = ws.grade_criteria().grade;
    std::vector<PlanGrade> grades;
    for (const auto& rec : ws.plans) {
      const CommunityPlan& p = rec.value;
      if (o.year && p.year != *o.year) continue;
      if (sel && !sel->matches(p.id, rec.file)) continue;
      PlanGrade pg = grade_plan(p, t, evidence);
      pg.file = rec.file;
      pg.workspace = ws.display;
      if (ws.has_config) {
        if (const Village* v = ws.config.value.village(p.village)) pg.village_name = v->name;
      }
      grades.push_back(std::move(pg));
    }
    std::stable_sort(grades.begin(), grades.end(), [](const PlanGrade& a, const PlanGrade& b) {
      return std::tie(a.plan->year, a.plan->village, a.plan->id) < std::tie(b.plan->year, b.plan->village, b.plan->id);
    });
    for (auto& g : grades) out.push_back(std::move(g));
  }
  return out;
}

// The copies of the older records for --compare: a private folder (0700),
// removed on the way out and on SIGINT/SIGTERM/SIGHUP; the folders of runs
// killed outright are swept by the next one, after an hour.
constexpr const char* compare_prefix = "kudrang-compare-";

bool any_plan_id(const ValidateResult& r, const std::string& id)
{
  return std::any_of(r.tree.workspaces.begin(), r.tree.workspaces.end(),
                     [&](const Workspace& ws) { return ws.plan(id) != nullptr; });
}

void print_grades(const PlanOptions& o, const GradeReport& report, bool thai)
{
  if (o.format == "json") render_grades_json(std::cout, report, thai);
  else if (o.format == "csv") render_grades_csv(std::cout, report);
  else render_grades_md(std::cout, report, thai);
}

// A whole tree, no plan picked, no comparison: graded alongside its
// validation, workspace by workspace, so memory stays small on a national
// tree and unchanged workspaces come from the cache.
void run_grade_streaming(const PlanOptions& o, Globals& g)
{
  fs::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  std::optional<FactCache> cache;
  if (!g.no_cache) cache.emplace(default_cache_file(root), executable_fingerprint());
  GradeCollector collector(tree, cache ? &*cache : nullptr, o.year);
  CachedRun run;
  run.streaming = true;
  run.visitor = &collector;
  run.cache = cache ? &*cache : nullptr;
  ValidateResult r = validate_cached(tree, root, g, run);
  refuse_errors(r);
  GradeReport report;
  report.year = o.year;
  report.many_workspaces = tree.workspaces.size() > 1;
  report.plans = collector.grades();
  for (const auto& pg : report.plans) report.distribution.add(pg.grade);
  print_grades(o, report, thai_for_tree(g, tree));
}

void run_grade(const PlanOptions& o, Globals& g)
{
  if (o.targets.empty() && o.compare.empty()) return run_grade_streaming(o, g);
  ValidateResult r = load_checked(g);
  Selection sel(o.targets, resolve_root(g), "plan", [&](const std::string& id) { return any_plan_id(r, id); });
  GradeReport report;
  report.year = o.year;
  report.many_workspaces = r.tree.workspaces.size() > 1;
  report.plans = grade_all(r.tree, o, &sel);
  for (const auto& pg : report.plans) report.distribution.add(pg.grade);

  // The older records come straight from git into a temporary tree.
  std::unique_ptr<PrivateTempDir> old_dir;
  std::optional<ValidateResult> old;
  if (!o.compare.empty()) {
    if (o.format == "csv") throw UsageError("--compare works with --format md or json");
    sweep_stale_temp_dirs(compare_prefix, std::chrono::hours(1));
    std::string error;
    old_dir = PrivateTempDir::create(compare_prefix, error);
    if (!old_dir) throw IoError(error);
    auto old_root = export_revision(resolve_root(g), o.compare, old_dir->path(), error);
    if (!old_root) throw UsageError(error);
    old = validate_tree(scan_tree(*old_root));
    if (old->has_errors()) {
      std::cerr << "kudrang: warning: the records at " << o.compare << " have errors; comparing what could be read\n";
    }
    std::vector<PlanGrade> before = grade_all(old->tree, o, nullptr);
    // Only the selected plans take part in the comparison.
    std::erase_if(before, [&](const PlanGrade& pg) {
      return !sel.all() && std::none_of(report.plans.begin(), report.plans.end(),
                                        [&](const PlanGrade& n) { return n.plan->id == pg.plan->id; });
    });
    report.compare_rev = o.compare;
    report.changes = compare_grades(before, report.plans);
  }
  print_grades(o, report, thai_for(g, r));
}

void run_certify(const PlanOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  Selection sel(o.targets, resolve_root(g), "plan", [&](const std::string& id) { return any_plan_id(r, id); });
  CertifyReport report;
  report.many_workspaces = r.tree.workspaces.size() > 1;
  for (const auto& ws : r.tree.workspaces) {
    for (const auto& rec : ws.certifications) {
      const Certification& c = rec.value;
      if (!sel.matches(c.plan.value, rec.file)) continue;
      if (o.year) {
        const CommunityPlan* p = ws.plan(c.plan.value);
        if (!p || p->year != *o.year) continue;
      }
      CertificationResult res = certify(c, ws.criteria_set(c.criteria.value));
      res.file = rec.file;
      res.workspace = ws.display;
      report.results.push_back(std::move(res));
    }
  }
  bool thai = thai_for(g, r);
  if (o.format == "json") render_certify_json(std::cout, report);
  else if (o.format == "csv") render_certify_csv(std::cout, report);
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
  grade->add_option("--format", go->format, "md, csv or json")->check(CLI::IsMember({"md", "csv", "json"}));
  grade->add_option("--compare", go->compare, "Also show which plans changed grade since this git revision (e.g. HEAD~1)");
  grade->callback([go, &g] { run_grade(*go, g); });

  auto co = std::make_shared<PlanOptions>();
  auto* cert = plan->add_subcommand("certify", "Certification scores per area and in total against the pass mark");
  cert->add_option("plans", co->targets, "Plan ids or paths (default: every certification)");
  cert->add_option("--year", co->year, "Only plans of this review year (BE)")->check(CLI::Range(2400, 2700));
  cert->add_option("--format", co->format, "md, csv or json")->check(CLI::IsMember({"md", "csv", "json"}));
  cert->callback([co, &g] { run_certify(*co, g); });

  auto cr = std::make_shared<PlanOptions>();
  auto* crit = plan->add_subcommand("criteria", "Print a criteria set: areas, indicators, points, pass mark");
  crit->add_option("id", cr->criteria_id, "Criteria set id (default: cdd-2554)");
  crit->callback([cr, &g] { run_criteria(*cr, g); });
  add_integrated_plan_commands(*plan, g);
}

}  // namespace kudrang::cli
