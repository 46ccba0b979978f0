#pragma once
// Parsed records to bytes and back, for the fact cache (io/fact_cache): a
// record read from the cache must be exactly the record parsed from its file.
// The format is private to one kudrang build (the cache is keyed by the
// executable), so it has no versioning of its own; decoding is bounds-checked
// and reports a damaged input instead of trusting it.
#include "kudrang/records/parsed_record.hpp"

#include <string>
#include <string_view>

namespace kudrang {

// Appends `r` to `out`. Diagnostics are stored without their file name.
void encode_record(const ParsedRecord& r, std::string& out);

// Reads one record from the front of `in` and advances past it; the
// diagnostics get `display` as their file. False when `in` is damaged.
bool decode_record(std::string_view& in, const std::string& display, ParsedRecord& out);

// A list of diagnostics with their file names (a workspace's result).
void encode_diagnostics(const std::vector<Diagnostic>& list, std::string& out);
bool decode_diagnostics(std::string_view& in, std::vector<Diagnostic>& out);

}  // namespace kudrang
