#pragma once
// Shared helpers for unit tests: a temporary workspace on disk, and
// diagnostics rendered as the one-line text users see.
#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/render/diagnostics_render.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace kudrang::test {

inline LoadOptions one_thread()
{
  LoadOptions o;
  o.jobs = 1;
  return o;
}

class TempDir {
public:
  TempDir()
  {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("kudrang-unit-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() { std::filesystem::remove_all(m_path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  void write(const std::string& rel, const std::string& text) const
  {
    auto p = m_path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

private:
  std::filesystem::path m_path;
};

// The diagnostics of loading one YAML text, one line each.
inline std::vector<std::string> load_messages(const std::string& text, const LoadLimits& limits = {})
{
  Diagnostics d("t.yaml");
  load_yaml(text, d, limits);
  std::vector<std::string> out;
  for (const auto& x : d.list()) out.push_back(format_diagnostic(x));
  return out;
}

// A minimal valid kudrang.yaml with `villages` villages.
inline std::string minimal_workspace(int villages = 2)
{
  std::string s = "kind: workspace\n"
                  "organization: { name: องค์การบริหารส่วนตำบลทดสอบ, short: อบต.ทดสอบ, type: sao }\n"
                  "area: { province: มหาสารคาม, district: กุดรัง, subdistrict: กุดรัง, code: \"441201\" }\n"
                  "villages:\n";
  for (int i = 1; i <= villages; ++i) {
    s += "  - { no: " + std::to_string(i) + ", name: บ้านทดสอบ" + std::to_string(i) + " }\n";
  }
  s += "council: { name: สภาทดสอบ, venue: ห้องประชุม, meetings_per_year: 12 }\n";
  return s;
}

// Validates a workspace made of `files` and returns its diagnostics as text.
inline std::vector<std::string> validate_files(const std::map<std::string, std::string>& files)
{
  TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
  auto result = validate_tree(scan_tree(dir.path()), one_thread());
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(format_diagnostic(d));
  return out;
}

// Loads a workspace made of `files`; any error diagnostic fails the current
// test (warnings are allowed). The tree is returned for the rules to use.
inline LoadedTree load_valid_tree(const std::map<std::string, std::string>& files)
{
  TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
  auto result = validate_tree(scan_tree(dir.path()), one_thread());
  for (const auto& d : result.diagnostics) {
    if (d.severity == Severity::error) FAIL_CHECK(format_diagnostic(d));
  }
  return std::move(result.tree);
}

}  // namespace kudrang::test
