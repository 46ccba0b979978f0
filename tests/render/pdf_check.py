#!/usr/bin/env python3
"""The documents of examples/kudrang as PDF, checked as printed pages (issue 15).

Renders with `kudrang ... --format pdf -o FILE` (WeasyPrint), then reads the
PDF back with poppler (pdfinfo, pdffonts, pdftotext, pdftoppm) and checks:
  - the page count, and A4 (landscape for ผ.01/ผ.02);
  - the fonts are embedded;
  - page 1 has no page number, page N >= 2 starts with "- N -" in Thai digits,
    and no page carries a browser header or footer (URL, file name);
  - no word lies outside the page or within 1 cm of its edge (nothing clipped or
    run into the margins);
  - the minutes: every present member's full name on one line;
  - the invitation: the letter, then the agenda as the enclosure on page 2;
  - the integrated plan's book: each heading on the page of the first line and of
    the first table row under it, totals and the signature not alone at a page's
    top, no page more than half empty but before a part that starts its own page;
  - every page renders to PNG.

Text from a WeasyPrint PDF loses some Thai marks: its ToUnicode map gives
each glyph one text, so the glyphs Pango shapes for SARA AM (NIKHAHIT + SARA
AA) and the shifted tone marks read back as other marks or none. Names are
therefore compared on their letters (consonants and the vowels written on the
line), with the marks above and below and the spaces left out (pdftotext puts
a space where a shifted mark leaves a gap): each name is looked for within one
line of the text, so a name broken over two lines still fails.

Usage: pdf_check.py KUDRANG REPO [--png-dir DIR]  (DIR: write -r 50 reference PNGs)
Exit 77 (skipped) when weasyprint, poppler-utils or a Thai font is missing.
"""
import os
import re
import struct
import zlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# Marks above and below the line (MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN).
MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
A4 = (595.3, 841.9)  # points


def thai_number(n):
    return "".join(THAI_DIGITS[int(c)] for c in str(n))


def letters(s):
    """The text as compared: marks left out, SARA AM as SARA AA, no spaces."""
    return re.sub(r"\s+", "", MARKS.sub("", s.replace("\u0e33", "\u0e32")))


def tools_missing():
    for tool in ("weasyprint", "pdftotext", "pdfinfo", "pdffonts", "pdfimages", "pdftoppm", "fc-list"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    fonts = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True).stdout
    names = {n.strip() for line in fonts.splitlines() for n in line.split(",")}
    if not names & {"TH Sarabun New", "TH SarabunPSK", "Sarabun", "Laksaman"}:
        return "no Thai font (fonts-tlwg-laksaman)"
    return None


def write_png(path, w=60, h=60):
    """A small grey square, standing in for the Garuda emblem (standard library only)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * w for _ in range(h))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def page_texts(pdf, pages):
    return [run(["pdftotext", "-layout", "-f", str(k), "-l", str(k), pdf, "-"]).stdout for k in range(1, pages + 1)]


def present_members(markdown):
    """Names in the table under '## ผู้มาประชุม' of the minutes' Markdown."""
    names, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## ผู้มาประชุม"
            continue
        if inside and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) > 1 and cells[0].isdigit():
                names.append(cells[1].replace("\\", ""))
    return names


def md_blocks(markdown):
    """The Markdown's blocks (lists of lines), set apart by blank lines; rules (---) left out."""
    blocks, cur = [], []
    for line in markdown.splitlines() + [""]:
        if line.strip():
            cur.append(line)
        elif cur:
            if cur != ["---"]:
                blocks.append(cur)
            cur = []
    return blocks


def block_start(block):
    """The letters a block's first printed line starts with: a table's first row (its
    longest cell; the header repeats on every page), else the block's first line."""
    if block[0].startswith("|") and len(block) > 2:
        cells = [c.strip().replace("\\", "") for c in block[2].strip().strip("|").split("|")]
        text = max(cells, key=len)
    else:
        text = re.sub(r"^(- |\*\*)", "", block[0]).replace("**", "").replace("\\", "")
    return letters(text)[:10]


