#include "kudrang/records/record_edit.hpp"

#include "kudrang/io/yaml_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace kudrang {

namespace {

std::optional<Node> load(const std::string& text, std::string& error)
{
  Diagnostics d("record");
  auto root = load_yaml(text, d, LoadLimits{});
  if (!root || d.has_errors()) {
    for (const auto& x : d.list()) {
      if (x.severity == Severity::error) {
        error = fmt::format("line {}: {}", x.mark.line, x.message);
        break;
      }
    }
    if (error.empty()) error = "the record cannot be read";
    return std::nullopt;
  }
  return root;
}

// Byte offsets of the starts of the lines.
std::vector<size_t> line_starts(std::string_view text)
{
  std::vector<size_t> out{0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') out.push_back(i + 1);
  }
  return out;
}

size_t line_end(std::string_view text, size_t from)
{
  size_t e = text.find('\n', from);
  if (e == std::string_view::npos) e = text.size();
  if (e > from && text[e - 1] == '\r') --e;
  return e;
}

// The byte offset of a 1-based (line, column in code points) mark.
size_t offset_of(std::string_view text, const std::vector<size_t>& starts, Mark m)
{
  size_t at = starts[static_cast<size_t>(m.line - 1)];
  for (int col = 1; col < m.column && at < text.size(); ++col) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

// Where the value after "key:" on a line ends: before a comment (' #'
// outside quotes) or the end of the line, trailing spaces left out.
size_t value_end(std::string_view text, size_t from, size_t eol)
{
  char quote = 0;
  size_t end = from;
  for (size_t i = from; i < eol; ++i) {
    char c = text[i];
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      end = i + 1;
      continue;
    }
    if ((c == '"' || c == '\'') && (i == from || text[i - 1] == ' ')) quote = c;
    if (c == '#' && i > from && (text[i - 1] == ' ' || text[i - 1] == '\t')) break;
    if (c != ' ' && c != '\t') end = i + 1;
  }
  return end;
}

}  // namespace

std::optional<RecordText> RecordText::parse(std::string text, std::string& error)
{
  if (!load(text, error)) return std::nullopt;
  return RecordText(std::move(text));
}

bool RecordText::has(std::string_view key) const
{
  std::string error;
  auto root = load(m_text, error);
  return root && root->find(key) != nullptr;
}

bool RecordText::set(std::string_view key, std::string_view value, std::initializer_list<std::string_view> after,
                     std::string& error)
{
  auto root = load(m_text, error);
  if (!root) return false;
  auto starts = line_starts(m_text);
  std::string next;
  if (const Node* v = root->find(key)) {
    Mark km = root->key_mark(key);
    if (!v->is_scalar() || (!v->is_null() && v->mark.line != km.line)) {
      error = fmt::format("'{}' is not a one-line value here; change it by hand", key);
      return false;
    }
    size_t line_at = starts[static_cast<size_t>(km.line - 1)];
    size_t eol = line_end(m_text, line_at);
    size_t colon = m_text.find(':', offset_of(m_text, starts, km) + key.size());
    if (colon == std::string::npos || colon >= eol) {
      error = fmt::format("cannot find the ':' after '{}'", key);
      return false;
    }
    size_t end = value_end(m_text, colon + 1, eol);
    next = m_text.substr(0, colon + 1) + " " + std::string(value) + m_text.substr(end);
  } else {
    // A new line after the line of the first `after` key the record has.
    const bool crlf = m_text.find("\r\n") != std::string::npos;
    const std::string eol_text = crlf ? "\r\n" : "\n";
    std::string line = fmt::format("{}: {}{}", key, value, eol_text);
    size_t insert_at = std::string::npos;
    for (std::string_view a : after) {
      const Node* prev = root->find(a);
      if (!prev) continue;
      Mark km = root->key_mark(a);
      if (!prev->is_scalar() || (!prev->is_null() && prev->mark.line != km.line)) break;  // a block: at the end instead
      size_t e = m_text.find('\n', starts[static_cast<size_t>(km.line - 1)]);
      insert_at = e == std::string::npos ? m_text.size() : e + 1;
      break;
    }
    next = m_text;
    if (insert_at == std::string::npos) {
      if (!next.empty() && next.back() != '\n') next += eol_text;
      insert_at = next.size();
    } else if (insert_at == next.size() && !next.empty() && next.back() != '\n') {
      next += eol_text;
      insert_at = next.size();
    }
    next.insert(insert_at, line);
  }
  // The edit must read back: the same record with `value` under `key`.
  std::string why;
  auto check = load(next, why);
  Diagnostics d("value");
  auto expected = load_yaml(fmt::format("v: {}\n", value), d, LoadLimits{});
  const Node* got = check ? check->find(key) : nullptr;
  const Node* want = expected ? expected->find("v") : nullptr;
  if (!got || !want || got->text != want->text || got->type != want->type) {
    error = fmt::format("the change of '{}' would not read back as written{}", key, why.empty() ? "" : ": " + why);
    return false;
  }
  m_text = std::move(next);
  return true;
}

