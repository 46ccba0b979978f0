#pragma once
// The encodings of the pipeline's partials for the cache. One walk over each
// type's fields serves both directions (records/binary_io.hpp); decoding is
// bounds-checked, and a partial that does not decode whole is read afresh.
// The round trip is tested with operator==, so a field left out fails.
#include "kudrang/check/workspace_checks.hpp"
#include "kudrang/core/diagnostic.hpp"
#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/pipeline/stages.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

// Each decode_partial reads from the front of `in` and advances past it.
void encode_partial(const WorkspaceInfo& v, std::string& out);
bool decode_partial(std::string_view& in, WorkspaceInfo& v);
void encode_partial(const std::vector<Diagnostic>& v, std::string& out);
bool decode_partial(std::string_view& in, std::vector<Diagnostic>& v);
void encode_partial(const std::vector<PendingMeeting>& v, std::string& out);
bool decode_partial(std::string_view& in, std::vector<PendingMeeting>& v);
void encode_partial(const WorkspaceGrades& v, std::string& out);
bool decode_partial(std::string_view& in, WorkspaceGrades& v);
void encode_partial(const std::vector<CertificationResult>& v, std::string& out);
bool decode_partial(std::string_view& in, std::vector<CertificationResult>& v);
void encode_partial(const IntegrationResult& v, std::string& out);  // rules and has_budget only
bool decode_partial(std::string_view& in, IntegrationResult& v);
void encode_partial(const SuccessLevels& v, std::string& out);
bool decode_partial(std::string_view& in, SuccessLevels& v);
void encode_partial(const MeetingReport& v, std::string& out);  // without the member and meeting lists
bool decode_partial(std::string_view& in, MeetingReport& v);
void encode_partial(const SummaryRow& v, std::string& out);
bool decode_partial(std::string_view& in, SummaryRow& v);

// A whole partial, nothing left over (the form a Stage takes).
template <class P>
void encode_whole(const P& v, std::string& out)
{
  encode_partial(v, out);
}
template <class P>
bool decode_whole(std::string_view in, P& v)
{
  return decode_partial(in, v) && in.empty();
}

}  // namespace kudrang
