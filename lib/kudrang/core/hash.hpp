#pragma once
// A fast 64-bit checksum of bytes: catches accidental damage of the fact
// cache's own bytes (a torn write, a flipped bit). Not collision-resistant:
// anyone can make other bytes with the same value, so it must never decide
// that two contents are the same; core/digest.hpp does that.
#include <cstdint>
#include <string_view>

namespace kudrang {

uint64_t hash_bytes(std::string_view data, uint64_t seed = 0);

}  // namespace kudrang
