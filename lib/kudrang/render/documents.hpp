#pragma once
// Official Thai documents (as a Doc: Markdown for pandoc → DOCX/PDF, or an
// HTML page): the project sheet (ten sections), the invitation letter and the
// minutes in the layout of form no. 11 of the 2526 regulation on official
// correspondence.
#include "kudrang/records/workspace.hpp"
#include "kudrang/render/doc.hpp"
#include "kudrang/rules/project_status.hpp"

#include <ostream>

namespace kudrang {

struct DocumentOptions {
  bool thai = true;          // language of labels (documents are Thai by nature)
  bool thai_digits = false;  // write every digit as a Thai digit
  std::optional<Date> letter_date;  // date printed on a letter (default: today, given by the caller)
  std::string letter_number;        // the number after the office's prefix on ที่ (none: dots)
  std::string reference;            // อ้างถึง of a letter (none: the line is left out)
  std::string emblem_src;           // the emblem image as the page finds it (none: its place stays empty)
};

// Print CSS of the documents, for html_page's extra_css: the minutes and
// project sheet (form no. 11, lines under the title centred, signature
// blocks), and the external letter (form no. 1) with its enclosure.
extern const char* const minutes_css;
extern const char* const letter_css;

// "วันอังคารที่ 17 ธันวาคม พ.ศ. 2562"
std::string thai_long_date(const Date& d);
// "09:30" -> "09.30 น."
std::string thai_time(std::string_view hhmm);

Doc project_sheet_doc(const Project& p, const Workspace& ws, const DocumentOptions& o);
Doc project_status_doc(const ProjectStatus& s, const DocumentOptions& o);
void render_project_status_json(std::ostream& out, const ProjectStatus& s);
Doc minutes_doc(const Meeting& m, const Workspace& ws, const DocumentOptions& o);
Doc invitation_doc(const Meeting& m, const Workspace& ws, const DocumentOptions& o);

}  // namespace kudrang
