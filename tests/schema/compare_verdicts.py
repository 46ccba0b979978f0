#!/usr/bin/env python3
"""kudrang's own schema validator and python3-jsonschema must agree.

Runs both over the same files (the examples and the good/bad fixtures) and
compares, file by file, whether each accepts the structure. kudrang's side is
`kudrang schema --check FILE...` (YAML + kind + schema only); jsonschema's side
is check_schemas.py --verdicts.
"""
import argparse
import glob
import os
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--kudrang", required=True)
ap.add_argument("root")
a = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
files = sorted(glob.glob(os.path.join(a.root, "examples/**/*.yaml"), recursive=True)
               + glob.glob(os.path.join(here, "good/*.yaml")) + glob.glob(os.path.join(here, "bad/*.yaml")))


def verdicts(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    result = {}
    for line in out.stdout.splitlines():
        if "\t" in line and not line.startswith(" "):
            path, verdict = line.rsplit("\t", 1)
            result[os.path.abspath(path)] = verdict.strip()
    return result


ours = verdicts([a.kudrang, "schema", "--check"] + files)
theirs = verdicts([sys.executable, os.path.join(here, "check_schemas.py"), os.path.join(a.root, "schemas"),
                   "--verdicts"] + files)
failed = 0
for f in files:
    k, j = ours.get(os.path.abspath(f)), theirs.get(os.path.abspath(f))
    if k != j or k is None:
        failed += 1
        print(f"DIFFER {os.path.relpath(f, a.root)}: kudrang {k}, python3-jsonschema {j}")
print(f"{len(files)} files compared")
print(f"{len(files) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
