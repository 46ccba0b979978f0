#include "kudrang/io/file_tree.hpp"

#include "kudrang/core/parallel.hpp"
#include "kudrang/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <unordered_map>

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

std::string lower_ascii(std::string s)
{
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether the start of the file reads like a record: a top-level `kind:`
// line among its first lines (read without following a link).
bool starts_like_record(const fs::path& path)
{
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0) return false;
  struct stat st {};
  char buf[4096];
  ssize_t n = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? ::read(fd, buf, sizeof buf) : -1;
  ::close(fd);
  if (n <= 0) return false;
  std::string_view text(buf, static_cast<size_t>(n));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text.rfind("kind:", 0) == 0 || text.find("\nkind:") != std::string_view::npos;
}

// A file the walk does not read although it is most likely a record (issue
// 12, point 6): `roster.YAML`, `roster.yaml.txt` (Windows hides the .txt),
// `roster.txt` or `roster` holding `kind:`. The name it should have, or "".
std::string near_miss_name(const fs::path& path)
{
  std::string name = path.filename().string();
  std::string lower = lower_ascii(name);
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (ends_with(lower, ext)) return name.substr(0, name.size() - ext.size()) + std::string(ext);
    for (std::string_view tail : {".txt", ".text"}) {
      std::string both = std::string(ext) + std::string(tail);
      if (ends_with(lower, both)) return name.substr(0, name.size() - both.size()) + ".yaml";
    }
  }
  bool plain = name.find('.') == std::string::npos;
  bool txt = ends_with(lower, ".txt");
  if ((plain || txt) && starts_like_record(path)) {
    return (txt ? name.substr(0, name.size() - 4) : name) + ".yaml";
  }
  return {};
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

// Whether `dir` is a workspace's root. One rule for the full walk and for
// --changed, so both see the same workspaces.
bool holds_workspace(const fs::path& dir)
{
  std::error_code ec;
  return fs::is_regular_file(dir / workspace_file_name, ec);
}

// What the walk needs of a folder entry, asked once: its type comes with
// the listing (a link is followed as stat would follow it), so a plain
// folder or file costs no stat.
struct Entry {
  std::string name;
  bool link = false;     // the entry itself is a symbolic link
  bool dir = false;      // it is, or leads to, a folder
  bool regular = false;  // it is, or leads to, a plain file
};

Entry entry_of(const fs::directory_entry& e, std::string name)
{
  std::error_code ec;
  Entry x;
  x.name = std::move(name);
  x.link = e.is_symlink(ec);
  x.dir = e.is_directory(ec);
  x.regular = !x.dir && e.is_regular_file(ec);
  return x;
}

// `dir`/`name` as std::filesystem's operator/ would join them.
std::string join(const std::string& dir, const std::string& name)
{
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// One folder's entries, sorted by name (a file name is one part of a path,
// so this is the order of their paths), and whether it holds kudrang.yaml.
struct Listing {
  std::vector<Entry> entries;
  bool holds = false;
  bool unreadable = false;
  std::string error;
};

Listing list_folder(const fs::path& dir)
{
  Listing l;
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::none, ec);
  if (!ec) {
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      l.entries.push_back(entry_of(*it, it->path().filename().string()));
      // What holds_workspace asks, from the listing.
      if (l.entries.back().name == workspace_file_name) l.holds = l.entries.back().regular;
    }
  }
  l.unreadable = static_cast<bool>(ec) && l.entries.empty();
  if (l.unreadable) {
    l.holds = holds_workspace(dir);  // a folder one may enter but not list
    l.error = ec.message();
  }
  std::sort(l.entries.begin(), l.entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return l;
}

constexpr int max_depth = 64;

// Whether the walk goes into this entry of a folder (visit's rule; the depth is checked apart).
bool descends_into(const Entry& e) { return !e.name.empty() && e.name[0] != '.' && e.dir && !e.link; }

