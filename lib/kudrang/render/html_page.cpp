#include "kudrang/render/html_page.hpp"

#include "kudrang/render/doc.hpp"

#include <sstream>

namespace kudrang {

std::string html_page(std::string_view title, std::string_view body_html, std::string_view extra_css)
{
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << "@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }\n"
      << "body { font-family: 'TH Sarabun New', 'Sarabun', 'Laksaman', 'Garuda', 'Noto Sans Thai', sans-serif;"
         " font-size: 16pt; line-height: 1.35; max-width: 17cm; margin: 1em auto; color: #111; }\n"
      << "h1 { font-size: 20pt; text-align: center; margin: 0 0 .3em; }\n"
      << "h2 { font-size: 17pt; margin: .8em 0 .3em; }\n"
      << "h3 { font-size: 16pt; margin: .6em 0 .2em; }\n"
      << "table { border-collapse: collapse; width: 100%; font-size: 14pt; margin: .3em 0; page-break-inside: auto; }\n"
      << "tr { page-break-inside: avoid; }\n"
      << "th, td { border: 1px solid #888; padding: 1px 6px; vertical-align: top; text-align: left; }\n"
      << "th { background: #eee; } .r { text-align: right; }\n"
      << "hr { border: 0; page-break-after: always; }\n"
      << "@media print { body { margin: 0; max-width: none; } }\n"
      << extra_css << "\n</style>\n</head>\n<body>\n"
      << body_html << "</body>\n</html>\n";
  return out.str();
}

}  // namespace kudrang
