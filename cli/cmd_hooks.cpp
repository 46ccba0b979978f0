// kudrang hooks install [--force]
#include "commands.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/hooks.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

void run_install(bool force, Globals& g)
{
  std::error_code ec;
  fs::path dir = g.workspace.empty() ? fs::current_path(ec) : fs::path(g.workspace);
  fs::path where;
  std::string error;
  switch (install_pre_commit_hook(dir, own_executable_path(), force, where, error)) {
  case HookInstall::installed:
    if (!g.quiet) std::cout << fmt::format("installed the pre-commit hook {}\n", where.string());
    return;
  case HookInstall::updated:
    if (!g.quiet) std::cout << fmt::format("updated the pre-commit hook {}\n", where.string());
    return;
  case HookInstall::unchanged:
    if (!g.quiet) std::cout << fmt::format("the pre-commit hook {} is already installed\n", where.string());
    return;
  case HookInstall::foreign:
    std::cerr << fmt::format("kudrang: error: {} is another tool's hook; kudrang left it alone. Run it from "
                             "that hook, or replace it with 'kudrang hooks install --force'\n",
                             where.string());
    g.exit_code = exit_failed;
    return;
  case HookInstall::failed: throw IoError(error);
  }
}

}  // namespace

void add_hooks_command(CLI::App& app, Globals& g)
{
  auto* hooks = app.add_subcommand("hooks", "Git hooks: check records before every commit");
  hooks->require_subcommand(1);
  auto force = std::make_shared<bool>(false);
  auto* install = hooks->add_subcommand("install", "Install the pre-commit hook that checks the staged records");
  install->add_flag("--force", *force, "Replace another tool's pre-commit hook");
  install->callback([force, &g] { run_install(*force, g); });
}

}  // namespace kudrang::cli