def check_book_layout(what, pdf, markdown, failures):
    """The book as a document is laid out (issue 19): every heading on the same page as
    the first line after it and as the first row of the table under it; a total line
    and the signature on the page of the last rows they close; no page left more than
    half empty except before a part that starts its own page (parts 4 on: what each
    recipient takes out)."""
    pages = int(re.search(r"^Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout, re.M).group(1))
    lines = [[letters(l) for l in t.splitlines() if l.strip()] for t in page_texts(pdf, pages)]
    for page in lines:
        if page and re.fullmatch(r"-[๐-๙]+-", page[0]):
            page.pop(0)  # the page number

    def find(want, start, starts=False):
        k, i = start
        while k < len(lines):
            while i < len(lines[k]):
                if (lines[k][i].startswith(want) if starts else want in lines[k][i]):
                    return k, i
                i += 1
            k, i = k + 1, 0
        return None

    blocks = md_blocks(markdown)
    at = (0, 0)
    for n, b in enumerate(blocks):
        if not b[0].startswith("#"):
            continue
        heading = re.sub(r"^#+\s*", "", b[0]).replace("\\", "")
        where = find(letters(heading)[:12], at, starts=True)
        if where is None:
            failures.append(f"{what}: heading '{heading}' not found at a line's start after page {at[0] + 1}")
            continue
        at = where
        after = []
        for nb in blocks[n + 1:]:
            if nb[0].startswith("#"):
                break
            after.append(nb)
        if not after and n + 1 < len(blocks):
            after = [[re.sub(r"^#+\s*", "", blocks[n + 1][0])]]  # a heading right under it
        if not after:
            failures.append(f"{what}: heading '{heading}' has nothing under it")
            continue
        # The first line under the heading, and the first row of its table.
        follow = [after[0]] + [x for x in after[1:2] if x[0].startswith("|") and not after[0][0].startswith("|")]
        for f in follow:
            want = block_start(f)
            hit = find(want, (at[0], at[1] + 1))
            if hit is None:
                failures.append(f"{what}: '{f[0][:40]}' under '{heading}' not found")
            elif hit[0] != at[0]:
                failures.append(f"{what}: heading '{heading}' on page {at[0] + 1}, the first "
                                f"{'row of its table' if f[0].startswith('|') else 'line under it'} on page {hit[0] + 1}")
    refs = re.compile(r"[a-z][a-z0-9๐-๙-]*/[a-z0-9๐-๙-]+", re.I)
    for k, page in enumerate(lines):
        for i, l in enumerate(page):
            closing = l.startswith(letters("รวม")) and letters("โครงการงบประมาณ") in l or l.startswith(letters("(ลงชื่อ)"))
            if closing and not any(refs.search(x) for x in page[:i]):
                failures.append(f"{what}: page {k + 1} starts with '{l[:30]}', apart from the rows it closes")
    bbox = run(["pdftotext", "-bbox", pdf, "-"]).stdout
    ends = []
    for page in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', bbox, re.S):
        ys = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page.group(2))]
        ends.append(max(ys) / float(page.group(1)) if ys else 0)
    for k in range(1, len(ends) - 1):  # the cover and the last page may end where they end
        nxt = lines[k + 1][0] if lines[k + 1] else ""
        part = re.match(letters("ส่วนที่") + r"([0-9๐-๙]+)", nxt)
        own_page = part and int(part.group(1).translate(str.maketrans(THAI_DIGITS, "0123456789"))) >= 4
        if ends[k] < 0.5 and not own_page:
            failures.append(f"{what}: page {k + 1} is more than half empty (text ends at {ends[k]:.0%} of the page) "
                            f"and page {k + 2} does not start a part of its own")


