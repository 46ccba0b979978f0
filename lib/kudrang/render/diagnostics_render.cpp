#include "kudrang/render/diagnostics_render.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/io/messages.hpp"
#include "kudrang/render/json_writer.hpp"

#include <fmt/format.h>

#include <set>
#include <string_view>

namespace kudrang {

namespace {

// The codes of a file that could not be read at all (no record came out of it).
bool file_unreadable(std::string_view code)
{
  for (std::string_view c : {"io-read", "file-too-large", "file-empty", "encoding-utf8", "encoding-utf16",
                             "yaml-syntax", "yaml-tab", "yaml-too-deep", "yaml-too-many-nodes", "yaml-not-mapping"}) {
    if (code == c) return true;
  }
  return false;
}

}  // namespace

DiagnosticSummary summarize(const std::vector<Diagnostic>& list, size_t files)
{
  DiagnosticSummary s;
  s.files = files;
  std::set<std::string_view> unreadable;
  for (const auto& d : list) {
    (d.severity == Severity::error ? s.errors : s.warnings) += 1;
    if (d.severity == Severity::error && file_unreadable(d.code)) unreadable.insert(d.file);
  }
  s.unreadable = unreadable.size();
  return s;
}

std::string format_diagnostic(const Diagnostic& d, bool color)
{
  // Record text and file names may hold control characters (an ESC from a
  // "\e" escape, a CR): shown escaped, they can neither drive the terminal
  // nor start a forged line.
  std::string where = escape_controls(d.file);
  const std::string message = escape_controls(translate(d.message));
  if (d.mark.line > 0) {
    where += fmt::format(":{}:{}", d.mark.line, d.mark.column);
  }
  const char* sev = severity_name(d.severity);
  if (color) {
    const char* c = d.severity == Severity::error ? "\x1b[1;31m" : "\x1b[1;35m";
    return fmt::format("\x1b[1m{}:\x1b[0m {}{}:\x1b[0m {} [{}]", where, c, sev, message, d.code);
  }
  return fmt::format("{}: {}: {} [{}]", where, sev, message, d.code);
}

std::string summary_line(const DiagnosticSummary& s)
{
  std::string line = translate(fmt::format("{} error{}, {} warning{} in {} file{}", s.errors,
                                           s.errors == 1 ? "" : "s", s.warnings, s.warnings == 1 ? "" : "s",
                                           s.files, s.files == 1 ? "" : "s"));
  if (s.unreadable > 0) line += translate(fmt::format(" ({} could not be read)", s.unreadable));
  return line;
}

void render_diagnostics_text(std::ostream& out, const std::vector<Diagnostic>& list, size_t files, bool color)
{
  for (const auto& d : list) {
    out << format_diagnostic(d, color) << '\n';
  }
  out << summary_line(summarize(list, files)) << '\n';
}

namespace {

// GitHub workflow-command escaping.
std::string gh_escape(std::string_view raw, bool property)
{
  // Control characters other than CR and LF (which GitHub's own escapes
  // carry) are written as \x1b and the like first.
  std::string s;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r' || c == '\n') s += c;
    else {
      size_t next = raw.find_first_of("\r\n", i);
      if (next == std::string_view::npos) next = raw.size();
      s += escape_controls(raw.substr(i, next - i));
      i = next - 1;
    }
  }
  std::string out;
  for (char c : s) {
    switch (c) {
    case '%': out += "%25"; break;
    case '\r': out += "%0D"; break;
    case '\n': out += "%0A"; break;
    case ':': out += property ? "%3A" : ":"; break;
    case ',': out += property ? "%2C" : ","; break;
    default: out += c;
    }
  }
  return out;
}

}  // namespace

void render_diagnostics_github(std::ostream& out, const std::vector<Diagnostic>& list, size_t files)
{
  for (const auto& d : list) {
    out << "::" << severity_name(d.severity) << " file=" << gh_escape(d.file, true);
    if (d.mark.line > 0) {
      out << ",line=" << d.mark.line << ",col=" << d.mark.column;
    }
    out << ",title=" << gh_escape(d.code, true) << "::" << gh_escape(translate(d.message), false) << " [" << d.code
        << "]\n";
  }
  out << summary_line(summarize(list, files)) << '\n';
}

void render_diagnostics_json(std::ostream& out, const std::vector<Diagnostic>& list, size_t files)
{
  auto s = summarize(list, files);
  JsonWriter w(out);
  w.begin_object();
  w.key("files").value(s.files);
  w.key("errors").value(s.errors);
  w.key("warnings").value(s.warnings);
  w.key("diagnostics").begin_array();
  for (const auto& d : list) {
    w.begin_object();
    w.key("file").value(d.file);
    w.key("line").value(d.mark.line);
    w.key("column").value(d.mark.column);
    w.key("severity").value(severity_name(d.severity));
    w.key("code").value(d.code);
    w.key("message").value(translate(d.message));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.finish();
}

}  // namespace kudrang
