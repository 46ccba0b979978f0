// libFuzzer target: one record file through the loader, the schema check and
// extraction, then its diagnostics through every renderer. Anything the fuzzer
// can make crash, hang or leak here, a clerk's file could too.
#include "kudrang/records/parsed_record.hpp"
#include "kudrang/render/diagnostics_render.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace kudrang;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The production limits (4 MiB files, 64 levels, 200,000 nodes): what a
  // clerk's or an attacker's file meets, not smaller ones (issue 11).
  const LoadLimits limits;
  ParsedRecord r = parse_record(text, "fuzz.yaml", limits);
  std::ostringstream out;
  for (const auto& d : r.diagnostics) out << format_diagnostic(d) << '\n';
  render_diagnostics_json(out, r.diagnostics, 1);
  render_diagnostics_github(out, r.diagnostics, 1);
  return 0;
}
