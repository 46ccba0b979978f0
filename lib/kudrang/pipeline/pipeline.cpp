#include "kudrang/pipeline/pipeline.hpp"

#include "kudrang/check/workspace_checks.hpp"
#include "kudrang/core/digest.hpp"
#include "kudrang/core/parallel.hpp"
#include "kudrang/pipeline/codecs.hpp"
#include "kudrang/records/fact_cache.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace kudrang {

namespace {

bool any_error(const std::vector<Diagnostic>& list)
{
  return std::any_of(list.begin(), list.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

// The cached partials one batch holds before they are decoded and folded: a
// warm export of a national tree decodes hundreds of rows per workspace, and
// 2,048 workspaces of them at once took 575 MB.
constexpr size_t batch_cached_bytes = size_t{16} << 20;

// The stage every run has: a workspace's diagnostics (per file, then across
// its records) and its info.
constexpr std::string_view check_stage_key = "check v2";

// A workspace's content identity: the name and stamp of each of its files.
// When every file is settled (not modified within the cache's racy window)
// equal stamps mean equal contents, as git's index assumes; otherwise the
// workspace is read.
struct WorkspaceInputs {
  Digest identity{};
  bool settled = false;
  int64_t newest_mtime_ns = 0;  // of the workspace's files
  std::vector<std::optional<FileStamp>> stamps;
};

WorkspaceInputs stamp_workspace(const FileTree& files, const std::vector<size_t>& members, const FactCache& cache)
{
  WorkspaceInputs in;
  in.settled = true;
  in.stamps = stamp_files(files, members);  // each relative to its folder, opened once
  std::string key;
  for (size_t k = 0; k < members.size(); ++k) {
    const auto& s = in.stamps[k];
    key += files.files[members[k]].display;
    key.push_back('\0');
    if (!s) {
      in.settled = false;
      continue;
    }
    key.append(reinterpret_cast<const char*>(&*s), sizeof *s);
    in.settled = in.settled && cache.settled(*s);
    in.newest_mtime_ns = std::max(in.newest_mtime_ns, s->mtime_ns);
  }
  in.identity = content_digest(key);
  return in;
}

std::string stage_key(std::string_view stage, const std::string& workspace)
{
  return FactCache::result_key(stage, workspace);
}

// A cached partial of `key` for this workspace's identity, or nullopt.
std::optional<std::string> cached(FactCache& cache, const std::string& key, const WorkspaceInputs& in)
{
  if (!in.settled) return std::nullopt;
  auto e = cache.entry(key);
  if (!e || e->content_digest != in.identity) return std::nullopt;
  // Recorded by a run that saw every file settled, not just some later run.
  if (!cache.settled_for(*e, in.newest_mtime_ns)) return std::nullopt;
  return std::move(e->bytes);
}

// The workspace's own partial of the check stage.
struct CheckPartial {
  std::vector<Diagnostic> diagnostics;
  WorkspaceInfo info;
  std::vector<PendingMeeting> pending;  // judged against the day of the run at fold
};

void encode_check(const CheckPartial& p, std::string& out)
{
  encode_partial(p.info, out);
  encode_partial(p.diagnostics, out);
  encode_partial(p.pending, out);
}

bool decode_check(std::string_view in, CheckPartial& p)
{
  return decode_partial(in, p.info) && decode_partial(in, p.diagnostics) && decode_partial(in, p.pending) && in.empty();
}

// A FileTree of some workspaces of `files` (numbered from 0 in that order).
FileTree sub_tree(const FileTree& files, const std::vector<std::vector<size_t>>& by_workspace,
                  const std::vector<size_t>& chosen)
{
  FileTree batch;
  batch.root = files.root;
  std::vector<std::pair<size_t, size_t>> take;  // (file, workspace in the batch)
  for (size_t k = 0; k < chosen.size(); ++k) {
    size_t w = chosen[k];
    batch.workspaces.push_back(files.workspaces[w]);
    batch.workspace_displays.push_back(files.workspace_displays[w]);
    for (size_t i : by_workspace[w]) take.emplace_back(i, k);
  }
  std::sort(take.begin(), take.end());
  for (auto [i, w] : take) {
    RecordFile f = files.files[i];
    f.workspace = w;
    batch.files.push_back(std::move(f));
  }
  return batch;
}

LoadOptions load_options(const PipelineOptions& o)
{
  LoadOptions lo;
  lo.jobs = o.jobs;
  lo.cache = o.cache;
  return lo;
}

}  // namespace

bool PipelineResult::has_errors() const { return any_error(diagnostics); }

std::string PipelineResult::locale() const { return workspaces.empty() ? "th" : workspaces.front().locale; }

bool ValidateResult::has_errors() const { return any_error(diagnostics); }

PipelineResult run_pipeline(const FileTree& files, const std::vector<StageBase*>& stages, const PipelineOptions& options)
{
  PipelineResult r;
  r.files = files.files.size();
  r.diagnostics = files.diagnostics;
  const size_t n = files.workspaces.size();
  std::vector<std::vector<size_t>> by_workspace(n);
  for (size_t i = 0; i < files.files.size(); ++i) by_workspace[files.files[i].workspace].push_back(i);

  FactCache* cache = options.cache;
  std::vector<WorkspaceInputs> inputs(n);
  if (cache) {
    // Stamp every file (every core: on a national tree this is most of a warm run).
    parallel_for(n, thread_count(options.jobs),
                 [&](size_t w) { inputs[w] = stamp_workspace(files, by_workspace[w], *cache); });
  }
  bool every_stage_cached = std::all_of(stages.begin(), stages.end(), [](StageBase* s) { return !s->key().empty(); });
  std::vector<std::string> keys;
  for (StageBase* s : stages) keys.push_back(s->key());

  // Batches of consecutive workspaces: those with every partial cached are
  // decoded, the others loaded together; then all are folded in tree order.
  // A batch holds at most `batch_files` loaded files and as many cached workspaces.
  const size_t batch_files = std::max<size_t>(1, options.batch_files);
  size_t done = 0;
  std::vector<CheckPartial> checks;
  for (size_t first = 0; first < n;) {
    std::vector<size_t> load;          // workspaces to load, in order
    // Per workspace of the batch: its cached partials (the check stage's,
    // then each stage's), fetched once; empty when it is to be loaded.
    std::vector<std::vector<std::string>> fetched;
    size_t loaded_files = 0;
    size_t cached_bytes = 0;  // of the partials fetched for this batch
    size_t last = first;
    for (; last < n && last - first < batch_files && cached_bytes < batch_cached_bytes; ++last) {
      std::vector<std::string> got;
      if (cache && every_stage_cached) {
        const std::string& display = files.workspace_displays[last];
        auto bytes = cached(*cache, stage_key(check_stage_key, display), inputs[last]);
        if (bytes) got.push_back(std::move(*bytes));
        for (size_t s = 0; bytes && s < stages.size(); ++s) {
          bytes = cached(*cache, stage_key(keys[s], display), inputs[last]);
          if (bytes) got.push_back(std::move(*bytes));
        }
        if (got.size() != stages.size() + 1) got.clear();
        for (const auto& b : got) cached_bytes += b.size();
      }
      if (got.empty()) {
        if (!load.empty() && loaded_files + by_workspace[last].size() > batch_files) break;
        load.push_back(last);
        loaded_files += by_workspace[last].size();
      }
      fetched.push_back(std::move(got));
    }
    const size_t count = last - first;
    checks.assign(count, {});
    for (StageBase* s : stages) s->resize(count);

    // The cached ones.
    std::vector<char> usable(count, 0);
    for (size_t k = 0; k < count; ++k) {
      if (fetched[k].empty()) continue;
      size_t w = first + k;
      bool ok = decode_check(fetched[k][0], checks[k]);
      for (size_t s = 0; ok && s < stages.size(); ++s) ok = stages[s]->decode(k, fetched[k][s + 1]);
      fetched[k].clear();
      if (ok) {
        // Its files' facts stay in the store as they are: one lookup per workspace and stage.
        done += by_workspace[w].size();
        usable[k] = 1;
      } else {  // damaged: read it after all
        load.push_back(w);
        std::sort(load.begin(), load.end());
        checks[k] = {};
      }
    }
    if (options.progress && done) options.progress(done, r.files);

    // The loaded ones.
    if (!load.empty()) {
      FileTree batch = sub_tree(files, by_workspace, load);
      LoadOptions lo = load_options(options);
      if (options.progress) {
        lo.progress = [&, base = done](size_t d, size_t) { options.progress(base + d, r.files); };
      }
      LoadedTree loaded = load_tree(batch, lo);
      std::vector<std::vector<Diagnostic>> per(loaded.workspaces.size());
      std::unordered_map<std::string_view, size_t> owner;
      for (const auto& f : batch.files) owner.emplace(f.display, f.workspace);
      bool cacheable = cache != nullptr;
      for (auto& d : loaded.diagnostics) {
        if (auto it = owner.find(d.file); it != owner.end()) {
          per[it->second].push_back(std::move(d));
        } else {  // not tied to one file: reported, but this batch's checks are not cached
          r.diagnostics.push_back(std::move(d));
          cacheable = false;
        }
      }
      for (size_t j = 0; j < loaded.workspaces.size(); ++j) {
        size_t w = load[j];
        size_t k = w - first;
        const Workspace& ws = loaded.workspaces[j];
        check_workspace(ws, per[j]);
        checks[k].diagnostics = std::move(per[j]);
        checks[k].info = workspace_info(ws);
        checks[k].pending = pending_meetings(ws);
        const std::string& display = files.workspace_displays[w];
        std::string bytes;
        if (cacheable) {
          encode_check(checks[k], bytes);
          cache->remember_payload(stage_key(check_stage_key, display), inputs[w].identity, bytes);
        }
        for (size_t s = 0; s < stages.size(); ++s) {
          stages[s]->compute(k, ws);
          if (cache && !keys[s].empty()) {
            bytes.clear();
            stages[s]->encode(k, bytes);
            cache->remember_payload(stage_key(keys[s], display), inputs[w].identity, bytes);
          }
        }
        usable[k] = 1;
      }
      done += batch.files.size();
    }

    // In tree order.
    for (size_t k = 0; k < count; ++k) {
      if (!usable[k]) continue;  // cannot happen: every workspace is decoded or loaded
      r.diagnostics.insert(r.diagnostics.end(), checks[k].diagnostics.begin(), checks[k].diagnostics.end());
      if (options.today) check_overdue(checks[k].pending, *options.today, r.diagnostics);
      for (StageBase* s : stages) s->fold(k, checks[k].info);
      r.workspaces.push_back(std::move(checks[k].info));
    }
    first = last;
  }
  sort_diagnostics(r.diagnostics);
  return r;
}

ValidateResult validate_tree(const FileTree& files, const LoadOptions& options)
{
  ValidateResult r;
  r.tree = load_tree(files, options);
  r.files = r.tree.files;
  r.diagnostics = std::move(r.tree.diagnostics);
  r.tree.diagnostics.clear();
  for (const auto& ws : r.tree.workspaces) check_workspace(ws, r.diagnostics);
  sort_diagnostics(r.diagnostics);
  return r;
}

}  // namespace kudrang
