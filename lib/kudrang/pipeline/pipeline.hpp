#pragma once
// The pipeline: the one facility that walks a tree of workspaces, loads and
// checks them a batch at a time on every core, and runs *stages* over each.
//
// A stage is a pure function from one loaded workspace to a partial result
// that can be serialised (a row of a report, a workspace's grades). A command
// picks its stages, folds their partials in tree order and renders the fold.
// References never leave a workspace, so a workspace is the unit of work and
// of caching: a stage's partial is kept in the fact cache under the stage's
// key and the workspace's content identity, and a workspace whose files are
// all unchanged gives every stage its cached partial without being read.
// Memory follows the largest batch, not the tree.
//
// This is the only code that knows the cache exists besides the cache
// itself: check/ and rules/ are pure, render/ renders the folds.
#include "kudrang/io/file_tree.hpp"
#include "kudrang/records/workspace.hpp"

#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

class FactCache;

// One stage of a run. Partials live in numbered slots of the current batch.
class StageBase {
public:
  virtual ~StageBase() = default;
  // The cache key: the stage's id, its parameters and its version
  // ("grades 2563 v1"). Empty: never cached, so every workspace is loaded
  // (a stage that renders from the records themselves).
  virtual std::string key() const = 0;
  virtual void resize(size_t slots) = 0;
  virtual void compute(size_t slot, const Workspace& ws) = 0;
  virtual void encode(size_t slot, std::string& out) const = 0;
  virtual bool decode(size_t slot, std::string_view in) = 0;
  // Hands the partial of `slot` to the command's fold, in tree order.
  virtual void fold(size_t slot, const WorkspaceInfo& info) = 0;
};

// The codec of a partial type P: found by overload resolution
// (pipeline/codecs.hpp), so a stage only names its functions.
template <class P>
class Stage final : public StageBase {
public:
  using Compute = std::function<P(const Workspace&)>;
  using Fold = std::function<void(const WorkspaceInfo&, P&&)>;
  using Encode = void (*)(const P&, std::string&);
  using Decode = bool (*)(std::string_view, P&);

  Stage(std::string key, Compute compute_fn, Fold fold_fn, Encode encode_fn = nullptr, Decode decode_fn = nullptr)
    : m_key(encode_fn && decode_fn ? std::move(key) : std::string()), m_compute(std::move(compute_fn)),
      m_fold(std::move(fold_fn)), m_encode(encode_fn), m_decode(decode_fn)
  {
  }
  std::string key() const override { return m_key; }
  void resize(size_t slots) override
  {
    m_slots.clear();
    m_slots.resize(slots);
  }
  void compute(size_t slot, const Workspace& ws) override { m_slots[slot] = m_compute(ws); }
  void encode(size_t slot, std::string& out) const override
  {
    if (m_encode) m_encode(m_slots[slot], out);
  }
  bool decode(size_t slot, std::string_view in) override { return m_decode && m_decode(in, m_slots[slot]); }
  void fold(size_t slot, const WorkspaceInfo& info) override
  {
    m_fold(info, std::move(m_slots[slot]));
    m_slots[slot] = P();
  }

private:
  std::string m_key;
  Compute m_compute;
  Fold m_fold;
  Encode m_encode;
  Decode m_decode;
  std::vector<P> m_slots;
};

struct PipelineOptions {
  unsigned jobs = 0;           // 0: one per core
  FactCache* cache = nullptr;  // nullptr: nothing cached (--no-cache, older revisions)
  size_t batch_files = 2048;   // files loaded at once (at least one workspace)
  // The day of the run in Thailand: meetings dated before it and still
  // planned or invited are warned about (meeting-overdue). None: not checked.
  std::optional<Date> today;
  // Called as files are done (for a progress line).
  std::function<void(size_t done, size_t total)> progress;
};

struct PipelineResult {
  std::vector<Diagnostic> diagnostics;  // every workspace's, sorted by file, line, column
  std::vector<WorkspaceInfo> workspaces;  // in tree order
  size_t files = 0;
  bool has_errors() const;
  // The report language: the first workspace's locale ("th" when none).
  std::string locale() const;
};

// Runs `stages` over every workspace of `files`: each workspace is checked
// (its diagnostics always come back) and every stage's fold sees it once, in
// tree order. The result does not depend on `jobs` or `batch_files`.
PipelineResult run_pipeline(const FileTree& files, const std::vector<StageBase*>& stages,
                            const PipelineOptions& options = {});

// Loads and checks every workspace of `files` and keeps them (a command that
// reads one workspace's records, tests, fuzzers): the same loading and
// checks as run_pipeline, without its batches or its cached results.
struct ValidateResult {
  LoadedTree tree;
  std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
  size_t files = 0;
  bool has_errors() const;
};
ValidateResult validate_tree(const FileTree& files, const LoadOptions& options = {});

}  // namespace kudrang
