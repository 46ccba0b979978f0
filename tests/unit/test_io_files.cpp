// Reading and writing files at the edges (issue 7): odd files give an error,
// never a hang or a mixed read; writes are whole, never overwrite, stay inside.
#include "kudrang/io/file_tree.hpp"
#include "kudrang/io/safe_write.hpp"
#include "testutil.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>

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

namespace {

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> names_in(const fs::path& dir)
{
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Sets a file's (or folder's) modification time `ago` in the past.
void age(const fs::path& p, std::chrono::seconds ago)
{
  struct timespec times[2];
  times[0].tv_sec = times[1].tv_sec = std::time(nullptr) - ago.count();
  times[0].tv_nsec = times[1].tv_nsec = 0;
  REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

}  // namespace

// FAT and exFAT (USB sticks) have no unnamed files and no hard links; FUSE
// exFAT has no renameat2(RENAME_NOREPLACE) either. The limits act them out on
// any disk (tests/hardening/removable_media.py does it on a real exFAT).
TEST_CASE("write_new_file: without hard links (FAT, exFAT) files are still whole, never overwritten, no temporary left")
{
  FileSystemLimits no_links;
  no_links.no_unnamed_files = true;
  no_links.no_hard_links = true;
  FileSystemLimits fuse_exfat = no_links;
  fuse_exfat.no_rename_noreplace = true;
  FileSystemLimits links_but_no_tmpfile;
  links_but_no_tmpfile.no_unnamed_files = true;
  for (const auto& limits : {links_but_no_tmpfile, no_links, fuse_exfat}) {
    CAPTURE(limits.no_hard_links);
    CAPTURE(limits.no_rename_noreplace);
    test::TempDir dir;
    fs::path target = dir.path() / "meetings" / "2564" / "2564-01.yaml";
    std::string error;
    REQUIRE(write_new_file(target, "kind: meeting\n", error, dir.path(), limits) == WriteResult::written);
    CHECK(error.empty());
    CHECK(write_new_file(target, "other\n", error, dir.path(), limits) == WriteResult::exists);
    CHECK(slurp(target) == "kind: meeting\n");
    CHECK(names_in(target.parent_path()) == std::vector<std::string>{"2564-01.yaml"});
    // A dangling symlink under the name is kept, not replaced.
    fs::create_symlink("nowhere", target.parent_path() / "2564-02.yaml");
    CHECK(write_new_file(target.parent_path() / "2564-02.yaml", "x\n", error, dir.path(), limits) ==
          WriteResult::exists);
    CHECK(fs::is_symlink(target.parent_path() / "2564-02.yaml"));
  }
}

TEST_CASE("write_new_file: writers racing for one name without hard links or renameat2: exactly one wins")
{
  FileSystemLimits fuse_exfat;
  fuse_exfat.no_unnamed_files = fuse_exfat.no_hard_links = fuse_exfat.no_rename_noreplace = true;
  for (int round = 0; round < 20; ++round) {
    test::TempDir dir;
    fs::path target = dir.path() / "2564-01.yaml";
    std::vector<WriteResult> results(8);
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&, i] {
        std::string error;
        results[i] = write_new_file(target, "writer " + std::to_string(i) + "\n", error, dir.path(), fuse_exfat);
      });
    }
    for (auto& t : threads) t.join();
    int written = 0, exists = 0;
    std::string winner;
    for (int i = 0; i < 8; ++i) {
      if (results[i] == WriteResult::written) {
        ++written;
        winner = "writer " + std::to_string(i) + "\n";
      }
      if (results[i] == WriteResult::exists) ++exists;
    }
    CHECK(written == 1);
    CHECK(exists == 7);
    CHECK(slurp(target) == winner);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"2564-01.yaml"});
  }
}

TEST_CASE("write_new_file: sweeps kudrang's stale temporaries and locks in the folder, nothing else")
{
  test::TempDir dir;
  fs::path d = dir.path() / "meetings" / "2564";
  fs::create_directories(d);
  // Left by runs killed long ago (the old naming was a 32-bit number).
  std::ofstream(d / ".2564-01.yaml.3735928559.tmp") << "kind: mee";
  std::ofstream(d / ".2564-02.yaml.17293822569102704640.tmp") << "half";
  fs::create_directory(d / ".2564-03.yaml.kudrang-lock");
  age(d / ".2564-01.yaml.3735928559.tmp", std::chrono::hours(2));
  age(d / ".2564-02.yaml.17293822569102704640.tmp", std::chrono::minutes(11));
  age(d / ".2564-03.yaml.kudrang-lock", std::chrono::minutes(1));
  // A writer's temporary of a moment ago, and files that only look alike.
  std::ofstream(d / ".2564-04.yaml.123456.tmp") << "being written";
  std::ofstream(d / ".notes.tmp") << "mine";
  std::ofstream(d / ".draft.yaml.v2.tmp") << "mine";
  age(d / ".notes.tmp", std::chrono::hours(2));
  age(d / ".draft.yaml.v2.tmp", std::chrono::hours(2));
  std::string error;
  REQUIRE(write_new_file(d / "2564-05.yaml", "kind: meeting\n", error, dir.path()) == WriteResult::written);
  CHECK(names_in(d) == std::vector<std::string>{".2564-04.yaml.123456.tmp", ".draft.yaml.v2.tmp", ".notes.tmp",
                                                "2564-05.yaml"});
}

TEST_CASE("rename_no_replace: moves a file or a folder onto a free name only, with or without renameat2")
{
  FileSystemLimits no_renameat2;
  no_renameat2.no_rename_noreplace = true;
  for (const auto& limits : {FileSystemLimits{}, no_renameat2}) {
    test::TempDir dir;
    dir.write("a/x.yaml", "a\n");
    dir.write("b/x.yaml", "b\n");
    dir.write("f.yaml", "f\n");
    dir.write("g.yaml", "g\n");
    CHECK(rename_no_replace(dir.path() / "a", dir.path() / "b", limits) == EEXIST);
    CHECK(rename_no_replace(dir.path() / "f.yaml", dir.path() / "g.yaml", limits) == EEXIST);
    CHECK(slurp(dir.path() / "g.yaml") == "g\n");
    CHECK(rename_no_replace(dir.path() / "a", dir.path() / "c", limits) == 0);
    CHECK(slurp(dir.path() / "c" / "x.yaml") == "a\n");
    CHECK_FALSE(fs::exists(dir.path() / "a"));
  }
}