// The listings of every folder the walk will enter, taken level by level on
// every core: on a national tree (tens of thousands of folders) listing is
// most of a warm run, and it is the kernel's work, folder by folder.
std::unordered_map<std::string, Listing> list_all(const fs::path& root)
{
  std::unordered_map<std::string, Listing> out;
  std::vector<std::pair<std::string, int>> level = {{root.native(), 0}};
  const unsigned threads = thread_count(0);
  while (!level.empty()) {
    std::vector<Listing> got(level.size());
    parallel_for(level.size(), threads, [&](size_t i) { got[i] = list_folder(level[i].first); });
    std::vector<std::pair<std::string, int>> next;
    for (size_t i = 0; i < level.size(); ++i) {
      for (const auto& e : got[i].entries) {
        if (descends_into(e) && level[i].second + 1 <= max_depth) next.emplace_back(join(level[i].first, e.name), level[i].second + 1);
      }
      out.emplace(std::move(level[i].first), std::move(got[i]));
    }
    level = std::move(next);
  }
  return out;
}

struct Walker {
  const fs::path& root;
  FileTree& tree;
  const fs::path* only = nullptr;  // walk this folder alone, not the workspaces nested in it
  std::unordered_map<std::string, Listing>* listed = nullptr;  // taken beforehand (list_all)

  Listing listing(const fs::path& dir)
  {
    if (listed) {
      if (auto it = listed->find(dir.native()); it != listed->end()) {
        Listing l = std::move(it->second);
        listed->erase(it);
        return l;
      }
    }
    return list_folder(dir);
  }

  // `here` is the folder's display name when the caller knows it (a child
  // of a walked folder), else it is worked out from the root.
  void walk(const fs::path& dir, std::optional<size_t> owner, int depth, const std::string* known = nullptr)
  {
    std::string here = known ? *known : display_of(dir, root);
    if (only && dir != *only && holds_workspace(dir)) return;
    if (depth > max_depth) {
      tree.diagnostics.push_back({here, {}, Severity::warning, "dir-too-deep",
                                  "directories nested more than 64 levels are not searched"});
      return;
    }
    Listing l = listing(dir);
    if (l.holds) {
      owner = tree.workspaces.size();
      tree.workspaces.push_back(dir);
      tree.workspace_displays.push_back(here);
    }
    if (l.unreadable) {
      tree.diagnostics.push_back({here, {}, Severity::error, "io-read",
                                  fmt::format("cannot read the directory: {}", l.error)});
      return;
    }
    for (const auto& e : l.entries) visit(dir.native(), e, owner, depth, true, &here);
  }

  // One entry of the folder `dir`: a folder is walked (`descend`), a link to
  // one reported, a file named like a record checked for what it is. Never
  // reads through a link.
  void visit(const std::string& dir, const Entry& e, std::optional<size_t> owner, int depth, bool descend,
             const std::string* parent = nullptr)
  {
    const std::string& name = e.name;
    if (name.empty() || name[0] == '.') return;
    const std::string path = join(dir, name);
    // Its display name: the folder's and its own (as display_of would give, without taking paths apart).
    auto display_here = [&] {
      if (!parent) return display_of(path, root);
      std::string own = printable(name);
      return parent->empty() ? own : *parent + "/" + own;
    };
    if (e.dir) {
      if (!e.link) {
        if (descend) {
          std::string sub = display_here();
          walk(path, owner, depth + 1, &sub);
        }
      } else {  // never followed: a link can loop or lead out of the workspace
        tree.diagnostics.push_back({display_here(), {}, Severity::warning, "dir-link",
                                    "a link to a folder is not followed (it could loop or lead outside "
                                    "the workspace); records behind it are not checked"});
      }
      return;
    }
    if (!is_record_name(name)) {
      std::string better = owner && !e.link && e.regular ? near_miss_name(path) : std::string();
      if (!better.empty() && find_invalid_utf8(name) == std::string::npos) {
        tree.diagnostics.push_back({display_here(), {}, Severity::warning, "file-not-read",
                                    fmt::format("this file is not read: kudrang reads records named *.yaml or "
                                                "*.yml; if it is a record, rename it to '{}'",
                                                better)});
      }
      return;
    }
    std::string display = display_here();
    if (find_invalid_utf8(name) != std::string::npos) {
      tree.diagnostics.push_back({display, {}, Severity::error, "file-name-encoding",
                                  "the file name is not UTF-8 text (saved by an old program?); rename "
                                  "it so that every tool can read it"});
      return;
    }
    if (e.link) {  // to a file anywhere (/etc/hostname, a hidden folder) or to nothing: never read
      tree.diagnostics.push_back({display, {}, Severity::error, "file-link",
                                  "a record file may not be a link (kudrang does not read through it); put "
                                  "the record itself here"});
      return;
    }
    if (!e.regular) {
      tree.diagnostics.push_back({display, {}, Severity::error, "io-read",
                                  "not a plain file (a pipe, device or socket); records must be files"});
      return;
    }
    if (!owner) {
      tree.diagnostics.push_back({display, {}, Severity::error, "workspace-missing", not_in_workspace});
      return;
    }
    tree.files.push_back({path, display, *owner});
  }
};

