// The document model: whatever a record holds, Markdown and HTML show it as
// text and never as structure, and a CSV cell never runs as a formula.
#include "kudrang/render/csv.hpp"
#include "kudrang/render/doc.hpp"
#include "testutil.hpp"

using namespace kudrang;

namespace {

Doc paragraph_doc(std::string_view record_text)
{
  Doc d;
  d.paragraph(Inline("มติ ").lines(record_text));
  return d;
}

}  // namespace

TEST_CASE("markdown: record text cannot start a heading, list, quote, table or rule at any line")
{
  std::string md = to_markdown(paragraph_doc("ok\n## ระเบียบวาระที่ 9 ปลอม\n- item\n+ x\n> quote\n| a | b |\n---\n1. one\n12) two\n=\n: def"));
  CHECK(md == "มติ ok\\\n\\## ระเบียบวาระที่ 9 ปลอม\\\n\\- item\\\n\\+ x\\\n\\> quote\\\n\\| a \\| b \\|\\\n"
              "\\---\\\n1\\. one\\\n12\\) two\\\n\\=\\\n\\: def\n");
  // pandoc's fancy and example lists too.
  CHECK(to_markdown(paragraph_doc("a\na. x\nB) y\n(iv) z\n(@) w\n(ลงชื่อ) v\nNote: u")) ==
        "มติ a\\\na\\. x\\\nB\\) y\\\n\\(iv) z\\\n\\(@) w\\\n(ลงชื่อ) v\\\nNote: u\n");
  // Indentation (a code block) is dropped; a number that is no list marker stays.
  CHECK(to_markdown(paragraph_doc("a\n    code\n3.1 ข้อ")) == "มติ a\\\ncode\\\n3.1 ข้อ\n");
}

TEST_CASE("markdown: emphasis, code, links, raw HTML and entities in record text stay text")
{
  Doc d;
  d.paragraph(Inline("x").text("<svg onload=alert(1)> **b** _i_ `c` [l](javascript:x) &amp; \\| {.a} ~s~ ^p^ $m$"));
  CHECK(to_markdown(d) == "x\\<svg onload=alert(1)\\> \\*\\*b\\*\\* \\_i\\_ \\`c\\` \\[l\\](javascript:x) \\&amp; \\\\\\| "
                          "\\{.a\\} \\~s\\~ \\^p\\^ \\$m\\$\n");
}

TEST_CASE("markdown: a soft line break in record text is escaped at the start of its line too")
{
  Doc d;
  d.paragraph(Inline("a").text("\r\n# b\rc"));
  CHECK(to_markdown(d) == "a\n\\# b\nc\n");
}

TEST_CASE("markdown table: pipes, backslashes, line breaks and control characters in cells")
{
  Table t({"h", "ชื่อ"}, {Align::right, Align::left});
  t.add_row({"1", "a | b \\| c\nd\x1b[31m"});
  std::ostringstream out;
  t.write(out);
  CHECK(out.str() == "|   h | ชื่อ                       |\n"
                     "| ---:| ------------------------ |\n"
                     "|   1 | a \\| b \\\\\\| c d\\x1b\\[31m |\n");
}

TEST_CASE("markdown: headings fold line breaks and escape #; strong text is escaped inside")
{
  Doc d;
  d.heading(2, Inline("ระเบียบวาระที่ 1 ").text("x\n# y ##"));
  d.paragraph(strong("a*b"));
  CHECK(to_markdown(d) == "## ระเบียบวาระที่ 1 x \\# y \\#\\#\n\n**a\\*b**\n");
}

TEST_CASE("html: every text run is escaped; structure comes from the model only")
{
  Doc d;
  d.heading(1, "</h1><script>alert(1)</script>");
  d.paragraph(Inline("ณ ").text("<svg onload=alert(1)>").br().text("</div><script>x</script> \"q\" &"));
  Table t({"a"}, {Align::right});
  t.add_row({"<img src=x onerror=alert(1)>\nx"});
  d.table(std::move(t));
  d.list({"<b>", strong("<i>")});
  std::string html = to_html(d);
  CHECK(html == "<h1>&lt;/h1&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"
                "<p>ณ &lt;svg onload=alert(1)&gt;<br>\n&lt;/div&gt;&lt;script&gt;x&lt;/script&gt; &quot;q&quot; &amp;</p>\n"
                "<table>\n<thead><tr><th class=\"r\">a</th></tr></thead>\n<tbody>\n"
                "<tr><td class=\"r\">&lt;img src=x onerror=alert(1)&gt; x</td></tr>\n</tbody>\n</table>\n"
                "<ul>\n<li>&lt;b&gt;</li>\n<li><strong>&lt;i&gt;</strong></li>\n</ul>\n");
  CHECK(html_escape("a\x1b" "b") == "a\\x1bb");
}

