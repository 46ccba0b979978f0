#include "kudrang/render/json_writer.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>

namespace kudrang {

std::string json_quote(std::string_view s)
{
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t bad = find_invalid_utf8(s.substr(i, 4));
      // Copy one whole valid sequence, or replace one bad byte.
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (bad == 0 || i + len > s.size() || (bad != std::string_view::npos && bad < len)) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20) {
        out += fmt::format("\\u{:04x}", c);
      } else {
        out += static_cast<char>(c);
      }
    }
    ++i;
  }
  out += '"';
  return out;
}

void JsonWriter::newline()
{
  if (m_pretty) {
    m_out << '\n' << std::string(m_stack.size() * 2, ' ');
  }
}

void JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_stack.empty()) {
    if (!m_stack.back().empty) {
      m_out << ',';
    }
    m_stack.back().empty = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object()
{
  before_value();
  m_out << '{';
  m_stack.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object()
{
  bool empty = m_stack.back().empty;
  m_stack.pop_back();
  if (!empty) newline();
  m_out << '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array()
{
  before_value();
  m_out << '[';
  m_stack.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array()
{
  bool empty = m_stack.back().empty;
  m_stack.pop_back();
  if (!empty) newline();
  m_out << ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k)
{
  before_value();
  m_out << json_quote(k) << (m_pretty ? ": " : ":");
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s)
{
  before_value();
  m_out << json_quote(s);
  return *this;
}

JsonWriter& JsonWriter::value(long long n)
{
  before_value();
  m_out << n;
  return *this;
}

JsonWriter& JsonWriter::value(bool b)
{
  before_value();
  m_out << (b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null()
{
  before_value();
  m_out << "null";
  return *this;
}

JsonWriter& JsonWriter::raw_number(std::string_view text)
{
  before_value();
  m_out << text;
  return *this;
}

void JsonWriter::finish()
{
  m_out << '\n';
}

}  // namespace kudrang
