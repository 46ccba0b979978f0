#include "kudrang/io/xlsx_writer.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/io/temp_dir.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kudrang {

std::size_t xlsx_header_row(const XlsxSheet& sheet) { return sheet.title.empty() ? 0 : sheet.title.size() + 1; }

namespace {

// Excel's 1900 date system: 1970-01-01 is serial 25569.
double excel_serial(const Date& d) { return static_cast<double>(days_from_civil(d) + 25569); }

double column_width(std::size_t display)
{
  // A Thai letter is about as wide as a Latin one at Excel's default font;
  // a little room on each side, and no column wider than 60.
  return std::clamp(static_cast<double>(display) * 1.15 + 2.0, 8.0, 60.0);
}

std::string cell_display(const XlsxCell& c)
{
  switch (c.kind) {
  case XlsxCell::Kind::empty: return {};
  case XlsxCell::Kind::text: return c.text;
  case XlsxCell::Kind::integer: return std::to_string(static_cast<long long>(c.number));
  case XlsxCell::Kind::number: return std::to_string(c.number).substr(0, 10);
  case XlsxCell::Kind::money: return format_money(c.money) + "  ";
  case XlsxCell::Kind::percent: return "100.0%";
  case XlsxCell::Kind::date: return "30 ก.ย. 2563";
  case XlsxCell::Kind::boolean: return "FALSE";
  }
  return {};
}

}  // namespace

std::optional<std::string> xlsx_bytes(const XlsxBook& book, std::string& error)
{
  auto tmp = PrivateTempDir::create("kudrang-xlsx-", error);
  if (!tmp) return std::nullopt;
  std::filesystem::path file = tmp->path() / "book.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;  // shared strings: what every reader reads
  options.tmpdir = const_cast<char*>(tmp->path().c_str());
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) {
    error = "cannot start the workbook (libxlsxwriter)";
    return std::nullopt;
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0.0%");
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "0");
  // Dates are true dates shown in the Buddhist Era ([$-1070000]: Thai
  // Buddhist calendar), e.g. 15/10/2562.
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "[$-1070000]d/m/yyyy");
  lxw_format* unlocked = workbook_add_format(wb);
  format_set_border(unlocked, LXW_BORDER_HAIR);
  format_set_bg_color(unlocked, 0xFFF9E5);

  for (const XlsxSheet& s : book.sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) {
      error = "cannot add the sheet \"" + s.name + "\" (a name of at most 31 characters, none of []:*?/\\)";
      workbook_close(wb);
      return std::nullopt;
    }
    std::vector<std::size_t> widths(s.headers.size(), 0);
    for (std::size_t i = 0; i < s.title.size(); ++i)
      worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, s.title[i].c_str(), bold);
    const auto hr = static_cast<lxw_row_t>(xlsx_header_row(s));
    for (std::size_t c = 0; c < s.headers.size(); ++c) {
      worksheet_write_string(ws, hr, static_cast<lxw_col_t>(c), s.headers[c].c_str(), head);
      widths[c] = std::max(widths[c], display_width(s.headers[c]));
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(hr + 1 + r);
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const XlsxCell& x = s.rows[r][c];
        const auto col = static_cast<lxw_col_t>(c);
        if (c >= widths.size()) widths.resize(c + 1, 0);
        widths[c] = std::max(widths[c], display_width(cell_display(x)));
        switch (x.kind) {
        case XlsxCell::Kind::empty: break;
        case XlsxCell::Kind::text: worksheet_write_string(ws, row, col, x.text.c_str(), nullptr); break;
        case XlsxCell::Kind::integer: worksheet_write_number(ws, row, col, x.number, integer); break;
        case XlsxCell::Kind::number: worksheet_write_number(ws, row, col, x.number, nullptr); break;
        case XlsxCell::Kind::money:
          // Satang are exact; the cell holds baht as Excel does (a double,
          // exact to the satang for any budget kudrang can hold below 2^53).
          worksheet_write_number(ws, row, col, static_cast<double>(x.money.satang) / 100.0, money);
          break;
        case XlsxCell::Kind::percent: worksheet_write_number(ws, row, col, x.number, percent); break;
        case XlsxCell::Kind::date: worksheet_write_number(ws, row, col, excel_serial(x.date), date); break;
        case XlsxCell::Kind::boolean: worksheet_write_boolean(ws, row, col, x.number != 0, nullptr); break;
        }
      }
    }
    for (std::size_t r = 0; r < s.blank_rows; ++r)
      for (std::size_t c = 0; c < s.headers.size(); ++c)
        worksheet_write_blank(ws, static_cast<lxw_row_t>(hr + 1 + s.rows.size() + r), static_cast<lxw_col_t>(c),
                              unlocked);
    for (std::size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), column_width(widths[c]), nullptr);
    worksheet_freeze_panes(ws, hr + 1, 0);
    for (const XlsxDropdown& d : s.dropdowns) {
      std::vector<const char*> list;
      for (const auto& ch : d.choices) list.push_back(ch.c_str());
      list.push_back(nullptr);
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_LIST;
      v.value_list = const_cast<char**>(list.data());
      v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      worksheet_data_validation_range(ws, static_cast<lxw_row_t>(hr + 1 + d.first_row), static_cast<lxw_col_t>(d.col),
                                      static_cast<lxw_row_t>(hr + 1 + d.last_row), static_cast<lxw_col_t>(d.col), &v);
    }
  }
  lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) {
    error = std::string("cannot write the workbook: ") + lxw_strerror(rc);
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in) {
    error = "cannot read back the workbook written in " + tmp->path().string();
    return std::nullopt;
  }
  return buf.str();
}

}  // namespace kudrang
