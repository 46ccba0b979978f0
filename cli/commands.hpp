#pragma once
// The command table: each command file adds its subcommands to the app.
#include "context.hpp"

namespace CLI {
class App;
}

namespace kudrang::cli {

void add_validate_command(CLI::App& app, Globals& g);
void add_schema_command(CLI::App& app, Globals& g);
void add_plan_command(CLI::App& app, Globals& g);
void add_budget_command(CLI::App& app, Globals& g);
void add_meeting_command(CLI::App& app, Globals& g);
void add_project_command(CLI::App& app, Globals& g);
void add_init_command(CLI::App& app, Globals& g);
void add_report_command(CLI::App& app, Globals& g);
void add_devplan_command(CLI::App& app, Globals& g);
void add_hooks_command(CLI::App& app, Globals& g);
void add_gather_command(CLI::App& app, Globals& g);
void add_export_command(CLI::App& app, Globals& g);
void add_roster_command(CLI::App& app, Globals& g);
// meeting held | cancel | move (cmd_meeting_edit.cpp), under `meeting`.
void add_meeting_edit_commands(CLI::App& meeting, Globals& g);
// plan template | import (cmd_plan_sheets.cpp), under `plan`.
void add_plan_sheet_commands(CLI::App& plan, Globals& g);
// plan integrate | book (cmd_integrate.cpp), under `plan`.
void add_integrated_plan_commands(CLI::App& plan, Globals& g);
// `kudrang [GLOBAL...] __complete [--] WORD...` (hidden): prints the shell
// completion candidates for the last word; argv[first] is the first WORD.
void run_complete(CLI::App& app, int argc, char** argv, int first, const Globals& g);

struct CommandEntry {
  const char* name;
  void (*add)(CLI::App&, Globals&);
};

inline constexpr CommandEntry command_table[] = {
  {"init", add_init_command},
  {"validate", add_validate_command},
  {"schema", add_schema_command},
  {"plan", add_plan_command},
  {"budget", add_budget_command},
  {"meeting", add_meeting_command},
  {"roster", add_roster_command},
  {"project", add_project_command},
  {"devplan", add_devplan_command},
  {"report", add_report_command},
  {"export", add_export_command},
  {"hooks", add_hooks_command},
  {"gather", add_gather_command},
};

int run(int argc, char** argv);

}  // namespace kudrang::cli
