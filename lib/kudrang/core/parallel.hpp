#pragma once
// Spreading independent work over threads (files, workspaces).
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kudrang {

// Threads to use for `jobs` (0: one per core).
inline unsigned thread_count(unsigned jobs) { return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency()); }

// Runs `work(i)` for every i in [0, n) on up to `jobs` threads; each i once.
// An exception thrown by `work` (std::bad_alloc too) stops the other threads
// from taking more work and is rethrown here once all have finished, instead
// of ending the process through std::terminate.
template <class Work>
void parallel_for(size_t n, unsigned jobs, Work work)
{
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    try {
      for (size_t i = next++; i < n; i = next++) work(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;  // no one takes more work
    }
  };
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, n)));
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kudrang
