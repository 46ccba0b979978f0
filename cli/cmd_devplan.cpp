// kudrang devplan render [ID]
#include "commands.hpp"
#include "loading.hpp"

#include "kudrang/render/html_page.hpp"
#include "kudrang/render/plan_forms.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace kudrang::cli {

void add_devplan_command(CLI::App& app, Globals& g)
{
  auto* devplan = app.add_subcommand("devplan", "The local development plan (แผนพัฒนาท้องถิ่น)");
  devplan->require_subcommand(1);
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("md");
  auto* render = devplan->add_subcommand("render", "The plan in the layout of forms ผ.01 and ผ.02");
  render->add_option("id", *id, "Development plan id (default: the only one)");
  render->add_option("--format", *format, "md, csv or html")->check(CLI::IsMember({"md", "csv", "html"}));
  render->callback([id, format, &g] {
    ValidateResult r = load_checked(g);
    const DevelopmentPlan* found = nullptr;
    size_t count = 0;
    for (const auto& ws : r.tree.workspaces) {
      for (const auto& d : ws.development_plans) {
        ++count;
        if (!found && (id->empty() || d.value.id == *id)) found = &d.value;
      }
    }
    if (count == 0) throw UsageError("the workspace holds no development plan (kind: development-plan)");
    if (!found) throw UsageError(fmt::format("unknown development plan '{}'", *id));
    if (id->empty() && count > 1) throw UsageError(fmt::format("{} development plans found; name one", count));
    bool thai = thai_for(g, r);
    if (*format == "csv") {
      render_devplan_csv(std::cout, *found);
    } else if (*format == "html") {
      std::cout << html_page(found->id, to_html(devplan_doc(*found, thai)),
                             "@page{size:A4 landscape} body{max-width:27cm;font-size:12pt} table{font-size:10pt}");
    } else {
      std::cout << to_markdown(devplan_doc(*found, thai));
    }
  });
}

}  // namespace kudrang::cli
