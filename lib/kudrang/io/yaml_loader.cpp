#include "kudrang/io/yaml_loader.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace kudrang {

namespace {

// Maps yaml-cpp's 0-based (line, byte column) to our 1-based (line, code point column).
class Positions {
public:
  explicit Positions(std::string_view text) : m_text(text)
  {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
  }

  Mark from_yaml(int line0, int byte_col0) const
  {
    if (line0 < 0) {
      return {};
    }
    if (static_cast<size_t>(line0) >= m_line_starts.size()) {
      return {line0 + 1, byte_col0 + 1};
    }
    size_t start = m_line_starts[static_cast<size_t>(line0)];
    size_t end = std::min(m_text.size(), start + static_cast<size_t>(std::max(byte_col0, 0)));
    return {line0 + 1, static_cast<int>(count_code_points(m_text.substr(start, end - start))) + 1};
  }

  Mark from_yaml(const YAML::Mark& m) const { return from_yaml(m.line, m.column); }

  Mark from_offset(size_t offset) const
  {
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    size_t line0 = static_cast<size_t>(it - m_line_starts.begin()) - 1;
    size_t start = m_line_starts[line0];
    return {static_cast<int>(line0) + 1,
            static_cast<int>(count_code_points(m_text.substr(start, offset - start))) + 1};
  }

  std::string_view line(int line1) const
  {
    if (line1 < 1 || static_cast<size_t>(line1) > m_line_starts.size()) {
      return {};
    }
    size_t start = m_line_starts[static_cast<size_t>(line1 - 1)];
    size_t end = m_text.find('\n', start);
    return m_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  }

private:
  std::string_view m_text;
  std::vector<size_t> m_line_starts;
};

struct LimitExceeded {
  Mark mark;
  std::string code;
  std::string message;
};

class Converter {
public:
  Converter(const Positions& pos, Diagnostics& diags, const LoadLimits& limits)
    : m_pos(pos), m_diags(diags), m_limits(limits)
  {
  }

  Node convert(const YAML::Node& in, int depth)
  {
    Node out;
    out.mark = m_pos.from_yaml(in.Mark());
    if (++m_nodes > m_limits.max_nodes) {
      throw LimitExceeded{out.mark, "yaml-too-many-nodes",
                          fmt::format("the document expands to more than {} values (are aliases "
                                      "'*name' repeating a large block?)",
                                      m_limits.max_nodes)};
    }
    if (depth > m_limits.max_depth) {
      throw LimitExceeded{out.mark, "yaml-too-deep",
                          fmt::format("nested more than {} levels deep", m_limits.max_depth)};
    }
    switch (in.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.type = NodeType::null;
      break;
    case YAML::NodeType::Scalar:
      convert_scalar(in, out);
      break;
    case YAML::NodeType::Sequence:
      out.type = NodeType::sequence;
      out.items.reserve(in.size());
      for (const auto& item : in) {
        out.items.push_back(convert(item, depth + 1));
      }
      break;
    case YAML::NodeType::Map:
      convert_map(in, out, depth);
      break;
    }
    return out;
  }

private:
  void convert_scalar(const YAML::Node& in, Node& out)
  {
    out.text = in.Scalar();
    const std::string& tag = in.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      out.type = NodeType::string;
    } else if (tag == "?" || tag.empty()) {
      out.type = resolve_plain_scalar(out.text);
    } else {
      m_diags.error(out.mark, "yaml-tag",
                    fmt::format("unsupported tag '{}'; write the value without a tag", tag));
      out.type = NodeType::string;
    }
  }

  void convert_map(const YAML::Node& in, Node& out, int depth)
  {
    out.type = NodeType::mapping;
    std::unordered_map<std::string, Mark> seen;
    for (const auto& kv : in) {
      Mark key_mark = m_pos.from_yaml(kv.first.Mark());
      if (!kv.first.IsScalar()) {
        m_diags.error(key_mark, "yaml-complex-key", "a key must be a plain word, not a list or mapping");
        ++m_nodes;
        continue;
      }
      const std::string& key = kv.first.Scalar();
      auto [it, inserted] = seen.emplace(key, key_mark);
      if (!inserted) {
        m_diags.error(key_mark, "yaml-duplicate-key",
                      fmt::format("duplicate key '{}' (first at line {}); only one value may be given",
                                  key, it->second.line));
        convert(kv.second, depth + 1);  // still count its nodes against the limits
        continue;
      }
      out.keys.push_back(key);
      out.key_marks.push_back(key_mark);
      out.items.push_back(convert(kv.second, depth + 1));
    }
  }

