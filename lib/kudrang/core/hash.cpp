#include "kudrang/core/hash.hpp"

#include <cstring>

namespace kudrang {

namespace {

// The finaliser of splitmix64: every input bit affects every output bit.
uint64_t mix(uint64_t x)
{
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace

uint64_t hash_bytes(std::string_view data, uint64_t seed)
{
  // Four independent lanes of 8-byte words keep the multiplier busy.
  uint64_t lane[4] = {seed ^ 0x9e3779b97f4a7c15ULL, seed + 0x632be59bd9b4e019ULL, ~seed, seed * 3 + 1};
  const char* p = data.data();
  size_t n = data.size();
  while (n >= 32) {
    for (int i = 0; i < 4; ++i) {
      uint64_t w;
      std::memcpy(&w, p + 8 * i, 8);
      lane[i] = (lane[i] ^ w) * 0x9e3779b97f4a7c15ULL;
      lane[i] ^= lane[i] >> 29;
    }
    p += 32;
    n -= 32;
  }
  uint64_t h = mix(lane[0]) ^ mix(lane[1] + 1) ^ mix(lane[2] + 2) ^ mix(lane[3] + 3);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w);
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return mix(h ^ tail ^ (static_cast<uint64_t>(data.size()) << 3));
}

}  // namespace kudrang
