#include "kudrang/io/pdf.hpp"

#include "kudrang/io/process.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/io/temp_dir.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kudrang {

namespace {

// Whether `program` is an executable file in PATH.
bool in_path(const std::string& program)
{
  if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string_view rest(path);
  while (true) {
    size_t colon = rest.find(':');
    std::string_view dir = rest.substr(0, colon);
    fs::path candidate = (dir.empty() ? fs::path(".") : fs::path(dir)) / program;  // an empty entry is "."
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

std::string official_thai_font()
{
  std::string families;
  std::string error;
  ProgramOptions po;
  po.output = &families;
  if (run_program({"fc-list", ":lang=th", "family"}, error, po) != 0) return {};
  // One line per font: "Family[,Other name]".
  std::vector<std::string> names;
  std::istringstream lines(families);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream parts(line);
    for (std::string n; std::getline(parts, n, ',');) names.push_back(n);
  }
  for (const char* wanted : {"TH Sarabun New", "TH SarabunPSK", "Sarabun", "Laksaman"}) {
    for (const auto& n : names) {
      if (n == wanted) return n;
    }
  }
  return {};
}

PdfResult write_pdf(std::string_view html, const fs::path& target, std::string& error, const PdfOptions& options)
{
  std::error_code ec;
  if (fs::exists(fs::symlink_status(target, ec))) {
    error = fmt::format("{} exists; kudrang does not overwrite files", target.string());
    return PdfResult::exists;
  }
  if (!in_path(options.engine)) {
    error = fmt::format("cannot write {}: the PDF engine {} is not installed; install it with "
                        "'apt-get install weasyprint' (Debian 12), or use --format html and print from a browser",
                        target.string(), options.engine);
    return PdfResult::no_engine;
  }
  if (official_thai_font().empty()) {
    error = fmt::format("cannot write {}: no Thai font for official documents (TH Sarabun New or Laksaman); "
                        "install it with 'apt-get install fonts-tlwg-laksaman'",
                        target.string());
    return PdfResult::no_font;
  }
  auto dir = PrivateTempDir::create("kudrang-pdf-", error);
  if (!dir) return PdfResult::failed;
  fs::path page = dir->path() / "document.html";
  {
    std::ofstream out(page, std::ios::binary);
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    if (!out.flush()) {
      error = fmt::format("cannot write {}: {}", page.string(), std::strerror(errno));
      return PdfResult::failed;
    }
  }
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(folder, ec)) {
    error = fmt::format("cannot write {}: the folder {} does not exist", target.string(), folder.string());
    return PdfResult::failed;
  }
  // A run killed while the engine wrote leaves its temporary: swept here as write_new_file does.
  sweep_stale_temporaries(folder);
  fs::path temp = folder / fmt::format(".{}.{}.tmp", target.filename().string(), ::getpid());
  std::vector<std::string> argv{options.engine, "--quiet", "--encoding", "utf-8"};
  if (!options.base_dir.empty()) {
    argv.push_back("--base-url");
    argv.push_back(fs::absolute(options.base_dir, ec).string() + "/");
  }
  argv.push_back(page.string());
  argv.push_back(temp.string());
  // --quiet keeps a good run silent; when the engine fails, what it says
  // (a traceback, a file it cannot read) reaches the clerk's terminal.
  ProgramOptions po;
  po.show_output = true;
  po.timeout_seconds = 300;  // a hung engine must not hang kudrang (the minutes take about a second)
  int rc = run_program(argv, error, po);
  if (rc != 0) {
    fs::remove(temp, ec);
    if (rc > 0) error = fmt::format("cannot write {}: {} failed (exit {})", target.string(), options.engine, rc);
    return PdfResult::failed;
  }
  // A PDF, on disk, before it gets its name (a stick pulled out then keeps nothing half).
  char magic[5] = {};
  int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  bool is_pdf = fd >= 0 && ::read(fd, magic, sizeof magic) == static_cast<ssize_t>(sizeof magic)
                && std::string_view(magic, sizeof magic) == "%PDF-";
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (!is_pdf) {
    fs::remove(temp, ec);
    error = fmt::format("cannot write {}: {} ended without writing a PDF", target.string(), options.engine);
    return PdfResult::failed;
  }
  if (int e = rename_no_replace(temp, target); e != 0) {
    fs::remove(temp, ec);
    if (e == EEXIST) {
      error = fmt::format("{} exists; kudrang does not overwrite files", target.string());
      return PdfResult::exists;
    }
    error = fmt::format("cannot write {}: {}", target.string(), std::strerror(e));
    return PdfResult::failed;
  }
  sync_folder(folder);
  return PdfResult::written;
}

}  // namespace kudrang
