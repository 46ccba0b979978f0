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

TEST_CASE("fact cache: a missing, damaged or foreign file gives an empty cache")
{
  test::TempDir dir;
  fs::path file = dir.path() / "facts.bin";
  CHECK(FactCache(file, "fp").state() == FactCache::State::missing);
  {
    FactCache c(file, "fp");
    ParsedRecord r = parse_record("kind: project\nref: \"1.1\"\nname: x\n", "p.yaml");
    c.remember("p.yaml", FileStamp{1, 2, 3, 4}, content_digest("x"), LoadLimits{}, r);
    std::string error;
    REQUIRE(c.save(true, error));
  }
  FactCache loaded(file, "fp");
  CHECK(loaded.state() == FactCache::State::loaded);
  REQUIRE(loaded.entry("p.yaml"));
  CHECK(loaded.entry("p.yaml")->content_digest == content_digest("x"));
  ParsedRecord back;
  CHECK(loaded.decode(*loaded.entry("p.yaml"), "p.yaml", back));
  CHECK(back.kind == "project");
  CHECK(FactCache(file, "another build").state() == FactCache::State::foreign);
  std::string data = slurp(file);
  data[data.size() / 2] ^= 1;
  std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
  FactCache damaged(file, "fp");
  CHECK(damaged.state() == FactCache::State::damaged);
  CHECK(damaged.entry("p.yaml") == nullptr);
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
  fs::path file = dir.path() / "facts.bin";
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
