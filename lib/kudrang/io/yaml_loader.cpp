#include "kudrang/io/yaml_loader.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <istream>
#include <optional>
#include <streambuf>

#include <algorithm>
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

  // Columns are counted on from the previous mark of the same line, so a
  // line of 100,000 flow items costs one pass, not one pass per item.
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
    if (line0 != m_last_line || end < m_last_end) {
      m_last_line = line0;
      m_last_end = start;
      m_last_column = 0;
    }
    m_last_column += count_code_points(m_text.substr(m_last_end, end - m_last_end));
    m_last_end = end;
    return {line0 + 1, static_cast<int>(m_last_column) + 1};
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

  std::string_view text() const { return m_text; }

private:
  std::string_view m_text;
  std::vector<size_t> m_line_starts;
  mutable int m_last_line = -1;
  mutable size_t m_last_end = 0;
  mutable size_t m_last_column = 0;
};

// yaml-cpp 0.7 accepts a quoted scalar that is never closed and takes the
// rest of the file into it. Whether the scalar whose opening quote is at
// `at` is closed before the end of the text.
bool quote_closed(std::string_view text, size_t at)
{
  const char quote = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escape: the next character cannot close the text
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is an escaped ' inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

// Whether a plain integer or decimal is too large for kudrang to keep exactly
// (every count and amount is held in 64 bits).
bool number_too_large(std::string_view text, NodeType type)
{
  if (type == NodeType::integer) {
    int64_t v = 0;
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return ec == std::errc::result_out_of_range;
  }
  if (type == NodeType::number) {
    long double v = std::strtold(std::string(text).c_str(), nullptr);
    return !(std::fabs(v) < 9.2e18L);
  }
  return false;
}

// "status held": the line a clerk wrote without the ':' after the key, and
// the text to write instead.
std::string missing_colon_message(std::string_view line)
{
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  auto space = line.find(' ');
  std::string key(line.substr(0, space));
  std::string value(space == std::string_view::npos ? std::string_view() : line.substr(space + 1));
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  return fmt::format("the ':' after the key '{}' is missing; write '{}: {}' (a key and its value are separated by "
                     "': ')",
                     abbreviate(key), abbreviate(key), abbreviate(value));
}

struct LimitExceeded {
  Mark mark;
  std::string code;
  std::string message;
};

// Builds kudrang's Node tree straight from yaml-cpp's parser events (no
// yaml-cpp node graph in between: one copy of each scalar, and every limit
// checked while parsing, so an alias bomb stops at the limit, not after).
class Builder : public YAML::EventHandler {
public:
  Builder(const Positions& pos, Diagnostics& diags, const LoadLimits& limits)
    : m_pos(pos), m_diags(diags), m_limits(limits)
  {
  }

  // The first document's root, once a document has ended.
  std::optional<Node> root;
  int documents = 0;
  Mark second_document;  // where the second document starts, when there is one
  bool stuck = false;    // yaml-cpp 0.7 repeats empty documents forever on a stray ','

  void OnDocumentStart(const YAML::Mark& mark) override
  {
    Mark m = m_pos.from_yaml(mark);
    if (documents == 1) second_document = m;
    if (documents > 0 && mark.pos == m_last_document_pos) {
      stuck = true;
      throw Stuck{};
    }
    m_last_document_pos = mark.pos;
    ++documents;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    Node n;
    n.mark = start_node(mark);
    finish(std::move(n), anchor, 1, 0);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    Mark m = m_pos.from_yaml(mark);
    auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
      // An alias inside the block it names (&a [*a]): a loop, never a record.
      throw LimitExceeded{m, "yaml-syntax", "an alias '*name' refers to the block that contains it"};
    }
    const Anchored& a = it->second;
    m_nodes += a.count;
    check_limits(m, static_cast<int>(m_stack.size()) + a.height);
    add_bytes(m, a.bytes);  // an alias copies its block: its text counts again
    Node copy = a.node;
    finish(std::move(copy), 0, a.count, a.height, a.bytes);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override
  {
    Node n;
    n.mark = start_node(mark);
    add_bytes(n.mark, value.size());
    n.text = value;
    if (tag == "!" || tag == "tag:yaml.org,2002:str") {
      n.type = NodeType::string;
      std::string_view text = m_pos.text();
      auto at = static_cast<size_t>(std::max(mark.pos, 0));
      if (at < text.size() && (text[at] == '"' || text[at] == '\'') && !quote_closed(text, at)) {
        throw LimitExceeded{n.mark, "yaml-syntax",
                            fmt::format("a text opened with {} here is never closed; add the closing {} (or "
                                        "remove this one): everything after it would be read as one text",
                                        text[at], text[at])};
      }
    } else if (tag == "?" || tag.empty()) {
      n.type = resolve_plain_scalar(n.text);
      if (number_too_large(n.text, n.type)) {
        m_diags.error(n.mark, "number-too-large",
                      fmt::format("the number {} is too large; kudrang keeps whole numbers up to "
                                  "9223372036854775807 (is a digit repeated?)",
                                  abbreviate(n.text)));
      }
    } else {
      tag_error(n.mark, tag);
      n.type = NodeType::string;
    }
    if (auto bad = find_control_char(value); bad != std::string::npos) {
      m_diags.error(n.mark, "encoding-control",
                    fmt::format("the text holds a control character ({}) written as an escape; remove it",
                                escape_controls(value.substr(bad, 1))));
    }
    finish(std::move(n), anchor, 1, 0);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override
  {
    open(mark, NodeType::sequence, anchor, tag, "tag:yaml.org,2002:seq");
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override
  {
    open(mark, NodeType::mapping, anchor, tag, "tag:yaml.org,2002:map");
  }
  void OnMapEnd() override { close(); }

  struct Stuck {};

private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    size_t nodes_before = 0;
    size_t bytes_before = 0;
    int height = 0;
    // Mappings alternate key and value.
    bool want_key = true;
    bool key_usable = false;
    std::string key;
    Mark key_mark;
    std::unordered_map<std::string, Mark> seen;
  };
  struct Anchored {
    Node node;
    size_t count = 0;
    int height = 0;
    size_t bytes = 0;  // scalar text inside, aliases expanded
  };

  // Every tag but the one that says what the value already is (!!str, !!seq,
  // !!map) is refused, on scalars, lists and mappings alike: a tag asks the
  // reader to build something, and kudrang builds nothing from one.
  void tag_error(Mark m, const std::string& tag)
  {
    m_diags.error(m, "yaml-tag", fmt::format("unsupported tag '{}'; write the value without a tag", abbreviate(tag)));
  }

  // The text of scalars, with aliases expanded, is bounded like the nodes:
  // one large anchored text repeated by aliases would fill the memory.
  void add_bytes(Mark m, size_t n)
  {
    m_bytes += n;
    if (m_bytes > m_limits.max_bytes * 4) {
      throw LimitExceeded{m, "yaml-too-many-nodes",
                          fmt::format("the document expands to more than {} bytes of text (are aliases '*name' "
                                      "repeating a large block?)",
                                      m_limits.max_bytes * 4)};
    }
  }

  Mark start_node(const YAML::Mark& mark)
  {
    Mark m = m_pos.from_yaml(mark);
    ++m_nodes;
    check_limits(m, static_cast<int>(m_stack.size()));
    return m;
  }

  void check_limits(Mark m, int depth) const
  {
    if (m_nodes > m_limits.max_nodes) {
      throw LimitExceeded{m, "yaml-too-many-nodes",
                          fmt::format("the document expands to more than {} values (are aliases "
                                      "'*name' repeating a large block?)",
                                      m_limits.max_nodes)};
    }
    if (depth > m_limits.max_depth) {
      throw LimitExceeded{m, "yaml-too-deep", fmt::format("nested more than {} levels deep", m_limits.max_depth)};
    }
  }

  void open(const YAML::Mark& mark, NodeType type, YAML::anchor_t anchor, const std::string& tag,
            std::string_view own_tag)
  {
    Frame f;
    f.node.mark = start_node(mark);
    f.node.type = type;
    f.anchor = anchor;
    f.nodes_before = m_nodes - 1;
    f.bytes_before = m_bytes;
    if (!(tag.empty() || tag == "?" || tag == own_tag)) tag_error(f.node.mark, tag);
    m_stack.push_back(std::move(f));
  }

  void close()
  {
    Frame f = std::move(m_stack.back());
    m_stack.pop_back();
    finish(std::move(f.node), f.anchor, m_nodes - f.nodes_before, f.height + 1, m_bytes - f.bytes_before);
  }

  // A node is complete: remember it under its anchor, then hand it to its parent.
  void finish(Node&& n, YAML::anchor_t anchor, size_t count, int height, size_t bytes = 0)
  {
    if (anchor != 0) m_anchors[anchor] = Anchored{n, count, height, bytes ? bytes : n.text.size()};
    if (m_stack.empty()) {
      if (documents == 1 && !root) root = std::move(n);
      return;
    }
    Frame& f = m_stack.back();
    f.height = std::max(f.height, height);
    if (f.node.type == NodeType::sequence) {
      f.node.items.push_back(std::move(n));
      return;
    }
    if (f.want_key) {
      f.want_key = false;
      f.key_usable = false;
      if (!n.is_scalar() || n.is_null()) {
        m_diags.error(n.mark, "yaml-complex-key", "a key must be a plain word, not a list or mapping");
        return;
      }
      auto [it, inserted] = f.seen.emplace(n.text, n.mark);
      if (!inserted) {
        m_diags.error(n.mark, "yaml-duplicate-key",
                      fmt::format("duplicate key '{}' (first at line {}); only one value may be given", n.text,
                                  it->second.line));
        return;
      }
      f.key_usable = true;
      f.key = std::move(n.text);
      f.key_mark = n.mark;
      return;
    }
    f.want_key = true;
    if (n.is_null() && f.key_usable && f.key.find(' ') != std::string::npos) {
      // yaml-cpp reads a last line "status held" as the key "status held"
      // with no value: the ':' after the key was forgotten.
      std::string_view line = m_pos.line(f.key_mark.line);
      if (line.find(':') == std::string_view::npos) {
        throw LimitExceeded{f.key_mark, "yaml-syntax", missing_colon_message(f.key)};
      }
    }
    if (f.key_usable) {
      f.node.keys.push_back(std::move(f.key));
      f.node.key_marks.push_back(f.key_mark);
      f.node.items.push_back(std::move(n));
    }
  }

  const Positions& m_pos;
  Diagnostics& m_diags;
  const LoadLimits& m_limits;
  size_t m_nodes = 0;
  size_t m_bytes = 0;
  std::vector<Frame> m_stack;
  std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
  int m_last_document_pos = -1;
};

// An istream over the text without copying it.
class ViewBuf : public std::streambuf {
public:
  explicit ViewBuf(std::string_view text)
  {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
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

// yaml-cpp reports an unclosed '[' or '{' where it gave up, often lines
// later. The offset of the last '[' / '{' (as `open`) before `until` that
// starts a value and is not closed before it: quoted text and comments are
// skipped; a bracket inside a plain word (a[1]) starts nothing.
std::optional<size_t> unclosed_opener(std::string_view text, size_t until, char open)
{
  const char close = open == '[' ? ']' : '}';
  std::vector<size_t> stack;
  char prev = '\n';  // the last character that is not a space
  for (size_t i = 0; i < text.size() && i < until; ++i) {
    char c = text[i];
    if ((c == '"' || c == '\'') && (prev == '\n' || prev == ':' || prev == '-' || prev == ',' || prev == '['
                                    || prev == '{')) {
      for (++i; i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\') ++i;
        else if (text[i] == c) break;
      }
      prev = c;
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
      prev = '\n';
      continue;
    }
    if (c == open && (prev == '\n' || prev == ':' || prev == '-' || prev == ',' || prev == '[' || prev == '{')) {
      stack.push_back(i);
    } else if (c == close && !stack.empty()) {
      stack.pop_back();
    }
    if (c != ' ') prev = c;
  }
  if (stack.empty()) return std::nullopt;
  return stack.back();
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

std::string_view trim_line(std::string_view s)
{
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

size_t indent_of(std::string_view line)
{
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

// The value in quotes, as a clerk should write it: "..." unless it holds a
// '"' or a backslash, then '...' (a ' inside doubled).
std::string quoted(std::string_view value)
{
  if (value.find_first_of("\"\\") == std::string_view::npos) return fmt::format("\"{}\"", value);
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// The key written before a value that starts at `col` (1-based code points)
// on `line`: "resolution" of "    resolution: -", "" when there is none.
std::string key_before(std::string_view line, int col)
{
  // Columns count code points; the key is ASCII in practice, so cut by bytes
  // only up to the first ':' before the value.
  auto colon = line.find(": ");
  if (colon == std::string_view::npos) return {};
  std::string_view key = trim_line(line.substr(0, colon));
  if (!key.empty() && key.front() == '-') key = trim_line(key.substr(1));
  if (key.empty() || static_cast<int>(count_code_points(line.substr(0, colon))) >= col) return {};
  return std::string(key);
}

// The text from 1-based code-point column `col` to the end of `line`.
std::string_view rest_of_line(std::string_view line, int col)
{
  size_t i = 0;
  for (int c = 1; c < col && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  std::string_view rest = line.substr(std::min(i, line.size()));
  if (auto hash = rest.find(" #"); hash != std::string_view::npos) rest = rest.substr(0, hash);
  return trim_line(rest);
}

// The YAML traps a clerk falls into, said in plain words with the text to
// write (issue 12, point 4): yaml-cpp's own message names the symptom, often
// on the next line.
std::optional<std::pair<Mark, std::string>> explain_trap(const Positions& pos, const std::string& msg, Mark m)
{
  std::string_view line = pos.line(m.line);
  auto with_key = [&](std::string_view value) {
    std::string key = key_before(line, m.column);
    return key.empty() ? quoted(value) : fmt::format("{}: {}", key, quoted(value));
  };
  if (msg.rfind("illegal map value", 0) == 0) {
    // "status held" above "date: ...": the line before, a sibling key, lacks its ':'.
    for (int l = m.line - 1; l >= 1; --l) {
      std::string_view prev = pos.line(l);
      std::string_view t = trim_line(prev);
      if (t.empty() || t.front() == '#') continue;
      size_t indent = indent_of(prev);
      if (t.size() > 2 && t[0] == '-' && t[1] == ' ') {
        // "  - id p001" above "    name: ...": the first key of a list item.
        std::string_view after = t.substr(2);
        indent += 2 + indent_of(after);
        t = trim_line(after);
      }
      if (indent == indent_of(line) && t.find(':') == std::string_view::npos && t.front() != '-'
          && t.front() != '"' && t.front() != '\'' && t.find(' ') != std::string_view::npos) {
        return std::pair{Mark{l, static_cast<int>(indent) + 1}, missing_colon_message(t)};
      }
      break;
    }
    return std::nullopt;
  }
  std::string_view rest = rest_of_line(line, m.column);
  if (rest.empty()) return std::nullopt;
  if (msg.rfind("illegal block entry", 0) == 0 && rest == "-") {
    return std::pair{m, fmt::format("a '-' standing alone after a key starts a list in YAML; to write a dash as the "
                                    "value, put it in quotes: {} (or leave the value empty)",
                                    with_key("-"))};
  }
  if (msg.rfind("illegal block entry", 0) == 0 && rest.size() > 2 && rest[0] == '-' && rest[1] == ' ') {
    return std::pair{m, fmt::format("a '- ' right after a key starts a list in YAML; to write text that starts with "
                                    "a dash, put it in quotes: {}",
                                    with_key(rest))};
  }
  char first = rest.front();
  if (msg.rfind("unknown token", 0) == 0 && (first == '@' || first == '`' || first == '%')) {
    return std::pair{m, fmt::format("a value may not start with '{}' in YAML; put it in quotes: {}", first,
                                    with_key(rest))};
  }
  if (msg.rfind("the referenced anchor is not defined", 0) == 0 && first == '*') {
    return std::pair{m, fmt::format("a value starting with '*' is a reference to an anchor ('&name') in YAML; "
                                    "to write text that starts with '*', put it in quotes: {}",
                                    with_key(rest))};
  }
  return std::nullopt;
}

// UTF-16 and UTF-32 (with or without a byte-order mark): ASCII text in them
// has NUL bytes beside every letter, which UTF-8 text never has.
bool looks_like_utf16_or_32(std::string_view text)
{
  auto starts = [&](std::string_view p) { return text.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv) || starts("\x00\x00\xFE\xFF"sv)) return true;
  std::string_view head = text.substr(0, 64);
  size_t nuls = static_cast<size_t>(std::count(head.begin(), head.end(), '\0'));
  return head.size() >= 4 && nuls * 4 >= head.size();
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
  if (looks_like_utf16_or_32(text)) {
    diags.error({1, 1}, "encoding-utf16",
                "the file is saved as UTF-16 or UTF-32 (git shows it as binary, so it cannot be reviewed); "
                "save it as UTF-8");
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
  // Before yaml-cpp sees the text: it drops a NUL inside a value without a
  // word, and escape sequences would reach terminals.
  if (auto bad = find_control_char(text); bad != std::string_view::npos) {
    diags.error(pos.from_offset(bad), "encoding-control",
                fmt::format("an invisible control character ({}) stands here; delete it (record text may hold "
                            "tabs and line breaks, nothing else invisible)",
                            escape_controls(text.substr(bad, static_cast<unsigned char>(text[bad]) == 0xC2 ? 2 : 1))));
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

  Builder builder(pos, diags, limits);
  try {
    ViewBuf buf(text);
    std::istream in(&buf);
    YAML::Parser parser(in);
    // The first document, then only enough to tell whether another follows.
    while (builder.documents < 2 && parser.HandleNextDocument(builder)) {
    }
  } catch (const Builder::Stuck&) {
    diags.error(builder.second_document, "yaml-syntax",
                "the YAML cannot be read past this point; is a ',' standing outside [ ] or { }?");
    return std::nullopt;
  } catch (const LimitExceeded& limit) {
    diags.error(limit.mark, limit.code, limit.message);
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    diags.error(pos.from_yaml(e.mark), "yaml-too-deep", "the document is nested too deeply to be a record");
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    Mark m = pos.from_yaml(e.mark);
    for (int l = std::max(1, m.line - 1); l <= m.line + 1; ++l) {
      if (has_tab_in_indent(pos.line(l))) {
        diags.error({l, 1}, "yaml-tab", "a tab is used for indentation; YAML indents with spaces only");
        return std::nullopt;
      }
    }
    for (char open : {'[', '{'}) {
      bool list = open == '[';
      if (e.msg.rfind(list ? "end of sequence flow not found" : "end of map flow not found", 0) != 0) continue;
      if (auto at = unclosed_opener(text, static_cast<size_t>(std::max(e.mark.pos, 0)), open)) {
        diags.error(pos.from_offset(*at), "yaml-syntax",
                    list ? "a list opened with '[' here is not closed with ']'; add the ']' at the end of the "
                           "list (or write the value in quotes if the '[' is part of the text)"
                         : "a mapping opened with '{' here is not closed with '}'; add the '}' at its end (or "
                           "write the value in quotes if the '{' is part of the text)");
        return std::nullopt;
      }
    }
    if (auto trap = explain_trap(pos, e.msg, m)) {
      diags.error(trap->first, "yaml-syntax", trap->second);
      return std::nullopt;
    }
    diags.error(m, "yaml-syntax", clean_parser_message(e.msg));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error(pos.from_yaml(e.mark), "yaml-syntax", clean_parser_message(e.msg));
    return std::nullopt;
  }

  // Comment-only files give no document at all.
  if (builder.documents == 0 || (builder.documents == 1 && (!builder.root || builder.root->is_null()))) {
    diags.error({1, 1}, "file-empty", "the file holds no record; a record needs at least 'kind:'");
    return std::nullopt;
  }
  if (builder.documents > 1) {
    diags.error(builder.second_document, "yaml-multi-document",
                "the file holds more than one document ('---'); put each record in its own file");
    return std::nullopt;
  }
  Node root = std::move(*builder.root);
  if (!root.is_mapping()) {
    diags.error(root.mark, "yaml-not-mapping",
                fmt::format("a record must be a mapping of keys (kind: ...), not {}", node_type_phrase(root.type)));
    return std::nullopt;
  }
  return root;
}

}  // namespace kudrang
