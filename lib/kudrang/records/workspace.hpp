#pragma once
// A workspace's records, typed and indexed, each with the file it came from.
// Loading keeps only these facts; the YAML trees are dropped file by file.
#include "kudrang/io/file_tree.hpp"
#include "kudrang/records/budget.hpp"
#include "kudrang/records/certification.hpp"
#include "kudrang/records/community_plan.hpp"
#include "kudrang/records/criteria.hpp"
#include "kudrang/records/development_plan.hpp"
#include "kudrang/records/integrated_plan.hpp"
#include "kudrang/records/meeting.hpp"
#include "kudrang/records/project.hpp"
#include "kudrang/records/roster.hpp"
#include "kudrang/records/workspace_config.hpp"

#include <functional>
#include <unordered_map>

namespace kudrang {

template <class T>
struct Record {
  std::string file;  // display path
  T value;
};

struct Workspace {
  std::string display;  // relative to the run root ("" when it is the root)
  bool has_config = false;
  Record<WorkspaceConfig> config;
  std::vector<Record<Roster>> rosters;
  std::vector<Record<Meeting>> meetings;
  std::vector<Record<Project>> projects;
  std::vector<Record<CommunityPlan>> plans;
  std::vector<Record<Certification>> certifications;
  std::vector<Record<Criteria>> criteria;
  std::vector<Record<DevelopmentPlan>> development_plans;
  std::vector<Record<Budget>> budgets;
  std::vector<Record<IntegratedPlan>> integrated_plans;
  size_t files = 0;
  // Files of this workspace that gave no record because of their errors (a
  // YAML syntax error, bad encoding, ...): the ids they hold are unknown, so
  // references to them are not reported one by one (check/workspace_checks).
  std::vector<std::string> unreadable;

  // Lookups, valid after build_index().
  void build_index();
  const Member* member(std::string_view id) const;
  const CommunityPlan* plan(std::string_view id) const;
  const Project* project(std::string_view ref) const;
  const DevProject* dev_project(std::string_view id) const;
  // A workspace criteria record of that id, else the built-in set, else nullptr.
  const Criteria* criteria_set(std::string_view id) const;
  // The criteria set used for grade thresholds: workspace cdd-2554 or built-in.
  const Criteria& grade_criteria() const;
  std::vector<const Member*> members() const;

private:
  std::unordered_map<std::string, const Member*> m_members;
  std::unordered_map<std::string, const CommunityPlan*> m_plans;
  std::unordered_map<std::string, const Project*> m_projects;
  std::unordered_map<std::string, const DevProject*> m_dev_projects;
  std::unordered_map<std::string, const Criteria*> m_criteria;
};

// What a report says of a workspace: where it is and whose it is (kept for
// a tree's rows after the workspace itself is dropped).
struct WorkspaceInfo {
  std::string workspace;  // display path relative to the run root ("" for the root itself)
  std::string code;       // area code from kudrang.yaml, "" when unknown
  std::string name;       // the organisation's Thai name (อบต.…), "" when unknown
  std::string locale = "th";
  bool operator==(const WorkspaceInfo&) const = default;
};
WorkspaceInfo workspace_info(const Workspace& ws);

// Everything a run loaded: the workspaces and every diagnostic of the
// per-file stage (syntax, schema, field values).
struct LoadedTree {
  std::vector<Workspace> workspaces;
  std::vector<Diagnostic> diagnostics;
  size_t files = 0;
};

class FactCache;

struct LoadOptions {
  unsigned jobs = 0;           // 0: one per core
  FactCache* cache = nullptr;  // facts of unchanged files from earlier runs (records/fact_cache.hpp)
  // Called from worker threads as files are done (for a progress line).
  std::function<void(size_t done, size_t total)> progress;
};

// Reads, parses, schema-checks and extracts every record file of `tree`,
// spreading files over `jobs` threads; output is independent of `jobs`.
LoadedTree load_tree(const FileTree& tree, const LoadOptions& options = {});

// Parses, checks and extracts one record from text (the pure core of
// load_tree, used by tests and fuzzers). Diagnostics carry `display`.
struct ParsedRecord;
ParsedRecord parse_record(std::string_view text, const std::string& display, const LoadLimits& limits = {});

// Adds one parsed file to its workspace (the assembly step of load_tree):
// its diagnostics go to `diagnostics`, its value to the matching list.
// `is_config`: the file is the workspace's own kudrang.yaml.
void place_record(Workspace& ws, const std::string& display, bool is_config, ParsedRecord&& p,
                  std::vector<Diagnostic>& diagnostics);

// Only the structural stage: YAML, kind and schema, no extraction. This is
// what an independent JSON Schema validator can be compared against.
std::vector<Diagnostic> check_structure(std::string_view text, const std::string& display);

}  // namespace kudrang
