#include "kudrang/core/digest.hpp"

#include <blake2.h>

#include <stdexcept>

namespace kudrang {

Digest content_digest(std::string_view data)
{
  Digest out{};
  if (::blake2b(out.data(), data.data(), nullptr, out.size(), data.size(), 0) != 0) {
    throw std::logic_error("blake2b refused its arguments");  // only for a bad output length
  }
  return out;
}

std::string digest_hex(const Digest& d, size_t bytes)
{
  static constexpr char digits[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < bytes && i < d.size(); ++i) {
    s.push_back(digits[d[i] >> 4]);
    s.push_back(digits[d[i] & 15]);
  }
  return s;
}

}  // namespace kudrang
