#!/usr/bin/env python3
"""Every HTML page kudrang prints, from records full of markup, holds only kudrang's elements.

Copies examples/kudrang, puts a payload of HTML (script, svg with onload, closing and opening
divs) into every one-line text value of the records a document shows (names, venues, titles,
notes, resolutions, strategies, ...), runs each --format html command and parses the page with
html.parser: no <script>, no on* attribute, no element kudrang does not make, exactly the <svg>
charts kudrang draws, and the payload shown as text.

Usage: html_safety.py KUDRANG REPO_ROOT
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

PAYLOAD = '</div></p><script>alert(1)</script><svg onload=alert(2)><div class=x><img src=x onerror=alert(3)>'
KEYS = ("name|title|venue|notes|resolution|strategy|objective|target|targets|kpi|outcome|agency|location"
        "|responsible|budget_source|organization|position|reason|role|council_name|org_name|unit|number_prefix|email")
BLOCK_LINE = re.compile(r'^(\s*(?:- )?(?:' + KEYS + r')): (?![|>"\'\[{&*!])(\S.*)$', re.M)
FLOW_PAIR = re.compile(r'([{,]\s*(?:' + KEYS + r')): ([^,}"\']+)')

ALLOWED = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "br", "strong",
           "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "hr", "div", "span", "svg", "text", "rect", "line"}
COMMANDS = [
    (["meeting", "minutes", "2563-12", "--format", "html"], 0),
    (["meeting", "invite", "2563-12", "--dated", "2020-09-01", "--format", "html"], 0),
    (["project", "render", "1.2.2", "--format", "html"], 0),
    (["devplan", "render", "--format", "html"], 0),
    (["report", "summary", "--year", "2563", "--format", "html"], 3),  # three charts
]


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.bad = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in ALLOWED:
            self.bad.append(f"element <{tag}>")
        for name, _ in attrs:
            if name.lower().startswith("on"):
                self.bad.append(f"attribute {name} on <{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)


def poison(root):
    count = 0
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".yaml"):
                continue
            path = os.path.join(dirpath, f)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            hits = [0]

            def sub(m):
                value = m.group(2).strip()
                if re.fullmatch(r"[-+0-9.]+", value):  # a number stays a number
                    return m.group(0)
                hits[0] += 1
                return f'{m.group(1)}: "{PAYLOAD} {value}"'

            new = FLOW_PAIR.sub(sub, BLOCK_LINE.sub(sub, text))
            count += hits[0]
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(new)
    return count


def main():
    kudrang, repo = os.path.abspath(sys.argv[1]), sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        shutil.copytree(os.path.join(repo, "examples", "kudrang"), ws)
        if poison(ws) < 50:
            failures.append("the payload reached too few record values")
        env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Bangkok", NO_COLOR="1",
                   KUDRANG_CACHE_DIR=os.path.join(tmp, "cache"))
        for args, svgs in COMMANDS:
            r = subprocess.run([kudrang, *args], cwd=ws, env=env, capture_output=True, text=True)
            what = "kudrang " + " ".join(args)
            if r.returncode != 0:
                failures.append(f"{what}: exit {r.returncode}: {r.stderr.strip()[:300]}")
                continue
            page = Page()
            page.feed(r.stdout)
            page.close()
            failures += [f"{what}: {b}" for b in sorted(set(page.bad))]
            if page.tags.count("svg") != svgs:
                failures.append(f"{what}: {page.tags.count('svg')} <svg> elements, kudrang draws {svgs}")
            if PAYLOAD not in "".join(page.text):
                failures.append(f"{what}: the record text is not shown as text")
    for f in failures:
        print("FAIL", f)
    print(f"{len(COMMANDS)} pages checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
