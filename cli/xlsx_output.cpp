#include "xlsx_output.hpp"

#include "kudrang/io/safe_write.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace kudrang::cli {

void emit_xlsx(const XlsxBook& book, const std::string& out, const Globals& g)
{
  if (out.empty() || out == "-") throw UsageError("--format xlsx writes a file: give it with -o FILE.xlsx");
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(out, ec)))
    throw IoError(fmt::format("{} exists; kudrang does not overwrite files", out));
  std::string error;
  auto bytes = xlsx_bytes(book, error);
  if (!bytes) throw IoError(error);
  switch (write_new_file(out, *bytes, error)) {
  case WriteResult::written:
    if (!g.quiet) std::cerr << fmt::format("wrote {}\n", out);
    return;
  case WriteResult::exists: throw IoError(fmt::format("{} exists; kudrang does not overwrite files", out));
  case WriteResult::failed: throw IoError(error);
  }
}

}  // namespace kudrang::cli
