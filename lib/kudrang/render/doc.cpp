#include "kudrang/render/doc.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace kudrang {

// ---- building

Inline& Inline::text(std::string_view s)
{
  if (!s.empty()) m_runs.push_back({Run::Kind::text, std::string(s)});
  return *this;
}

Inline& Inline::lines(std::string_view s)
{
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (pos > 0) br();
    text(line);
    pos = end + 1;
  }
  return *this;
}

Inline& Inline::strong(std::string_view s)
{
  if (!s.empty()) m_runs.push_back({Run::Kind::strong, std::string(s)});
  return *this;
}

Inline& Inline::keep(std::string_view s)
{
  if (!s.empty()) m_runs.push_back({Run::Kind::keep, std::string(s)});
  return *this;
}

Inline& Inline::br()
{
  m_runs.push_back({Run::Kind::line_break, {}});
  return *this;
}

Inline& Inline::append(const Inline& other)
{
  m_runs.insert(m_runs.end(), other.m_runs.begin(), other.m_runs.end());
  return *this;
}

Inline strong(std::string_view s)
{
  return Inline().strong(s);
}

Inline keep(std::string_view s)
{
  return Inline().keep(s);
}

// A name of an office, a council, a place or a position, as printed: the
// place name in it (from its administrative prefix ตำบล, อำเภอ, จังหวัด or
// บ้าน on, up to the next space) kept whole, since a dictionary line breaker
// knows no place names ("ตำบลโคก/สี"); the rest left to the line breaker.
Inline place_names(std::string_view s)
{
  static const std::string_view prefixes[] = {"ตำบล", "อำเภอ", "จังหวัด", "บ้าน"};
  Inline in;
  size_t pos = 0;
  while (pos < s.size()) {
    // The first prefix followed by a name; บ้าน only at the start of a word
    // (not the บ้าน of ผู้ใหญ่บ้าน).
    size_t best = std::string_view::npos;
    for (auto p : prefixes) {
      for (size_t at = s.find(p, pos); at != std::string_view::npos; at = s.find(p, at + 1)) {
        bool named = at + p.size() < s.size() && s[at + p.size()] != ' ';
        bool word_start = at == 0 || s[at - 1] == ' ' || s[at - 1] == '(';
        if (named && (p != "บ้าน" || word_start)) {
          best = std::min(best, at);
          break;
        }
      }
    }
    if (best == std::string_view::npos) {
      in.text(s.substr(pos));
      break;
    }
    in.text(s.substr(pos, best - pos));
    size_t end = s.find(' ', best);
    if (end == std::string_view::npos) end = s.size();
    in.keep(s.substr(best, end - best));
    pos = end;
  }
  return in;
}


Table::Table(std::vector<Inline> headers, std::vector<Align> align)
  : m_headers(std::move(headers)), m_align(std::move(align))
{
  m_align.resize(m_headers.size(), Align::left);
}

void Table::for_each_cell(const std::function<void(Inline&)>& f)
{
  for (auto& h : m_headers) f(h);
  for (auto& row : m_rows) {
    for (auto& c : row) f(c);
  }
}

void Table::add_row(std::vector<Inline> cells)
{
  cells.resize(m_headers.size());
  m_rows.push_back(std::move(cells));
}

Heading& Doc::heading(int level, Inline text)
{
  m_blocks.push_back({Heading{level, std::move(text), {}}});
  return std::get<Heading>(m_blocks.back().value);
}

Paragraph& Doc::paragraph(Inline text)
{
  m_blocks.push_back({Paragraph{std::move(text), {}}});
  return std::get<Paragraph>(m_blocks.back().value);
}

Table& Doc::table(Table t)
{
  m_blocks.push_back({std::move(t)});
  return std::get<Table>(m_blocks.back().value);
}

BulletList& Doc::list(std::vector<Inline> items)
{
  m_blocks.push_back({BulletList{std::move(items), {}}});
  return std::get<BulletList>(m_blocks.back().value);
}

void Doc::page_break()
{
  m_blocks.push_back({PageBreak{}});
}

void Doc::html(TrustedHtml h)
{
  m_blocks.push_back({std::move(h)});
}

void Doc::division(std::string css_class, Doc body)
{
  m_blocks.push_back({Division{std::move(css_class), std::move(body.m_blocks)}});
}

void Doc::image(Image i)
{
  m_blocks.push_back({std::move(i)});
}