  const Positions& m_pos;
  Diagnostics& m_diags;
  const LoadLimits& m_limits;
  size_t m_nodes = 0;
};

bool has_tab_in_indent(std::string_view line)
{
  for (char c : line) {
    if (c == '\t') {
      return true;
    }
    if (c != ' ') {
      return false;
    }
  }
  return false;
}

// yaml-cpp's messages in words a clerk can act on; unknown ones pass through.
std::string clean_parser_message(const std::string& msg)
{
  static const std::pair<const char*, const char*> known[] = {
    {"end of sequence flow not found", "a list opened with '[' is not closed with ']'"},
    {"end of map flow not found", "a mapping opened with '{' is not closed with '}'"},
    {"end of map not found", "a mapping is not closed here; check the indentation"},
    {"end of sequence not found", "a list is not closed here; check the indentation"},
    {"illegal map value", "a ':' stands where no value may start; put text that contains ': ' in quotes"},
    {"end of key not found", "a key is not closed; check quotes and indentation"},
    {"unknown escape character", "an unknown escape (backslash) sequence inside double quotes"},
    {"end of string not found", "a quoted text is not closed with its quote"},
    {"unexpected character in tag", "an unexpected '!' (tag); put the value in quotes"},
  };
  for (const auto& [from, to] : known) {
    if (msg.rfind(from, 0) == 0) return to;
  }
  return msg.empty() ? "the YAML could not be read" : "YAML: " + msg;
}

}  // namespace

std::optional<Node> load_yaml(std::string_view text, Diagnostics& diags, const LoadLimits& limits)
{
  if (text.size() > limits.max_bytes) {
    diags.error({}, "file-too-large",
                fmt::format("the file is {} bytes; a record may be at most {} bytes", text.size(),
                            limits.max_bytes));
    return std::nullopt;
  }
  static constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, 3) == bom) {
    diags.warning({1, 1}, "encoding-bom",
                  "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM");
    text.remove_prefix(3);
  }
  Positions pos(text);
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    diags.error(pos.from_offset(bad), "encoding-utf8",
                "the file is not valid UTF-8 here; save it as UTF-8 (not TIS-620 or Windows-874)");
    return std::nullopt;
  }
  if (auto mid = text.find(bom); mid != std::string_view::npos) {
    diags.error(pos.from_offset(mid), "encoding-bom",
                "an invisible byte-order mark (U+FEFF) stands inside the file; delete it");
    return std::nullopt;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diags.error({1, 1}, "file-empty", "the file is empty; a record needs at least 'kind:'");
    return std::nullopt;
  }

  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    diags.error(pos.from_yaml(e.mark), "yaml-too-deep",
                "the document is nested too deeply to be a record");
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    Mark m = pos.from_yaml(e.mark);
    for (int l = std::max(1, m.line - 1); l <= m.line + 1; ++l) {
      if (has_tab_in_indent(pos.line(l))) {
        diags.error({l, 1}, "yaml-tab",
                    "a tab is used for indentation; YAML indents with spaces only");
        return std::nullopt;
      }
    }
    diags.error(m, "yaml-syntax", clean_parser_message(e.msg));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error(pos.from_yaml(e.mark), "yaml-syntax", clean_parser_message(e.msg));
    return std::nullopt;
  }

  // Comment-only files give no document at all.
  if (docs.empty() || (docs.size() == 1 && docs[0].IsNull())) {
    diags.error({1, 1}, "file-empty", "the file holds no record; a record needs at least 'kind:'");
    return std::nullopt;
  }
  if (docs.size() > 1) {
    diags.error(pos.from_yaml(docs[1].Mark()), "yaml-multi-document",
                fmt::format("the file holds {} documents ('---'); put each record in its own file",
                            docs.size()));
    return std::nullopt;
  }
  try {
    Converter conv(pos, diags, limits);
    Node root = conv.convert(docs[0], 0);
    if (!root.is_mapping()) {
      diags.error(root.mark, "yaml-not-mapping",
                  fmt::format("a record must be a mapping of keys (kind: ...), not {}",
                              node_type_phrase(root.type)));
      return std::nullopt;
    }
    return root;
  } catch (const LimitExceeded& limit) {
    diags.error(limit.mark, limit.code, limit.message);
    return std::nullopt;
  }
}

}  // namespace kudrang
