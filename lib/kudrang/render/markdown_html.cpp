#include "kudrang/render/markdown_html.hpp"

#include <sstream>
#include <vector>

namespace kudrang {

std::string html_escape(std::string_view s)
{
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

// Escapes and turns **bold** into <strong>; a backslash before | is dropped.
std::string inline_html(std::string_view s)
{
  std::string out;
  bool bold = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "**") == 0) {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      ++i;
    } else if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      out += '|';
      ++i;
    } else {
      out += html_escape(s.substr(i, 1));
    }
  }
  if (bold) out += "</strong>";
  return out;
}

std::vector<std::string> split_row(std::string_view line)
{
  std::vector<std::string> cells;
  std::string cur;
  bool started = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cur += "\\|";
      ++i;
    } else if (c == '|') {
      if (started) cells.push_back(cur);
      started = true;
      cur.clear();
    } else {
      cur += c;
    }
  }
  for (auto& cell : cells) {
    size_t a = cell.find_first_not_of(' ');
    size_t b = cell.find_last_not_of(' ');
    cell = a == std::string::npos ? std::string() : cell.substr(a, b - a + 1);
  }
  return cells;
}

}  // namespace

std::string markdown_inline_html(std::string_view line)
{
  return inline_html(line);
}

std::string markdown_to_html(std::string_view md)
{
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= md.size()) {
    size_t end = md.find('\n', pos);
    if (end == std::string_view::npos) end = md.size();
    lines.push_back(md.substr(pos, end - pos));
    pos = end + 1;
  }
  std::ostringstream out;
  std::vector<std::string_view> para;
  auto flush_para = [&] {
    if (para.empty()) return;
    out << "<p>";
    for (size_t i = 0; i < para.size(); ++i) {
      std::string_view l = para[i];
      bool hard = !l.empty() && l.back() == '\\';
      if (hard) l.remove_suffix(1);
      out << inline_html(l);
      if (i + 1 < para.size()) out << (hard ? "<br>\n" : "\n");
    }
    out << "</p>\n";
    para.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (l.empty()) {
      flush_para();
      continue;
    }
    if (l.rfind("#", 0) == 0) {
      flush_para();
      size_t level = l.find_first_not_of('#');
      if (level != std::string_view::npos && level <= 6 && l[level] == ' ') {
        out << "<h" << level << ">" << inline_html(l.substr(level + 1)) << "</h" << level << ">\n";
        continue;
      }
    }
    if (l == "---") {
      flush_para();
      out << "<hr>\n";
      continue;
    }
    if (l.rfind("<svg", 0) == 0 || l.rfind("<div", 0) == 0 || l.rfind("</div", 0) == 0) {
      flush_para();  // raw HTML blocks kudrang adds itself (charts)
      out << l << "\n";
      continue;
    }
    if (l.rfind("- ", 0) == 0) {
      flush_para();
      out << "<ul>\n";
      while (i < lines.size() && lines[i].rfind("- ", 0) == 0) {
        out << "<li>" << inline_html(lines[i].substr(2)) << "</li>\n";
        ++i;
      }
      --i;
      out << "</ul>\n";
      continue;
    }
    if (l.rfind("|", 0) == 0 && i + 1 < lines.size() && lines[i + 1].rfind("|", 0) == 0
        && lines[i + 1].find("---") != std::string_view::npos) {
      flush_para();
      auto header = split_row(l);
      auto seps = split_row(lines[i + 1]);
      std::vector<bool> right;
      for (const auto& s : seps) right.push_back(!s.empty() && s.back() == ':');
      auto cell = [&](const char* tag, size_t k, const std::string& text) {
        out << "<" << tag << (k < right.size() && right[k] ? " class=\"r\"" : "") << ">" << inline_html(text) << "</"
            << tag << ">";
      };
      out << "<table>\n<thead><tr>";
      for (size_t k = 0; k < header.size(); ++k) cell("th", k, header[k]);
      out << "</tr></thead>\n<tbody>\n";
      i += 2;
      while (i < lines.size() && lines[i].rfind("|", 0) == 0) {
        auto row = split_row(lines[i]);
        out << "<tr>";
        for (size_t k = 0; k < row.size(); ++k) cell("td", k, row[k]);
        out << "</tr>\n";
        ++i;
      }
      --i;
      out << "</tbody>\n</table>\n";
      continue;
    }
    para.push_back(l);
  }
  flush_para();
  return out.str();
}

std::string html_page(std::string_view title, std::string_view body_html, std::string_view extra_css)
{
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << "@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }\n"
      << "body { font-family: 'TH Sarabun New', 'Sarabun', 'Laksaman', 'Garuda', 'Noto Sans Thai', sans-serif;"
         " font-size: 16pt; line-height: 1.35; max-width: 17cm; margin: 1em auto; color: #111; }\n"
      << "h1 { font-size: 20pt; text-align: center; margin: 0 0 .3em; }\n"
      << "h2 { font-size: 17pt; margin: .8em 0 .3em; }\n"
      << "h3 { font-size: 16pt; margin: .6em 0 .2em; }\n"
      << "table { border-collapse: collapse; width: 100%; font-size: 14pt; margin: .3em 0; page-break-inside: auto; }\n"
      << "tr { page-break-inside: avoid; }\n"
      << "th, td { border: 1px solid #888; padding: 1px 6px; vertical-align: top; text-align: left; }\n"
      << "th { background: #eee; } .r { text-align: right; }\n"
      << "hr { border: 0; page-break-after: always; }\n"
      << "@media print { body { margin: 0; max-width: none; } }\n"
      << extra_css << "\n</style>\n</head>\n<body>\n"
      << body_html << "</body>\n</html>\n";
  return out.str();
}

}  // namespace kudrang
