#include "kudrang/io/file_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace kudrang {

std::optional<fs::path> find_workspace_root(const fs::path& start)
{
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) {
    return std::nullopt;
  }
  while (true) {
    if (fs::is_regular_file(dir / workspace_file_name, ec)) {
      return dir;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      return std::nullopt;
    }
    dir = dir.parent_path();
  }
}

namespace {

bool is_record_name(const std::string& name)
{
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

std::string display_of(const fs::path& p, const fs::path& root)
{
  std::string s = p.lexically_relative(root).generic_string();
  return s == "." ? std::string() : s;
}

struct Walker {
  const fs::path& root;
  FileTree& tree;

  void walk(const fs::path& dir, std::optional<size_t> owner, int depth)
  {
    std::string here = display_of(dir, root);
    if (depth > 64) {
      tree.diagnostics.push_back({here, {}, Severity::warning, "dir-too-deep",
                                  "directories nested more than 64 levels are not searched"});
      return;
    }
    std::error_code ec;
    if (fs::is_regular_file(dir / workspace_file_name, ec)) {
      owner = tree.workspaces.size();
      tree.workspaces.push_back(dir);
      tree.workspace_displays.push_back(here);
    }
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      tree.diagnostics.push_back({here, {}, Severity::error, "io-read",
                                  fmt::format("cannot read the directory: {}", ec.message())});
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& e : entries) {
      std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') {
        continue;
      }
      std::error_code ec2;
      bool link = e.is_symlink(ec2);
      if (e.is_directory(ec2)) {
        if (!link) {  // never follow directory links: no loops, no escapes
          walk(e.path(), owner, depth + 1);
        }
        continue;
      }
      if (!is_record_name(name)) {
        continue;
      }
      std::string display = display_of(e.path(), root);
      if (!e.is_regular_file(ec2)) {
        if (link && !fs::exists(e.path(), ec2)) {
          tree.diagnostics.push_back({display, {}, Severity::error, "io-read",
                                      "the file is a link to something that does not exist"});
        }
        continue;
      }
      if (!owner) {
        tree.diagnostics.push_back({display, {}, Severity::error, "workspace-missing",
                                    "this record is not inside a workspace (no kudrang.yaml in its "
                                    "folder or above); run 'kudrang init' or move it"});
        continue;
      }
      tree.files.push_back({e.path(), display, *owner});
    }
  }
};

}  // namespace

FileTree scan_tree(const fs::path& given_root)
{
  // "dir/" and "dir" must give the same tree (paths are compared later).
  fs::path root = given_root.lexically_normal();
  if (!root.has_filename() && root.has_parent_path()) root = root.parent_path();
  FileTree tree;
  tree.root = root;
  Walker{root, tree}.walk(root, std::nullopt, 0);
  std::sort(tree.files.begin(), tree.files.end(),
            [](const RecordFile& a, const RecordFile& b) { return a.display < b.display; });
  return tree;
}

std::optional<std::string> read_file(const fs::path& path, std::string& error, size_t max_bytes)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot open the file: {}", std::strerror(errno));
    return std::nullopt;
  }
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > max_bytes + 1) {
      break;  // enough to know it is too large; the loader says so
    }
  }
  if (in.bad()) {
    error = "the file could not be read to the end";
    return std::nullopt;
  }
  return data;
}

}  // namespace kudrang
