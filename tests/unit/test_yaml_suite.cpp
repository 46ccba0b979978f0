// The YAML test suite (tests/data/yaml-test-suite, MIT) through kudrang's
// loader: no case may crash or hang; every case the suite marks as an error
// must be reported with a line, except the known deviations of yaml-cpp 0.7
// listed here; and valid single-mapping cases must read as the suite's JSON,
// except the listed deviations (most by design: kudrang's stricter typing).
// A change in either list fails the test, so it is noticed.
#include "kudrang/io/yaml_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace kudrang;

namespace {

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool same(const Node& a, const Node& b)
{
  bool an = a.is_number(), bn = b.is_number();
  if (an && bn) return std::stold(a.text) == std::stold(b.text);
  if (a.type != b.type) return false;
  if (a.is_bool()) return a.as_bool() == b.as_bool();
  if (a.is_scalar()) return a.is_null() || a.text == b.text;
  if (a.items.size() != b.items.size()) return false;
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (a.is_mapping()) {
      // JSON object keys are unordered: find by key.
      const Node* other = b.find(a.keys[i]);
      if (!other || !same(a.items[i], *other)) return false;
    } else if (!same(a.items[i], b.items[i])) {
      return false;
    }
  }
  return true;
}

// Error cases yaml-cpp 0.7 accepts (and kudrang then reads as a mapping).
const std::set<std::string> known_accepted_errors = {
#include "yaml_suite_accepted_errors.inc"
};

// Valid cases whose value kudrang reads differently from the suite's JSON.
const std::set<std::string> known_value_deviations = {
#include "yaml_suite_value_deviations.inc"
};

}  // namespace

TEST_CASE("yaml suite: every case loads without crashing; errors and values match the known deviations")
{
  fs::path root = fs::path(KUDRANG_SOURCE_DIR) / "tests/data/yaml-test-suite";
  REQUIRE(fs::is_directory(root));
  std::set<std::string> accepted_errors;
  std::set<std::string> value_deviations;
  size_t cases = 0, error_cases = 0, compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().filename() != "in.yaml") continue;
    fs::path dir = e.path().parent_path();
    std::string name = dir.lexically_relative(root).generic_string();
    ++cases;
    Diagnostics d(name);
    auto node = load_yaml(slurp(e.path()), d);
    bool has_error = d.has_errors();
    if (fs::exists(dir / "error")) {
      ++error_cases;
      if (!has_error) {
        accepted_errors.insert(name);
      } else {
        // Every error diagnostic points at a line.
        for (const auto& x : d.list()) {
          CAPTURE(name);
          if (x.severity == Severity::error && x.code != "file-empty") CHECK(x.mark.line > 0);
        }
      }
      continue;
    }
    if (!node || !fs::exists(dir / "in.json")) continue;
    Diagnostics jd(name + "/in.json");
    auto expected = load_yaml(slurp(dir / "in.json"), jd);
    if (!expected) continue;  // not a single JSON object
    ++compared;
    if (!same(*node, *expected)) value_deviations.insert(name);
  }
  MESSAGE(cases << " cases, " << error_cases << " error cases, " << compared << " values compared");
  CHECK(cases > 350);
  std::vector<std::string> new_accepted, fixed_accepted, new_values, fixed_values;
  std::set_difference(accepted_errors.begin(), accepted_errors.end(), known_accepted_errors.begin(),
                      known_accepted_errors.end(), std::back_inserter(new_accepted));
  std::set_difference(known_accepted_errors.begin(), known_accepted_errors.end(), accepted_errors.begin(),
                      accepted_errors.end(), std::back_inserter(fixed_accepted));
  std::set_difference(value_deviations.begin(), value_deviations.end(), known_value_deviations.begin(),
                      known_value_deviations.end(), std::back_inserter(new_values));
  std::set_difference(known_value_deviations.begin(), known_value_deviations.end(), value_deviations.begin(),
                      value_deviations.end(), std::back_inserter(fixed_values));
  for (const auto& n : new_accepted) MESSAGE("newly accepted error case: " << n);
  for (const auto& n : fixed_accepted) MESSAGE("error case now rejected (update the list): " << n);
  for (const auto& n : new_values) MESSAGE("new value deviation: " << n);
  for (const auto& n : fixed_values) MESSAGE("value deviation gone (update the list): " << n);
  CHECK(new_accepted.empty());
  CHECK(fixed_accepted.empty());
  CHECK(new_values.empty());
  CHECK(fixed_values.empty());
}
