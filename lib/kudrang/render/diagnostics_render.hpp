#pragma once
// Printing diagnostics for people (compiler style), GitHub Actions and machines.
#include "kudrang/core/diagnostic.hpp"

#include <ostream>
#include <vector>

namespace kudrang {

struct DiagnosticSummary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t unreadable = 0;  // files whose error kept them from being read at all
};

DiagnosticSummary summarize(const std::vector<Diagnostic>& list, size_t files);

// `path:line:col: error: message [code]`, then "2 errors, 1 warning in 143 files".
void render_diagnostics_text(std::ostream& out, const std::vector<Diagnostic>& list, size_t files,
                             bool color = false);
// `::error file=…,line=…,col=…,title=code::message`, then the summary line.
void render_diagnostics_github(std::ostream& out, const std::vector<Diagnostic>& list, size_t files);
// {"files", "errors", "warnings", "diagnostics": [...]} (spec/cli.md).
void render_diagnostics_json(std::ostream& out, const std::vector<Diagnostic>& list, size_t files);

std::string format_diagnostic(const Diagnostic& d, bool color = false);
std::string summary_line(const DiagnosticSummary& s);

}  // namespace kudrang