bool is_hidden(const fs::path& rel)
{
  for (const auto& part : rel) {
    std::string s = part.string();
    if (!s.empty() && s[0] == '.') return true;
  }
  return false;
}

int depth_of(const fs::path& rel)
{
  int depth = 0;
  for (const auto& part : rel) depth += part.empty() ? 0 : 1;
  return depth;
}

// The longest leading part of `rel_dir` (relative to root) made of real
// folders: a link on the way is where the walk stops too.
fs::path real_prefix(const fs::path& root, const fs::path& rel_dir)
{
  fs::path cur;
  std::error_code ec;
  for (const auto& part : rel_dir) {
    fs::path next = cur / part;
    if (!fs::is_directory(fs::symlink_status(root / next, ec))) break;
    cur = next;
  }
  return cur;
}

// The workspace (relative to root) that holds the folder `rel_dir`, as the
// full walk would assign it.
std::optional<fs::path> owner_of(const fs::path& root, const fs::path& rel_dir)
{
  for (fs::path d = real_prefix(root, rel_dir);; d = d.parent_path()) {
    if (holds_workspace(d.empty() ? root : root / d)) return d;
    if (d.empty()) return std::nullopt;
  }
}

// Every workspace below the folder `rel_dir`, as the full walk finds them
// (not through links, not in hidden folders, not deeper than it looks).
void workspaces_below(const fs::path& root, const fs::path& rel_dir, int depth, std::vector<fs::path>& out)
{
  if (depth >= 64) return;
  std::error_code ec;
  for (fs::directory_iterator it(root / rel_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code ec2;
    if (name.empty() || name[0] == '.' || it->is_symlink(ec2) || !it->is_directory(ec2)) continue;
    fs::path sub = rel_dir / name;
    if (holds_workspace(root / sub)) out.push_back(sub);
    workspaces_below(root, sub, depth + 1, out);
  }
}

bool inside(const fs::path& rel, const fs::path& dir)
{
  if (dir.empty()) return true;
  auto [a, b] = std::mismatch(dir.begin(), dir.end(), rel.begin(), rel.end());
  return a == dir.end();
}

}  // namespace

FileTree scan_tree(const fs::path& given_root)
{
  // "dir/" and "dir" must give the same tree (paths are compared later).
  fs::path root = given_root.lexically_normal();
  if (!root.has_filename() && root.has_parent_path()) root = root.parent_path();
  FileTree tree;
  tree.root = root;
  auto listed = list_all(root);
  Walker{root, tree, nullptr, &listed}.walk(root, std::nullopt, 0);
  std::sort(tree.files.begin(), tree.files.end(),
            [](const RecordFile& a, const RecordFile& b) { return a.display < b.display; });
  return tree;
}

