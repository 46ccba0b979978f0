#include "kudrang/io/spreadsheet.hpp"

#include <orcus/csv_parser.hpp>
#include <orcus/exception.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/import_interface.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>
#include <utf8proc.h>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <fstream>
#include <memory>
#include <sstream>

namespace kudrang {

namespace ss = orcus::spreadsheet;

const SheetCell& Sheet::at(std::size_t row, std::size_t col) const
{
  static const SheetCell none;
  if (row >= rows.size() || col >= rows[row].size()) return none;
  return rows[row][col];
}

std::string cell_address(std::size_t row, std::size_t col)
{
  std::string letters;
  std::size_t c = col + 1;
  while (c > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    c = (c - 1) / 26;
  }
  return letters + std::to_string(row + 1);
}

std::optional<std::size_t> column_index(std::string_view letters)
{
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  std::size_t n = 0;
  for (char ch : letters) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return std::nullopt;
    n = n * 26 + static_cast<std::size_t>(ch - 'A' + 1);
  }
  return n - 1;
}

namespace {

// A workbook's cells are bounded: a sheet claiming a cell far out (XFD1048576)
// must not make us allocate millions of empty ones.
constexpr ss::row_t max_rows = 100000;
constexpr ss::col_t max_cols = 200;

class SharedStrings final : public ss::iface::import_shared_strings {
public:
  std::vector<std::string> strings;
  std::string segments;

  std::size_t append(std::string_view s) override
  {
    strings.emplace_back(s);
    return strings.size() - 1;
  }
  std::size_t add(std::string_view s) override { return append(s); }
  void set_segment_font(std::size_t) override {}
  void set_segment_bold(bool) override {}
  void set_segment_italic(bool) override {}
  void set_segment_font_name(std::string_view) override {}
  void set_segment_font_size(double) override {}
  void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t, ss::color_elem_t) override {}
  void append_segment(std::string_view s) override { segments.append(s); }
  std::size_t commit_segments() override
  {
    strings.push_back(std::move(segments));
    segments.clear();
    return strings.size() - 1;
  }
};

class SheetImport;

// Resolves A1 addresses ("C7", "$C$7", "A1:B2") for the xlsx reader, which
// asks for one before it reads a sheet's cells.
class Resolver final : public ss::iface::import_reference_resolver {
public:
  ss::src_address_t resolve_address(std::string_view address) override
  {
    ss::src_address_t out{0, -1, -1};
    std::string letters, digits;
    for (char ch : address) {
      if (ch == '$') continue;
      if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
        if (!digits.empty()) throw orcus::invalid_arg_error("bad address");
        letters.push_back(ch);
      } else if (ch >= '0' && ch <= '9' && digits.size() < 8)
        digits.push_back(ch);
      else
        throw orcus::invalid_arg_error("bad address");
    }
    auto col = column_index(letters);
    if (!col || digits.empty()) throw orcus::invalid_arg_error("bad address");
    out.column = static_cast<ss::col_t>(*col);
    out.row = std::stoi(digits) - 1;
    return out;
  }
  ss::src_range_t resolve_range(std::string_view range) override
  {
    auto colon = range.find(':');
    auto first = resolve_address(range.substr(0, colon));
    auto last = colon == std::string_view::npos ? first : resolve_address(range.substr(colon + 1));
    return {first, last};
  }
};

// Formula cells keep their cached result (what the clerk saw on screen).
class FormulaImport final : public ss::iface::import_formula {
public:
  explicit FormulaImport(SheetImport& sheet) : m_sheet(sheet) {}
  void set_position(ss::row_t row, ss::col_t col) override
  {
    m_row = row;
    m_col = col;
    m_cell = {};
  }
  void set_formula(ss::formula_grammar_t, std::string_view) override {}
  void set_shared_formula_index(std::size_t) override {}
  void set_result_string(std::string_view value) override
  {
    m_cell.kind = SheetCell::Kind::text;
    m_cell.text = std::string(value);
  }
  void set_result_value(double value) override
  {
    m_cell.kind = SheetCell::Kind::number;
    m_cell.number = value;
  }
  void set_result_bool(bool value) override
  {
    m_cell.kind = SheetCell::Kind::boolean;
    m_cell.number = value ? 1 : 0;
  }
  void set_result_empty() override { m_cell = {}; }
  void commit() override;

private:
  SheetImport& m_sheet;
  ss::row_t m_row = 0;
  ss::col_t m_col = 0;
  SheetCell m_cell;
};

