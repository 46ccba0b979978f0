// The fact cache's encoding: a record read back is the record written.
#include "kudrang/records/fact_cache.hpp"
#include "kudrang/records/record_codec.hpp"
#include "testutil.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace kudrang;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("codec: every example record and every error survives encode and decode")
{
  size_t files = 0;
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(KUDRANG_SOURCE_DIR) / "examples")) {
    if (e.path().extension() == ".yaml") inputs.emplace_back(e.path().string(), slurp(e.path()));
  }
  // Records with errors too: the diagnostics are cached with the facts.
  inputs.emplace_back("bad.yaml", "kind: meeting\nid: 2563-01\nstatus: held\ndate: 2020-02-30\nchair: [1]\n");
  inputs.emplace_back("syntax.yaml", "kind: project\nname: 'open\n");
  for (const auto& [name, text] : inputs) {
    ParsedRecord r = parse_record(text, name);
    std::string a;
    encode_record(r, a);
    std::string_view in = a;
    ParsedRecord back;
    REQUIRE(decode_record(in, name, back));
    CHECK(in.empty());
    std::string b;
    encode_record(back, b);
    CHECK(a == b);
    CHECK(back.kind == r.kind);
    CHECK(back.value.index() == r.value.index());
    REQUIRE(back.diagnostics.size() == r.diagnostics.size());
    for (size_t i = 0; i < r.diagnostics.size(); ++i) {
      CHECK(format_diagnostic(back.diagnostics[i]) == format_diagnostic(r.diagnostics[i]));
    }
    ++files;
  }
  CHECK(files > 30);
}

TEST_CASE("codec: the workspace's letter particulars survive the cache (issue 15)")
{
  ParsedRecord r = parse_record(slurp(fs::path(KUDRANG_SOURCE_DIR) / "examples/kudrang/kudrang.yaml"), "kudrang.yaml");
  std::string bytes;
  encode_record(r, bytes);
  std::string_view in = bytes;
  ParsedRecord back;
  REQUIRE(decode_record(in, "kudrang.yaml", back));
  const auto* c = std::get_if<WorkspaceConfig>(&back.value);
  REQUIRE(c);
  CHECK(c->letter.number_prefix == "มค ๗๘๙๐๑");
  CHECK(c->letter.unit == "สำนักปลัด องค์การบริหารส่วนตำบลกุดรัง");
  CHECK(c->letter.phone == "๐ ๔๓๗๒ ๘๐๐๐");
  CHECK(c->letter.email == "saraban@kudrang.example");
  CHECK(c->letter.office_address.find("จังหวัดมหาสารคาม") != std::string::npos);
}

TEST_CASE("codec: damaged bytes are refused, never trusted")
{
  ParsedRecord r = parse_record(slurp(fs::path(KUDRANG_SOURCE_DIR) / "examples/kudrang/plans/2563/m01.yaml"), "m");
  std::string bytes;
  encode_record(r, bytes);
  for (size_t cut = 0; cut < bytes.size(); cut += 7) {
    std::string_view in(bytes.data(), cut);
    ParsedRecord back;
    CHECK_FALSE(decode_record(in, "m", back));
  }
}

