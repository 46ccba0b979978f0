#include "kudrang/check/validate.hpp"

#include "kudrang/check/workspace_checks.hpp"

#include "kudrang/core/digest.hpp"
#include "kudrang/core/parallel.hpp"
#include "kudrang/records/fact_cache.hpp"
#include "kudrang/records/record_codec.hpp"

#include <algorithm>
#include <unordered_map>

namespace kudrang {

bool ValidateResult::has_errors() const
{
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

ValidateResult validate_tree(const FileTree& files, const LoadOptions& options)
{
  ValidateResult r;
  r.tree = load_tree(files, options);
  r.files = r.tree.files;
  r.diagnostics = std::move(r.tree.diagnostics);
  r.tree.diagnostics.clear();
  for (const auto& ws : r.tree.workspaces) {
    check_workspace(ws, r.diagnostics);
  }
  sort_diagnostics(r.diagnostics);
  return r;
}

namespace {

// The cache key of a workspace's validation result.
std::string result_key(const std::string& display) { return FactCache::result_key("validate", display); }

struct WorkspaceInputs {
  Digest hash{};         // of every file's name and stamp
  bool settled = false;  // every file stamped, none modified within the cache's racy window
  std::vector<std::optional<FileStamp>> stamps;
};

WorkspaceInputs stamp_workspace(const FileTree& files, const std::vector<size_t>& members, const FactCache& cache)
{
  WorkspaceInputs in;
  in.settled = true;
  in.stamps = stamp_files(files, members);
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
  }
  in.hash = content_digest(key);
  return in;
}

// Whether the whole workspace is unchanged since its result was cached: then
// its diagnostics come from the cache, and nothing is read, parsed or checked.
bool reuse_result(const FileTree&, const std::vector<size_t>&, const std::string& display,
                  const WorkspaceInputs& in, FactCache& cache, std::vector<Diagnostic>& out)
{
  if (!in.settled) return false;
  auto e = cache.entry(result_key(display));
  if (!e || e->content_digest != in.hash) return false;
  auto bytes = cache.payload(*e);
  std::vector<Diagnostic> diags;
  if (!bytes || !decode_diagnostics(*bytes, diags) || !bytes->empty()) return false;
  out.insert(out.end(), diags.begin(), diags.end());
  // Its files' facts stay in the store untouched (one lookup per workspace).
  return true;
}

}  // namespace

ValidateResult validate_tree_streaming(const FileTree& files, const LoadOptions& options, WorkspaceVisitor* visitor)
{
  // Enough files per batch to keep every core busy, few enough to stay small.
  constexpr size_t batch_files = 2048;
  ValidateResult r;
  r.files = files.files.size();
  r.diagnostics = files.diagnostics;
  std::vector<std::vector<size_t>> by_workspace(files.workspaces.size());
  for (size_t i = 0; i < files.files.size(); ++i) by_workspace[files.files[i].workspace].push_back(i);

  // With a cache: the workspaces whose files are all unchanged take their
  // cached result; only the others are loaded and checked.
  std::vector<WorkspaceInputs> inputs(files.workspaces.size());
  std::vector<size_t> todo;
  size_t reused_files = 0;
  if (options.cache) {
    // Stamp every file (both cores: on a national tree this is most of a warm run).
    parallel_for(files.workspaces.size(), thread_count(options.jobs),
                 [&](size_t w) { inputs[w] = stamp_workspace(files, by_workspace[w], *options.cache); });
    for (size_t w = 0; w < files.workspaces.size(); ++w) {
      bool needed = visitor && visitor->needs(w, inputs[w].hash, inputs[w].settled);
      std::vector<Diagnostic> reused;
      if (!needed && reuse_result(files, by_workspace[w], files.workspace_displays[w], inputs[w], *options.cache,
                                  reused)) {
        r.diagnostics.insert(r.diagnostics.end(), reused.begin(), reused.end());
        reused_files += by_workspace[w].size();
      } else {
        todo.push_back(w);
      }
    }
    if (options.progress && reused_files) options.progress(reused_files, r.files);
  } else {
    for (size_t w = 0; w < files.workspaces.size(); ++w) todo.push_back(w);
  }

  size_t done_before = reused_files;
  for (size_t first = 0; first < todo.size();) {
    FileTree batch;
    batch.root = files.root;
    size_t last = first;
    size_t count = 0;
    for (; last < todo.size() && (count == 0 || count + by_workspace[todo[last]].size() <= batch_files); ++last) {
      count += by_workspace[todo[last]].size();
    }
    std::vector<std::pair<size_t, size_t>> take;  // (file, workspace in the batch)
    for (size_t k = first; k < last; ++k) {
      size_t w = todo[k];
      batch.workspaces.push_back(files.workspaces[w]);
      batch.workspace_displays.push_back(files.workspace_displays[w]);
      for (size_t i : by_workspace[w]) take.emplace_back(i, k - first);
    }
    std::sort(take.begin(), take.end());
    for (auto [i, w] : take) {
      RecordFile f = files.files[i];
      f.workspace = w;
      batch.files.push_back(std::move(f));
    }
    LoadOptions o = options;
    if (options.progress) {
      o.progress = [&, base = done_before](size_t done, size_t) { options.progress(base + done, r.files); };
    }
    LoadedTree loaded = load_tree(batch, o);
    // Per-file diagnostics by workspace, then each workspace's own checks.
    std::vector<std::vector<Diagnostic>> results(loaded.workspaces.size());
    std::unordered_map<std::string_view, size_t> owner;
    for (const auto& f : batch.files) owner.emplace(f.display, f.workspace);
    bool cacheable = true;
    for (auto& d : loaded.diagnostics) {
      auto it = owner.find(d.file);
      if (it != owner.end()) {
        results[it->second].push_back(std::move(d));
      } else {  // not tied to one file: reported, but this batch's results are not cached
        r.diagnostics.push_back(std::move(d));
        cacheable = false;
      }
    }
    for (size_t k = 0; k < loaded.workspaces.size(); ++k) {
      check_workspace(loaded.workspaces[k], results[k]);
      if (visitor) visitor->visit(todo[first + k], loaded.workspaces[k], inputs[todo[first + k]].hash);
      if (options.cache && cacheable) {
        std::string bytes;
        encode_diagnostics(results[k], bytes);
        options.cache->remember_payload(result_key(batch.workspace_displays[k]), inputs[todo[first + k]].hash, bytes);
      }
      r.diagnostics.insert(r.diagnostics.end(), results[k].begin(), results[k].end());
    }
    done_before += batch.files.size();
    first = last;
  }
  sort_diagnostics(r.diagnostics);
  return r;
}

}  // namespace kudrang
