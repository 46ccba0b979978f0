#include "record_editing.hpp"

#include "loading.hpp"

#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "kudrang/render/diagnostics_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

void refuse_if_errors(const ValidateResult& after, const std::string& display, const char* what)
{
  if (!after.has_errors()) return;
  for (const auto& d : after.diagnostics) {
    if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << '\n';
  }
  throw RecordsHaveErrors(fmt::format("the change would leave errors in the records; {} was not {}", display, what));
}

fs::path stage(const PrivateTempDir& tmp, const fs::path& name, const std::string& text)
{
  fs::path staged = tmp.path() / name.filename();
  std::ofstream out(staged, std::ios::binary);
  out << text;
  if (!out) throw IoError(fmt::format("cannot write {}", staged.string()));
  return staged;
}

}  // namespace

// Reads the record file, applies `change`, checks the workspace with the
// changed text in place of the file, and replaces the file. Prints the path.
void edit_record(const Globals& g, const fs::path& root, const std::string& display,
                 const std::function<void(RecordText&)>& change, const std::string* expected)
{
  fs::path path = root / display;
  std::string error;
  auto original = read_file(path, error, LoadLimits{}.max_bytes);
  if (!original) throw IoError(fmt::format("{}: {}", display, error));
  if (expected && *expected != *original) {
    throw RecordsHaveErrors(fmt::format("{} changed on disk while kudrang worked on it (another program saved "
                                        "it?); nothing was written: run the command again",
                                        display));
  }
  auto text = RecordText::parse(*original, error);
  if (!text) throw RecordsHaveErrors(fmt::format("{}: {}; nothing was changed", display, error));
  change(*text);
  if (text->text() == *original) {
    if (!g.quiet) std::cout << fmt::format("{}: nothing to change\n", display);
    return;
  }
  // The workspace as it would be: the changed text stands in for the file.
  auto tmp = PrivateTempDir::create("kudrang-edit-", error);
  if (!tmp) throw IoError(error);
  fs::path staged = tmp->path() / path.filename();
  {
    std::ofstream out(staged, std::ios::binary);
    out << text->text();
    if (!out) throw IoError(fmt::format("cannot write {}", staged.string()));
  }
  FileTree tree = scan_root(root);
  for (auto& f : tree.files) {
    if (f.display == display) f.path = staged.native();
  }
  refuse_if_errors(validate_tree(tree), display, "changed");
  switch (replace_file(path, *original, text->text(), error, root)) {
  case ReplaceResult::replaced: std::cout << display << '\n'; return;
  case ReplaceResult::changed:
    throw RecordsHaveErrors(fmt::format("{} changed on disk while kudrang worked on it (another program saved "
                                        "it?); nothing was written: run the command again",
                                        display));
  case ReplaceResult::failed: throw IoError(error);
  }
}

void create_record(const Globals& g, const fs::path& root, const std::string& display, const std::string& text)
{
  fs::path path = root / display;
  std::string error;
  if (fs::exists(fs::symlink_status(path))) throw IoError(fmt::format("{} exists; kudrang does not overwrite files", display));
  auto tmp = PrivateTempDir::create("kudrang-edit-", error);
  if (!tmp) throw IoError(error);
  fs::path staged = stage(*tmp, path, text);
  FileTree tree = scan_root(root);
  RecordFile entry;
  entry.path = staged;
  entry.display = display;
  entry.workspace = 0;
  for (std::size_t i = 0; i < tree.workspace_displays.size(); ++i)
    if (tree.workspace_displays[i].empty()) entry.workspace = i;
  tree.files.push_back(entry);
  std::sort(tree.files.begin(), tree.files.end(),
            [](const RecordFile& a, const RecordFile& b) { return a.display < b.display; });
  refuse_if_errors(validate_tree(tree), display, "written");
  switch (write_new_file(path, text, error, root)) {
  case WriteResult::written: std::cout << display << '\n'; return;
  case WriteResult::exists: throw IoError(fmt::format("{} exists; kudrang does not overwrite files", display));
  case WriteResult::failed: throw IoError(error);
  }
  (void)g;
}

}  // namespace kudrang::cli
