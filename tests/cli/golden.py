#!/usr/bin/env python3
"""Golden tests for the kudrang command line.

A case file (tests/cli/cases/NAME.test) holds, in order:

    # what the case pins (comment lines)
    base: examples/kudrang        optional: a workspace copied into a fresh temp dir
    cwd: .                        optional: where to run, relative to the temp dir
    args: validate --format json  the command line after 'kudrang'
    exit: 1                       the expected exit code
    env: NAME=VALUE               optional, repeated: set for the kudrang commands of the case
    languages: en th              optional: run the case once per language of kudrang's messages
                                  (KUDRANG_LANG; default: en only); the Thai run's expectations are
                                  '--- stdout th' / '--- stderr th' (and its exit code must be the same)
    timeout: 20                   optional: seconds the command may take (default 120); a guard
                                  against hangs and quadratic work, not a benchmark
    sh: git init -q .             optional, repeated: a shell command run before args (setup);
                                  $ROOT is the repository root, $KUDRANG the binary; runs in the temp dir
    then: validate                optional, repeated: another kudrang command run afterwards in
                                  the same directory; its stdout and exit code are appended
    then: !rm plans               a 'then:' starting with '!' is a shell command instead (between
                                  kudrang commands, e.g. to show or change files); likewise appended;
                                  $KUDRANG is the kudrang under test
    show: plan.ics                optional, repeated: a file whose content is appended at the end
    --- file meetings/x.yaml      optional, repeated: a file written into the temp dir
    ...content...
    --- bytes x.yaml              optional: like file, with Python escapes (\\xA1) for raw bytes
    --- link a.yaml missing.yaml  optional: a symbolic link NAME -> TARGET
    --- delete roster.yaml        optional, repeated: a file removed from the copy
    --- stdout                    the expected standard output (exact)
    ...
    --- stderr                    the expected standard error (exact)
    ...
    --- stdout th                 with 'languages: en th': the same for the Thai run
    --- stderr th

The command runs in a temporary directory (so nothing in the repository is
touched) with LC_ALL=C.UTF-8, TZ=Asia/Bangkok, NO_COLOR=1, SOURCE_DATE_EPOCH=1600000000
and a fact cache of its own (KUDRANG_CACHE_DIR), so 'then:' commands run warm
(13 September 2020: "today" for commands that default to it).

Usage: golden.py --kudrang BIN --root REPO CASE...        run cases
       golden.py --kudrang BIN --root REPO --update CASE...  rewrite expectations
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile


def parse_case(path):
    meta = {"base": None, "cwd": ".", "args": None, "exit": None, "stdin": None, "then": [], "show": [], "sh": [],
            "timeout": None, "env": [], "languages": "en"}
    files, deletes, links, sections = [], [], [], {}
    current = None
    header = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        if line.startswith("--- "):
            word = line[4:].split(" ", 1)
            if word[0] in ("file", "bytes"):
                current = [word[0], word[1], []]
                files.append(current)
            elif word[0] == "link":
                name, target = word[1].split(" ", 1)
                links.append((name, target))
                current = None
            elif word[0] == "delete":
                deletes.append(word[1])
                current = None
            elif word[0] in ("stdout", "stderr", "stdin"):
                current = [word[0], None, []]
                sections[line[4:].strip()] = current
            else:
                raise SystemExit(f"{path}: unknown section {line!r}")
            continue
        if current is None:
            header.append(line)
        else:
            current[2].append(line)
    for line in header:
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        if key not in meta:
            raise SystemExit(f"{path}: unknown header {key!r}")
        if isinstance(meta[key], list):
            meta[key].append(value.strip())
        else:
            meta[key] = value.strip()
    if meta["args"] is None or meta["exit"] is None:
        raise SystemExit(f"{path}: 'args:' and 'exit:' are required")

    def text(sec):
        return "\n".join(sec[2]) + "\n" if sec[2] else ""

    return meta, [(f[0], f[1], text(f)) for f in files], deletes, links, \
        {k: text(v) for k, v in sections.items()}, header


def run_case(kudrang, root, path, update):
    meta, files, deletes, links, expected, header = parse_case(path)
    languages = meta["languages"].split()
    results = {lang: run_once(kudrang, root, path, meta, files, deletes, links, expected, lang) for lang in languages}
    if any(r is None for r in results.values()):
        return False
    if update:
        write_case(path, meta, files, deletes, links, header, results, expected.get("stdin"))
        return True
    problems = []
    for lang, (code, out, err) in results.items():
        suffix = "" if lang == "en" else f" {lang}"
        if code != int(meta["exit"]):
            problems.append(f"exit code {code}{suffix}, expected {meta['exit']}")
        for name, got in (("stdout", out), ("stderr", err)):
            want = expected.get(name + suffix, "")
            if got != want:
                import difflib
                diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                    f"expected {name}{suffix}", f"actual {name}{suffix}"))
                problems.append(diff)
    if problems:
        print(f"FAIL {path}\n" + "\n".join(problems))
        return False
    return True


def run_once(kudrang, root, path, meta, files, deletes, links, expected, lang):
    with tempfile.TemporaryDirectory(prefix="kudrang-golden-") as tmp:
        work = os.path.join(tmp, "ws")
        if meta["base"]:
            shutil.copytree(os.path.join(root, meta["base"]), work, symlinks=True)
        else:
            os.makedirs(work)
        for name in deletes:
            os.remove(os.path.join(work, name))
        for kind, name, content in files:
            target = os.path.join(work, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            data = content.encode("utf-8")
            if kind == "bytes":
                data = re.sub(rb"\\x([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data)
            with open(target, "wb") as f:
                f.write(data)
        for name, link_target in links:
            os.symlink(link_target, os.path.join(work, name))
        env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Bangkok", NO_COLOR="1", SOURCE_DATE_EPOCH="1600000000",
                   GIT_AUTHOR_NAME="kudrang test", GIT_AUTHOR_EMAIL="test@kudrang.invalid",
                   GIT_COMMITTER_NAME="kudrang test", GIT_COMMITTER_EMAIL="test@kudrang.invalid",
                   # A fresh fact cache per case: the command runs cold, every 'then:' warm.
                   KUDRANG_CACHE_DIR=os.path.join(tmp, "cache"),
                   # The language of messages, whatever the workspace's locale says.
                   KUDRANG_LANG=lang)
        env.pop("KUDRANG_WORKSPACE", None)
        env["ROOT"] = os.path.abspath(root)
        env["KUDRANG"] = os.path.abspath(kudrang)  # for sh: lines and 'then: !' commands that run kudrang themselves
        for command in meta["sh"]:
            subprocess.run(command, shell=True, cwd=work, env=env, check=True,
                           capture_output=True, timeout=120)
        for setting in meta["env"]:
            name, _, value = setting.partition("=")
            env[name] = value
        args = [kudrang] + shlex.split(meta["args"])
        limit = int(meta["timeout"]) if meta["timeout"] else 120
        try:
            proc = subprocess.run(args, cwd=os.path.join(work, meta["cwd"]), env=env,
                                  input=expected.get("stdin", "").encode(), capture_output=True,
                                  timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"FAIL {path}\nkudrang {meta['args']} did not finish within {limit} s")
            return None
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace")
        for then in meta["then"]:
            if then.startswith("!"):
                more = subprocess.run(then[1:], shell=True, cwd=os.path.join(work, meta["cwd"]), env=env,
                                      capture_output=True, timeout=120)
                out += f"$ {then[1:]}\n" + more.stdout.decode("utf-8", "replace") + f"[exit {more.returncode}]\n"
                continue
            more = subprocess.run([kudrang] + shlex.split(then), cwd=os.path.join(work, meta["cwd"]), env=env,
                                  capture_output=True, timeout=120)
            out += f"$ kudrang {then}\n" + more.stdout.decode("utf-8", "replace") + f"[exit {more.returncode}]\n"
        for name in meta["show"]:
            with open(os.path.join(work, meta["cwd"], name), "rb") as f:
                out += f"$ cat {name}\n" + f.read().decode("utf-8", "replace")
        out = out.replace(tmp, "$TMP")
        err = err.replace(tmp, "$TMP")
    return proc.returncode, out, err


def write_case(path, meta, files, deletes, links, header, results, stdin):
    code = results[next(iter(results))][0]
    lines = [l for l in header if l.startswith("#") or not l.strip()]
    while lines and not lines[-1].strip():
        lines.pop()
    if meta["base"]:
        lines.append(f"base: {meta['base']}")
    if meta["cwd"] != ".":
        lines.append(f"cwd: {meta['cwd']}")
    lines += [f"sh: {t}" for t in meta["sh"]]
    lines += [f"env: {t}" for t in meta["env"]]
    if meta["languages"] != "en":
        lines.append(f"languages: {meta['languages']}")
    lines.append(f"args: {meta['args']}")
    lines.append(f"exit: {code}")
    if meta["timeout"]:
        lines.append(f"timeout: {meta['timeout']}")
    lines += [f"then: {t}" for t in meta["then"]]
    lines += [f"show: {t}" for t in meta["show"]]
    body = "\n".join(lines) + "\n"
    for name in deletes:
        body += f"--- delete {name}\n"
    for name, target in links:
        body += f"--- link {name} {target}\n"
    for kind, name, content in files:
        body += f"--- {kind} {name}\n{content}"
    if stdin is not None:
        body += f"--- stdin\n{stdin}"
    for lang, (_, out, err) in results.items():
        suffix = "" if lang == "en" else f" {lang}"
        body += f"--- stdout{suffix}\n{out}"
        if err:
            body += f"--- stderr{suffix}\n{err}"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kudrang", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("cases", nargs="+")
    a = ap.parse_args()
    failed = [c for c in a.cases if not run_case(os.path.abspath(a.kudrang), a.root, c, a.update)]
    print(f"{len(a.cases) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
