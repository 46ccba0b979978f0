#include "kudrang/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace kudrang {

void Diagnostics::error(Mark mark, std::string code, std::string message)
{
  m_list.push_back({m_file, mark, Severity::error, std::move(code), std::move(message)});
}

void Diagnostics::warning(Mark mark, std::string code, std::string message)
{
  m_list.push_back({m_file, mark, Severity::warning, std::move(code), std::move(message)});
}

void Diagnostics::append(const std::vector<Diagnostic>& other)
{
  m_list.insert(m_list.end(), other.begin(), other.end());
}

bool Diagnostics::has_errors() const
{
  return std::any_of(m_list.begin(), m_list.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

const char* severity_name(Severity s)
{
  return s == Severity::error ? "error" : "warning";
}

void sort_diagnostics(std::vector<Diagnostic>& list)
{
  std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.mark.line, a.mark.column, a.code)
           < std::tie(b.file, b.mark.line, b.mark.column, b.code);
  });
}

}  // namespace kudrang
