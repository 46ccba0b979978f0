// kudrang __complete WORD... : the candidates for the last word, for the
// shell completion scripts in share/ (hidden from --help). Commands and
// options come from the CLI11 definitions themselves, so completion cannot
// drift from the command line; record ids come from the current workspace.
#include "commands.hpp"

#include "kudrang/records/workspace.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <set>

namespace kudrang::cli {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The ids a positional argument of `path` names ("meeting minutes" -> meeting ids).
std::set<std::string> record_ids(const std::vector<std::string>& path, const std::string& workspace)
{
  std::set<std::string> out;
  auto is = [&](std::initializer_list<const char*> words) {
    if (path.size() != words.size()) return false;
    size_t i = 0;
    for (const char* w : words) {
      if (path[i++] != w) return false;
    }
    return true;
  };
  enum class Want { none, meetings, plans, projects, plan_projects, devplans, members } want = Want::none;
  if (!path.empty() && path.back().rfind("--", 0) == 0) {
    // An option's value: roster ids for meeting attend's lists.
    if (path.size() == 3 && path[0] == "meeting" && path[1] == "attend") want = Want::members;
  } else if (path.size() == 2 && path[0] == "meeting" &&
             (path[1] == "invite" || path[1] == "minutes" || path[1] == "attend" || path[1] == "held" ||
              path[1] == "cancel" || path[1] == "move" || path[1] == "signin")) {
    want = Want::meetings;
  }
  else if (is({"plan", "grade"}) || is({"plan", "certify"})) want = Want::plans;
  else if (is({"project", "render"}) || is({"project", "status"})) want = Want::projects;
  else if (is({"budget", "trace"})) want = Want::plan_projects;
  else if (is({"devplan", "render"})) want = Want::devplans;
  if (want == Want::none) return out;
  try {
    std::error_code ec;
    std::filesystem::path start = workspace.empty() ? std::filesystem::current_path(ec) : std::filesystem::path(workspace);
    auto root = find_workspace_root(start);
    if (!root) return out;
    // Quietly: completion never prints diagnostics; what can be read is offered.
    LoadedTree tree = load_tree(scan_tree(*root));
    for (const auto& ws : tree.workspaces) {
      for (const auto& r : ws.rosters) {
        for (const auto& mem : r.value.members) {
          if (want == Want::members) out.insert(mem.id);
        }
      }
      for (const auto& m : ws.meetings) {
        if (want == Want::meetings) out.insert(m.value.id);
      }
      for (const auto& p : ws.plans) {
        if (want == Want::plans) out.insert(p.value.id);
        if (want == Want::plan_projects) {
          for (const auto& pp : p.value.projects) out.insert(p.value.id + "/" + pp.id);
        }
      }
      for (const auto& p : ws.projects) {
        if (want == Want::projects) out.insert(p.value.ref);
      }
      for (const auto& d : ws.development_plans) {
        if (want == Want::devplans) out.insert(d.value.id);
      }
    }
  } catch (const std::exception&) {
    // No candidates rather than an error in the middle of the clerk's typing.
  }
  return out;
}

void complete(CLI::App& root, const std::vector<std::string>& words, const Globals& g)
{
  const std::string current = words.empty() ? std::string() : words.back();
  CLI::App* app = &root;
  std::vector<std::string> path;
  std::string workspace = g.workspace;
  bool value_expected = false;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "--workspace" && i + 2 < words.size()) workspace = words[i + 1];
    if (value_expected) {
      value_expected = false;
      continue;
    }
    if (starts_with(w, "-")) {
      std::string name = w.substr(0, w.find('='));
      for (CLI::App* a = app; a; a = a->get_parent()) {
        const CLI::Option* o = a->get_option_no_throw(name);
        if (o) {
          value_expected = w.find('=') == std::string::npos && o->get_expected_min() > 0;
          break;
        }
      }
      continue;
    }
    auto subs = app->get_subcommands([&](CLI::App* s) { return s->get_name() == w; });
    if (!subs.empty()) {
      app = subs.front();
      path.push_back(w);
    }
  }
  std::set<std::string> out;
  if (value_expected) {
    // An option's value: ids where the option takes them, else nothing (the
    // shell then completes file names).
    std::vector<std::string> at = path;
    at.push_back(words.size() >= 2 ? words[words.size() - 2] : std::string());
    for (const auto& id : record_ids(at, workspace)) {
      if (starts_with(id, current)) out.insert(id);
    }
  } else if (starts_with(current, "-")) {
    for (CLI::App* a = app; a; a = a->get_parent()) {
      for (const CLI::Option* o : a->get_options()) {
        if (o->get_group().empty()) continue;  // hidden
        for (const auto& l : o->get_lnames()) {
          if (starts_with("--" + l, current)) out.insert("--" + l);
        }
        for (const auto& s : o->get_snames()) {
          if (starts_with("-" + s, current)) out.insert("-" + s);
        }
      }
    }
  } else {
    for (CLI::App* s : app->get_subcommands([](CLI::App* s) { return !s->get_group().empty(); })) {
      if (starts_with(s->get_name(), current)) out.insert(s->get_name());
    }
    for (const auto& id : record_ids(path, workspace)) {
      if (starts_with(id, current)) out.insert(id);
    }
  }
  for (const auto& c : out) std::cout << c << '\n';
}

}  // namespace

void run_complete(CLI::App& app, int argc, char** argv, int first, const Globals& g)
{
  std::vector<std::string> words(argv + first, argv + argc);
  if (!words.empty() && words.front() == "--") words.erase(words.begin());
  complete(app, words, g);
}

}  // namespace kudrang::cli