TEST_CASE("fact cache: a missing, damaged or foreign store gives an empty cache")
{
  test::TempDir dir;
  fs::path file = dir.path() / "facts.sqlite";
  CHECK(FactCache(file, "fp").state() == FactCache::State::missing);
  auto write = [&](const char* fp) {
    FactCache c(file, fp);
    ParsedRecord r = parse_record("kind: project\nref: \"1.1\"\nname: x\n", "p.yaml");
    c.remember("p.yaml", FileStamp{1, 2, 3, 4}, content_digest("x"), LoadLimits{}, r);
    std::string error;
    REQUIRE(c.save(true, error));
  };
  write("fp");
  std::string good = slurp(file);
  FactCache loaded(file, "fp");
  CHECK(loaded.state() == FactCache::State::loaded);
  REQUIRE(loaded.entry("p.yaml"));
  CHECK(loaded.entry("p.yaml")->content_digest == content_digest("x"));
  ParsedRecord back;
  CHECK(loaded.decode(*loaded.entry("p.yaml"), "p.yaml", back));
  CHECK(back.kind == "project");
  CHECK(FactCache(file, "another build").state() == FactCache::State::foreign);
  CHECK_FALSE(FactCache(file, "another build").entry("p.yaml"));

  // Not a store at all (its header damaged, garbage, cut short): empty, and
  // the next save puts a good store in its place.
  std::string header = good;
  header[3] ^= 1;
  std::string cut = good.substr(0, good.size() / 3);
  for (const std::string& bad : {header, std::string(4096, 'x'), cut}) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bad;
    {
      FactCache damaged(file, "fp");
      CHECK_FALSE(damaged.entry("p.yaml"));
      CHECK(damaged.state() != FactCache::State::loaded);
    }
    write("fp");
    FactCache again(file, "fp");
    CHECK(again.state() == FactCache::State::loaded);
    CHECK(again.entry("p.yaml"));
  }

  // A foreign store is emptied before this build writes to it.
  write("another build");
  {
    FactCache c(file, "fp");
    c.remember_payload(FactCache::result_key("validate", "w"), content_digest("in"), "r");
    std::string error;
    REQUIRE(c.save(true, error));
  }
  FactCache mine(file, "fp");
  CHECK(mine.state() == FactCache::State::loaded);
  CHECK_FALSE(mine.entry("p.yaml"));
  CHECK(mine.entry(FactCache::result_key("validate", "w")));
}

TEST_CASE("fact cache: a damaged entry is never trusted")
{
  test::TempDir dir;
  fs::path file = dir.path() / "facts.sqlite";
  const std::string key = FactCache::result_key("validate", "w");
  const std::string bytes = "diagnostics-of-workspace-w-0123456789";
  {
    FactCache c(file, "fp");
    c.remember_payload(key, content_digest("in"), bytes);
    std::string error;
    REQUIRE(c.save(true, error));
  }
  std::string data = slurp(file);
  size_t at = data.find(bytes);
  REQUIRE(at != std::string::npos);
  data[at + 5] ^= 1;
  std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
  FactCache c(file, "fp");
  CHECK(c.state() == FactCache::State::loaded);
  CHECK_FALSE(c.entry(key));
}

TEST_CASE("fact cache: runs at the same time both land, and one that cannot write goes on")
{
  test::TempDir dir;
  fs::path file = dir.path() / "facts.sqlite";
  {
    FactCache c(file, "fp");
    c.remember_payload(FactCache::result_key("validate", "first"), content_digest("a"), "a");
    std::string error;
    REQUIRE(c.save(false, error));
  }
  std::vector<std::thread> runs;
  std::atomic<int> saved{0};
  for (int t = 0; t < 4; ++t) {
    runs.emplace_back([&, t] {
      FactCache c(file, "fp");
      for (int i = 0; i < 200; ++i) {
        c.remember_payload(FactCache::result_key("validate", std::to_string(t * 1000 + i)), content_digest("b"),
                           std::string(5000, 'b'));
      }
      std::string error;
      if (c.save(false, error)) ++saved;
    });
  }
  for (auto& r : runs) r.join();
  CHECK(saved == 4);
  FactCache c(file, "fp");
  CHECK(c.state() == FactCache::State::loaded);
  CHECK(c.entry(FactCache::result_key("validate", "first")));
  for (int t = 0; t < 4; ++t) CHECK(c.entry(FactCache::result_key("validate", std::to_string(t * 1000 + 199))));

  // A folder that cannot be made (a file stands in its way): save says so.
  std::ofstream(dir.path() / "blocker") << "x";
  FactCache stuck(dir.path() / "blocker" / "facts.sqlite", "fp");
  stuck.remember_payload(FactCache::result_key("validate", "w"), content_digest("a"), "a");
  std::string error;
  CHECK_FALSE(stuck.save(true, error));
  CHECK_FALSE(error.empty());
}