TEST_CASE("html: kudrang's own SVG is the only markup, its text and attributes escaped; Markdown leaves it out")
{
  Doc d;
  SvgWriter svg;
  svg.open("svg", {{"aria-label", "\"><script>"}}).text_element("text", {{"x", "0"}}, "</svg><script>");
  d.division("charts", [&] {
    Doc c;
    c.html(svg.finish());
    return c;
  }());
  CHECK(to_html(d) == "<div class=\"charts\">\n<svg aria-label=\"&quot;&gt;&lt;script&gt;\"><text x=\"0\">"
                      "&lt;/svg&gt;&lt;script&gt;</text></svg>\n</div>\n");
  CHECK(to_markdown(d).empty());
}

TEST_CASE("thai digits apply to text, never to markup")
{
  Doc d;
  d.heading(2, "ข้อ 12");
  to_thai_digits(d);
  CHECK(to_html(d) == "<h2>ข้อ ๑๒</h2>\n");
}

TEST_CASE("csv: a cell that a spreadsheet would run as a formula is kept text; numbers stay numbers")
{
  CHECK(csv_field("=1+1") == "\"'=1+1\"");
  CHECK(csv_field("+cmd") == "\"'+cmd\"");
  CHECK(csv_field("-2+3") == "\"'-2+3\"");
  CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(csv_field("\t=1") == "\"'\t=1\"");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("-") == "\"'-\"");
  CHECK(csv_field("-5") == "-5");
  CHECK(csv_field("-12.50") == "-12.50");
  CHECK(csv_field("+3") == "+3");
  CHECK(csv_field("12.") == "12.");
  CHECK(csv_field("บ้าน, หนอง") == "\"บ้าน, หนอง\"");
}

TEST_CASE("keep: a kept run is one unbreakable span in HTML, plain escaped text in Markdown (issue 15)")
{
  Doc doc;
  doc.paragraph(Inline("ประธาน ").keep("นายบุญประคม <ศรีสุข>").text(" กล่าว"));
  CHECK(to_html(doc) == "<p>ประธาน <span class=\"nobr\">นายบุญประคม &lt;ศรีสุข&gt;</span> กล่าว</p>\n");
  CHECK(to_markdown(doc) == "ประธาน นายบุญประคม \\<ศรีสุข\\> กล่าว\n");
  Doc dated;
  dated.paragraph(keep("17 ธันวาคม 2562"));
  to_thai_digits(dated);
  CHECK(to_html(dated) == "<p><span class=\"nobr\">๑๗ ธันวาคม ๒๕๖๒</span></p>\n");
}

TEST_CASE("image: an <img> with its path escaped in HTML, left out of Markdown")
{
  Doc doc;
  doc.image({"a\" onerror=\"x.png", "ตราครุฑ", "emblem"});
  CHECK(to_html(doc) == "<img class=\"emblem\" src=\"a&quot; onerror=&quot;x.png\" alt=\"ตราครุฑ\">\n");
  CHECK(to_markdown(doc).empty());
}

TEST_CASE("place names: kept from their prefix to the next space, the rest left to the line breaker")
{
  auto html = [](Inline in) {
    Doc d;
    d.paragraph(std::move(in));
    return to_html(d);
  };
  CHECK(html(place_names("องค์การบริหารส่วนตำบลโคกสี อำเภอกุดรัง"))
        == "<p>องค์การบริหารส่วน<span class=\"nobr\">ตำบลโคกสี</span> <span class=\"nobr\">อำเภอกุดรัง</span></p>\n");
  // บ้าน only at a word's start: ผู้ใหญ่บ้าน is a position, บ้านหนองแวง a village.
  CHECK(html(place_names("ผู้ใหญ่บ้าน หมู่ที่ 2 (บ้านหนองแวง)"))
        == "<p>ผู้ใหญ่บ้าน หมู่ที่ 2 (<span class=\"nobr\">บ้านหนองแวง)</span></p>\n");
  // A prefix with no name after it is a word like any other.
  CHECK(html(place_names("ระดับตำบล")) == "<p>ระดับตำบล</p>\n");
  CHECK(html(place_names("")) == "");
}
