#include "progress.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace kudrang::cli {

namespace {
constexpr int64_t first_after_ms = 700;  // quick runs never show a line
constexpr int64_t every_ms = 150;
}  // namespace

ProgressLine::ProgressLine(bool wanted) : m_enabled(wanted && ::isatty(STDERR_FILENO)), m_start(Clock::now())
{
  m_next_ms = first_after_ms;
}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::update(size_t done, size_t total)
{
  if (!m_enabled) return;
  int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_start).count();
  int64_t next = m_next_ms.load(std::memory_order_relaxed);
  if (ms < next || !m_next_ms.compare_exchange_strong(next, ms + every_ms)) return;
  std::lock_guard<std::mutex> lock(m_mutex);
  double rate = ms > 0 ? static_cast<double>(done) * 1000.0 / static_cast<double>(ms) : 0.0;
  std::string line = fmt::format("\r\033[Kkudrang: {:L} / {:L} files ({:.0f} files/s)", done, total, rate);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  m_drawn = true;
}

void ProgressLine::finish()
{
  std::lock_guard<std::mutex> lock(m_mutex);
  m_enabled = false;
  if (m_drawn) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    m_drawn = false;
  }
}

}  // namespace kudrang::cli
