#pragma once
// kudrang's JSON Schema validator: the subset of draft 2020-12 our schemas
// use (ARCHITECTURE.md lists it), run directly on the positioned Node tree so
// every problem has its exact line:col, in file order.
#include "kudrang/core/diagnostic.hpp"
#include "kudrang/core/node.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

// Thrown when a schema uses a keyword the validator does not implement: a
// schema must never be silently half-checked.
class SchemaError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class Schema {
public:
  // Compiles a schema document (already parsed). Throws SchemaError.
  static std::unique_ptr<Schema> compile(const Node& document, std::string name);
  ~Schema();

  // Appends a diagnostic for every way `doc` departs from the schema.
  void validate(const Node& doc, Diagnostics& diags) const;

  const std::string& name() const { return m_name; }

private:
  struct Impl;
  explicit Schema(std::string name);
  std::string m_name;
  std::unique_ptr<Impl> m_impl;
};

// The schemas embedded in the binary at build time, one per record kind.
struct EmbeddedSchema {
  std::string_view kind;
  std::string_view text;  // the JSON source, as in schemas/<kind>.schema.json
};
const std::vector<EmbeddedSchema>& embedded_schemas();

// The compiled schema for `kind`, or nullptr for an unknown kind. Compiled once.
const Schema* schema_for_kind(std::string_view kind);

// The record kinds kudrang knows, in a fixed order.
std::vector<std::string_view> record_kinds();

}  // namespace kudrang
