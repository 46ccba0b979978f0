#pragma once
// A fast 64-bit hash of bytes: tells whether a file's content or the fact
// cache changed. Not cryptographic (nothing here defends against an attacker
// who can write the cache; they could write the records too).
#include <cstdint>
#include <string_view>

namespace kudrang {

uint64_t hash_bytes(std::string_view data, uint64_t seed = 0);

}  // namespace kudrang