class SheetImport final : public ss::iface::import_sheet {
public:
  SheetImport(Sheet& sheet, SharedStrings& strings) : m_sheet(sheet), m_strings(strings), m_formula(*this) {}

  SheetCell* cell(ss::row_t row, ss::col_t col)
  {
    if (row < 0 || col < 0 || row >= max_rows || col >= max_cols) {
      ++out_of_bounds;
      return nullptr;
    }
    auto r = static_cast<std::size_t>(row);
    auto c = static_cast<std::size_t>(col);
    if (m_sheet.rows.size() <= r) m_sheet.rows.resize(r + 1);
    auto& cells = m_sheet.rows[r];
    if (cells.size() <= c) cells.resize(c + 1);
    return &cells[c];
  }

  ss::iface::import_formula* get_formula() override { return &m_formula; }

  void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override
  {
    if (auto* p = cell(row, col)) {
      p->kind = SheetCell::Kind::text;
      p->text = std::string(s);
    }
  }
  void set_string(ss::row_t row, ss::col_t col, ss::string_id_t sindex) override
  {
    if (auto* p = cell(row, col)) {
      p->kind = SheetCell::Kind::text;
      p->text = sindex < m_strings.strings.size() ? m_strings.strings[sindex] : std::string();
    }
  }
  void set_value(ss::row_t row, ss::col_t col, double value) override
  {
    if (auto* p = cell(row, col)) {
      p->kind = SheetCell::Kind::number;
      p->number = value;
    }
  }
  void set_bool(ss::row_t row, ss::col_t col, bool value) override
  {
    if (auto* p = cell(row, col)) {
      p->kind = SheetCell::Kind::boolean;
      p->number = value ? 1 : 0;
    }
  }
  void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int, int, double) override
  {
    if (auto* p = cell(row, col)) {
      p->kind = SheetCell::Kind::date;
      p->date = Date{year, month, day};
    }
  }
  void set_format(ss::row_t, ss::col_t, std::size_t) override {}
  void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, std::size_t) override {}
  void fill_down_cells(ss::row_t src_row, ss::col_t src_col, ss::row_t range_size) override
  {
    SheetCell copy;
    if (auto* p = cell(src_row, src_col)) copy = *p;
    for (ss::row_t i = 1; i <= range_size; ++i)
      if (auto* p = cell(src_row + i, src_col)) *p = copy;
  }
  ss::range_size_t get_sheet_size() const override { return {max_rows, max_cols}; }

  int out_of_bounds = 0;

private:
  Sheet& m_sheet;
  SharedStrings& m_strings;
  FormulaImport m_formula;
};

void FormulaImport::commit()
{
  if (auto* p = m_sheet.cell(m_row, m_col)) *p = m_cell;
}

class Factory final : public ss::iface::import_factory {
public:
  Factory() = default;
  std::deque<Sheet> sheets;  // a deque: orcus keeps pointers to earlier sheets