void Doc::append(Doc other)
{
  for (auto& b : other.m_blocks) m_blocks.push_back(std::move(b));
}

// ---- escaping

namespace {

// Length of a C1 control (U+0080..U+009F, 2 bytes in UTF-8) at `i`, or 0.
size_t c1_at(std::string_view s, size_t i)
{
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) >= 0x80
             && static_cast<unsigned char>(s[i + 1]) <= 0x9F
           ? 2
           : 0;
}

bool is_control(unsigned char c)
{
  return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F;
}

// Punctuation that makes inline Markdown (emphasis, code, links, raw HTML,
// entities, table cells, math, super/subscript, attributes) anywhere.
bool md_special(char c)
{
  switch (c) {
  case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '&': case '|':
  case '{': case '}': case '~': case '^': case '$':
    return true;
  default: return false;
  }
}

enum class Where { paragraph, heading, cell };

// Appends `s` escaped for Markdown. `line_start` says whether the next byte
// starts a line (and is updated).
void md_escape(std::string& out, std::string_view s, Where where, bool& line_start)
{
  // Bytes that are themselves in Markdown: appended a run at a time.
  auto plain = [where](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x20 && u != 0x7F && u != 0xC2 && !md_special(c) && !(c == '#' && where == Where::heading);
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (!line_start && plain(s[i])) {
      size_t j = i + 1;
      while (j < s.size() && plain(s[j])) ++j;
      out.append(s, i, j - i);
      i = j - 1;
      continue;
    }
    char c = s[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      if (where == Where::paragraph) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
        line_start = true;
      } else {
        out += ' ';
      }
      continue;
    }
    if (c == '\t') c = ' ';
    if (line_start) {
      // Indentation would make a code block or a nested list: drop it.
      if (c == ' ') continue;
      line_start = false;
      if (c == '#' || c == '-' || c == '+' || c == '=' || c == ':' || c == '%') {
        out += '\\';
        out += c;
        continue;
      }
      // An ordered-list marker (pandoc's fancy lists too): 1. 12) a. iv) (1) (a) (@) then a space.
      auto alnum = [](char x) { return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z'); };
      auto blank_at = [&](size_t j) {
        return j >= s.size() || s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r';
      };
      size_t from = c == '(' ? i + 1 : i;
      size_t j = from;
      while (j < s.size() && (alnum(s[j]) || (c == '(' && s[j] == '@'))) ++j;
      if (j > from || (c == '(' && j < s.size() && s[j] == ')')) {
        if (c == '(' && j < s.size() && s[j] == ')' && blank_at(j + 1)) {
          out += "\\(";
          continue;
        }
        if (c != '(' && j < s.size() && (s[j] == '.' || s[j] == ')') && blank_at(j + 1)) {
          out.append(s, i, j - i);
          out += '\\';
          out += s[j];
          i = j;
          continue;
        }
      }
    }
    if (is_control(u)) {
      out += fmt::format("\\x{:02x}", u);
    } else if (size_t n = c1_at(s, i)) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
      i += n - 1;
    } else if (md_special(c) || (c == '#' && where == Where::heading)) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
}

std::string md_inline(const Inline& in, Where where, bool line_start)
{
  std::string out;
  for (const auto& r : in.runs()) {
    switch (r.kind) {
    case Run::Kind::text:
    case Run::Kind::keep: md_escape(out, r.text, where, line_start); break;
    case Run::Kind::strong: {
      bool inner = false;
      std::string s;
      md_escape(s, r.text, where, inner);
      out += "**" + s + "**";
      line_start = false;
      break;
    }
    case Run::Kind::line_break:
      if (where == Where::paragraph) {
        out += "\\\n";
        line_start = true;
      } else {
        out += ' ';
      }
      break;
    }
  }
  if (where != Where::paragraph) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

void html_text(std::string& out, std::string_view s, bool soft_breaks)
{
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\r':
      if (i + 1 < s.size() && s[i + 1] == '\n') break;
      out += soft_breaks ? '\n' : ' ';
      break;
    case '\n': out += soft_breaks ? '\n' : ' '; break;
    default:
      if (is_control(u)) {
        out += fmt::format("\\x{:02x}", u);
      } else if (size_t n = c1_at(s, i)) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
        i += n - 1;
      } else {
        out += c;
      }
    }
  }
}

