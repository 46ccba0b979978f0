#include "kudrang/records/workspace.hpp"

#include <algorithm>

#include "kudrang/core/digest.hpp"
#include "kudrang/core/parallel.hpp"
#include "kudrang/core/text.hpp"
#include "kudrang/records/fact_cache.hpp"
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/records/parsed_record.hpp"
#include "kudrang/schema/schema.hpp"

#include <fmt/format.h>

#include <atomic>

namespace kudrang {

void Workspace::build_index()
{
  m_members.clear();
  m_plans.clear();
  m_projects.clear();
  m_dev_projects.clear();
  m_criteria.clear();
  for (const auto& r : rosters) {
    for (const auto& m : r.value.members) m_members.emplace(m.id, &m);
  }
  for (const auto& p : plans) m_plans.emplace(p.value.id, &p.value);
  for (const auto& p : projects) m_projects.emplace(p.value.ref, &p.value);
  for (const auto& d : development_plans) {
    for (const auto& p : d.value.projects) m_dev_projects.emplace(p.id, &p);
  }
  for (const auto& c : criteria) m_criteria.emplace(c.value.id, &c.value);
}

template <class Map>
static auto lookup(const Map& map, std::string_view key) -> typename Map::mapped_type
{
  auto it = map.find(std::string(key));
  return it == map.end() ? nullptr : it->second;
}

const Member* Workspace::member(std::string_view id) const { return lookup(m_members, id); }
const CommunityPlan* Workspace::plan(std::string_view id) const { return lookup(m_plans, id); }
const Project* Workspace::project(std::string_view ref) const { return lookup(m_projects, ref); }
const DevProject* Workspace::dev_project(std::string_view id) const { return lookup(m_dev_projects, id); }

const Criteria* Workspace::criteria_set(std::string_view id) const
{
  if (const Criteria* c = lookup(m_criteria, id)) {
    return c;
  }
  return id == builtin_criteria().id ? &builtin_criteria() : nullptr;
}

const Criteria& Workspace::grade_criteria() const
{
  return *criteria_set(builtin_criteria().id);
}

std::vector<const Member*> Workspace::members() const
{
  std::vector<const Member*> out;
  for (const auto& r : rosters) {
    for (const auto& m : r.value.members) out.push_back(&m);
  }
  return out;
}

namespace {

// Loads the text and checks it against its kind's schema. Returns the
// document and its kind when there is one to extract from.
std::optional<Node> load_and_check(std::string_view text, Diagnostics& diags, std::string& kind_out,
                                   const LoadLimits& limits)
{
  auto doc = load_yaml(text, diags, limits);
  if (!doc) {
    return std::nullopt;
  }
  const Node* kind = doc->find("kind");
  if (!kind) {
    diags.error(doc->mark, "kind-missing",
                fmt::format("the record has no 'kind:'; add one of: {}", fmt::join(record_kinds(), ", ")));
    return std::nullopt;
  }
  if (!kind->is_string() || !schema_for_kind(kind->text)) {
    std::string suggestion;
    for (auto k : record_kinds()) {
      if (edit_distance(kind->text, k) <= 2) {
        suggestion = fmt::format("; did you mean '{}'?", k);
      }
    }
    diags.error(kind->mark, "kind-unknown",
                fmt::format("unknown kind '{}'{} (known: {})", kind->text, suggestion, fmt::join(record_kinds(), ", ")));
    return std::nullopt;
  }
  kind_out = kind->text;
  schema_for_kind(kind_out)->validate(*doc, diags);
  return doc;
}

}  // namespace

std::vector<Diagnostic> check_structure(std::string_view text, const std::string& display)
{
  Diagnostics diags(display);
  std::string kind;
  load_and_check(text, diags, kind, LoadLimits{});
  return std::move(diags.list());
}

ParsedRecord parse_record(std::string_view text, const std::string& display, const LoadLimits& limits)
{
  ParsedRecord out;
  Diagnostics diags(display);
  if (auto doc = load_and_check(text, diags, out.kind, limits)) {
    const std::string& k = out.kind;
    if (k == "workspace") out.value = extract_workspace_config(*doc, diags);
    else if (k == "roster") out.value = extract_roster(*doc, diags);
    else if (k == "meeting") out.value = extract_meeting(*doc, diags);
    else if (k == "project") out.value = extract_project(*doc, diags);
    else if (k == "community-plan") out.value = extract_community_plan(*doc, diags);
    else if (k == "certification") out.value = extract_certification(*doc, diags);
    else if (k == "criteria") out.value = extract_criteria(*doc, diags);
    else if (k == "development-plan") out.value = extract_development_plan(*doc, diags);
    else if (k == "budget") out.value = extract_budget(*doc, diags);
    else if (k == "integrated-plan") out.value = extract_integrated_plan(*doc, diags);
  }
  out.diagnostics = std::move(diags.list());
  return out;
}

namespace {

ParsedRecord read_error(const RecordFile& f, const std::string& error)
{
  ParsedRecord r;
  r.diagnostics.push_back({f.display, {}, Severity::error, "io-read", error});
  return r;
}

ParsedRecord load_one(const RecordFile& f, const LoadLimits& limits)
{
  std::string error;
  auto text = read_file(f.path, error, limits.max_bytes);
  if (!text) return read_error(f, error);
  return parse_record(*text, f.display, limits);
}

// load_one through the fact cache: an unchanged file is neither read nor
// parsed; a touched one whose content has the same digest is read but not
// parsed (the digest is collision-resistant: new content never takes an old
// verdict).
ParsedRecord load_cached(const RecordFile& f, const LoadLimits& limits, FactCache& cache)
{
  // The stamp is taken before reading: a change after it shows next time.
  auto stamp = stamp_of(f.path);
  if (!stamp) return load_one(f, limits);
  ParsedRecord r;
  auto e = cache.entry(f.display);
  if (e && !(e->limits == limits)) e.reset();
  if (e && cache.trusted(*e, *stamp) && cache.decode(*e, f.display, r)) {
    cache.keep(f.display, *e, *stamp);
    return r;
  }
  std::string error;
  auto text = read_file(f.path, error, limits.max_bytes);
  if (!text) return read_error(f, error);
  Digest h = content_digest(*text);
  if (e && e->content_digest == h && cache.decode(*e, f.display, r)) {
    cache.keep(f.display, *e, *stamp);
    return r;
  }
  r = parse_record(*text, f.display, limits);
  cache.remember(f.display, *stamp, h, limits, r);
  return r;
}

bool is_config_file(const FileTree& tree, const RecordFile& f)
{
  std::filesystem::path path(f.path);
  return path.filename() == workspace_file_name && path.parent_path() == tree.workspaces[f.workspace];
}

template <class T>
void take(std::vector<Record<T>>& into, const std::string& file, RecordValue& v)
{
  into.push_back({file, std::move(std::get<T>(v))});
}

}  // namespace

void place_record(Workspace& ws, const std::string& display, bool is_config, ParsedRecord&& p,
                  std::vector<Diagnostic>& diagnostics)
{
  diagnostics.insert(diagnostics.end(), p.diagnostics.begin(), p.diagnostics.end());
  ++ws.files;
  const std::string& k = p.kind;
  if (k.empty()) {
    bool errors = std::any_of(p.diagnostics.begin(), p.diagnostics.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (errors) ws.unreadable.push_back(display);
    return;
  }
  if (k == "workspace") {
    if (!is_config) {
      diagnostics.push_back({display, {1, 1}, Severity::error, "workspace-misplaced",
                             "a 'kind: workspace' record belongs in kudrang.yaml at the workspace root"});
      return;
    }
    ws.has_config = true;
    ws.config = {display, std::move(std::get<WorkspaceConfig>(p.value))};
  } else if (k == "roster") take(ws.rosters, display, p.value);
  else if (k == "meeting") take(ws.meetings, display, p.value);
  else if (k == "project") take(ws.projects, display, p.value);
  else if (k == "community-plan") take(ws.plans, display, p.value);
  else if (k == "certification") take(ws.certifications, display, p.value);
  else if (k == "criteria") take(ws.criteria, display, p.value);
  else if (k == "development-plan") take(ws.development_plans, display, p.value);
  else if (k == "budget") take(ws.budgets, display, p.value);
  else if (k == "integrated-plan") take(ws.integrated_plans, display, p.value);
}

LoadedTree load_tree(const FileTree& tree, const LoadOptions& options)
{
  LoadedTree out;
  out.diagnostics = tree.diagnostics;
  out.files = tree.files.size();
  out.workspaces.resize(tree.workspaces.size());
  for (size_t i = 0; i < tree.workspaces.size(); ++i) {
    out.workspaces[i].display = tree.workspace_displays[i];
  }

  std::vector<ParsedRecord> parsed(tree.files.size());
  unsigned jobs = thread_count(options.jobs);
  // kudrang.yaml files first: their `limits:` apply to the rest of their workspace.
  std::vector<size_t> configs;
  std::vector<size_t> others;
  for (size_t i = 0; i < tree.files.size(); ++i) {
    (is_config_file(tree, tree.files[i]) ? configs : others).push_back(i);
  }
  std::vector<LoadLimits> limits(tree.workspaces.size());
  std::atomic<size_t> done{0};
  auto load = [&](size_t i, const LoadLimits& l) {
    try {
      parsed[i] = options.cache ? load_cached(tree.files[i], l, *options.cache) : load_one(tree.files[i], l);
    } catch (const std::bad_alloc&) {
      // One file too big for the memory left: say so for that file, go on with the rest.
      parsed[i] = read_error(tree.files[i], "kudrang ran out of memory reading this file; is it very large or "
                                            "full of aliases? (limits: in kudrang.yaml sets the bounds)");
      parsed[i].diagnostics.back().code = "file-too-large";
    }
    size_t n = ++done;
    if (options.progress) options.progress(n, tree.files.size());
  };
  parallel_for(configs.size(), jobs, [&](size_t k) { load(configs[k], LoadLimits{}); });
  for (size_t i : configs) {
    if (auto* c = std::get_if<WorkspaceConfig>(&parsed[i].value)) limits[tree.files[i].workspace] = c->limits;
  }
  parallel_for(others.size(), jobs, [&](size_t k) {
    size_t i = others[k];
    load(i, limits[tree.files[i].workspace]);
  });

  for (size_t i = 0; i < tree.files.size(); ++i) {
    const RecordFile& f = tree.files[i];
    place_record(out.workspaces[f.workspace], f.display, is_config_file(tree, f), std::move(parsed[i]),
                 out.diagnostics);
    parsed[i] = {};  // drop what is no longer needed as we go
  }
  for (auto& ws : out.workspaces) {
    ws.build_index();
  }
  return out;
}

WorkspaceInfo workspace_info(const Workspace& ws)
{
  WorkspaceInfo info;
  info.workspace = ws.display;
  if (ws.has_config) {
    info.code = ws.config.value.area_code;
    info.name = ws.config.value.org_name;
    info.locale = ws.config.value.locale;
  }
  return info;
}

}  // namespace kudrang
