// kudrang schema [KIND]
#include "commands.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/records/workspace.hpp"
#include "kudrang/render/diagnostics_render.hpp"
#include "kudrang/schema/schema.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

void add_schema_command(CLI::App& app, Globals& g)
{
  auto kind = std::make_shared<std::string>();
  auto check = std::make_shared<std::vector<std::string>>();
  auto* sub = app.add_subcommand("schema", "Print the JSON Schema a record kind is validated against");
  sub->add_option("kind", *kind, "Record kind (without it: the list of kinds)");
  sub->add_option("--check", *check,
                  "Check only the structure of these files against their kind's schema; print "
                  "'FILE<TAB>valid|invalid' and the diagnostics")
    ->excludes(sub->get_option("kind"));
  sub->callback([kind, check, &g] {
    if (!check->empty()) {
      bool all_valid = true;
      for (const auto& path : *check) {
        std::string error;
        auto text = read_file(path, error, LoadLimits{}.max_bytes);
        if (!text) {
          throw IoError(fmt::format("{}: {}", path, error));
        }
        auto diags = check_structure(*text, path);
        bool valid = std::none_of(diags.begin(), diags.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
        all_valid = all_valid && valid;
        std::cout << path << '\t' << (valid ? "valid" : "invalid") << '\n';
        for (const auto& d : diags) {
          std::cout << "  " << format_diagnostic(d) << '\n';
        }
      }
      g.exit_code = all_valid ? exit_ok : exit_failed;
      return;
    }
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
}

}  // namespace kudrang::cli
