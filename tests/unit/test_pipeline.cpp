// The pipeline's partials survive the cache, and a tree gives each
// workspace what it gives alone, however the work is cut up.
#include "kudrang/pipeline/codecs.hpp"
#include "kudrang/pipeline/export_tables.hpp"
#include "kudrang/pipeline/stages.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace kudrang;

namespace {

const Workspace& example()
{
  static ValidateResult r = [] {
    LoadOptions o;
    o.jobs = 1;
    return validate_tree(scan_tree(fs::path(KUDRANG_SOURCE_DIR) / "examples/kudrang"), o);
  }();
  REQUIRE(r.tree.workspaces.size() == 1);
  return r.tree.workspaces.front();
}

template <class P>
P round_trip(const P& v)
{
  std::string bytes;
  encode_partial(v, bytes);
  P back{};
  std::string_view in = bytes;
  REQUIRE(decode_partial(in, back));
  CHECK(in.empty());
  // A damaged (cut short) encoding is refused, never half read.
  for (size_t cut : {size_t{0}, bytes.size() / 2, bytes.size() - 1}) {
    if (cut >= bytes.size()) continue;
    P partial{};
    std::string_view shorter(bytes.data(), cut);
    CHECK_FALSE(decode_whole(shorter, partial));
  }
  return back;
}

}  // namespace

TEST_CASE("pipeline codecs: every partial decodes to a value equal to the one encoded")
{
  const Workspace& ws = example();
  WorkspaceInfo info = workspace_info(ws);
  CHECK(info.code == "441201");
  CHECK(round_trip(info) == info);

  WorkspaceGrades g = grade_workspace(ws, 2563);
  REQUIRE(g.grades.size() > 3);
  WorkspaceGrades g2 = round_trip(g);
  CHECK(g2 == g);
  // The rows point into their own copy of the slim plans.
  CHECK(g2.grades.front().plan == &g2.plans.front());
  // operator== sees every criterion's fields: a change is noticed.
  g2.grades.back().criteria[4].needed += 1;
  CHECK_FALSE(g2 == g);

  auto certs = certify_workspace(ws, std::nullopt);
  REQUIRE(!certs.empty());
  CHECK(round_trip(certs) == certs);

  IntegrationResult in = check_integration(ws, 2563);
  in.eligible.clear();
  in.plans.clear();
  CHECK(round_trip(in).rules == in.rules);
  CHECK(round_trip(in).has_budget == in.has_budget);
  // Counted from the example's integrated plan of 2563, and said so after a round trip.
  in.forums.clear();
  REQUIRE(in.from_integrated);
  CHECK(round_trip(in).from_integrated);
  CHECK(round_trip(in).by_priority == in.by_priority);
  CHECK(round_trip(in).forum_dimensions == in.forum_dimensions);

  SuccessLevels l = success_levels(ws, 2563);
  REQUIRE(l.steps.size() == 5);
  CHECK(round_trip(l) == l);

  MeetingReport m = meeting_report(ws, 2563);
  m.members.clear();
  m.meetings.clear();  // as the stage does: they point into the records
  m.cancelled_meetings.clear();
  REQUIRE(m.held > 0);
  CHECK(round_trip(m) == m);

  SummaryRow row = summary_row(summarize_year(ws, 2563));
  CHECK(round_trip(row) == row);

  ExportRows rows = export_rows(ws);
  REQUIRE(rows.rows.size() == export_tables().size());
  for (size_t t = 0; t < rows.rows.size(); ++t) {
    REQUIRE(!rows.rows[t].empty());
    for (const auto& r : rows.rows[t]) CHECK(r.size() == export_tables()[t].columns.size());
  }
  CHECK(round_trip(rows) == rows);
}

TEST_CASE("pipeline: batches of any size and any thread count fold the same rows in tree order")
{
  fs::path root = fs::path(KUDRANG_SOURCE_DIR) / "examples";
  FileTree files = scan_tree(root);
  REQUIRE(files.workspaces.size() >= 1);
  auto run = [&](size_t batch, unsigned jobs) {
    std::vector<std::pair<std::string, SuccessLevels>> rows;
    size_t grades = 0;
    auto levels = levels_stage(2563, [&](const WorkspaceInfo& i, SuccessLevels&& x) { rows.emplace_back(i.workspace, x); });
    auto graded = grades_stage(std::nullopt, [&](const WorkspaceInfo&, WorkspaceGrades&& x) { grades += x.grades.size(); });
    PipelineOptions o;
    o.batch_files = batch;
    o.jobs = jobs;
    PipelineResult r = run_pipeline(files, {levels.get(), graded.get()}, o);
    CHECK(r.workspaces.size() == files.workspaces.size());
    return std::tuple(rows, grades, r.diagnostics.size());
  };
  auto reference = run(2048, 1);
  CHECK(std::get<1>(reference) > 0);
  CHECK(run(1, 1) == reference);
  CHECK(run(3, 2) == reference);
  CHECK(run(2048, 8) == reference);
}
