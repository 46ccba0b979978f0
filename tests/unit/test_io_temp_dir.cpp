// Private temporary folders (issue 11): mode 0700, gone when dropped, gone
// when the process is stopped by a signal, and stale ones swept.
#include "kudrang/io/process.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "testutil.hpp"

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kudrang;
namespace fs = std::filesystem;

namespace {

// Fills a folder like a git export: files, nested folders, a symlink out.
void fill_tree(const fs::path& root, const fs::path& outside)
{
  for (int i = 0; i < 40; ++i) {
    fs::path d = root / "ws" / ("sub" + std::to_string(i % 5)) / "plans" / std::to_string(i);
    fs::create_directories(d);
    std::ofstream(d / "plan.yaml") << "kind: community-plan\n";
  }
  fs::create_symlink(outside, root / "ws" / "link-out");
}

void set_mtime_ago(const fs::path& p, long seconds)
{
  struct timespec times[2];
  times[0].tv_sec = times[1].tv_sec = std::time(nullptr) - seconds;
  times[0].tv_nsec = times[1].tv_nsec = 0;
  REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

}  // namespace

TEST_CASE("PrivateTempDir: mode 0700, removed with everything in it, never what a symlink points to")
{
  test::TempDir outside;
  outside.write("keep.yaml", "x\n");
  std::string error;
  fs::path p;
  {
    auto t = PrivateTempDir::create("kudrang-unit-private-", error);
    REQUIRE(t);
    p = t->path();
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
    CHECK(p.filename().string().rfind("kudrang-unit-private-", 0) == 0);
    fill_tree(p, outside.path());
  }
  CHECK_FALSE(fs::exists(fs::symlink_status(p)));
  CHECK(fs::exists(outside.path() / "keep.yaml"));
}

TEST_CASE("PrivateTempDir: removed when the process is stopped by SIGINT, SIGTERM or SIGHUP, which then ends it")
{
  test::TempDir outside;
  outside.write("keep.yaml", "x\n");
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    CAPTURE(sig);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(fds[0]);
      // As from a terminal: a test run in the background may have SIGINT
      // ignored, and an ignored signal stays ignored (nohup).
      ::signal(sig, SIG_DFL);
      std::string error;
      auto t = PrivateTempDir::create("kudrang-unit-signal-", error);
      if (!t) ::_exit(10);
      fill_tree(t->path(), outside.path());
      std::string s = t->path().string();
      if (::write(fds[1], s.data(), s.size()) != static_cast<ssize_t>(s.size())) ::_exit(11);
      ::close(fds[1]);
      ::kill(::getpid(), sig);
      ::pause();
      ::_exit(12);  // not reached: the signal ends the process
    }
    ::close(fds[1]);
    char buf[4096];
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    ::close(fds[0]);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(n > 0);
    fs::path p(std::string(buf, static_cast<size_t>(n)));
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK_FALSE(fs::exists(fs::symlink_status(p)));
    CHECK(fs::exists(outside.path() / "keep.yaml"));
  }
}

TEST_CASE("sweep_stale_temp_dirs: removes this user's folders older than the age, keeps fresh ones and symlinks")
{
  test::TempDir outside;
  outside.write("keep.yaml", "x\n");
  fs::path tmp = fs::temp_directory_path();
  fs::path old_dir = tmp / "kudrang-unit-sweep-old1";
  fs::path fresh = tmp / "kudrang-unit-sweep-fresh";
  fs::path link = tmp / "kudrang-unit-sweep-link";
  fs::create_directories(old_dir / "ws" / "plans");
  std::ofstream(old_dir / "ws" / "plans" / "p.yaml") << "x\n";
  fs::create_directories(fresh);
  fs::remove(link);
  fs::create_symlink(outside.path(), link);
  set_mtime_ago(old_dir, 7200);
  set_mtime_ago(link, 7200);
  CHECK(sweep_stale_temp_dirs("kudrang-unit-sweep-", std::chrono::hours(1)) == 1);
  CHECK_FALSE(fs::exists(old_dir));
  CHECK(fs::exists(fresh));
  CHECK(fs::is_symlink(link));
  CHECK(fs::exists(outside.path() / "keep.yaml"));
  fs::remove_all(fresh);
  fs::remove(link);
}

TEST_CASE("run_program: arguments reach the program as they are, no shell between")
{
  test::TempDir dir;
  std::string error;
  // A name a shell would split, expand or take as an option.
  std::string odd = "-n o'brien $(touch pwned) ;x";
  ProgramOptions po;
  po.cwd = dir.path();
  CHECK(run_program({"mkdir", "--", odd}, error, po) == 0);
  CHECK(fs::is_directory(dir.path() / odd));
  CHECK_FALSE(fs::exists(dir.path() / "pwned"));
  CHECK(run_program({"false"}, error) == 1);
  CHECK(run_program({"kudrang-no-such-program-here"}, error) == -1);
  CHECK(error.find("not installed") != std::string::npos);
}

TEST_CASE("run_program: a program past its timeout is stopped, with or without its output read")
{
  for (bool capture : {false, true}) {
    CAPTURE(capture);
    std::string error, out;
    ProgramOptions o;
    o.timeout_seconds = 1;
    if (capture) o.output = &out;
    auto start = std::chrono::steady_clock::now();
    CHECK(run_program({"sleep", "30"}, error, o) == -1);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(error.find("did not finish within 1 s") != std::string::npos);
  }
  std::string error, out;
  ProgramOptions o;
  o.timeout_seconds = 30;
  o.output = &out;
  CHECK(run_program({"echo", "ลงชื่อ"}, error, o) == 0);
  CHECK(out == "ลงชื่อ\n");
}
