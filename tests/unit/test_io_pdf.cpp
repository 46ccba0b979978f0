// io/pdf: the target holds the whole PDF or nothing, and is never replaced.
// A stand-in engine (a shell script) acts out weasyprint, so these run where
// WeasyPrint is not installed; the cases that get past the font check need a
// Thai font (fonts-tlwg-laksaman) and are skipped without one.
#include "kudrang/io/pdf.hpp"
#include "testutil.hpp"

#include <sys/stat.h>

using namespace kudrang;
using kudrang::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An engine script: `body` runs with $page the HTML page and $out the
// output, the last two arguments (as weasyprint takes them).
fs::path engine(const TempDir& t, const std::string& body)
{
  fs::path p = t.path() / "engine.sh";
  t.write("engine.sh", "#!/bin/sh\nfor a; do page=$out; out=$a; done\n" + body + "\n");
  ::chmod(p.c_str(), 0755);
  return p;
}

size_t entries(const fs::path& dir)
{
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("pdf: an existing target is refused before the engine runs, and left as it was")
{
  TempDir t;
  t.write("out/doc.pdf", "keep");
  PdfOptions o;
  o.engine = engine(t, "echo ran > \"$(dirname \"$0\")/ran\"").string();
  std::string error;
  CHECK(write_pdf("<p>x</p>", t.path() / "out/doc.pdf", error, o) == PdfResult::exists);
  CHECK(error.find("exists") != std::string::npos);
  CHECK(slurp(t.path() / "out/doc.pdf") == "keep");
  CHECK_FALSE(fs::exists(t.path() / "ran"));
}

TEST_CASE("pdf: no engine: what to install, and no file")
{
  TempDir t;
  fs::create_directories(t.path() / "out");
  PdfOptions o;
  o.engine = (t.path() / "no-such-weasyprint").string();
  std::string error;
  CHECK(write_pdf("<p>x</p>", t.path() / "out/doc.pdf", error, o) == PdfResult::no_engine);
  CHECK(error.find("apt-get install weasyprint") != std::string::npos);
  CHECK(entries(t.path() / "out") == 0);
}

TEST_CASE("pdf: an engine that fails half-way leaves neither the target nor its temporary")
{
  if (official_thai_font().empty()) return;  // needs fonts-tlwg-laksaman to get this far
  TempDir t;
  fs::create_directories(t.path() / "out");
  PdfOptions o;
  o.engine = engine(t, "printf '%%PDF-1.7 half' > \"$out\"; exit 1").string();
  std::string error;
  CHECK(write_pdf("<p>x</p>", t.path() / "out/doc.pdf", error, o) == PdfResult::failed);
  CHECK(error.find("failed (exit 1)") != std::string::npos);
  CHECK(entries(t.path() / "out") == 0);
}

TEST_CASE("pdf: what the engine wrote gets the target's name, the page given to it whole")
{
  if (official_thai_font().empty()) return;
  TempDir t;
  fs::create_directories(t.path() / "out");
  PdfOptions o;
  o.engine = engine(t, "printf '%%PDF-1.7\\n' > \"$out\"; cat \"$page\" >> \"$out\"").string();
  o.base_dir = t.path();
  std::string error;
  std::string page = "<!doctype html><p>ขอแสดงความนับถือ</p>";
  REQUIRE(write_pdf(page, t.path() / "out/doc.pdf", error, o) == PdfResult::written);
  CHECK(slurp(t.path() / "out/doc.pdf") == "%PDF-1.7\n" + page);
  CHECK(entries(t.path() / "out") == 1);
}

TEST_CASE("pdf: an engine that succeeds without writing a PDF leaves no file")
{
  if (official_thai_font().empty()) return;
  TempDir t;
  fs::create_directories(t.path() / "out");
  PdfOptions o;
  o.engine = engine(t, "cp \"$page\" \"$out\"").string();
  std::string error;
  CHECK(write_pdf("<p>x</p>", t.path() / "out/doc.pdf", error, o) == PdfResult::failed);
  CHECK(error.find("without writing a PDF") != std::string::npos);
  CHECK(entries(t.path() / "out") == 0);
}
