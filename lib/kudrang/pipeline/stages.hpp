#pragma once
// The stages of the report commands. Each is one rule function of rules/
// applied to one workspace, with its cache key and codec; the command gives
// the fold. A new report adds one function here (and its codec in
// codecs.cpp), a fold in its command and a renderer (ARCHITECTURE.md).
#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/rules/certify.hpp"
#include "kudrang/rules/grade_workspace.hpp"
#include "kudrang/rules/integration.hpp"
#include "kudrang/rules/meeting_report.hpp"
#include "kudrang/rules/success_levels.hpp"
#include "kudrang/rules/year_summary.hpp"

#include <memory>
#include <optional>

namespace kudrang {

template <class P>
using FoldOf = std::function<void(const WorkspaceInfo&, P&&)>;

// Plan grades (`year`: only plans of that review year).
std::unique_ptr<StageBase> grades_stage(std::optional<int> year, FoldOf<WorkspaceGrades> fold);
// Certification scores (`year`: only those of plans of that review year).
std::unique_ptr<StageBase> certify_stage(std::optional<int> year, FoldOf<std::vector<CertificationResult>> fold);
// The budget-integration rules of review year Y: the rules and whether the
// Y+1 budget exists (a tree's partial: no project lists).
std::unique_ptr<StageBase> integration_stage(int year, FoldOf<IntegrationResult> fold);
// The success levels of review year Y.
std::unique_ptr<StageBase> levels_stage(int year, FoldOf<SuccessLevels> fold);
// The council's fiscal year: meetings, months, villages, sectors (a tree's
// partial: no member or meeting lists).
std::unique_ptr<StageBase> meetings_stage(int fiscal_year, FoldOf<MeetingReport> fold);
// The key figures of a year (a line of the tree's summary).
std::unique_ptr<StageBase> summary_stage(int year, FoldOf<SummaryRow> fold);

// A stage that is never cached and sees the loaded workspace itself (a
// command printing one workspace's details next to its rows).
std::unique_ptr<StageBase> visit_stage(std::function<void(const Workspace&)> visit);

}  // namespace kudrang
