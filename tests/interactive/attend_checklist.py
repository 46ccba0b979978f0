#!/usr/bin/env python3
"""meeting attend's interactive checklist, driven as a clerk drives it: in a
terminal (tmux), keys sent with send-keys, the screen read with capture-pane
(issue 13 point 2).

1. The checklist shows every member of the sign-in sheet by sector and
   village with number, mark and name; marks change as commands are typed; a
   wrong command is answered in Thai; บันทึก writes the record, which then
   differs from before only in its attendance lines and validates.
2. ยกเลิก leaves the file as it was.
3. A file changed on disk while the checklist is open is not overwritten.

Usage: attend_checklist.py KUDRANG EXAMPLE_DIR
Skipped (77) where tmux is not installed.
"""
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

FAILS = []


def check(ok, what, detail=""):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        FAILS.append(what)
        if detail:
            print(detail)


class Terminal:
    count = 0

    def __init__(self, tmp, cwd, command):
        # A server of its own each time: a new session on a server that is
        # still shutting down would die with it.
        Terminal.count += 1
        self.socket = os.path.join(tmp, f"tmux-{Terminal.count}.sock")
        self.done = os.path.join(tmp, f"done-{Terminal.count}")
        if os.path.exists(self.done):
            os.remove(self.done)
        script = f"cd {shlex.quote(cwd)} && {command}; echo $? > {shlex.quote(self.done)}; sleep 60"
        self.tmux("new-session", "-d", "-s", "t", "-x", "200", "-y", "120", script)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True)

    def screen(self):
        return self.tmux("capture-pane", "-t", "t", "-p", "-S", "-400").stdout

    def wait_for(self, text, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.1)
        return None

    def type(self, line):
        self.tmux("send-keys", "-t", "t", "-l", line)
        self.tmux("send-keys", "-t", "t", "Enter")

    def exit_code(self, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            if os.path.exists(self.done):
                with open(self.done) as f:
                    text = f.read().strip()
                if text:
                    return int(text)
            time.sleep(0.1)
        return None

    def close(self):
        self.tmux("kill-server")


def main():
    kudrang, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    if not shutil.which("tmux"):
        print("skipped: tmux is not installed")
        return 77
    tmp = tempfile.mkdtemp(prefix="kudrang-checklist-")
    try:
        ws = os.path.join(tmp, "ws")
        shutil.copytree(example, ws)
        record = os.path.join(ws, "meetings", "2563", "2563-05.yaml")
        with open(record, encoding="utf-8") as f:
            before = f.read()
        command = f"{shlex.quote(kudrang)} --lang th meeting attend 2563-05"

        # 1. Mark, see the marks change, save.
        t = Terminal(tmp, ws, command)
        first = t.wait_for("ดูรายชื่อทั้งหมด)\n>")
        check(first is not None, "the checklist opens with a prompt", t.screen())
        first = first or ""
        check("ภาคท้องที่" in first and "ภาครัฐ" in first, "members are grouped by sector")
        check("  หมู่ที่ 3 " in first, "and by village")
        check("     3  [มา ]  นายทองใบ พลราช" in first, "each with number, mark and name (3 นายทองใบ พลราช present)",
              first[-3000:])
        check("มา 45 ลา 3 ขาด 2 จาก 50 คน" in first, "the counts as recorded (45, 3, 2 of 50)")
        t.type("ขาด 3 7")
        s = t.wait_for("มา 43 ลา 3 ขาด 4 จาก 50 คน")
        check(s is not None and "     3  [ขาด]  นายทองใบ พลราช" in s, "ขาด 3 7 marks them absent, redrawn", t.screen()[-3000:])
        t.type("ลา 5: ติดราชการ")
        s = t.wait_for("มา 42 ลา 4 ขาด 4 จาก 50 คน")
        check(s is not None and "[ลา ]  นางสมหวัง แก้วมณี" in s and "(ติดราชการ)" in s,
              "ลา 5: ติดราชการ marks 5 excused with the reason", t.screen()[-3000:])
        t.type("ขาด 99")
        s = t.wait_for("ไม่มี \"99\" ในใบลงชื่อ")
        check(s is not None, "a number not on the sheet is answered in Thai", t.screen()[-1500:])
        t.type("บันทึก")
        code = t.exit_code()
        s = t.screen()
        t.close()
        check(code == 0, f"บันทึก saves and exits 0 (exit {code})", s[-1500:])
        check("มา 42 ลา 4 ขาด 4 จาก 50 คน" in s.split("บันทึก")[-1], "the summary is printed after saving")
        with open(record, encoding="utf-8") as f:
            after = f.read()
        changed = [l for l in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
                   if l[:1] in "+-" and not l.startswith(("+++", "---"))]
        outside = [l for l in changed if not (l[1:].startswith("    - ") or l[1:].startswith("  present")
                                              or l[1:].startswith("  excused") or l[1:].startswith("  absent")
                                              or l[1:].startswith("            "))]
        check(changed and not outside, "only the attendance lines changed", "\n".join(outside))
        check("    - p003  # นายทองใบ พลราช" in after and "    - { id: p005, reason: ติดราชการ }  # นางสมหวัง แก้วมณี" in after,
              "the record has 3 absent and 5 excused, names as comments")
        absent = after.split("  absent:")[1]
        check("p003" in absent and "p007" in absent and "p035" in absent, "3 and 7 joined the absent")
        r = subprocess.run([kudrang, "--lang", "en", "validate"], cwd=ws, capture_output=True, text=True)
        check(r.returncode == 0, "validate is clean afterwards", r.stdout + r.stderr)

        # 2. ยกเลิก: nothing written.
        with open(record, encoding="utf-8") as f:
            before = f.read()
        t = Terminal(tmp, ws, command)
        t.wait_for("ดูรายชื่อทั้งหมด)\n>")
        t.type("ขาด 1")
        t.wait_for("มา 41 ลา 4 ขาด 5")
        t.type("ยกเลิก")
        code = t.exit_code()
        s = t.screen()
        t.close()
        with open(record, encoding="utf-8") as f:
            check(f.read() == before and code == 0, f"ยกเลิก leaves the file as it was (exit {code})", s[-800:])
        check("ไม่ได้บันทึก" in s, "and says it did not save")

        # 3. The file changed on disk while the checklist was open.
        t = Terminal(tmp, ws, command)
        t.wait_for("ดูรายชื่อทั้งหมด)\n>")
        t.type("ขาด 1")
        t.wait_for("มา 41 ลา 4 ขาด 5")
        with open(record, "a", encoding="utf-8") as f:
            f.write("# a note saved by another program\n")
        with open(record, encoding="utf-8") as f:
            edited = f.read()
        t.type("บันทึก")
        code = t.exit_code()
        s = t.screen()
        t.close()
        with open(record, encoding="utf-8") as f:
            check(f.read() == edited and code == 1,
                  f"a file changed while the checklist was open is not overwritten (exit {code})", s[-800:])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'FAILED' if FAILS else 'passed'}: {len(FAILS)} failed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
