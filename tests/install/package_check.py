#!/usr/bin/env python3
"""kudrang as a subdistrict gets it: the Debian package, a new workspace, the
pre-commit hook on what is staged, and the CI workflow's steps (issue 18).

Usage: package_check.py BUILD_DIR [--apt]

1. `cpack -G DEB` in BUILD_DIR writes kudrang_<version>_<arch>.deb; its
   Depends name the runtime libraries (found by dpkg-shlibdeps) and git; it
   holds the binary, the man pages, the schemas and the bash completion.
2. Installed: by default unpacked with `dpkg -x` into a private root (ldd
   finds every library); with --apt (CI, as root) installed for real with
   `apt-get install ./kudrang_*.deb` and removed at the end.
3. `man kudrang` finds the page; bash completion completes `kudrang me`.
4. `kudrang init` a new workspace (a git repository on branch main with the
   hook installed); a commit with a broken record staged is refused although
   the file on disk was fixed meanwhile; staging the fix lets it pass.
5. The workflow `init` wrote: parsed, and its `run:` steps run in order in a
   clone (as GitHub would, for a push and for a pull request), with
   KUDRANG_DEB pointing at the package just built; they pass on the clean
   workspace and fail on a pull request that adds a broken record.

Prints what it checks and "N passed, M failed"; exit 1 on any failure.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

passed = 0
failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAIL: {what}" + (f"\n{detail}" if detail else ""))
    return ok


def run(cmd, **kw):
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", 300)
    return subprocess.run(cmd, **kw)


GIT_ENV = {"GIT_AUTHOR_NAME": "clerk", "GIT_AUTHOR_EMAIL": "clerk@kudrang.invalid",
           "GIT_COMMITTER_NAME": "clerk", "GIT_COMMITTER_EMAIL": "clerk@kudrang.invalid"}

BROKEN_MEETING = """kind: meeting
id: 2568-01
title: ประชุมครั้งที่ 1/2568
status: held
date: 2024-10-15
start: "09:30"
chair: p999
attendance:
  present: [p999]
agenda:
  - { no: 1, title: เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ }
"""
GOOD_MEETING = """kind: meeting
id: 2568-01
title: ประชุมครั้งที่ 1/2568
status: planned
date: 2024-10-15
start: "09:30"
agenda:
  - { no: 1, title: เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ }
