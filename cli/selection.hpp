#pragma once
// Choosing records by id or by path, as `plan grade m01-2563 plans/2563/` does.
#include "context.hpp"

#include "kudrang/records/workspace.hpp"

#include <functional>

namespace kudrang::cli {

// Each argument is an existing file/folder (records under it) or an id.
// `id_exists` says whether an id names a record; an argument that is neither
// is a usage error naming `what` ("plan").
class Selection {
public:
  Selection(const std::vector<std::string>& args, const std::filesystem::path& root, const char* what,
            const std::function<bool(const std::string&)>& id_exists);
  bool all() const { return m_prefixes.empty() && m_ids.empty(); }
  bool matches(const std::string& id, const std::string& file) const;

private:
  std::vector<std::string> m_prefixes;
  std::vector<std::string> m_ids;
};

}  // namespace kudrang::cli
