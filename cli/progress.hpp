#pragma once
// A progress line on stderr for long runs: "files done / total, rate",
// redrawn in place, shown only when stderr is a terminal and the run has
// taken more than a moment; erased when done. Nothing at all otherwise, so
// logs and pipes stay clean.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>

namespace kudrang::cli {

class ProgressLine {
public:
  explicit ProgressLine(bool wanted);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Safe to call from any thread, as often as files are done.
  void update(size_t done, size_t total);
  void finish();

private:
  using Clock = std::chrono::steady_clock;
  bool m_enabled;
  Clock::time_point m_start;
  std::atomic<int64_t> m_next_ms{0};  // when the line may be drawn next
  std::mutex m_mutex;
  bool m_drawn = false;
};

}  // namespace kudrang::cli