namespace {

// The line range [first, end) (0-based) of the top-level entry of key index
// i: from its key's line to the line before the next key, less the blank and
// comment lines that end it.
std::pair<size_t, size_t> entry_lines(const Node& root, size_t i, std::string_view text,
                                      const std::vector<size_t>& starts)
{
  size_t first = static_cast<size_t>(root.key_marks[i].line - 1);
  size_t end = starts.size();
  if (!text.empty() && text.back() == '\n') --end;  // no line after the final newline
  for (const Mark& m : root.key_marks) {
    auto l = static_cast<size_t>(m.line - 1);
    if (l > first && l < end) end = l;
  }
  while (end > first + 1) {
    size_t a = starts[end - 1];
    std::string_view line = text.substr(a, line_end(text, a) - a);
    size_t nb = line.find_first_not_of(" \t");
    if (nb == std::string_view::npos || line[nb] == '#') --end;
    else break;
  }
  return {first, end};
}

}  // namespace

bool RecordText::set_block(std::string_view key, std::string_view lines, std::initializer_list<std::string_view> after,
                           std::string& error)
{
  auto root = load(m_text, error);
  if (!root) return false;
  auto starts = line_starts(m_text);
  const bool crlf = m_text.find("\r\n") != std::string::npos;
  std::string block;
  for (char c : lines) {
    if (c == '\n' && crlf) block += '\r';
    block += c;
  }
  auto offset_of_line = [&](size_t l) { return l < starts.size() ? starts[l] : m_text.size(); };
  std::string next = m_text;
  auto index_of = [&](std::string_view k) -> std::optional<size_t> {
    for (size_t i = 0; i < root->keys.size(); ++i) {
      if (root->keys[i] == k) return i;
    }
    return std::nullopt;
  };
  if (auto i = index_of(key)) {
    auto [first, end] = entry_lines(*root, *i, m_text, starts);
    size_t a = offset_of_line(first);
    size_t b = offset_of_line(end);
    if (b == m_text.size() && !m_text.empty() && m_text.back() != '\n') {
      // the entry ends the file without a final newline: keep it that way
      while (!block.empty() && (block.back() == '\n' || block.back() == '\r')) block.pop_back();
    }
    next = m_text.substr(0, a) + block + m_text.substr(b);
  } else {
    size_t at = std::string::npos;
    for (std::string_view k : after) {
      if (auto j = index_of(k)) {
        at = offset_of_line(entry_lines(*root, *j, m_text, starts).second);
        break;
      }
    }
    if (at == std::string::npos || at > next.size()) at = next.size();
    if (at == next.size() && !next.empty() && next.back() != '\n') {
      next += crlf ? "\r\n" : "\n";
      at = next.size();
    }
    next.insert(at, block);
  }
  std::string why;
  if (!load(next, why)) {
    error = fmt::format("the change of '{}' would not read back: {}", key, why);
    return false;
  }
  m_text = std::move(next);
  return true;
}

bool RecordText::append_items(std::string_view key, std::string_view items, std::size_t count, std::string& error)
{
  auto root = load(m_text, error);
  if (!root) return false;
  const Node* list = root->find(key);
  std::size_t before = 0;
  const bool crlf = m_text.find("\r\n") != std::string::npos;
  auto indented = [&](int indent) {
    std::string out;
    bool at_line_start = true;
    for (char c : items) {
      if (at_line_start) out.append(static_cast<std::size_t>(indent), ' ');
      at_line_start = c == '\n';
      if (c == '\n' && crlf) out += '\r';
      out += c;
    }
    return out;
  };
  std::string next;
  if (!list || list->is_null() || (list->is_sequence() && list->items.empty())) {
    std::string lines = fmt::format("{}:\n", key);
    std::string block;
    bool at_line_start = true;
    for (char c : items) {
      if (at_line_start) block += "  ";
      at_line_start = c == '\n';
      block += c;
    }
    RecordText copy(m_text);
    if (!copy.set_block(key, lines + block, {}, error)) return false;
    next = copy.m_text;
  } else {
    if (!list->is_sequence()) {
      error = fmt::format("'{}' is not a list; change it by hand", key);
      return false;
    }
    before = list->items.size();
    auto starts = line_starts(m_text);
    const Node& first = list->items.front();
    if (first.mark.line == root->key_mark(key).line) {
      error = fmt::format("'{}' is written as a flow list [...]; write it as a block list (one '- ' entry a line) "
                          "first",
                          key);
      return false;
    }
    // The column of the "- " of the first item: its content's column less 2.
    int indent = std::max(0, first.mark.column - 3);
    std::size_t i = 0;
    while (i < root->keys.size() && root->keys[i] != key) ++i;
    auto [first_line, end_line] = entry_lines(*root, i, m_text, starts);
    (void)first_line;
    std::size_t at = end_line < starts.size() ? starts[end_line] : m_text.size();
    next = m_text;
    if (at == next.size() && !next.empty() && next.back() != '\n') {
      next += crlf ? "\r\n" : "\n";
      at = next.size();
    }
    next.insert(at, indented(indent));
  }
  std::string why;
  auto check = load(next, why);
  const Node* got = check ? check->find(key) : nullptr;
  if (!got || !got->is_sequence() || got->items.size() != before + count) {
    error = fmt::format("adding to '{}' would not read back as {} more entries{}", key, count,
                        why.empty() ? "" : ": " + why);
    return false;
  }
  m_text = std::move(next);
  return true;
}

}  // namespace kudrang
