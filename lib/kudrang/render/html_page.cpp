#include "kudrang/render/html_page.hpp"

#include "kudrang/render/doc.hpp"

#include <sstream>

namespace kudrang {

// Print CSS (CSS paged media, as WeasyPrint and browsers read it): A4 with the
// margins of official letters, TH Sarabun New 16 pt (Laksaman, metric-
// compatible, stands in), the page number "- ๒ -" centred at the top from
// page 2, nothing else in the margins (no URL, no date), lines kept together
// at page breaks, and kept runs (names, positions, dates) never broken.
const char* const print_css =
  "@page { size: A4; margin: 2.5cm 2cm 2cm 3cm;\n"
  "  @top-center { content: \"- \" counter(page, thai) \" -\"; vertical-align: bottom; padding-bottom: .4cm;\n"
  "    font-family: 'TH Sarabun New', 'TH SarabunPSK', 'Sarabun', 'Laksaman', serif; font-size: 16pt; } }\n"
  "@page :first { @top-center { content: none; } }\n"
  "html { font-family: 'TH Sarabun New', 'TH SarabunPSK', 'Sarabun', 'Laksaman', 'Garuda', 'Noto Sans Thai', sans-serif;"
  " font-size: 16pt; line-height: 1.35; color: #111; }\n"
  "body { max-width: 17cm; margin: 1em auto; }\n"
  "h1 { font-size: 20pt; text-align: center; margin: 0 0 .3em; }\n"
  "h2 { font-size: 17pt; margin: .8em 0 .3em; }\n"
  "h3 { font-size: 16pt; margin: .6em 0 .2em; }\n"
  "h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
  "p, li, td, th { orphans: 2; widows: 2; }\n"
  ".nobr { white-space: nowrap; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: 14pt; margin: .3em 0; page-break-inside: auto; }\n"
  "thead { display: table-header-group; }\n"
  "tr { page-break-inside: avoid; break-inside: avoid; }\n"
  "th, td { border: 1px solid #888; padding: 1px 6px; vertical-align: top; text-align: left; }\n"
  "th { background: #eee; } .r { text-align: right; }\n"
  "hr { border: 0; margin: 0; page-break-after: always; break-after: page; }\n"
  ".signature { break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid;\n"
  "  margin: 1.2em 0 0 45%; text-align: center; }\n"
  // Kept with what they belong to: a paragraph that introduces the table under
  // it (.keep-next), a total line under its table's last rows (.total), a
  // signature under the text it signs, a short table whole on one page (.whole).
  ".keep-next { break-after: avoid; page-break-after: avoid; }\n"
  ".total { break-before: avoid; page-break-before: avoid; margin-top: .2em; }\n"
  "table.whole { break-inside: avoid; page-break-inside: avoid; }\n"
  "@media print { body { margin: 0; max-width: none; } }\n";

std::string html_page(std::string_view title, std::string_view body_html, std::string_view extra_css)
{
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << print_css << "\n"
      << extra_css << "\n</style>\n</head>\n<body>\n"
      << body_html << "</body>\n</html>\n";
  return out.str();
}

}  // namespace kudrang