def check_pdf(what, pdf, landscape, failures, png_dir, png_name, tmp):
    if not os.path.isfile(pdf):
        failures.append(f"{what}: no file {pdf}")
        return []
    with open(pdf, "rb") as f:
        if f.read(5) != b"%PDF-":
            failures.append(f"{what}: not a PDF")
            return []
    info = run(["pdfinfo", pdf]).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
    want = (A4[1], A4[0]) if landscape else A4
    if abs(w - want[0]) > 2 or abs(h - want[1]) > 2:
        failures.append(f"{what}: page size {w} x {h} pt, want A4{' landscape' if landscape else ''} {want}")
    fonts = run(["pdffonts", pdf]).stdout.splitlines()[2:]
    if not fonts:
        failures.append(f"{what}: no fonts")
    for line in fonts:
        # name type [type2] encoding emb sub uni object ID: emb is the 5th field from the end.
        if line.split()[-5] != "yes":
            failures.append(f"{what}: font not embedded: {line}")
    texts = page_texts(pdf, pages)
    for k, text in enumerate(texts, start=1):
        lines = [l for l in text.splitlines() if l.strip()]
        first = lines[0].strip() if lines else ""
        number = re.fullmatch(r"-\s*([๐-๙]+)\s*-", first)
        if k == 1 and number:
            failures.append(f"{what}: page 1 carries a page number '{first}'")
        if k > 1 and (not number or number.group(1) != thai_number(k)):
            failures.append(f"{what}: page {k} starts with '{first}', not '- {thai_number(k)} -'")
        for l in lines:
            if re.search(r"file:/|https?:/|\.html\b|\d{1,2}/\d{1,2}/\d{2,4},", l):
                failures.append(f"{what}: page {k} has a browser header or footer line '{l.strip()}'")
    bbox = run(["pdftotext", "-bbox", pdf, "-"]).stdout
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S):
        pw, ph = float(page.group(1)), float(page.group(2))
        for word in re.finditer(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)',
                                page.group(3)):
            x0, y0, x1, y1 = map(float, word.groups()[:4])
            # Every margin is at least 1.2 cm: nothing within 1 cm of an edge (text run off the page,
            # or a line of the next page drawn at the bottom of this one).
            edge = 1 / 2.54 * 72
            if x0 < edge or y0 < edge or x1 > pw - edge or y1 > ph - edge:
                failures.append(f"{what}: '{word.group(5)}' lies outside the page's margins "
                                f"({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) of {pw:.0f}x{ph:.0f}")
    out = os.path.join(tmp, png_name)
    run(["pdftoppm", "-r", "60", "-png", pdf, out])
    pngs = [f for f in os.listdir(tmp) if f.startswith(png_name + "-") and f.endswith(".png")]
    if len(pngs) != pages:
        failures.append(f"{what}: {len(pngs)} PNG pages for {pages} PDF pages")
    if png_dir:
        run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(png_dir, png_name)])
    return texts


