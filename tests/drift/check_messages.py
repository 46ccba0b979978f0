#!/usr/bin/env python3
"""kudrang's message catalogue: find every English text a clerk reads in the
sources, and check that each language's catalogue (messages/LANG.yaml) has it.

    check_messages.py extract ROOT     rewrite messages/en.yaml from the sources
    check_messages.py check ROOT       fail when en.yaml is out of step with the sources,
                                 or messages/th.yaml lacks a translation

A text is found where the code writes one for people:
- the string literal(s) right after fmt::format( ... in lib/ (not render/, whose
  documents are Thai already; render/diagnostics_render.cpp is read) and cli/;
- a string literal passed straight to .error(M, "code", ...) / .warning(...);
- the text of UsageError(...), IoError(...), RecordsHaveErrors(...), std::runtime_error(...);
- help: the description of add_option/add_flag/add_subcommand and ->description(...);
- texts listed in messages/extra.yaml (CLI11's own messages, phrases built at run time).
Adjacent literals ("a" "b") are joined, as the compiler does. Keys are format
strings: {} a value, {{ and }} a brace (a plain text's braces are doubled).
"""
import glob
import os
import re
import sys

import yaml

LIT = r'"(?:[^"\\\n]|\\.)*"'
LITS = rf'((?:{LIT}\s*)+)'


def unescape(lits):
    out = ""
    for m in re.finditer(LIT, lits):
        s = m.group(0)[1:-1]
        s = re.sub(r'\\(["\\nt])', lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), s)
        out += s
    return out


def is_text(s):
    # Something a person reads: at least one English word of two letters or more.
    return re.search(r"[A-Za-z]{2,}", s) is not None and not re.fullmatch(r"[a-z0-9_./{}:-]*", s)


# Formatted text that is no message: test hooks, the version line, file-name patterns.
NOT_MESSAGES = re.compile(r"^( TEXT$| INTEGER$|\.kudrang-export-|\{\{\"|end of (sequence|map) flow not found$|illegal (map value|block entry)$|the referenced anchor is not defined$|[A-Z_]+$|\{\"|KUDRANG_TEST_RAISE=|kudrang \{\}$|\{\}XXXXXX$|\{\} \{\} \{\} BE$|\\r|    - \{\{|\*\*)")

# Any literal (or run of adjacent literals) of three English words or more: a
# message assembled in pieces still has its pieces in the catalogue.
SENTENCE = rf'(?<![\w"{{])({LITS})'
# What a sentence-looking literal may not hold to count: shell, CSS, tags, names.
NOT_SENTENCE = re.compile(r"[=$#<>]|^\s*--|tag:|\{ |^TH Sarabun|^\\x|[\u0e00-\u0e7f].*default, not public")


PATTERNS = [
    rf'fmt::format\(\s*{LITS}',
    rf'(?:\.|->)(?:error|warning)\([^;]*?,\s*"[a-z0-9-]+",\s*{LITS}[,)]',
    rf'(?:UsageError|IoError|RecordsHaveErrors|runtime_error|overflow_error|invalid_argument)\(\s*{LITS}',
    rf'add_(?:option|flag|option_function)\(\s*{LIT}\s*,[^;]*?,\s*{LITS}\)',
    rf'add_flag\(\s*{LIT}\s*,\s*{LITS}\)',
    rf'add_subcommand\(\s*{LIT}\s*,\s*{LITS}\)',
    rf'description\(\s*{LITS}\)',
    rf'CLI::App\s+\w+\{{\s*{LITS}\}}',
    rf'\?\s*{LITS}:',
    rf':\s*{LITS}\)',
    rf'(?:message|why|what|hint|suggestion)\s*=\s*{LITS};',
    rf'return\s+{LITS};',
]


def sources(root):
    files = sorted(glob.glob(os.path.join(root, "lib/kudrang/**/*.cpp"), recursive=True))
    files += [p for p in sorted(glob.glob(os.path.join(root, "lib/kudrang/**/*.hpp"), recursive=True))
              if not p.endswith("core/codes.hpp")]  # the meanings are for the man page
    files += sorted(glob.glob(os.path.join(root, "cli/*.cpp")))
    for path in files:
        rel = os.path.relpath(path, root)
        if rel.startswith("lib/kudrang/render/") and not rel.endswith("diagnostics_render.cpp"):
            continue
        yield rel, open(path, encoding="utf-8").read()


# A message put together with + or << : "unknown plan '" + id + "'" is the
# template "unknown plan '{}'".
PIECE = r'(?:[^";{}]|\([^()"]*\))+?'
JOINED = re.compile(rf'{LIT}(?:\s*(?:\+|<<)\s*(?:{LIT}|{PIECE}(?=\s*(?:\+|<<|\)|;))))+')


def joined_templates(text):
    for m in JOINED.finditer(text):
        parts = re.split(r'\s*(?:\+|<<)\s*', m.group(0))
        if len(parts) < 2 or not any(p.startswith('"') for p in parts[1:]) and not parts[0].startswith('"'):
            continue
        out = ""
        for p in parts:
            p = p.strip()
            if p.startswith('"') and p.endswith('"'):
                out += unescape(p).replace("{", "{{").replace("}", "}}")
            elif p and p not in ('"\\n"', "'\\n'"):
                if p in ("'\\n'",):
                    out += "\n"
                else:
                    out += "{}"
        for line in out.split("\n"):
            line = re.sub(r"(?<!\{)(\{\})+(?!\})", "{}", line)
            if "{}" in line and line.strip() != "{}" and line.count("(") == line.count(")"):
                yield m.start(), line


