#!/usr/bin/env python3
"""Drift check: the diagnostic-code table, the code that emits the codes, the
golden tests and the man page must agree.

- every code in lib/kudrang/core/codes.hpp is emitted by some source file,
  appears as "[code]" in some golden case's expected output, and is described
  in man/kudrang-validate.1;
- every code emitted in lib/ is in the table.
"""
import glob
import os
import re
import sys

root = sys.argv[1]
table_src = open(os.path.join(root, "lib/kudrang/core/codes.hpp"), encoding="utf-8").read()
table = re.findall(r'\{"([a-z0-9-]+)", "', table_src)

sources = ""
for path in glob.glob(os.path.join(root, "lib/kudrang/**/*.cpp"), recursive=True):
    sources += open(path, encoding="utf-8").read()
# Codes are the string literal that follows a Mark/Severity argument.
# The code is the first string literal of the form word-word after "error(" or
# "warning(" (arguments before it may hold other calls with quoted strings).
emitted = set(re.findall(r'(?:error|warning)\((?:[^;]*?),\s*"([a-z0-9]+(?:-[a-z0-9]+)+)",', sources))
emitted |= set(re.findall(r'Severity::(?:error|warning),\s*"([a-z0-9]+(?:-[a-z0-9]+)+)"', sources))
emitted |= set(re.findall(r'LimitExceeded\{[^,]+,\s*"([a-z0-9-]+)"', sources))

golden = ""
for path in glob.glob(os.path.join(root, "tests/cli/cases/*.test")):
    golden += open(path, encoding="utf-8").read()
man_path = os.path.join(root, "man/kudrang-validate.1")
man = open(man_path, encoding="utf-8").read() if os.path.exists(man_path) else ""

problems = []
for code in table:
    if code not in emitted:
        problems.append(f"{code}: in codes.hpp but never emitted in lib/")
    if f"[{code}]" not in golden and f"title={code}::" not in golden and f'"code": "{code}"' not in golden:
        problems.append(f"{code}: no golden case in tests/cli/cases pins it")
    if code.replace("-", "\\-") not in man and code not in man:
        problems.append(f"{code}: not described in man/kudrang-validate.1")
for code in sorted(emitted - set(table)):
    problems.append(f"{code}: emitted in lib/ but missing from codes.hpp")
for p in problems:
    print(p)
print(f"{len(table)} codes checked: {len(problems)} problems")
print(f"{1 if not problems else 0} passed, {1 if problems else 0} failed")
sys.exit(1 if problems else 0)
