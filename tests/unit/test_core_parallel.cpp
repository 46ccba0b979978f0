#include "kudrang/core/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <new>
#include <stdexcept>

using namespace kudrang;

TEST_CASE("parallel_for: an exception in a worker thread reaches the caller (issue 11)")
{
  // Before: the exception left the thread function and std::terminate ended the process.
  for (unsigned jobs : {1u, 2u, 8u}) {
    CAPTURE(jobs);
    std::atomic<int> ran{0};
    CHECK_THROWS_AS(parallel_for(1000, jobs,
                                 [&](size_t i) {
                                   ++ran;
                                   if (i == 17) throw std::runtime_error("boom");
                                 }),
                    std::runtime_error);
    CHECK(ran.load() >= 18);
  }
  CHECK_THROWS_AS(parallel_for(10, 2, [](size_t i) { if (i == 3) throw std::bad_alloc(); }), std::bad_alloc);
}

TEST_CASE("parallel_for: without exceptions every index runs once")
{
  std::vector<std::atomic<int>> seen(500);
  parallel_for(seen.size(), 4, [&](size_t i) { ++seen[i]; });
  for (auto& s : seen) CHECK(s.load() == 1);
}
