#pragma once
// A document as structure, not text. Every document kudrang prints (minutes,
// invitation, project sheet, summary, development plan forms ...) is built as
// a Doc of blocks holding runs of text, then written by one of two renderers:
//
//   to_markdown(doc)  every text run escaped for Markdown (pandoc, GFM): no
//                     record value can start a heading, list, table, quote,
//                     raw HTML, link or emphasis;
//   to_html(doc)      every text run HTML-escaped; the elements come from the
//                     model, never from parsing text.
//
// Record text only ever enters as a text run. The one way to put markup in a
// document is TrustedHtml, which only SvgWriter makes (kudrang's own charts,
// their labels escaped as text), and which Markdown leaves out.
#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kudrang {

struct Run {
  // keep: text never broken across lines (a name, a position, a date): in
  // HTML a <span class="nobr">, in Markdown plain text.
  enum class Kind { text, strong, line_break, keep };
  Kind kind = Kind::text;
  std::string text;
};

// A run of inline content: text, strong text and hard line breaks.
class Inline {
public:
  Inline() = default;
  Inline(const std::string& text) { this->text(text); }  // NOLINT: plain text converts implicitly
  Inline(std::string_view text) { this->text(text); }    // NOLINT
  Inline(const char* text) { this->text(text); }         // NOLINT

  // Text as it is (a line break in it is a soft one: a space in print).
  Inline& text(std::string_view s);
  // Text whose line breaks are kept as hard breaks; trailing blank lines dropped.
  Inline& lines(std::string_view s);
  Inline& strong(std::string_view s);
  // Text kept on one line: names, positions, dates, proper nouns, which a
  // line breaker (libthai's dictionary knows no names) must not split.
  Inline& keep(std::string_view s);
  Inline& br();
  Inline& append(const Inline& other);

  const std::vector<Run>& runs() const { return m_runs; }
  std::vector<Run>& runs() { return m_runs; }
  bool empty() const { return m_runs.empty(); }

private:
  std::vector<Run> m_runs;
};

Inline strong(std::string_view s);
Inline keep(std::string_view s);
// Text whose place names are kept runs: from an administrative prefix
// (ตำบล, อำเภอ, จังหวัด, บ้าน at a word's start) to the next space, since a
// dictionary line breaker knows no place names ("ตำบลโคก/สี"); the rest is
// plain text, broken between words.
Inline place_names(std::string_view s);

enum class Align { left, right };

// A table; in Markdown a pipe table whose columns line up in a terminal
// (padded by display width, so Thai vowel and tone marks take no column).
class Table {
public:
  using Align = ::kudrang::Align;
  explicit Table(std::vector<Inline> headers, std::vector<Align> align = {});
  void add_row(std::vector<Inline> cells);
  // The Markdown pipe table.
  void write(std::ostream& out) const;
  void write(std::string& out) const;  // the same Markdown, appended
  bool empty() const { return m_rows.empty(); }
  void for_each_cell(const std::function<void(Inline&)>& f);

  const std::vector<Inline>& headers() const { return m_headers; }
  const std::vector<Align>& align() const { return m_align; }
  const std::vector<std::vector<Inline>>& rows() const { return m_rows; }
  std::string css_class;

private:
  std::vector<Inline> m_headers;
  std::vector<Align> m_align;
  std::vector<std::vector<Inline>> m_rows;
};

struct Heading {
  int level = 1;
  Inline text;
  std::string css_class;
};

struct Paragraph {
  Inline text;
  std::string css_class;
};

struct BulletList {
  std::vector<Inline> items;
  std::string css_class;
};

// A new page (--- in Markdown, <hr> in HTML).
struct PageBreak {};

// Markup made by kudrang itself, for HTML only. Only SvgWriter makes one.
class TrustedHtml {
public:
  const std::string& html() const { return m_html; }

private:
  friend class SvgWriter;
  explicit TrustedHtml(std::string html) : m_html(std::move(html)) {}
  std::string m_html;
};

// An image from a path the workspace configures (the emblem of a letter):
// an <img> in HTML, its path an escaped attribute; left out of Markdown.
struct Image {
  std::string src;
  std::string alt;
  std::string css_class;
};

struct Block;

// A group of blocks (a <div class="..."> in HTML, just its blocks in Markdown).
struct Division {
  std::string css_class;
  std::vector<Block> blocks;
};

struct Block {
  std::variant<Heading, Paragraph, Table, BulletList, PageBreak, TrustedHtml, Division, Image> value;
};

class Doc {
public:
  Heading& heading(int level, Inline text);
  Paragraph& paragraph(Inline text);
  Table& table(Table t);
  BulletList& list(std::vector<Inline> items);
  void page_break();
  void html(TrustedHtml h);
  void division(std::string css_class, Doc body);
  void image(Image i);
  void append(Doc other);

  const std::vector<Block>& blocks() const { return m_blocks; }
  std::vector<Block>& blocks() { return m_blocks; }

private:
  std::vector<Block> m_blocks;
};

// Writes SVG, escaping every text and attribute value; the result is trusted.
class SvgWriter {
public:
  using Attributes = std::initializer_list<std::pair<std::string_view, std::string>>;
  // <tag a="v" ...>
  SvgWriter& open(std::string_view tag, Attributes attrs);
  // <tag a="v" .../>
  SvgWriter& leaf(std::string_view tag, Attributes attrs);
  // <tag ...>text</tag>
  SvgWriter& text_element(std::string_view tag, Attributes attrs, std::string_view text);
  SvgWriter& close();
  TrustedHtml finish();

private:
  void start_tag(std::string_view tag, Attributes attrs);
  std::string m_out;
  std::vector<std::string> m_open;
};

std::string to_markdown(const Doc& doc);
// The body HTML (put it in html_page).
std::string to_html(const Doc& doc);
// Every ASCII digit of every text run as a Thai digit.
void to_thai_digits(Doc& doc);

// Escapers, for the renderers that still stream Markdown.
// Text inside a line: emphasis, links, raw HTML, entities and pipes escaped,
// line breaks become spaces, control characters are written as \x1b.
std::string md_text(std::string_view s);
// Text that starts a line (a paragraph or list item): md_text, and nothing
// at the start of a line can make a heading, list, quote or rule.
std::string md_line(std::string_view s);
// Text with & < > " escaped, control characters written as \x1b.
std::string html_escape(std::string_view s);

}  // namespace kudrang
