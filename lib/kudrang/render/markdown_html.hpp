#pragma once
// HTML pages from the Markdown kudrang itself writes (headings, paragraphs
// with hard breaks, pipe tables, bullet lists, rules, **bold**): a printable,
// self-contained A4 page with no script and no network access.
#include <string>
#include <string_view>

namespace kudrang {

// The body HTML of kudrang's Markdown subset.
std::string markdown_to_html(std::string_view md);

// A whole page: <!doctype html>, Thai-first fonts, A4 print margins,
// `extra_css` appended, `body_html` inside.
std::string html_page(std::string_view title, std::string_view body_html, std::string_view extra_css = {});

// One line of kudrang's Markdown (escaping and **bold**) as HTML.
std::string markdown_inline_html(std::string_view line);

// Text with & < > " escaped.
std::string html_escape(std::string_view s);

}  // namespace kudrang
