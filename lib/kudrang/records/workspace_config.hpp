#pragma once
// kind: workspace (kudrang.yaml): the organisation, its area and villages, the council.
#include "kudrang/io/yaml_loader.hpp"
#include "kudrang/records/fields.hpp"

namespace kudrang {

struct Village {
  int no = 0;
  std::string name;
  std::string code;
  Mark mark;
};

struct Holiday {
  Date date;
  std::string name;
  Mark mark;
};

// A share kept exactly as a fraction (quorum 0.5 -> 5/10).
struct Fraction {
  long num = 0;
  long den = 1;
};

// `letter:`, the office's particulars for external letters (หนังสือภายนอก,
// form no. 1): all optional; a document leaves out (or dots) what is missing.
struct LetterConfig {
  std::string emblem;          // image path (the Garuda), relative to kudrang.yaml
  std::string number_prefix;   // "มค ๗๘๙๐๑" of "ที่ มค ๗๘๙๐๑/๑๒๓"
  std::string office_address;  // lines under the office's name, at the right
  std::string unit;            // ส่วนราชการเจ้าของเรื่อง, bottom left
  std::string phone;           // โทร.
  std::string fax;             // โทรสาร
  std::string email;           // ไปรษณีย์อิเล็กทรอนิกส์
};

struct WorkspaceConfig {
  std::string org_name;
  std::string org_short;
  std::string org_type;  // sao | municipality
  std::string province;
  std::string district;
  std::string subdistrict;
  std::string area_code;
  Mark area_code_mark;
  std::vector<Village> villages;
  std::string council_name;
  std::string council_venue;
  int meetings_per_year = 12;
  std::optional<Fraction> quorum;  // absent: more than half
  std::string locale = "th";
  std::vector<Holiday> holidays;
  LetterConfig letter;
  LoadLimits limits;  // `limits:`, for the workspace's other files

  const Village* village(int no) const;
};

WorkspaceConfig extract_workspace_config(const Node& doc, Diagnostics& diags);

}  // namespace kudrang