FileTree scan_changed(const fs::path& given_root, const std::vector<fs::path>& changed)
{
  fs::path root = given_root.lexically_normal();
  if (!root.has_filename() && root.has_parent_path()) root = root.parent_path();
  // The root is the operator's choice and git names files from its real
  // top folder, so the root is resolved; the changed paths below it are
  // mapped by their names only: a link among them is never resolved (it
  // could name a file outside, or one in a hidden folder).
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(fs::absolute(root, ec), ec);
  FileTree tree;
  tree.root = root;
  std::vector<fs::path> owners;   // workspaces to walk, relative to root
  std::vector<fs::path> orphans;  // folders that lost their kudrang.yaml and are in no workspace
  std::vector<fs::path> strays;   // changed files in no workspace
  for (const auto& p : changed) {
    fs::path rel = p.lexically_normal().lexically_relative(canon);
    if (!rel.has_filename() && rel.has_parent_path()) rel = rel.parent_path();  // git's "repo/"
    std::string r = rel.generic_string();
    if (rel.empty() || r == "." || r == ".." || r.rfind("../", 0) == 0) continue;
    if (is_hidden(rel)) continue;  // the full walk skips hidden folders too
    fs::path dir = rel.parent_path();
    bool reachable = real_prefix(root, dir) == dir;
    auto st = reachable ? fs::symlink_status(root / rel, ec) : fs::file_status(fs::file_type::not_found);
    bool gone = st.type() == fs::file_type::not_found;
    bool link = fs::is_symlink(st);
    bool config = rel.filename() == workspace_file_name;
    if (fs::is_directory(st)) {
      // A folder git names as one path (a repository of its own, a
      // submodule): checked whole, with the workspace holding it.
      if (auto owner = owner_of(root, rel)) owners.push_back(*owner);
      else orphans.push_back(rel);
      workspaces_below(root, rel, depth_of(rel), owners);
      continue;
    }
    // A record, a link or a deletion (whatever it was) checks the workspace
    // holding it; a kudrang.yaml added, changed or deleted also checks the
    // workspace above its folder, which gains or loses that folder's records.
    if (!is_record_name(rel.filename().string()) && !link && !gone && near_miss_name(root / rel).empty()) continue;
    auto owner = owner_of(root, dir);
    if (owner) owners.push_back(*owner);
    else if (config && reachable && fs::is_directory(fs::symlink_status(root / dir, ec))) orphans.push_back(dir);
    else if (!gone) strays.push_back(rel);
    if (config && !dir.empty()) {
      if (auto above = owner_of(root, dir.parent_path())) owners.push_back(*above);
    }
  }
  auto unique = [](std::vector<fs::path>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  unique(owners);
  unique(orphans);
  unique(strays);
  // A folder inside another one walked already is not walked again.
  // (Asked of a copy: erase_if moves elements while it goes, and a moved-from
  // path is empty, which every folder is inside.)
  const std::vector<fs::path> all_orphans = orphans;
  std::erase_if(orphans, [&](const fs::path& o) {
    return std::any_of(all_orphans.begin(), all_orphans.end(),
                       [&](const fs::path& x) { return x != o && inside(o, x); });
  });
  std::erase_if(strays, [&](const fs::path& s) {
    return std::any_of(orphans.begin(), orphans.end(), [&](const fs::path& x) { return inside(s, x); });
  });
  for (const auto* list : {&owners, &orphans}) {
    for (const auto& o : *list) {
      fs::path dir = o.empty() ? root : root / o;
      Walker{root, tree, &dir}.walk(dir, std::nullopt, depth_of(o));
    }
  }
  for (const auto& s : strays) {
    fs::path p = root / s;
    fs::directory_entry e(p, ec);
    Walker{root, tree}.visit(p.parent_path().native(), entry_of(e, p.filename().string()), std::nullopt,
                             depth_of(s.parent_path()), false);
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
