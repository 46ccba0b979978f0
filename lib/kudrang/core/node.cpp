#include "kudrang/core/node.hpp"

namespace kudrang {

const Node* Node::find(std::string_view key) const
{
  if (type != NodeType::mapping) {
    return nullptr;
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) {
      return &items[i];
    }
  }
  return nullptr;
}

Mark Node::key_mark(std::string_view key) const
{
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) {
      return key_marks[i];
    }
  }
  return mark;
}

const char* node_type_phrase(NodeType t)
{
  switch (t) {
  case NodeType::null: return "empty";
  case NodeType::boolean: return "true or false";
  case NodeType::integer: return "a whole number";
  case NodeType::number: return "a number";
  case NodeType::string: return "text";
  case NodeType::sequence: return "a list";
  case NodeType::mapping: return "a mapping";
  }
  return "?";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_decimal_integer(std::string_view s)
{
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    ++i;
  }
  if (i == s.size()) {
    return false;
  }
  for (; i < s.size(); ++i) {
    if (!is_digit(s[i])) {
      return false;
    }
  }
  return true;
}

// [-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?
bool is_decimal_number(std::string_view s)
{
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    ++i;
  }
  size_t int_digits = 0;
  while (i < s.size() && is_digit(s[i])) {
    ++i;
    ++int_digits;
  }
  if (i == s.size() || s[i] != '.') {
    return false;
  }
  ++i;
  size_t frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) {
    ++i;
    ++frac_digits;
  }
  if (int_digits + frac_digits == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
      ++i;
    }
    size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
      ++exp_digits;
    }
    if (exp_digits == 0) {
      return false;
    }
  }
  return i == s.size();
}

}  // namespace

NodeType resolve_plain_scalar(std::string_view s)
{
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
    return NodeType::null;
  }
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return NodeType::boolean;
  }
  if (is_decimal_integer(s)) {
    return NodeType::integer;
  }
  if (is_decimal_number(s)) {
    return NodeType::number;
  }
  return NodeType::string;
}

}  // namespace kudrang
