#pragma once
// A parsed YAML document as kudrang sees it: scalars already typed by our own
// resolver (never yaml-cpp's), every key and value with its 1-based position.
#include "kudrang/core/diagnostic.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

enum class NodeType { null, boolean, integer, number, string, sequence, mapping };

struct Node {
  NodeType type = NodeType::null;
  Mark mark;
  std::string text;               // scalar text as written (resolved type in `type`)
  std::vector<Node> items;        // sequence items, or mapping values
  std::vector<std::string> keys;  // mapping keys, parallel to `items`
  std::vector<Mark> key_marks;    // positions of the keys

  bool is_mapping() const { return type == NodeType::mapping; }
  bool is_sequence() const { return type == NodeType::sequence; }
  bool is_string() const { return type == NodeType::string; }
  bool is_integer() const { return type == NodeType::integer; }
  bool is_number() const { return type == NodeType::integer || type == NodeType::number; }
  bool is_bool() const { return type == NodeType::boolean; }
  bool is_null() const { return type == NodeType::null; }
  bool is_scalar() const { return type != NodeType::sequence && type != NodeType::mapping; }

  // The value under `key` of a mapping, or nullptr.
  const Node* find(std::string_view key) const;
  // The position of `key` in a mapping, or this node's own mark.
  Mark key_mark(std::string_view key) const;
  // Boolean value; only meaningful when is_bool().
  bool as_bool() const { return text == "true" || text == "True" || text == "TRUE"; }
};

// "a mapping", "a list", "text", ... for messages a clerk reads.
const char* node_type_phrase(NodeType t);

// Resolves a plain (unquoted) scalar to its type, following kudrang's rules:
// null/~/empty, true/false, decimal integers (never octal), decimals; else text.
NodeType resolve_plain_scalar(std::string_view text);

}  // namespace kudrang
