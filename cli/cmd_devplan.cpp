// kudrang devplan render [ID]
#include "commands.hpp"
#include "loading.hpp"

#include "document_output.hpp"
#include "xlsx_output.hpp"
#include "kudrang/core/text.hpp"
#include "kudrang/render/html_page.hpp"
#include "kudrang/render/plan_forms.hpp"
#include "kudrang/render/report_workbooks.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <sstream>

namespace kudrang::cli {

void add_devplan_command(CLI::App& app, Globals& g)
{
  auto* devplan = app.add_subcommand("devplan", "The local development plan (แผนพัฒนาท้องถิ่น)");
  devplan->require_subcommand(1);
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("md");
  auto out = std::make_shared<std::string>();
  auto* render = devplan->add_subcommand("render", "The plan in the layout of forms ผ.01 and ผ.02");
  render->add_option("id", *id, "Development plan id (default: the only one)");
  render->add_option("--format", *format, "md, csv, html (printable, A4 landscape), pdf or xlsx (both need -o)")
    ->check(CLI::IsMember({"md", "csv", "html", "pdf", "xlsx"}));
  render->add_option("-o,--output", *out, "Write a new file (never overwritten) instead of standard output");
  render->callback([id, format, out, &g] {
    // The forms read the development plan and kudrang.yaml: errors in other
    // records are one warning line (issue 12, point 7).
    ValidateResult r = load_checked(g, RecordReads::of({"development-plan"}));
    const DevelopmentPlan* found = nullptr;
    const Workspace* found_ws = nullptr;
    size_t count = 0;
    for (const auto& ws : r.tree.workspaces) {
      for (const auto& d : ws.development_plans) {
        ++count;
        if (!found && (id->empty() || d.value.id == *id)) {
          found = &d.value;
          found_ws = &ws;
        }
      }
    }
    if (count == 0) throw UsageError("the workspace holds no development plan (kind: development-plan)");
    if (!found) {
      std::vector<std::string> ids;
      for (const auto& ws : r.tree.workspaces) {
        for (const auto& d : ws.development_plans) ids.push_back(d.value.id);
      }
      throw UsageError(fmt::format("unknown development plan '{}'{}", *id, did_you_mean(*id, ids)));
    }
    if (id->empty() && count > 1) throw UsageError(fmt::format("{} development plans found; name one", count));
    bool thai = thai_for(g, r);
    if (*format == "xlsx") {
      emit_xlsx(devplan_workbook(*found), *out, g);
    } else if (*format == "csv") {
      std::ostringstream csv;
      render_devplan_csv(csv, *found, thai);
      emit_text(csv.str(), *out, g);
    } else if (*format == "md") {
      emit_text(to_markdown(devplan_doc(*found, thai)), *out, g);
    } else {
      std::string page = html_page(found->id, to_html(devplan_doc(*found, thai)), devplan_css);
      if (*format == "pdf") emit_pdf(page, *out, resolve_root(g) / found_ws->display, g);
      else emit_text(page, *out, g);
    }
  });
}

}  // namespace kudrang::cli