def main():
    args = sys.argv[1:]
    png_dir = None
    if "--png-dir" in args:
        i = args.index("--png-dir")
        png_dir = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    kudrang, repo = os.path.abspath(args[0]), os.path.abspath(args[1])
    missing = tools_missing()
    if missing:
        print(f"SKIP: {missing}")
        return SKIP
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        shutil.copytree(os.path.join(repo, "examples", "kudrang"), ws)
        env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Bangkok", NO_COLOR="1", SOURCE_DATE_EPOCH="1600000000",
                   KUDRANG_CACHE_DIR=os.path.join(tmp, "cache"))
        docs = [
            ("minutes", ["meeting", "minutes", "2563-03"], False),
            ("invitation", ["meeting", "invite", "2563-05", "--dated", "2563-02-04", "--number", "ว 12"], False),
            ("project", ["project", "render", "1.2.2"], False),
            ("devplan", ["devplan", "render"], True),
            ("summary", ["report", "summary", "--year", "2563"], False),
            ("signin", ["meeting", "signin", "2563-03"], False),
            ("book", ["plan", "book", "--year", "2563", "--copy", "2"], False),
        ]
        texts = {}
        for name, cmd, landscape in docs:
            pdf = os.path.join(tmp, name + ".pdf")
            r = run([kudrang, *cmd, "--format", "pdf", "-o", pdf], cwd=ws, env=env)
            what = "kudrang " + " ".join(cmd) + " --format pdf"
            if r.returncode != 0:
                failures.append(f"{what}: exit {r.returncode}: {r.stderr.strip()[:300]}")
                continue
            texts[name] = check_pdf(what, pdf, landscape, failures, png_dir, name, tmp)
            again = run([kudrang, *cmd, "--format", "pdf", "-o", pdf], cwd=ws, env=env)
            if again.returncode != 3 or "exists" not in again.stderr:
                failures.append(f"{what}: a second run over the file gave exit {again.returncode}, not 3 (exists)")

        if "book" in texts:
            # The book names every project of the integrated plan (its PLAN/PROJECT reference).
            record = open(os.path.join(ws, "integrated", "2563.yaml"), encoding="utf-8").read()
            refs = set(re.findall(r"ref: ([A-Za-z0-9._-]+/[A-Za-z0-9._-]+)", record))
            text = "\n".join(texts["book"])
            missing = sorted(r for r in refs if r not in text)
            if not refs or missing:
                failures.append(f"book: {len(missing)} of {len(refs)} projects not in the PDF's text: {missing[:5]}")
            if not re.search(r"เล่มที่ ?2", text.replace("\u0e4d\u0e32", "\u0e33")):
                failures.append("book --copy 2: the cover does not name copy 2")
            md = run([kudrang, "plan", "book", "--year", "2563", "--copy", "2"], cwd=ws, env=env).stdout
            check_book_layout("book", os.path.join(tmp, "book.pdf"), md, failures)
        if "minutes" in texts:
            md = run([kudrang, "meeting", "minutes", "2563-03"], cwd=ws, env=env).stdout
            names = present_members(md)
            if len(names) < 5:
                failures.append(f"minutes: only {len(names)} present members found in the Markdown")
            lines = [letters(l) for t in texts["minutes"] for l in t.splitlines()]
            for n in names:
                if not any(letters(n) in l for l in lines):
                    failures.append(f"minutes: the name '{n}' is not on one line of the PDF's text")
            if len(texts["minutes"]) < 2:
                failures.append("minutes 2563-03: one page; the page-number check needs two")
        if "signin" in texts:
            # Every member of the sheet on one line, numbered as meeting attend takes them.
            md = run([kudrang, "meeting", "signin", "2563-03"], cwd=ws, env=env).stdout
            rows = [l.split("|") for l in md.splitlines()
                    if l.startswith("|") and "---" not in l and "ชื่อ – สกุล" not in l]
            lines = [letters(l) for t in texts["signin"] for l in t.splitlines()]
            if len(rows) < 40:
                failures.append(f"signin: only {len(rows)} members on the sheet")
            for r in rows:
                name = r[2].strip()
                if not any(letters(name) in l for l in lines):
                    failures.append(f"signin: the name '{name}' is not on one line of the PDF's text")
        if "invitation" in texts:
            pages = texts["invitation"]
            if len(pages) != 2:
                failures.append(f"invitation: {len(pages)} pages, want the letter and the enclosure (2)")
            else:
                letter, enclosure = letters(pages[0]), letters(pages[1])
                for want in ("ที่ มค ๗๘๙๐๑/ว 12", "ขอแสดงความนับถือ", "สิ่งที่ส่งมาด้วย", "สำนักปลัด", "โทร."):
                    if letters(want) not in letter:
                        failures.append(f"invitation: page 1 lacks '{want}'")
                if letters("ระเบียบวาระการประชุม") not in enclosure or letters("ขอแสดงความนับถือ") in enclosure:
                    failures.append("invitation: page 2 is not the agenda alone")

        # The emblem from kudrang.yaml: one image, at the top of page 1.
        os.makedirs(os.path.join(ws, "images"))
        write_png(os.path.join(ws, "images", "garuda.png"))
        with open(os.path.join(ws, "kudrang.yaml"), encoding="utf-8") as f:
            config = f.read()
        with open(os.path.join(ws, "kudrang.yaml"), "w", encoding="utf-8") as f:
            f.write(config.replace("letter:\n", "letter:\n  emblem: images/garuda.png\n", 1))
        pdf = os.path.join(tmp, "emblem.pdf")
        r = run([kudrang, "meeting", "invite", "2563-05", "--format", "pdf", "-o", pdf], cwd=ws, env=env)
        if r.returncode != 0:
            failures.append(f"invitation with an emblem: exit {r.returncode}: {r.stderr.strip()[:300]}")
        else:
            images = [l.split() for l in run(["pdfimages", "-list", pdf]).stdout.splitlines()[2:]]
            if [i[0] for i in images] != ["1"]:
                failures.append(f"invitation with an emblem: images on pages {[i[0] for i in images]}, want one on page 1")
            bbox = run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"]).stdout
            first = re.search(r'<word xMin="[-\d.]+" yMin="([-\d.]+)"', bbox)
            # 3 cm of emblem under the 2.5 cm margin: the first words (ที่ ...) start below 5.5 cm.
            if not first or float(first.group(1)) < 5.4 / 2.54 * 72:
                failures.append("invitation with an emblem: the text does not start under the emblem")
    for f in failures:
        print("FAIL", f)
    print(f"{len(texts)} documents checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
