// What `kudrang init` writes besides records: the CI workflow must be YAML a
// CI service can read, and use --changed on pull requests.
#include "kudrang/render/new_records.hpp"
#include "testutil.hpp"

using namespace kudrang;

TEST_CASE("init: the CI workflow is valid YAML; pull requests run validate --changed, main runs all")
{
  NewWorkspace w;
  w.org_name = "องค์การบริหารส่วนตำบลกุดรัง";
  w.subdistrict = "กุดรัง";
  auto files = new_workspace_files(w);
  const std::string* workflow = nullptr;
  for (const auto& [path, text] : files) {
    if (path == ".github/workflows/kudrang.yml") workflow = &text;
  }
  REQUIRE(workflow);
  Diagnostics diags("kudrang.yml");
  auto doc = load_yaml(*workflow, diags);
  REQUIRE(doc);
  CHECK(diags.list().empty());
  const Node* steps = doc->find("jobs")->find("validate")->find("steps");
  REQUIRE(steps);
  std::vector<std::string> runs;
  for (const auto& step : steps->items) {
    if (const Node* run = step.find("run")) runs.push_back(run->text);
  }
  CHECK(std::count_if(runs.begin(), runs.end(), [](const std::string& r) {
          return r.find("kudrang validate --changed") != std::string::npos;
        }) == 1);
  CHECK(std::count(runs.begin(), runs.end(), std::string("kudrang validate --format github")) == 1);
}
