#include "kudrang/pipeline/stages.hpp"

#include "kudrang/pipeline/codecs.hpp"

#include <fmt/format.h>

namespace kudrang {

namespace {

std::string with_year(const char* id, std::optional<int> year, int version)
{
  return year ? fmt::format("{} {} v{}", id, *year, version) : fmt::format("{} v{}", id, version);
}

template <class P>
std::unique_ptr<StageBase> make(std::string key, std::function<P(const Workspace&)> compute, FoldOf<P> fold)
{
  return std::make_unique<Stage<P>>(std::move(key), std::move(compute), std::move(fold), &encode_whole<P>,
                                    &decode_whole<P>);
}

}  // namespace

std::unique_ptr<StageBase> grades_stage(std::optional<int> year, FoldOf<WorkspaceGrades> fold)
{
  return make<WorkspaceGrades>(with_year("grades", year, 2), [year](const Workspace& ws) { return grade_workspace(ws, year); },
                               std::move(fold));
}

std::unique_ptr<StageBase> certify_stage(std::optional<int> year, FoldOf<std::vector<CertificationResult>> fold)
{
  return make<std::vector<CertificationResult>>(
    with_year("certify", year, 1), [year](const Workspace& ws) { return certify_workspace(ws, year); }, std::move(fold));
}

std::unique_ptr<StageBase> integration_stage(int year, FoldOf<IntegrationResult> fold)
{
  return make<IntegrationResult>(
    with_year("integration", year, 1),
    [year](const Workspace& ws) {
      IntegrationResult r = check_integration(ws, year);
      r.eligible.clear();  // they point into the records
      r.plans.clear();
      r.forums.clear();
      return r;
    },
    std::move(fold));
}

std::unique_ptr<StageBase> levels_stage(int year, FoldOf<SuccessLevels> fold)
{
  return make<SuccessLevels>(with_year("levels", year, 3), [year](const Workspace& ws) { return success_levels(ws, year); },
                             std::move(fold));
}

std::unique_ptr<StageBase> meetings_stage(int fiscal_year, FoldOf<MeetingReport> fold)
{
  return make<MeetingReport>(
    with_year("meetings", fiscal_year, 1),
    [fiscal_year](const Workspace& ws) {
      MeetingReport r = meeting_report(ws, fiscal_year);
      r.members.clear();  // they point into the records
      r.meetings.clear();
      r.cancelled_meetings.clear();
      return r;
    },
    std::move(fold));
}

std::unique_ptr<StageBase> summary_stage(int year, FoldOf<SummaryRow> fold)
{
  return make<SummaryRow>(with_year("summary", year, 4),
                          [year](const Workspace& ws) { return summary_row(summarize_year(ws, year)); }, std::move(fold));
}

namespace {
struct Nothing {};
}  // namespace

std::unique_ptr<StageBase> visit_stage(std::function<void(const Workspace&)> visit)
{
  return std::make_unique<Stage<Nothing>>(
    std::string(),
    [visit = std::move(visit)](const Workspace& ws) {
      visit(ws);
      return Nothing{};
    },
    [](const WorkspaceInfo&, Nothing&&) {});
}

}  // namespace kudrang
