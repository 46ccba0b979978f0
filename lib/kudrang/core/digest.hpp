#pragma once
// A collision-resistant digest (BLAKE2b, 256 bits): what decides that two
// contents are the same (the fact cache reuses a file's verdict when its
// digest is unchanged). Nobody can make new content with an old digest, so
// a record written by anyone cannot take another record's cached verdict.
// (core/hash.hpp is a fast checksum for accidental damage only.)
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kudrang {

using Digest = std::array<uint8_t, 32>;

Digest content_digest(std::string_view data);

// Lowercase hexadecimal, the first `bytes` bytes (all by default).
std::string digest_hex(const Digest& d, size_t bytes = 32);

}  // namespace kudrang
