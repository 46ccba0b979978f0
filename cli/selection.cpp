#include "selection.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace kudrang::cli {

Selection::Selection(const std::vector<std::string>& args, const fs::path& root, const char* what,
                     const std::function<bool(const std::string&)>& id_exists)
{
  std::error_code ec;
  fs::path abs_root = fs::weakly_canonical(fs::absolute(root, ec), ec);
  for (const auto& a : args) {
    if (fs::exists(a, ec)) {
      fs::path rel = fs::weakly_canonical(fs::absolute(a, ec), ec).lexically_relative(abs_root);
      std::string r = rel.generic_string();
      if (rel.empty() || r.rfind("..", 0) == 0) {
        throw UsageError(fmt::format("'{}' is outside the workspace", a));
      }
      m_prefixes.push_back(r == "." ? std::string() : r);
    } else if (id_exists(a)) {
      m_ids.push_back(a);
    } else {
      throw UsageError(fmt::format("unknown {} '{}' (neither an id nor an existing path)", what, a));
    }
  }
}

bool Selection::matches(const std::string& id, const std::string& file) const
{
  if (all()) return true;
  if (std::find(m_ids.begin(), m_ids.end(), id) != m_ids.end()) return true;
  return std::any_of(m_prefixes.begin(), m_prefixes.end(), [&](const std::string& p) {
    return p.empty() || file == p || (file.size() > p.size() && file.rfind(p, 0) == 0 && file[p.size()] == '/');
  });
}

}  // namespace kudrang::cli
