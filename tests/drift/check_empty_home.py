#!/usr/bin/env python3
"""Fails when any test left something in the sandbox HOME (tests/CMakeLists.txt).

Tests must keep to the build tree: a fact cache in ~/.cache/kudrang, say,
would survive the run and could change the next one."""
import os
import sys

home = sys.argv[1]
left = []
for dirpath, dirnames, filenames in os.walk(home):
    for name in dirnames + filenames:
        left.append(os.path.relpath(os.path.join(dirpath, name), home))
if left:
    print(f"tests wrote into HOME ({home}):")
    for p in sorted(left)[:50]:
        print("  " + p)
    sys.exit(1)
print(f"HOME ({home}) is empty: no test wrote into it")
