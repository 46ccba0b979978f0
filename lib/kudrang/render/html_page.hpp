#pragma once
// A printable, self-contained A4 page with no script and no network access,
// around the body HTML of a Doc (to_html).
#include <string>
#include <string_view>

namespace kudrang {

// The print CSS every page carries (A4, fonts, page numbers, keep-together).
extern const char* const print_css;

// A whole page: <!doctype html>, Thai-first fonts, A4 print margins,
// `extra_css` appended, `body_html` inside.
std::string html_page(std::string_view title, std::string_view body_html, std::string_view extra_css = {});

}  // namespace kudrang