  ss::iface::import_shared_strings* get_shared_strings() override { return &m_strings; }
  ss::iface::import_reference_resolver* get_reference_resolver(ss::formula_ref_context_t) override
  {
    return &m_resolver;
  }
  ss::iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override
  {
    sheets.push_back(Sheet{std::string(name), {}});
    m_imports.push_back(std::make_unique<SheetImport>(sheets.back(), m_strings));
    return m_imports.back().get();
  }
  ss::iface::import_sheet* get_sheet(std::string_view name) override
  {
    for (std::size_t i = 0; i < sheets.size(); ++i)
      if (sheets[i].name == name) return m_imports[i].get();
    return nullptr;
  }
  ss::iface::import_sheet* get_sheet(ss::sheet_t index) override
  {
    if (index < 0 || static_cast<std::size_t>(index) >= m_imports.size()) return nullptr;
    return m_imports[static_cast<std::size_t>(index)].get();
  }
  void finalize() override {}

  int out_of_bounds() const
  {
    int n = 0;
    for (const auto& s : m_imports) n += s->out_of_bounds;
    return n;
  }

private:
  SharedStrings m_strings;
  Resolver m_resolver;
  std::vector<std::unique_ptr<SheetImport>> m_imports;
};

bool valid_utf8(std::string_view s)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto n = static_cast<utf8proc_ssize_t>(s.size());
  while (n > 0) {
    utf8proc_int32_t cp = 0;
    auto len = utf8proc_iterate(p, n, &cp);
    if (len <= 0) return false;
    p += len;
    n -= len;
  }
  return true;
}

struct CsvHandler {
  Sheet& sheet;
  std::vector<SheetCell> row;

  void begin_parse() {}
  void end_parse() {}
  void begin_row() { row.clear(); }
  void end_row()
  {
    // A final empty line is no row.
    if (row.size() == 1 && row[0].empty()) return;
    sheet.rows.push_back(std::move(row));
    row.clear();
  }
  void cell(const char* p, std::size_t n, bool)
  {
    SheetCell c;
    std::string_view v(p, n);
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    if (!v.empty()) {
      c.kind = SheetCell::Kind::text;
      c.text = std::string(v);
    }
    row.push_back(std::move(c));
  }
};

