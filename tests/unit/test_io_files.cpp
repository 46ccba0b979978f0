// Reading and writing files at the edges (issue 7): odd files give an error,
// never a hang or a mixed read; writes are whole, never overwrite, stay inside.
#include "kudrang/io/file_tree.hpp"
#include "kudrang/io/safe_write.hpp"
#include "testutil.hpp"

#include <sys/stat.h>

using namespace kudrang;
namespace fs = std::filesystem;

TEST_CASE("read_file: a plain file is read whole")
{
  test::TempDir dir;
  dir.write("a.yaml", "kind: project\n");
  std::string error;
  auto text = read_file(dir.path() / "a.yaml", error, 1 << 20);
  REQUIRE(text);
  CHECK(*text == "kind: project\n");
}

TEST_CASE("read_file: a file whose size changes while it is read is refused, not half-read")
{
  // /proc files report size 0 and then yield bytes: the same signature as a
  // file another program is writing while kudrang reads it.
  std::string error;
  auto text = read_file("/proc/self/status", error, 1 << 20);
  CHECK_FALSE(text);
  CHECK(error.find("changed while kudrang read it") != std::string::npos);
}

TEST_CASE("read_file: a pipe is an error at once, not a hang")
{
  test::TempDir dir;
  fs::path pipe = dir.path() / "p.yaml";
  REQUIRE(::mkfifo(pipe.c_str(), 0644) == 0);
  std::string error;
  CHECK_FALSE(read_file(pipe, error, 1 << 20));
  CHECK(error.find("not a plain file") != std::string::npos);
}

TEST_CASE("write_new_file: writes whole files, never overwrites, leaves no temporary file")
{
  test::TempDir dir;
  fs::path target = dir.path() / "meetings" / "2564" / "2564-01.yaml";
  std::string error;
  CHECK(write_new_file(target, "kind: meeting\n", error, dir.path()) == WriteResult::written);
  CHECK(write_new_file(target, "other\n", error, dir.path()) == WriteResult::exists);
  std::ifstream in(target);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "kind: meeting\n");
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(target.parent_path())) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 1);
}

TEST_CASE("write_new_file: refuses a path that resolves outside the workspace, creating nothing")
{
  test::TempDir dir;
  test::TempDir outside;
  fs::create_directories(dir.path() / "ws");
  fs::create_symlink(outside.path(), dir.path() / "ws" / "meetings");
  std::string error;
  CHECK(write_new_file(dir.path() / "ws" / "meetings" / "2564" / "x.yaml", "x\n", error, dir.path() / "ws") ==
        WriteResult::failed);
  CHECK(error.find("outside the workspace") != std::string::npos);
  CHECK(fs::is_empty(outside.path()));
  CHECK(write_new_file(dir.path() / "ws" / ".." / "escape.yaml", "x\n", error, dir.path() / "ws") ==
        WriteResult::failed);
  CHECK_FALSE(fs::exists(dir.path() / "escape.yaml"));
}
