#!/usr/bin/env python3
"""Drift check: the man pages in man/ against the command line as built.

Usage: check_manpages.py KUDRANG_BIN MAN_DIR

- Walks the command tree by parsing `kudrang --help` and `kudrang SUB... --help`
  (CLI11 lists subcommands under "Subcommands:").
- For every command path, every long (--xyz) and short (-x) option in its help
  must appear in its man page: man/kudrang.1 for the top level,
  man/kudrang-<first word>.1 for a subcommand path. The roff-escaped forms
  (\\-\\-xyz, \\-x) count too.
- Every subcommand path must have its page, and the page must mention the path
  ("plan grade"); kudrang.1 must refer to each first-level command's page.
- Every man/*.1 and man/*.5 must render with `groff -man -Tutf8 -ww -z` with
  nothing on standard error.

Prints each problem, then "N passed, M failed"; exits 1 if any check failed.
Python 3 standard library only.
"""
import os
import re
import subprocess
import sys

SECTION = re.compile(r"^(\S[^:]*):\s*$")
OPTION_LINE = re.compile(r"^ {1,4}(-\S+)")
SUBCOMMAND_LINE = re.compile(r"^ {1,4}([A-Za-z0-9][A-Za-z0-9_-]*)(?:\s|$)")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, problem):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(problem)
        return ok


def run_help(binary, path):
    """The --help text of a command path, or None (with the reason) on failure."""
    try:
        r = subprocess.run([binary, *path, "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        return None, str(e)
    if r.returncode != 0:
        return None, f"exit status {r.returncode}: {r.stderr.strip()}"
    return r.stdout, ""


def parse_help(text):
    """(options, subcommands) of one CLI11 help text.

    Options are the names on the option lines of the "Options:" section (the
    first word of each line, split at commas: "-h,--help"); subcommands are the
    first words of the lines of the "Subcommands:" section. Description lines,
    which CLI11 indents further, are not read.
    """
    options, subs = [], []
    section = ""
    for line in text.splitlines():
        m = SECTION.match(line)
        if m:
            section = m.group(1).strip().lower()
            continue
        if section.endswith("options"):
            if OPTION_LINE.match(line):
                # "-h,--help", "-h, --help" or "--year INT:INT in [...]": the
                # leading words that start with "-" are the option's names.
                for word in line.split():
                    if not word.startswith("-"):
                        break
                    for name in word.split(","):
                        if re.fullmatch(r"--?[A-Za-z0-9][A-Za-z0-9_-]*", name):
                            options.append(name)
        elif section.startswith("subcommands"):
            m = SUBCOMMAND_LINE.match(line)
            if m:
                subs.append(m.group(1))
    return options, subs


def walk(binary, checks, path=(), seen=None):
    """Yields (path, options) for every command path, depth first."""
    seen = seen if seen is not None else set()
    if path in seen or len(path) > 6:
        return
    seen.add(path)
    text, why = run_help(binary, list(path))
    name = " ".join(("kudrang",) + path)
    if not checks.check(text is not None, f"{name} --help failed: {why}"):
        return
    options, subs = parse_help(text)
    yield path, options
    for sub in subs:
        yield from walk(binary, checks, path + (sub,), seen)


def plain(roff):
    """Page source with font and spacing escapes removed, \\- turned into -."""
    s = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", roff)
    s = re.sub(r"\\[&|^%]", "", s)
    s = s.replace("\\-", "-").replace("\\ ", " ").replace("\\~", " ")
    return s


def mentions_option(page_plain, option):
    # Not part of a longer word or option: "-j" must not match inside "--jobs".
    pattern = r"(?<![A-Za-z0-9_\-])" + re.escape(option) + r"(?![A-Za-z0-9_\-])"
    return re.search(pattern, page_plain) is not None


def mentions_words(page_plain, words):
    pattern = r"(?<![A-Za-z0-9_\-])" + r"\s+".join(map(re.escape, words)) + r"(?![A-Za-z0-9_\-])"
    return re.search(pattern, page_plain) is not None


def page_for(man_dir, path):
    name = "kudrang.1" if not path else f"kudrang-{path[0]}.1"
    return os.path.join(man_dir, name)


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, man_dir = sys.argv[1], sys.argv[2]
    checks = Checks()
    pages = {}

    def load(page):
        if page not in pages:
            try:
                with open(page, encoding="utf-8") as f:
                    pages[page] = plain(f.read())
            except OSError:
                pages[page] = None
        return pages[page]

    commands = list(walk(binary, checks))
    top = load(page_for(man_dir, ()))
    checks.check(top is not None, f"{page_for(man_dir, ())}: missing")
    for path, options in commands:
        page = page_for(man_dir, path)
        text = load(page)
        name = " ".join(("kudrang",) + path)
        rel = os.path.relpath(page, man_dir)
        if path:
            if not checks.check(text is not None, f"{name}: no man page {rel}"):
                continue
            checks.check(mentions_words(text, path), f"{name}: {rel} does not mention '{' '.join(path)}'")
            if len(path) == 1 and top is not None:
                ref = f"kudrang-{path[0]}"
                checks.check(ref in top, f"{name}: kudrang.1 does not refer to {ref}(1)")
        if text is None:
            continue
        for option in options:
            checks.check(mentions_option(text, option), f"{name}: option {option} not in {rel}")

    rendered = sorted(
        f for f in os.listdir(man_dir) if f.endswith(".1") or f.endswith(".5")
    ) if os.path.isdir(man_dir) else []
    checks.check(bool(rendered), f"{man_dir}: no man pages")
    for f in rendered:
        path = os.path.join(man_dir, f)
        try:
            r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", path],
                               capture_output=True, text=True, timeout=60)
            err = r.stderr.strip()
            ok = r.returncode == 0 and not err
            why = err or f"exit status {r.returncode}"
        except (OSError, subprocess.SubprocessError) as e:
            ok, why = False, str(e)
        checks.check(ok, f"{f}: groff -man -Tutf8 -ww -z: {why}")

    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
