#include "kudrang/io/file_tree.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

constexpr const char* not_in_workspace =
  "this record is not inside a workspace (no kudrang.yaml in its folder or above); run 'kudrang init' or move it";

bool is_record_name(const std::string& name)
{
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".yaml") || ends_with(".yml");
}

// A name that is not UTF-8 (a file copied from an old Windows share, say)
// is shown with its odd bytes as \xNN, so reports stay valid text.
std::string printable(std::string s)
{
  for (size_t bad = find_invalid_utf8(s); bad != std::string::npos; bad = find_invalid_utf8(s)) {
    s.replace(bad, 1, fmt::format("\\x{:02X}", static_cast<unsigned char>(s[bad])));
  }
  return s;
}

std::string display_of(const fs::path& p, const fs::path& root)
{
  std::string s = p.lexically_relative(root).generic_string();
  return s == "." ? std::string() : printable(s);
}

struct Walker {
  const fs::path& root;
  FileTree& tree;
  const fs::path* only = nullptr;  // walk this workspace alone, not those nested in it

  void walk(const fs::path& dir, std::optional<size_t> owner, int depth)
  {
    std::string here = display_of(dir, root);
    std::error_code ec0;
    if (only && dir != *only && fs::is_regular_file(dir / workspace_file_name, ec0)) return;
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
        if (!link) {
          walk(e.path(), owner, depth + 1);
        } else {  // never followed: a link can loop or lead out of the workspace
          tree.diagnostics.push_back({display_of(e.path(), root), {}, Severity::warning, "dir-link",
                                      "a link to a folder is not followed (it could loop or lead outside "
                                      "the workspace); records behind it are not checked"});
        }
        continue;
      }
      if (!is_record_name(name)) {
        continue;
      }
      std::string display = display_of(e.path(), root);
      if (find_invalid_utf8(name) != std::string::npos) {
        tree.diagnostics.push_back({display, {}, Severity::error, "file-name-encoding",
                                    "the file name is not UTF-8 text (saved by an old program?); rename "
                                    "it so that every tool can read it"});
        continue;
      }
      if (!e.is_regular_file(ec2)) {
        if (link && !fs::exists(e.path(), ec2)) {
          tree.diagnostics.push_back({display, {}, Severity::error, "io-read",
                                      "the file is a link to something that does not exist"});
        } else {
          tree.diagnostics.push_back({display, {}, Severity::error, "io-read",
                                      "not a plain file (a pipe, device or socket); records must be files"});
        }
        continue;
      }
      if (!owner) {
        tree.diagnostics.push_back({display, {}, Severity::error, "workspace-missing", not_in_workspace});
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

FileTree scan_changed(const fs::path& given_root, const std::vector<fs::path>& changed)
{
  fs::path root = given_root.lexically_normal();
  if (!root.has_filename() && root.has_parent_path()) root = root.parent_path();
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(fs::absolute(root, ec), ec);
  FileTree tree;
  tree.root = root;
  std::vector<std::string> owners;  // relative to root
  std::vector<std::string> strays;
  for (const auto& p : changed) {
    fs::path rel = fs::weakly_canonical(p, ec).lexically_relative(canon);
    std::string r = rel.generic_string();
    if (rel.empty() || r == ".." || r.rfind("../", 0) == 0 || !is_record_name(rel.filename().string())) continue;
    bool hidden = false;
    for (const auto& part : rel) hidden = hidden || part.string().front() == '.';
    if (hidden) continue;  // the full walk skips hidden folders too
    std::optional<std::string> owner;
    for (fs::path d = rel.parent_path();; d = d.parent_path()) {
      if (fs::is_regular_file(root / d / workspace_file_name, ec)) {
        owner = d.generic_string();
        break;
      }
      if (d.empty()) break;
    }
    if (owner) owners.push_back(*owner);
    else if (fs::is_regular_file(root / rel, ec)) strays.push_back(r);
  }
  std::sort(owners.begin(), owners.end());
  owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
  for (const auto& o : owners) {
    fs::path dir = o.empty() ? root : root / o;
    int depth = 0;
    for (const auto& part : fs::path(o)) depth += part.empty() ? 0 : 1;
    Walker{root, tree, &dir}.walk(dir, std::nullopt, depth);
  }
  std::sort(strays.begin(), strays.end());
  strays.erase(std::unique(strays.begin(), strays.end()), strays.end());
  for (const auto& r : strays) {
    tree.diagnostics.push_back({printable(r), {}, Severity::error, "workspace-missing", not_in_workspace});
  }
  std::sort(tree.files.begin(), tree.files.end(),
            [](const RecordFile& a, const RecordFile& b) { return a.display < b.display; });
  return tree;
}

std::optional<std::string> read_file(const fs::path& path, std::string& error, size_t max_bytes)
{
  // O_NONBLOCK: a pipe swapped in after the walk must not hang the run.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = fmt::format("cannot open the file: {}", std::strerror(errno));
    return std::nullopt;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat before {};
  if (::fstat(fd, &before) != 0 || !S_ISREG(before.st_mode)) {
    error = "not a plain file (a pipe, device or socket); records must be files";
    return std::nullopt;
  }
  std::string data;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("the file could not be read to the end: {}", std::strerror(errno));
      return std::nullopt;
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
    if (data.size() > max_bytes + 1) {
      return data;  // enough to know it is too large; the loader says so
    }
  }
  // Another program writing the file meanwhile would give kudrang half of
  // old and half of new: refuse rather than check a mix.
  struct stat after {};
  if (::fstat(fd, &after) != 0 || after.st_size != before.st_size ||
      after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec ||
      static_cast<off_t>(data.size()) != after.st_size) {
    error = "the file changed while kudrang read it (is another program saving it?); run again when it is saved";
    return std::nullopt;
  }
  return data;
}

}  // namespace kudrang