std::string html_inline(const Inline& in, bool soft_breaks = true)
{
  std::string out;
  const auto& runs = in.runs();
  size_t last = runs.size();
  while (last > 0 && runs[last - 1].kind == Run::Kind::line_break) --last;  // a trailing break shows nothing
  for (size_t i = 0; i < last; ++i) {
    const Run& r = runs[i];
    switch (r.kind) {
    case Run::Kind::text: html_text(out, r.text, soft_breaks); break;
    case Run::Kind::keep:
      out += "<span class=\"nobr\">";
      html_text(out, r.text, soft_breaks);
      out += "</span>";
      break;
    case Run::Kind::strong:
      out += "<strong>";
      html_text(out, r.text, soft_breaks);
      out += "</strong>";
      break;
    case Run::Kind::line_break: out += "<br>\n"; break;
    }
  }
  return out;
}

std::string class_attr(const std::string& css_class)
{
  return css_class.empty() ? std::string() : " class=\"" + html_escape(css_class) + "\"";
}

}  // namespace

std::string md_text(std::string_view s)
{
  std::string out;
  bool line_start = false;
  md_escape(out, s, Where::cell, line_start);
  return out;
}

std::string md_line(std::string_view s)
{
  std::string out;
  bool line_start = true;
  md_escape(out, s, Where::cell, line_start);
  return out;
}

std::string html_escape(std::string_view s)
{
  std::string out;
  html_text(out, s, true);
  return out;
}

// ---- Markdown

void Table::write(std::ostream& out) const
{
  std::string text;
  write(text);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void Table::write(std::string& out) const
{
  // Each cell escaped and measured once (a national report aligns millions).
  struct Cell {
    std::string md;
    size_t width;
  };
  auto cells = [](const std::vector<Inline>& row) {
    std::vector<Cell> md;
    md.reserve(row.size());
    for (const auto& c : row) {
      std::string text = md_inline(c, Where::cell, false);
      size_t w = display_width(text);
      md.push_back({std::move(text), w});
    }
    return md;
  };
  std::vector<Cell> headers = cells(m_headers);
  std::vector<std::vector<Cell>> rows;
  rows.reserve(m_rows.size());
  for (const auto& r : m_rows) rows.push_back(cells(r));
  std::vector<size_t> width(headers.size(), 3);
  for (size_t i = 0; i < headers.size(); ++i) width[i] = std::max(width[i], headers[i].width);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].width);
  }
  auto line = [&](const std::vector<Cell>& row) {
    out += '|';
    for (size_t i = 0; i < row.size(); ++i) {
      size_t pad = row[i].width < width[i] ? width[i] - row[i].width : 0;
      out += ' ';
      if (m_align[i] == Align::right) out.append(pad, ' ');
      out += row[i].md;
      if (m_align[i] != Align::right) out.append(pad, ' ');
      out += " |";
    }
    out += '\n';
  };
  line(headers);
  out += '|';
  for (size_t i = 0; i < width.size(); ++i) {
    out += ' ';
    out.append(width[i], '-');
    out += m_align[i] == Align::right ? ":|" : " |";
  }
  out += '\n';
  for (const auto& row : rows) line(row);
}

namespace {

// Each block's Markdown ends with one newline; blocks are set apart by a blank line.
void md_blocks(std::string& out, const std::vector<Block>& blocks, bool& first)
{
  for (const auto& b : blocks) {
    if (const auto* d = std::get_if<Division>(&b.value)) {
      md_blocks(out, d->blocks, first);
      continue;
    }
    if (std::holds_alternative<TrustedHtml>(b.value) || std::holds_alternative<Image>(b.value)) continue;  // HTML only
    if (const auto* p = std::get_if<Paragraph>(&b.value); p && p->text.empty()) continue;
    if (!first) out += '\n';
    first = false;
    std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Heading>) {
          out += std::string(std::clamp(x.level, 1, 6), '#') + " " + md_inline(x.text, Where::heading, false) + "\n";
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          out += md_inline(x.text, Where::paragraph, true) + "\n";
        } else if constexpr (std::is_same_v<T, Table>) {
          x.write(out);
        } else if constexpr (std::is_same_v<T, BulletList>) {
          for (const auto& item : x.items) out += "- " + md_inline(item, Where::cell, true) + "\n";
        } else if constexpr (std::is_same_v<T, PageBreak>) {
          out += "---\n";
        }
      },
      b.value);
  }
}

