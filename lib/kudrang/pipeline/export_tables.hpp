#pragma once
// `kudrang export`: flat tables with stable keys for analysis (a national
// database or dashboard loads them; kudrang does not build one). One stage
// turns a workspace into its rows of every table; the command streams them
// to the writer, a batch of workspaces at a time.
#include "kudrang/core/flat_table.hpp"
#include "kudrang/pipeline/pipeline.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace kudrang {

// The tables in their fixed order, every column named.
const std::vector<TableSpec>& export_tables();

// One workspace's rows: rows[t] belongs to export_tables()[t].
struct ExportRows {
  std::vector<std::vector<std::vector<Cell>>> rows;
  bool operator==(const ExportRows&) const = default;
};

ExportRows export_rows(const Workspace& ws);

std::unique_ptr<StageBase> export_stage(std::function<void(const WorkspaceInfo&, ExportRows&&)> fold);

void encode_partial(const ExportRows& v, std::string& out);
bool decode_partial(std::string_view& in, ExportRows& v);

}  // namespace kudrang