namespace {

// Sets (or unsets, with nullptr) an environment variable for one scope.
class EnvVar {
public:
  EnvVar(const char* name, const char* value) : m_name(name)
  {
    if (const char* old = std::getenv(name)) m_old = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~EnvVar()
  {
    if (m_old) ::setenv(m_name, m_old->c_str(), 1);
    else ::unsetenv(m_name);
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("fact cache: a .git file is followed only to a real git directory")
{
  test::TempDir dir;
  fs::path ws = dir.path() / "ws";
  fs::path elsewhere = dir.path() / "elsewhere";
  fs::create_directories(ws);
  fs::create_directories(elsewhere);
  std::ofstream(ws / ".git") << "gitdir: " << elsewhere.string() << "\n";
  EnvVar no_override("KUDRANG_CACHE_DIR", nullptr);
  EnvVar xdg("XDG_CACHE_HOME", (dir.path() / "xdg").c_str());

  // Git rejects that folder (no HEAD, objects/, refs/): so does kudrang.
  fs::path file = default_cache_file(ws);
  CHECK(file.parent_path() == dir.path() / "xdg" / "kudrang");
  {
    FactCache c(file, "fp");
    c.remember("p.yaml", FileStamp{1, 2, 3, 4}, content_digest("x"), LoadLimits{},
               parse_record("kind: project\nref: \"1.1\"\nname: x\n", "p.yaml"));
    std::string error;
    REQUIRE(c.save(true, error));
  }
  CHECK(fs::is_empty(elsewhere));
  CHECK(fs::exists(file));

  // A HEAD that is not a ref or an object id is not a git directory either.
  fs::create_directories(elsewhere / "objects");
  fs::create_directories(elsewhere / "refs");
  std::ofstream(elsewhere / "HEAD") << "anything\n";
  CHECK(default_cache_file(ws).parent_path() == dir.path() / "xdg" / "kudrang");

  // A real git directory is used.
  std::ofstream(elsewhere / "HEAD", std::ios::trunc) << "ref: refs/heads/main\n";
  CHECK(default_cache_file(ws).parent_path() == elsewhere / "kudrang");

  // So is a linked worktree's: its HEAD, and objects/ and refs/ in the
  // common directory its `commondir` names; without them it is refused.
  fs::path wt = elsewhere / "worktrees" / "w";
  fs::create_directories(wt);
  std::ofstream(wt / "HEAD") << "0123456789abcdef0123456789abcdef01234567\n";
  std::ofstream(ws / ".git", std::ios::trunc) << "gitdir: " << wt.string() << "\n";
  CHECK(default_cache_file(ws).parent_path() == dir.path() / "xdg" / "kudrang");
  std::ofstream(wt / "commondir") << "../..\n";
  CHECK(default_cache_file(ws).parent_path() == wt / "kudrang");
}

TEST_CASE("fact cache: a pipe at the cache's name is not waited on")
{
  test::TempDir dir;
  fs::path file = dir.path() / "facts.sqlite";
  REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  std::atomic<bool> done{false};
  FactCache::State state = FactCache::State::loaded;
  std::thread reader([&] {
    FactCache c(file, "fp");
    state = c.state();
    done = true;
  });
  for (int i = 0; i < 300 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  bool finished = done;
  while (!done) {  // release a reader blocked in open(), so the test ends either way
    int fd = ::open(file.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  reader.join();
  CHECK(finished);
  CHECK(state == FactCache::State::damaged);
}

TEST_CASE("fact cache: stamps taken folder by folder are the files' own")
{
  test::TempDir dir;
  FileTree tree;
  tree.root = dir.path();
  for (const char* name : {"a/x.yaml", "a/y.yaml", "b/z.yaml", "a/gone.yaml", "a/w.yaml"}) {
    fs::path p = dir.path() / name;
    fs::create_directories(p.parent_path());
    if (std::string(name) != "a/gone.yaml") std::ofstream(p) << name;
    tree.files.push_back({p.native(), name, 0});
  }
  auto stamps = stamp_files(tree, {0, 1, 2, 3, 4});
  REQUIRE(stamps.size() == 5);
  for (size_t i = 0; i < 5; ++i) CHECK(stamps[i] == stamp_of(tree.files[i].path));
  CHECK_FALSE(stamps[3]);
  CHECK(stamps[4]);
  CHECK(stamps[0]->inode != stamps[1]->inode);
}
