#!/usr/bin/env python3
"""Every report CSV as Excel would open it (issue 14, point 5).

Runs each report's `--format csv` on the example workspace and at the root of a generated tree,
in Thai (`--lang th`) and in English (`--lang en`), and checks each file:
  - it starts with the UTF-8 byte-order mark (or Excel shows Thai as mojibake);
  - its header rows are in the output's language: a Thai run's headers hold Thai, an English run's
    hold no Thai (names of villages and people are data, not headers);
  - no cell is one Excel would turn into a date: ISO dates and months (2020-02-04, 2019-10),
    d/m/yyyy or m/d/yy, d-m-yyyy, `Mon YYYY` or `4 Feb 2563` (a month name and a year, no `BE`);
  - no cell begins with = + - @ TAB or CR (CSV injection), except a plain number such as -5;
  - the meeting report holds its sections (the year, the meetings, villages x months, sectors,
    members), each with a title row and a header row, separated by an empty row.
The CSVs of `kudrang export` are a data contract (English names, ISO dates) and are not checked here.

  check_report_csv.py KUDRANG REPO_ROOT
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

KUDRANG, ROOT = sys.argv[1], sys.argv[2]
FAILURES = []

THAI = re.compile(r"[\u0E00-\u0E7F]")
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|" \
         "august|september|october|november|december"
DATE_LIKE = [
    re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?$"),            # 2020-02-04, 2019-10
    re.compile(r"^\d{4}/\d{1,2}(/\d{1,2})?$"),            # 2020/02/04
    re.compile(r"^\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?$"),    # 4/2/2563, 14-10-68, 10/11
    re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$"),            # 4.2.2563
    re.compile(r"^\d{1,2}[/-]\d{4}$"),                    # 10/2019
    re.compile(rf"^(\d{{1,2}}[ -])?({MONTHS})\.?[ -]?(\d{{1,2}}[, ]+)?\d{{2,4}}$", re.I),  # Oct 2562, 4 Feb 2563
    re.compile(rf"^\d{{1,2}}[ -]({MONTHS})\.?$", re.I),     # 4 Feb
    re.compile(rf"^({MONTHS})\.?[ -]\d{{1,2}}$", re.I),     # Oct 62
]
PLAIN_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


def fail(name, msg):
    FAILURES.append(f"{name}: {msg}")
    print(f"FAIL {name}: {msg}")


def run(args, cwd):
    p = subprocess.run([KUDRANG] + args, cwd=cwd, capture_output=True, env=ENV)
    if p.returncode not in (0, 1):
        fail(" ".join(args), f"exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p.stdout


def sections(rows):
    """Rows split at empty rows."""
    out, cur = [], []
    for r in rows:
        if not any(c.strip() for c in r):
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(r)
    if cur:
        out.append(cur)
    return out


def check(name, data, lang, sectioned=False):
    if not data.startswith(b"\xef\xbb\xbf"):
        fail(name, "no UTF-8 byte-order mark")
        return []
    text = data[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        fail(name, "empty")
        return []
    parts = sections(rows) if sectioned else [rows]
    for part in parts:
        # A section: a title row (one cell) then its header; a plain CSV: the header first.
        header = part[1] if sectioned else part[0]
        if sectioned and (len(part) < 2 or len([c for c in part[0] if c]) != 1):
            fail(name, f"section without a title row and a header row: {part[:2]}")
            continue
        heads = " ".join(header)  # a title row may hold the council's name: data
        if lang == "th" and not THAI.search(heads):
            fail(name, f"Thai output with headers not in Thai: {header}")
        if lang == "en" and THAI.search(heads):
            fail(name, f"English output with Thai headers: {header}")
    for i, r in enumerate(rows, 1):
        for c in r:
            if c and c[0] in "=+-@\t\r" and not PLAIN_NUMBER.match(c):
                fail(name, f"row {i}: cell {c!r} begins with a formula character")
            for rx in DATE_LIKE:
                if rx.match(c.strip()):
                    fail(name, f"row {i}: cell {c!r} is one Excel reads as a date")
                    break
    return parts


ENV = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Bangkok", SOURCE_DATE_EPOCH="1600000000")
tmp = tempfile.mkdtemp(prefix="kudrang-csv-check-")
try:
    ENV["KUDRANG_CACHE_DIR"] = os.path.join(tmp, "cache")
    ws = os.path.join(tmp, "kudrang")
    shutil.copytree(os.path.join(ROOT, "examples", "kudrang"), ws)
    tree = os.path.join(tmp, "tree")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "generate_workspaces.py"), "--out", tree, "--full",
                    "--subdistricts", "2", "--villages", "2", "--seed", "7"], check=True, capture_output=True)
    reports = [
        ("meeting report", ["meeting", "report", "--fy", "2563"]),
        ("plan grade", ["plan", "grade", "--year", "2563"]),
        ("plan certify", ["plan", "certify"]),
        ("budget check", ["budget", "check", "--year", "2563"]),
        ("report summary", ["report", "summary", "--year", "2563"]),
        ("report summary --by district", ["report", "summary", "--year", "2563", "--by", "district"]),
        ("devplan render", ["devplan", "render"]),
    ]
    for lang in ("th", "en"):
        for where, cwd in (("workspace", ws), ("tree root", tree)):
            for name, args in reports:
                if where == "tree root" and name == "devplan render":
                    continue  # one document: a tree root names the workspaces instead
                label = f"{name} ({where}, {lang})"
                data = run(["--lang", lang] + args + ["--format", "csv"], cwd)
                sectioned = name == "meeting report" and where == "workspace"
                parts = check(label, data, lang, sectioned)
                if sectioned and len(parts) != 5:
                    fail(label, f"{len(parts)} sections, not 5 (the year, meetings, villages, sectors, members)")
                if sectioned and len(parts) == 5:
                    meetings = parts[1][2:]
                    if len(meetings) != 12:
                        fail(label, f"{len(meetings)} meetings, not 12 (11 held and 1 cancelled)")
                    members = parts[4][2:]
                    if len(members) < 40 or any(len(r) != 8 for r in members):
                        fail(label, f"the members' section has {len(members)} rows of the wrong shape")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{len(FAILURES)} problem(s)")
sys.exit(1 if FAILURES else 0)
