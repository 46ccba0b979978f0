// kudrang export --format jsonl|csv|sqlite -o PATH
#include "commands.hpp"
#include "loading.hpp"

#include "kudrang/io/safe_write.hpp"
#include "kudrang/io/sqlite_tables.hpp"
#include "kudrang/pipeline/export_tables.hpp"
#include "kudrang/render/export_render.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct ExportOptions {
  std::string format;
  std::string out;
};

// A private folder beside the target, removed unless it was moved into place:
// a killed or failed run leaves no half export under the target's name.
class Staging {
public:
  explicit Staging(const fs::path& target)
  {
    fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string pattern = (parent / ("." + target.filename().string() + ".kudrang-export-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) {
      throw IoError(fmt::format("cannot create a folder beside '{}': {}", target.string(), std::strerror(errno)));
    }
    m_dir = pattern;
  }
  ~Staging()
  {
    std::error_code ec;
    if (!m_dir.empty()) fs::remove_all(m_dir, ec);
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;
  const fs::path& dir() const { return m_dir; }
  // Moves `from` (inside the folder, or the folder itself) to `target`, never over anything.
  void move_to(const fs::path& from, const fs::path& target)
  {
    int err = rename_no_replace(from, target);
    if (err == EEXIST) throw IoError(fmt::format("'{}' exists; kudrang never writes over it", target.string()));
    if (err) throw IoError(fmt::format("cannot move the export to '{}': {}", target.string(), std::strerror(err)));
    if (from == m_dir) m_dir.clear();
    sync_folder(target.parent_path().empty() ? fs::path(".") : target.parent_path());
  }

private:
  fs::path m_dir;
};

void run_export(const ExportOptions& o, Globals& g)
{
  fs::path target(o.out);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(target, ec))) {
    throw IoError(fmt::format("'{}' exists; kudrang never writes over it (choose a new name)", o.out));
  }
  const auto& tables = export_tables();
  Staging staging(target);
  std::vector<size_t> counts(tables.size(), 0);

  std::optional<SqliteTables> db;
  std::vector<std::ofstream> files;
  if (o.format == "sqlite") {
    db.emplace(staging.dir() / target.filename(), tables);
  } else {
    for (const auto& t : tables) {
      files.emplace_back(staging.dir() / fmt::format("{}.{}", t.name, o.format), std::ios::binary);
      if (o.format == "csv") render_csv_header(files.back(), t);
    }
  }
  // Rows go out as each workspace is folded: memory holds one batch.
  auto stage = export_stage([&](const WorkspaceInfo&, ExportRows&& part) {
    for (size_t t = 0; t < part.rows.size() && t < tables.size(); ++t) {
      for (const auto& row : part.rows[t]) {
        if (db) db->insert(t, row);
        else if (o.format == "csv") render_csv_row(files[t], row);
        else render_jsonl_row(files[t], tables[t], row);
        ++counts[t];
      }
    }
  });
  PipelineResult r = run_checked(g, {stage.get()});

  if (db) {
    if (!db->finish()) throw IoError(fmt::format("cannot write the database: {}", db->error()));
    db.reset();
    staging.move_to(staging.dir() / target.filename(), target);
  } else {
    for (auto& f : files) {
      f.flush();
      if (!f) throw IoError(fmt::format("cannot write the export in '{}'", staging.dir().string()));
      f.close();
    }
    staging.move_to(staging.dir(), target);
  }
  if (!g.quiet) {
    std::string summary;
    for (size_t t = 0; t < tables.size(); ++t) summary += fmt::format("{}{} {}", t ? ", " : "", counts[t], tables[t].name);
    std::cerr << fmt::format("kudrang: wrote {} ({} workspace{}): {}\n", o.out, r.workspaces.size(),
                             r.workspaces.size() == 1 ? "" : "s", summary);
  }
}

}  // namespace

void add_export_command(CLI::App& app, Globals& g)
{
  auto o = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "Flat tables for analysis: plans, criteria, projects, certifications, rules, levels, meetings, attendance");
  sub->add_option("--format", o->format, "jsonl or csv (a folder with one file per table) or sqlite (one database file)")
    ->required()
    ->check(CLI::IsMember({"jsonl", "csv", "sqlite"}));
  sub->add_option("-o,--output", o->out, "The new folder (jsonl, csv) or file (sqlite); never written over")->required();
  sub->callback([o, &g] { run_export(*o, g); });
}

}  // namespace kudrang::cli
