// kudrang schema [KIND]
#include "commands.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/schema/schema.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

void add_schema_command(CLI::App& app, Globals& g)
{
  auto kind = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("schema", "Print the JSON Schema a record kind is validated against");
  sub->add_option("kind", *kind, "Record kind (without it: the list of kinds)");
  sub->callback([kind, &g] {
    if (kind->empty()) {
      for (const auto& e : embedded_schemas()) {
        std::cout << e.kind << '\n';
      }
      return;
    }
    for (const auto& e : embedded_schemas()) {
      if (e.kind == *kind) {
        std::cout << e.text;
        if (!e.text.empty() && e.text.back() != '\n') std::cout << '\n';
        return;
      }
    }
    throw UsageError(fmt::format("unknown record kind '{}' (known: {})", *kind, fmt::join(record_kinds(), ", ")));
  });
  (void)g;
}

}  // namespace kudrang::cli