// liborcus 0.17 silently skips two things some writers produce (openpyxl,
// pandas, xlsxwriter's constant-memory mode): cells holding their text inline
// (t="inlineStr") and sheets named by an absolute part path in the workbook's
// relationships (Target="/xl/worksheets/..."). Reading such a file would give
// missing or empty cells, so it is refused with what to do. This looks at the
// stored parts' bytes through liborcus's zip reader; it parses nothing.
std::string unsupported_xlsx_parts(std::string_view bytes)
{
  try {
    orcus::zip_archive_stream_blob stream(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    orcus::zip_archive archive(&stream);
    archive.load();
    std::vector<unsigned char> buf;
    auto holds = [&](std::string_view needle) {
      return std::search(buf.begin(), buf.end(), needle.begin(), needle.end()) != buf.end();
    };
    for (std::size_t i = 0; i < archive.get_file_entry_count(); ++i) {
      std::string name(archive.get_file_entry_name(i));
      bool sheet = name.rfind("xl/worksheets/", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".xml";
      bool rels = name == "xl/_rels/workbook.xml.rels";
      if (!sheet && !rels) continue;
      buf.clear();
      if (!archive.read_file_entry(name, buf)) continue;
      if (sheet && holds("t=\"inlineStr\"")) return "its cells hold text inline (t=\"inlineStr\")";
      if (rels && holds("Target=\"/xl/")) return "its sheets are named by absolute part paths";
    }
  } catch (const std::exception&) {
    // Not a zip: the xlsx reader has said so already.
  }
  return {};
}

}  // namespace

std::optional<std::string> csv_to_utf8(std::string_view bytes, std::string& encoding, std::string& error)
{
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (!valid_utf8(bytes)) {
      error = "the file starts with a UTF-8 byte-order mark but is not valid UTF-8; save it again as \"CSV UTF-8\"";
      return std::nullopt;
    }
    encoding = "UTF-8 with BOM";
    return std::string(bytes);
  }
  if (valid_utf8(bytes)) {
    encoding = "UTF-8";
    return std::string(bytes);
  }
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-874");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    error = "this system cannot convert Windows-874 (Thai) text: glibc's iconv lacks it";
    return std::nullopt;
  }
  std::string out(bytes.size() * 3 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* op = out.data();
  std::size_t out_left = out.size();
  std::size_t r = iconv(cd, &in, &in_left, &op, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) {
    error = "the file is neither UTF-8 nor Windows-874 (Thai) text (byte " + std::to_string(bytes.size() - in_left + 1) +
            "); save it from Excel as \"CSV UTF-8\"";
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  encoding = "Windows-874";
  return out;
}

std::optional<Workbook> read_spreadsheet_bytes(std::string_view bytes, std::string_view format,
                                              std::string_view sheet_name, std::string& error)
{
  Workbook book;
  book.format = std::string(format);
  if (format == "csv") {
    auto text = csv_to_utf8(bytes, book.encoding, error);
    if (!text) return std::nullopt;
    std::string normal;
    normal.reserve(text->size());
    for (std::size_t i = 0; i < text->size(); ++i)
      if (!((*text)[i] == '\r' && i + 1 < text->size() && (*text)[i + 1] == '\n')) normal.push_back((*text)[i]);
    book.sheets.push_back(Sheet{std::string(sheet_name), {}});
    CsvHandler handler{book.sheets.back(), {}};
    orcus::csv::parser_config config;
    config.delimiters = ",";
    config.text_qualifier = '"';
    config.trim_cell_value = false;
    try {
      orcus::csv_parser<CsvHandler> parser(normal.data(), normal.size(), handler, config);
      parser.parse();
    } catch (const std::exception& e) {
      error = std::string("not a readable CSV file (") + e.what() + ")";
      return std::nullopt;
    }
    return book;
  }
  Factory factory;
  try {
    if (format == "xlsx") {
      orcus::orcus_xlsx filter(&factory);
      filter.read_stream(bytes);
    } else if (format == "ods") {
      orcus::orcus_ods filter(&factory);
      filter.read_stream(bytes);
    } else {
      error = "unknown spreadsheet format \"" + std::string(format) + "\"";
      return std::nullopt;
    }
  } catch (const std::exception& e) {
    error = std::string("not a readable .") + std::string(format) + " workbook (" + e.what() +
            "); open it in Excel or LibreOffice and save it again";
    return std::nullopt;
  }
  for (auto& sheet : factory.sheets) book.sheets.push_back(std::move(sheet));
  if (format == "xlsx") {
    auto why = unsupported_xlsx_parts(bytes);
    if (!why.empty()) {
      error = "this workbook was written by a program whose way of storing cells the xlsx reader (liborcus 0.17) "
              "cannot read: " + why + "; open it in Excel or LibreOffice and save it again, or save it as \"CSV UTF-8\"";
      return std::nullopt;
    }
  }
  if (factory.out_of_bounds() > 0) {
    error = "the workbook has cells beyond row 100000 or column GR; keep the data in the first rows and columns";
    return std::nullopt;
  }
  return book;
}

std::optional<Workbook> read_spreadsheet(const std::filesystem::path& path, std::string& error)
{
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string format;
  if (ext == ".xlsx" || ext == ".xlsm")
    format = "xlsx";
  else if (ext == ".ods")
    format = "ods";
  else if (ext == ".csv" || ext == ".txt")
    format = "csv";
  else {
    error = "cannot read \"" + path.filename().string() + "\": give a .xlsx, .ods or .csv file";
    return std::nullopt;
  }
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = "cannot read \"" + path.string() + "\": " + ec.message();
    return std::nullopt;
  }
  if (size > 64u * 1024 * 1024) {
    error = "\"" + path.string() + "\" is larger than 64 MB; is it the right file?";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in && !in.eof()) {
    error = "cannot read \"" + path.string() + "\"";
    return std::nullopt;
  }
  return read_spreadsheet_bytes(buf.str(), format, path.stem().string(), error);
}

}  // namespace kudrang
