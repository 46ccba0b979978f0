#pragma once
// A4 PDF from a kudrang HTML page through WeasyPrint (Debian: weasyprint):
// CSS paged media (@page margin boxes, counter(page)), Thai laid out by Pango,
// whose line breaking uses libthai, and the fonts embedded in the file.
//
// The page goes to a private temporary folder, the engine runs without a
// shell and writes a temporary ".NAME.PID.tmp" beside the target, which then
// gets its final name by a rename that never replaces a file: the target holds
// the whole PDF or nothing.
#include <filesystem>
#include <string>
#include <string_view>

namespace kudrang {

enum class PdfResult { written, exists, no_engine, no_font, failed };

struct PdfOptions {
  std::string engine = "weasyprint";       // looked up in PATH
  std::filesystem::path base_dir;          // where relative image paths (the emblem) are found
};

// What `fc-list :lang=th` offers for official documents: "TH Sarabun New",
// "TH SarabunPSK", "Sarabun" or "Laksaman" (the first found), or "" when none.
std::string official_thai_font();

// Writes `html` as a PDF at `target`. On anything but `written`, `error`
// says why and what to install, and `target` was not created.
PdfResult write_pdf(std::string_view html, const std::filesystem::path& target, std::string& error,
                    const PdfOptions& options = {});

}  // namespace kudrang