"""


def main():
    build = os.path.abspath(sys.argv[1])
    apt = "--apt" in sys.argv[2:]
    tmp = tempfile.mkdtemp(prefix="kudrang-package-")
    env = dict({k: v for k, v in os.environ.items() if k != "KUDRANG_LANG"}, **GIT_ENV, LC_ALL="C.UTF-8", KUDRANG_CACHE_DIR=os.path.join(tmp, "cache"))
    try:
        # 1. The package.
        out = os.path.join(tmp, "pkg")
        # (Built already; should cpack rebuild something, ccache must not write into the sandbox HOME.)
        r = run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", out], cwd=build,
                env=dict(env, CCACHE_DISABLE="1"))
        debs = glob.glob(os.path.join(out, "kudrang_*.deb"))
        if not check(r.returncode == 0 and len(debs) == 1, "cpack -G DEB writes one kudrang_<version>_<arch>.deb",
                     r.stdout + r.stderr):
            return
        deb = debs[0]
        check(re.fullmatch(r"kudrang_\d+\.\d+\.\d+_amd64\.deb", os.path.basename(deb)) is not None,
              f"the package is named like kudrang_<version>_amd64.deb ({os.path.basename(deb)})")
        depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout
        for lib in ("libyaml-cpp", "libfmt", "libutf8proc", "libre2", "git"):
            check(lib in depends, f"Depends names {lib}", depends)
        listing = run(["dpkg-deb", "-c", deb]).stdout
        for path in ("./usr/bin/kudrang", "./usr/share/man/man1/kudrang.1", "./usr/share/man/man1/kudrang-hooks.1",
                     "./usr/share/man/man5/kudrang-records.5", "./usr/share/kudrang/schemas/meeting.schema.json",
                     "./usr/share/bash-completion/completions/kudrang"):
            check(re.search(re.escape(path) + r"(\.gz)?$", listing, re.M) is not None, f"the package holds {path}")

        # 2. Installed.
        if apt:
            r = run(["apt-get", "install", "-y", "-qq", deb], env=dict(env, DEBIAN_FRONTEND="noninteractive"))
            check(r.returncode == 0, "apt-get install ./kudrang_*.deb", r.stdout + r.stderr)
            root = "/"
        else:
            root = os.path.join(tmp, "root")
            r = run(["dpkg", "-x", deb, root])
            check(r.returncode == 0, "dpkg -x unpacks the package", r.stderr)
        kudrang = os.path.join(root, "usr/bin/kudrang")
        ldd = run(["ldd", kudrang]).stdout
        check("not found" not in ldd, "ldd finds every library the installed kudrang needs", ldd)
        version = run([kudrang, "--version"]).stdout.strip()
        check(version == "kudrang " + re.match(r"kudrang_([^_]+)_", os.path.basename(deb)).group(1),
              f"kudrang --version names the package's version ({version})")
        bin_path = os.path.join(root, "usr/bin")
        env["PATH"] = bin_path + os.pathsep + env["PATH"]

        # The installed kudrang on the example workspace.
        example = os.path.join(tmp, "example")
        shutil.copytree(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "kudrang"),
                        example)
        # The example workspace says `locale: th`, so the installed kudrang
        # answers in Thai there (issue 12); --lang en gives the English line.
        r = run(["kudrang", "validate"], cwd=example, env=env)
        check(r.returncode == 0 and r.stdout.strip().startswith("ข้อผิดพลาด 0 รายการ คำเตือน 0 รายการ"),
              "the installed kudrang validates the example workspace, in Thai (locale: th)", r.stdout + r.stderr)
        r = run(["kudrang", "--lang", "en", "validate"], cwd=example, env=env)
        check(r.returncode == 0 and r.stdout.strip().startswith("0 errors, 0 warnings"),
              "and in English with --lang en", r.stdout + r.stderr)

        # 3. man and completion.
        man_dir = os.path.join(root, "usr/share/man")
        r = run(["man", "-M", man_dir, "-w", "kudrang"] if not apt else ["man", "-w", "kudrang"], env=env)
        check(r.returncode == 0 and "kudrang.1" in r.stdout, "man kudrang finds the page", r.stdout + r.stderr)
        r = run(["man", "-M", man_dir, "kudrang-hooks"], env=dict(env, MANPAGER="cat", MAN_KEEP_FORMATTING="1"))
        check(r.returncode == 0 and "pre-commit" in r.stdout.replace("\u2010", "-"), "man kudrang-hooks renders")
        completion = os.path.join(root, "usr/share/bash-completion/completions/kudrang")
        script = (f"source '{completion}'; COMP_WORDS=(kudrang me); COMP_CWORD=1; _kudrang; "
                  "printf '%s\\n' \"${COMPREPLY[@]}\"")
        r = run(["bash", "-c", script], env=env)
        check(r.stdout.split() == ["meeting"], "kudrang me<TAB> completes to 'meeting'", r.stdout + r.stderr)

        # 4. A new workspace, the hook on what is staged.
        ws = os.path.join(tmp, "กุดรัง")
        r = run(["kudrang", "init", ws, "--area", "441201", "--villages", "16"], env=env)
        check(r.returncode == 0, "kudrang init makes a new workspace", r.stderr)
        branch = run(["git", "-C", ws, "symbolic-ref", "--short", "HEAD"]).stdout.strip()
        check(branch == "main", f"the new repository's branch is main ({branch})")
        hook = run(["git", "-C", ws, "rev-parse", "--git-path", "hooks/pre-commit"]).stdout.strip()
        hook = hook if os.path.isabs(hook) else os.path.join(ws, hook)
        check(os.access(hook, os.X_OK) and kudrang in open(hook).read(),
              "init installed the pre-commit hook, naming the installed kudrang")
        # git's PATH without kudrang (as in VS Code): the hook finds it by its recorded path.
        # Installed for real, kudrang shares /usr/bin with git: then the PATH is
        # a folder holding only what git and the hook need.
        if apt:
            bare = os.path.join(tmp, "bare-bin")
            os.makedirs(bare)
            for tool in ("git", "sh", "bash", "mktemp", "rm", "env", "cat"):
                found = shutil.which(tool)
                if found:
                    os.symlink(found, os.path.join(bare, tool))
            bare_env = dict(env, PATH=bare)
        else:
            bare_env = dict(env, PATH=os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != bin_path))
        run(["git", "-C", ws, "add", "-A"], env=bare_env)
        r = run(["git", "-C", ws, "commit", "-qm", "new workspace"], env=bare_env)
        check(r.returncode == 0, "the first commit passes the hook, with kudrang not on git's PATH",
              r.stdout + r.stderr)
        meeting = os.path.join(ws, "meetings", "2568", "2568-01.yaml")
        os.makedirs(os.path.dirname(meeting), exist_ok=True)
        with open(meeting, "w", encoding="utf-8") as f:
            f.write(BROKEN_MEETING)
        run(["git", "-C", ws, "add", "meetings"], env=bare_env)
        with open(meeting, "w", encoding="utf-8") as f:  # fixed on disk, not staged
            f.write(GOOD_MEETING)
        r = run(["git", "-C", ws, "commit", "-qm", "broken meeting"], env=bare_env)
        check(r.returncode != 0 and "p999" in r.stdout + r.stderr,
              "a commit with a broken record staged is refused (the working copy was fixed, the index was not)",
              r.stdout + r.stderr)
        run(["git", "-C", ws, "add", "meetings"], env=bare_env)
        r = run(["git", "-C", ws, "commit", "-qm", "meeting 1"], env=bare_env)
        check(r.returncode == 0, "staging the fix lets the commit pass", r.stdout + r.stderr)

        # 5. The workflow's steps, as GitHub would run them.
        workflow = yaml.safe_load(open(os.path.join(ws, ".github/workflows/kudrang.yml"), encoding="utf-8"))
        check(workflow[True]["push"]["branches"] == ["main"], "the workflow runs on pushes to the branch main")
        check(workflow["jobs"]["validate"].get("container") == "debian:12",
              "the workflow runs in Debian 12, which the package is built for")
        steps = workflow["jobs"]["validate"]["steps"]
        check(any("KUDRANG_DEB" in s.get("run", "") and "apt-get install" in s.get("run", "") for s in steps),
              "the workflow installs kudrang from its Debian package (no placeholder)")
        shims = os.path.join(tmp, "shims")
        os.makedirs(shims)
        # apt-get: what the container would do; a .deb is installed into the
        # private root (or for real with --apt), git and curl are here already.
        with open(os.path.join(shims, "apt-get"), "w") as f:
            f.write("#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *.deb) " +
                    (f"exec /usr/bin/apt-get install -y -qq \"$a\";; " if apt else
                     f"exec dpkg -x \"$a\" '{os.path.join(tmp, 'ci-root')}';; ") +
                    "esac; done; exit 0\n")
        os.chmod(os.path.join(shims, "apt-get"), 0o755)

        def run_workflow(event, clone):
            ci_env = dict(env, **{k: str(v) for k, v in workflow.get("env", {}).items()})
            ci_env["KUDRANG_DEB"] = "file://" + deb
            ci_env["GITHUB_WORKSPACE"] = clone
            ci_path = env["PATH"] if apt else os.pathsep.join([os.path.join(tmp, "ci-root", "usr/bin"), bare_env["PATH"]])
            ci_env["PATH"] = os.pathsep.join([shims, ci_path])
            ci_env["HOME"] = os.path.join(tmp, "ci-home")
            os.makedirs(ci_env["HOME"], exist_ok=True)
            for step in steps:
                if "run" not in step:
                    continue
                cond = step.get("if")
                if cond and (("== 'pull_request'" in cond) != (event == "pull_request")):
                    continue
                cmd = step["run"].replace("${{ github.base_ref }}", "main")
                r = run(["bash", "-e", "-c", cmd], cwd=clone, env=ci_env)
                if r.returncode != 0:
                    return False, f"step '{step.get('name')}' failed:\n{r.stdout}{r.stderr}"
            return True, ""

        clone = os.path.join(tmp, "clone-push")
        run(["git", "clone", "-q", ws, clone])
        ok, why = run_workflow("push", clone)
        check(ok, "the workflow's steps pass on a push of the clean workspace", why)
        clone = os.path.join(tmp, "clone-pr")
        run(["git", "clone", "-q", ws, clone])
        run(["git", "-C", clone, "checkout", "-qb", "broken"])
        bad = os.path.join(clone, "meetings", "2568", "2568-02.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(BROKEN_MEETING.replace("2568-01", "2568-02").replace("2024-10-15", "2024-11-12"))
        run(["git", "-C", clone, "add", "-A"])
        run(["git", "-C", clone, "commit", "-qm", "broken", "--no-verify"], env=env)
        ok, why = run_workflow("pull_request", clone)
        check(not ok and "p999" in why, "the workflow's steps fail on a pull request adding a broken record", why)
        ok, why = run_workflow("push", os.path.join(tmp, "clone-push"))
        check(ok, "and still pass on the default branch", why)
    finally:
        if apt:
            run(["apt-get", "remove", "-y", "-qq", "kudrang"], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"{passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    main()
    sys.exit(1 if failed else 0)
