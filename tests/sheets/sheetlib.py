"""Test helpers for spreadsheets (issue 14). Python 3 + python3-openpyxl.

liborcus 0.17 (kudrang's reader) skips what openpyxl 3.0 writes: text
stored inline in cells (t="inlineStr") and sheets named by absolute part
paths; kudrang refuses such files (tests/cli/cases/roster-import-openpyxl.test).
Excel and LibreOffice store text as shared strings with relative paths.
`save_like_excel` saves an openpyxl workbook that way, standing in for
"opened in Excel and saved": the same cells, in the form Excel writes.
"""
import io
import re
import zipfile
from xml.etree import ElementTree as ET

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def save_like_excel(wb, path):
    raw = io.BytesIO()
    wb.save(raw)
    zin = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    strings, index = [], {}
    parts = {}
    ET.register_namespace("", NS)
    for name in zin.namelist():
        data = zin.read(name)
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            root = ET.fromstring(data)
            for c in root.iter(f"{{{NS}}}c"):
                if c.get("t") != "inlineStr":
                    continue
                text = "".join(t.text or "" for t in c.iter(f"{{{NS}}}t"))
                for child in list(c):
                    c.remove(child)
                if text not in index:
                    index[text] = len(strings)
                    strings.append(text)
                c.set("t", "s")
                v = ET.SubElement(c, f"{{{NS}}}v")
                v.text = str(index[text])
            data = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
        parts[name] = data
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace('Target="/xl/', 'Target="')
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>",
                            f'<Relationship Type="{SST_TYPE}" Target="sharedStrings.xml" Id="rIdSst"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    ct = parts["[Content_Types].xml"].decode()
    if "sharedStrings" not in ct:
        ct = ct.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CT}"/></Types>')
    parts["[Content_Types].xml"] = ct.encode()
    sst = ET.Element(f"{{{NS}}}sst", count=str(len(strings)), uniqueCount=str(len(strings)))
    for s in strings:
        si = ET.SubElement(sst, f"{{{NS}}}si")
        t = ET.SubElement(si, f"{{{NS}}}t")
        t.text = s
        if s != s.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    parts["xl/sharedStrings.xml"] = ET.tostring(sst, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


def write_ods(path, rows, sheet="Sheet1"):
    """A minimal OpenDocument spreadsheet: rows of str, int/float, or
    ("date", "YYYY-MM-DD") cells, as LibreOffice stores them."""
    from xml.sax.saxutils import escape
    cells_xml = []
    for row in rows:
        cs = []
        for v in row:
            if v is None or v == "":
                cs.append("<table:table-cell/>")
            elif isinstance(v, tuple) and v[0] == "date":
                cs.append(f'<table:table-cell office:value-type="date" office:date-value="{v[1]}"><text:p>{v[1]}</text:p></table:table-cell>')
            elif isinstance(v, (int, float)):
                cs.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
            else:
                cs.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>')
        cells_xml.append("<table:table-row>" + "".join(cs) + "</table:table-row>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
               + "".join(cells_xml) +
               '</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
