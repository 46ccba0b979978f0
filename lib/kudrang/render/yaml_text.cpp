#include "kudrang/render/yaml_text.hpp"

#include "kudrang/core/node.hpp"

#include <fmt/format.h>

namespace kudrang {

std::string yaml_text(std::string_view s)
{
  bool plain = !s.empty() && resolve_plain_scalar(s) == NodeType::string;
  if (plain) {
    static constexpr std::string_view bad_first = "-?:,[]{}#&*!|>'\"%@` ";
    if (bad_first.find(s.front()) != std::string_view::npos || s.back() == ' ' || s.back() == ':') plain = false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) plain = false;
    if (s.find_first_of("\n\r\t") != std::string_view::npos) plain = false;
    if (s == "yes" || s == "no" || s == "on" || s == "off" || s == "y" || s == "n") plain = false;
  }
  if (plain) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default: out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace kudrang
