#pragma once
// The only place kudrang touches yaml-cpp: text in, a positioned Node out.
#include "kudrang/core/diagnostic.hpp"
#include "kudrang/core/node.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace kudrang {

// Bounds no real record comes near; they keep hostile input from exhausting
// time or memory.
struct LoadLimits {
  size_t max_bytes = 4 * 1024 * 1024;  // file size
  int max_depth = 64;                  // nesting of mappings and lists
  size_t max_nodes = 200'000;          // nodes after alias expansion
  bool operator==(const LoadLimits&) const = default;
};

// Parses one YAML document. On any problem the diagnostics say what and where
// (file:line:col); the root is empty when nothing usable could be read.
// Checks: size, UTF-8 validity, byte-order marks, syntax (with a tab hint),
// empty file, several documents, depth, alias expansion, duplicate keys,
// complex keys and unsupported tags. The root must be a mapping.
std::optional<Node> load_yaml(std::string_view text, Diagnostics& diags,
                              const LoadLimits& limits = {});

}  // namespace kudrang