def strip_comments(text):
    # Blank out // comments (keeping line numbers), leaving string literals alone.
    return re.sub(rf'({LIT})|//[^\n]*', lambda m: m.group(1) or "", text)


def extract(root):
    found = {}
    for rel, text in sources(root):
        text = strip_comments(text)
        for pat in PATTERNS + [SENTENCE]:
            for m in re.finditer(pat, text):
                raw = unescape(m.group(1))
                in_fmt = re.search(r"fmt::format\(\s*$", text[max(0, m.start(1) - 40):m.start(1)])
                if not in_fmt:
                    raw = raw.replace("{", "{{").replace("}", "}}")  # a plain text: its braces are braces
                s = raw.rstrip("\n")
                if pat is SENTENCE and rel.endswith("io/hooks.cpp"):
                    continue  # the hook is a shell script: its lines are its own
                if pat is SENTENCE:
                    s = raw.strip("\n")
                    if "\n" not in s and (s != s.strip(" ") or s.startswith("'")):
                        continue  # a piece of a message put together with + (found whole below)
                if pat is SENTENCE and (len(re.findall(r"[A-Za-z]{2,}", s)) < 3 or NOT_SENTENCE.search(s)):
                    continue
                if is_text(s) and not NOT_MESSAGES.search(s) and s not in found:
                    line = text.count("\n", 0, m.start(1)) + 1
                    found[s] = f"{rel}:{line}"
        if rel.startswith("cli/"):
            for at, s in joined_templates(text):
                s = s.strip(" ")
                if is_text(s) and not NOT_MESSAGES.search(s) and s not in found:
                    found[s] = f"{rel}:{text.count(chr(10), 0, at) + 1}"
    extra_path = os.path.join(root, "messages/extra.yaml")
    if os.path.exists(extra_path):
        for s in yaml.safe_load(open(extra_path, encoding="utf-8")) or []:
            found.setdefault(s, "messages/extra.yaml")
    return found


def write_en(root, found):
    with open(os.path.join(root, "messages/en.yaml"), "w", encoding="utf-8") as f:
        f.write("# kudrang's English texts, found in the sources by tests/drift/check_messages.py extract\n"
                "# (do not edit: change the source, then run the tool). Each is the key a\n"
                "# translation in messages/LANG.yaml gives the text for.\n")
        for s, where in sorted(found.items(), key=lambda kv: kv[1]):
            f.write(f"# {where}\n- {yaml.safe_dump(s, allow_unicode=True, width=1000, default_style=None).strip().removesuffix(chr(10) + '...')}\n")


def main():
    cmd, root = sys.argv[1], sys.argv[2]
    found = extract(root)
    if cmd == "extract":
        write_en(root, found)
        print(f"{len(found)} texts")
        return 0
    problems = []
    en_path = os.path.join(root, "messages/en.yaml")
    listed = yaml.safe_load(open(en_path, encoding="utf-8")) or []
    for s in sorted(set(found) - set(listed)):
        problems.append(f"messages/en.yaml lacks {s!r} ({found[s]}): run tests/drift/check_messages.py extract")
    for s in sorted(set(listed) - set(found)):
        problems.append(f"messages/en.yaml lists {s!r}, which the sources no longer write: run tests/drift/check_messages.py extract")
    for path in sorted(glob.glob(os.path.join(root, "messages/*.yaml"))):
        lang = os.path.basename(path)[:-5]
        if lang in ("en", "extra"):
            continue
        catalogue = (yaml.safe_load(open(path, encoding="utf-8")) or {}).get("messages") or {}
        for s in found:
            if not str(catalogue.get(s) or "").strip():
                problems.append(f"messages/{lang}.yaml: no translation of {s!r} ({found[s]})")
            elif placeholders(s) < placeholders_used(catalogue[s]):
                problems.append(f"messages/{lang}.yaml: the translation of {s!r} uses a value it does not have")
        for s in catalogue:
            if s not in found:
                problems.append(f"messages/{lang}.yaml: {s!r} is no text kudrang writes (changed in the sources?)")
    for p in problems:
        print(p)
    print(f"{len(found)} texts checked: {len(problems)} problems")
    print(f"{1 if not problems else 0} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


def fields(s):
    # The {...} of a format string, left to right; {{ and }} are braces.
    out, i = [], 0
    while i < len(s):
        if s.startswith("{{", i) or s.startswith("}}", i):
            i += 2
        elif s[i] == "{" and "}" in s[i:]:
            j = s.index("}", i)
            out.append(s[i + 1:j])
            i = j + 1
        else:
            i += 1
    return out


def placeholders(s):
    return len(fields(s))


def placeholders_used(t):
    most, seq = 0, 0
    for f in fields(t):
        m = re.match(r"[0-9]+", f)
        if m:
            most = max(most, int(m.group(0)))
        else:
            seq += 1
            most = max(most, seq)
    return most


if __name__ == "__main__":
    sys.exit(main())
