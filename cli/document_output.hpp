#pragma once
// Where a document goes: standard output, or a new file (-o FILE, never
// overwritten), and for --format pdf an A4 PDF through the engine (io/pdf).
#include "context.hpp"

#include <filesystem>
#include <string>

namespace kudrang::cli {

// md or html text: to stdout when `out` is empty, else written to the new file `out`.
void emit_text(const std::string& content, const std::string& out, const Globals& g);

// The HTML page as a PDF at `out` (required). Relative image paths in the
// page are found in `base_dir` (the workspace). A missing engine or Thai
// font, or an existing `out`: IoError (exit 3) saying what to do, no file.
void emit_pdf(const std::string& html, const std::string& out, const std::filesystem::path& base_dir,
              const Globals& g);

}  // namespace kudrang::cli
