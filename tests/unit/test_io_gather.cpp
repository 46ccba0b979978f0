// Gathering (issue 20): the pure decisions of `kudrang gather`.
#include "kudrang/io/gather.hpp"

#include <doctest/doctest.h>

using namespace kudrang;

TEST_CASE("an LAO's folder comes from its area code: province/district/subdistrict")
{
  CHECK(gather_path_for("441201") == std::optional<std::string>("44/4412/441201"));
  CHECK(gather_path_for("100101") == std::optional<std::string>("10/1001/100101"));
  CHECK_FALSE(gather_path_for(""));
  CHECK_FALSE(gather_path_for("44120"));
  CHECK_FALSE(gather_path_for("4412011"));
  CHECK_FALSE(gather_path_for("44/201"));
  CHECK_FALSE(gather_path_for("../../x"));
}

TEST_CASE("gather update: a failure to fetch is exit 3, a moved LAO with errors exit 1")
{
  LaoUpdate moved{"a", "1111", "2222", 1, "", true};
  LaoUpdate same{"b", "1111", "1111", 0, "", std::nullopt};
  LaoUpdate bad{"c", "1111", "3333", 2, "", false};
  LaoUpdate failed{"d", "1111", "", 0, "failed to fetch: x", std::nullopt};
  CHECK(moved.moved());
  CHECK_FALSE(same.moved());
  CHECK_FALSE(failed.moved());
  CHECK(gather_update_status({}) == 0);
  CHECK(gather_update_status({moved, same}) == 0);
  CHECK(gather_update_status({moved, bad}) == 1);
  CHECK(gather_update_status({bad, failed}) == 3);
}
