// kudrang init [DIR] [--area CODE] [--villages N]
#include "commands.hpp"

#include "kudrang/core/areas.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/render/new_records.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct InitOptions {
  std::string dir = ".";
  std::string area;
  int villages = 1;
  std::string type = "sao";
};

bool inside_git_repository(const fs::path& dir)
{
  std::string cmd = fmt::format("git -C '{}' rev-parse --is-inside-work-tree >/dev/null 2>&1", dir.string());
  return std::system(cmd.c_str()) == 0;
}

void run_init(const InitOptions& o, bool quiet)
{
  fs::path dir(o.dir);
  if (o.dir.find('\'') != std::string::npos) throw UsageError("the directory name may not contain a quote");
  NewWorkspace w;
  w.villages = o.villages;
  w.org_type = o.type;
  if (!o.area.empty()) {
    auto a = find_area(o.area);
    if (!a) throw UsageError(fmt::format("no subdistrict has the code '{}' (6 digits, e.g. 441201)", o.area));
    w.province = a->province_th;
    w.district = a->district_th;
    w.subdistrict = a->subdistrict_th;
    w.code = a->subdistrict_code;
  } else {
    w.province = "(จังหวัด)";
    w.district = "(อำเภอ)";
    w.subdistrict = "(ตำบล)";
  }
  if (o.type == "municipality") {
    w.org_name = "เทศบาลตำบล" + w.subdistrict;
    w.org_short = "ทต." + w.subdistrict;
  } else {
    w.org_name = "องค์การบริหารส่วนตำบล" + w.subdistrict;
    w.org_short = "อบต." + w.subdistrict;
  }
  auto files = new_workspace_files(w);
  // Refuse before writing anything if any file is already there.
  std::error_code ec;
  for (const auto& [rel, text] : files) {
    if (fs::exists(fs::symlink_status(dir / rel, ec))) {
      throw UsageError(fmt::format("{} exists; kudrang init never overwrites (choose an empty folder)",
                                   (dir / rel).string()));
    }
  }
  bool had_git = fs::exists(dir, ec) && inside_git_repository(dir);
  for (const auto& [rel, text] : files) {
    std::string error;
    switch (write_new_file(dir / rel, text, error, dir)) {
    case WriteResult::written: break;
    case WriteResult::exists: throw UsageError(fmt::format("{} appeared meanwhile; stopped", (dir / rel).string()));
    case WriteResult::failed: throw IoError(error);
    }
    if (rel == ".githooks/pre-commit") ::chmod((dir / rel).c_str(), 0755);
    if (!quiet && rel.find("/.gitkeep") == std::string::npos && rel.rfind(".kudrang/schemas/", 0) != 0) {
      std::cout << (dir / rel).lexically_normal().string() << '\n';
    }
  }
  if (!had_git) {
    std::string cmd = fmt::format("git init -q '{}' >/dev/null 2>&1", dir.string());
    if (std::system(cmd.c_str()) == 0) {
      if (!quiet) std::cerr << "initialised a git repository in " << dir.string() << "\n";
    } else {
      std::cerr << "kudrang: warning: git is not available; the workspace is not a repository yet\n";
    }
  }
}

}  // namespace

void add_init_command(CLI::App& app, Globals& g)
{
  auto o = std::make_shared<InitOptions>();
  auto* init = app.add_subcommand("init", "Create a new workspace: kudrang.yaml, roster, folders, CI and hook samples");
  init->add_option("dir", o->dir, "Folder to create it in (default: the current one)");
  init->add_option("--area", o->area, "6-digit subdistrict code; fills in the names (e.g. 441201)");
  init->add_option("--villages", o->villages, "Number of villages to list (default 1)")->check(CLI::Range(1, 99));
  init->add_option("--type", o->type, "sao or municipality (default sao)")->check(CLI::IsMember({"sao", "municipality"}));
  init->callback([o, &g] {
    run_init(*o, g.quiet);
    g.exit_code = 0;
  });
}

}  // namespace kudrang::cli