void html_blocks(std::string& out, const std::vector<Block>& blocks)
{
  for (const auto& b : blocks) {
    std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Heading>) {
          int level = std::clamp(x.level, 1, 6);
          out += fmt::format("<h{}{}>{}</h{}>\n", level, class_attr(x.css_class), html_inline(x.text, false), level);
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          if (!x.text.empty()) out += "<p" + class_attr(x.css_class) + ">" + html_inline(x.text) + "</p>\n";
        } else if constexpr (std::is_same_v<T, Table>) {
          auto cell = [&](const char* tag, size_t k, const Inline& text) {
            bool right = k < x.align().size() && x.align()[k] == Align::right;
            out += fmt::format("<{}{}>{}</{}>", tag, right ? " class=\"r\"" : "", html_inline(text, false), tag);
          };
          out += "<table" + class_attr(x.css_class) + ">\n<thead><tr>";
          for (size_t k = 0; k < x.headers().size(); ++k) cell("th", k, x.headers()[k]);
          out += "</tr></thead>\n<tbody>\n";
          for (const auto& row : x.rows()) {
            out += "<tr>";
            for (size_t k = 0; k < row.size(); ++k) cell("td", k, row[k]);
            out += "</tr>\n";
          }
          out += "</tbody>\n</table>\n";
        } else if constexpr (std::is_same_v<T, BulletList>) {
          out += "<ul" + class_attr(x.css_class) + ">\n";
          for (const auto& item : x.items) out += "<li>" + html_inline(item, false) + "</li>\n";
          out += "</ul>\n";
        } else if constexpr (std::is_same_v<T, PageBreak>) {
          out += "<hr>\n";
        } else if constexpr (std::is_same_v<T, TrustedHtml>) {
          out += x.html() + "\n";
        } else if constexpr (std::is_same_v<T, Image>) {
          out += "<img" + class_attr(x.css_class) + " src=\"" + html_escape(x.src) + "\" alt=\"" + html_escape(x.alt)
                 + "\">\n";
        } else if constexpr (std::is_same_v<T, Division>) {
          out += "<div" + class_attr(x.css_class) + ">\n";
          html_blocks(out, x.blocks);
          out += "</div>\n";
        }
      },
      b.value);
  }
}

void thai_digits(std::vector<Block>& blocks)
{
  auto inl = [](Inline& in) {
    for (auto& r : in.runs()) r.text = to_thai_digits(r.text);
  };
  for (auto& b : blocks) {
    std::visit(
      [&](auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
          inl(x.text);
        } else if constexpr (std::is_same_v<T, Table>) {
          x.for_each_cell(inl);
        } else if constexpr (std::is_same_v<T, BulletList>) {
          for (auto& item : x.items) inl(item);
        } else if constexpr (std::is_same_v<T, Division>) {
          thai_digits(x.blocks);
        }
      },
      b.value);
  }
}

}  // namespace

std::string to_markdown(const Doc& doc)
{
  std::string out;
  bool first = true;
  md_blocks(out, doc.blocks(), first);
  return out;
}

std::string to_html(const Doc& doc)
{
  std::string out;
  html_blocks(out, doc.blocks());
  return out;
}

void to_thai_digits(Doc& doc)
{
  thai_digits(doc.blocks());
}

// ---- SVG

void SvgWriter::start_tag(std::string_view tag, Attributes attrs)
{
  m_out += '<';
  m_out += tag;
  for (const auto& [name, value] : attrs) {
    m_out += ' ';
    m_out += name;
    m_out += "=\"" + html_escape(value) + "\"";
  }
}

SvgWriter& SvgWriter::open(std::string_view tag, Attributes attrs)
{
  start_tag(tag, attrs);
  m_out += '>';
  m_open.emplace_back(tag);
  return *this;
}

SvgWriter& SvgWriter::leaf(std::string_view tag, Attributes attrs)
{
  start_tag(tag, attrs);
  m_out += "/>";
  return *this;
}

SvgWriter& SvgWriter::text_element(std::string_view tag, Attributes attrs, std::string_view text)
{
  start_tag(tag, attrs);
  m_out += '>';
  html_text(m_out, text, false);
  m_out += "</" + std::string(tag) + ">";
  return *this;
}

SvgWriter& SvgWriter::close()
{
  if (!m_open.empty()) {
    m_out += "</" + m_open.back() + ">";
    m_open.pop_back();
  }
  return *this;
}

TrustedHtml SvgWriter::finish()
{
  while (!m_open.empty()) close();
  return TrustedHtml(std::move(m_out));
}

}  // namespace kudrang
