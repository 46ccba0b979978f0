#include "document_output.hpp"

#include "kudrang/io/pdf.hpp"
#include "kudrang/io/safe_write.hpp"

#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

void emit_text(const std::string& content, const std::string& out, const Globals& g)
{
  if (out.empty() || out == "-") {
    std::cout << content;
    return;
  }
  std::string error;
  switch (write_new_file(out, content, error)) {
  case WriteResult::written:
    // One piece: stderr is translated line by line, and "wrote " alone is no line.
    if (!g.quiet) std::cerr << fmt::format("wrote {}\n", out);
    return;
  case WriteResult::exists: throw IoError(fmt::format("{} exists; kudrang does not overwrite files", out));
  case WriteResult::failed: throw IoError(error);
  }
}

void emit_pdf(const std::string& html, const std::string& out, const std::filesystem::path& base_dir, const Globals& g)
{
  if (out.empty() || out == "-") throw UsageError("--format pdf writes a file: give it with -o FILE.pdf");
  std::string error;
  PdfOptions options;
  options.base_dir = base_dir;
  if (write_pdf(html, out, error, options) != PdfResult::written) throw IoError(error);
  if (!g.quiet) std::cerr << fmt::format("wrote {}\n", out);
}

}  // namespace kudrang::cli
