#include "kudrang/records/record_reads.hpp"

#include "kudrang/io/file_tree.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kudrang {

std::string kind_line_of(std::string_view text)
{
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    std::string_view line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    at = end == std::string_view::npos ? text.size() : end + 1;
    if (line.rfind("kind:", 0) != 0) continue;
    line.remove_prefix(5);
    if (auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.front() == ' ' || line.front() == '"' || line.front() == '\'')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '"' || line.back() == '\''))
      line.remove_suffix(1);
    return std::string(line);
  }
  return {};
}

ErrorsByReads partition_errors(const std::vector<Diagnostic>& diagnostics, const RecordReads& reads,
                               const std::filesystem::path& root)
{
  ErrorsByReads out;
  std::map<std::string, bool> read_file_verdict;  // display path -> read by the command
  auto is_read = [&](const std::string& file) {
    if (reads.everything || file.empty()) return true;
    auto it = read_file_verdict.find(file);
    if (it != read_file_verdict.end()) return it->second;
    bool verdict = true;
    std::filesystem::path p(file);
    if (std::find(reads.files.begin(), reads.files.end(), file) == reads.files.end()
        && p.filename() != workspace_file_name) {
      std::string error;
      std::error_code ec;
      // A folder, a file gone or unreadable, a name with odd bytes: counted as read.
      if (std::filesystem::is_regular_file(root / p, ec)) {
        if (auto text = read_file(root / p, error, 1 << 20)) {
          std::string kind = kind_line_of(*text);
          if (!kind.empty() && kind != "workspace") {
            verdict = std::find(reads.kinds.begin(), reads.kinds.end(), kind) != reads.kinds.end();
          }
        }
      }
    }
    read_file_verdict.emplace(file, verdict);
    return verdict;
  };
  std::set<std::string> other_files;
  for (const auto& d : diagnostics) {
    if (d.severity != Severity::error) continue;
    if (is_read(d.file)) {
      out.read.push_back(d);
    } else {
      ++out.other;
      other_files.insert(d.file);
    }
  }
  out.other_files = other_files.size();
  return out;
}

}  // namespace kudrang
