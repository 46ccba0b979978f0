#pragma once
// A problem found in a record file, in the form compilers print:
// `path:line:col: severity: message [code]`.
#include <string>
#include <vector>

namespace kudrang {

// A 1-based position in a file; line 0 means "the whole file". Columns count
// Unicode code points, so a Thai letter is one column whatever its byte length.
struct Mark {
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;  // path relative to the directory the run started from
  Mark mark;
  Severity severity = Severity::error;
  std::string code;  // stable code, e.g. "ref-unknown"
  std::string message;
};

// Collects diagnostics for one file; cheap to pass around by reference.
class Diagnostics {
public:
  explicit Diagnostics(std::string file = {}) : m_file(std::move(file)) {}

  void error(Mark mark, std::string code, std::string message);
  void warning(Mark mark, std::string code, std::string message);
  void add(Diagnostic d) { m_list.push_back(std::move(d)); }
  void append(const std::vector<Diagnostic>& other);

  const std::string& file() const { return m_file; }
  const std::vector<Diagnostic>& list() const { return m_list; }
  std::vector<Diagnostic>& list() { return m_list; }
  bool has_errors() const;

private:
  std::string m_file;
  std::vector<Diagnostic> m_list;
};

const char* severity_name(Severity s);

// Orders diagnostics by file, line, column, then code, for stable output.
void sort_diagnostics(std::vector<Diagnostic>& list);

}  // namespace kudrang
