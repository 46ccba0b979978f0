#include "kudrang/schema/schema.hpp"

#include "kudrang/io/yaml_loader.hpp"

#include <fmt/format.h>

#include <map>
#include <mutex>

namespace kudrang {

// Defined in the file CMake generates from schemas/*.schema.json.
extern const EmbeddedSchema g_embedded_schemas[];
extern const size_t g_embedded_schema_count;

const std::vector<EmbeddedSchema>& embedded_schemas()
{
  static const std::vector<EmbeddedSchema> list(g_embedded_schemas,
                                                g_embedded_schemas + g_embedded_schema_count);
  return list;
}

std::vector<std::string_view> record_kinds()
{
  std::vector<std::string_view> kinds;
  for (const auto& e : embedded_schemas()) {
    kinds.push_back(e.kind);
  }
  return kinds;
}

namespace {

std::map<std::string, std::unique_ptr<Schema>, std::less<>> compile_all()
{
  std::map<std::string, std::unique_ptr<Schema>, std::less<>> out;
  for (const auto& e : embedded_schemas()) {
    Diagnostics diags(fmt::format("schemas/{}.schema.json", e.kind));
    LoadLimits limits;
    limits.max_depth = 32;
    auto doc = load_yaml(e.text, diags, limits);
    if (!doc || diags.has_errors()) {
      throw SchemaError(fmt::format("the built-in schema for '{}' does not parse", e.kind));
    }
    out.emplace(std::string(e.kind), Schema::compile(*doc, std::string(e.kind)));
  }
  return out;
}

}  // namespace

const Schema* schema_for_kind(std::string_view kind)
{
  static const auto schemas = compile_all();  // thread-safe initialisation
  auto it = schemas.find(kind);
  return it == schemas.end() ? nullptr : it->second.get();
}

}  // namespace kudrang
