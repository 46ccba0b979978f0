#!/usr/bin/env python3
"""Every report as a workbook (issue 14), read back by an independent reader
(python3-openpyxl): for each report command with --format xlsx, the sheets,
the Thai headers, a frozen header row, values equal to what the JSON output
says, and real cell types (numbers, percents, money with two decimals and
separators, dates shown in the BE). Also the plan template: its sheets, the
village filled in and the dropdowns. And -o never overwrites.

Usage: check_workbooks.py KUDRANG_BIN REPO_ROOT
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

FAILS = []


def check(ok, what):
    if not ok:
        FAILS.append(what)
        print("FAIL", what)


def run(kudrang, cwd, *args, expect=0):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="Asia/Bangkok", SOURCE_DATE_EPOCH="1600000000",
               KUDRANG_CACHE_DIR=os.path.join(cwd, ".cache"))
    p = subprocess.run([kudrang, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    check(p.returncode == expect, f"kudrang {' '.join(args)}: exit {p.returncode}, expected {expect}: {p.stderr}")
    return p.stdout


def table(ws):
    """(header row number, headers, data rows as lists of cells) of a sheet."""
    header_row = int(ws.freeze_panes[1:]) - 1 if ws.freeze_panes else 1
    headers = [c.value for c in ws[header_row]]
    rows = [list(r) for r in ws.iter_rows(min_row=header_row + 1)]
    return header_row, headers, rows


def col(headers, name):
    return headers.index(name)


def main():
    kudrang, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="kudrang-xlsx-test-")
    try:
        ws_dir = os.path.join(tmp, "ws")
        shutil.copytree(os.path.join(root, "examples", "kudrang"), ws_dir)

        # plan grade
        run(kudrang, ws_dir, "plan", "grade", "--format", "xlsx", "-o", "grade.xlsx")
        grades = json.loads(run(kudrang, ws_dir, "plan", "grade", "--format", "json"))
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "grade.xlsx"))
        check(wb.sheetnames == ["เกรด", "สรุป"], f"plan grade sheets {wb.sheetnames}")
        hr, h, rows = table(wb["เกรด"])
        check(wb["เกรด"].freeze_panes == "A2", "plan grade: header row frozen")
        check(len(rows) == len(grades["plans"]), "plan grade: one row per plan")
        for row, plan in zip(rows, grades["plans"]):
            check(row[col(h, "แผน")].value == plan["plan"], f"plan id {plan['plan']}")
            check(row[col(h, "เกรด")].value == (plan["grade"] or "ไม่ได้เกรด"), f"grade of {plan['plan']}")
            v = row[col(h, "หมู่ที่")]
            check(v.data_type == "n" and v.value == plan["village"], f"village of {plan['plan']} is a number")
            p1 = row[col(h, "ข้อ 1 ร้อยละ")]
            check(p1.data_type == "n" and "%" in p1.number_format, f"criterion 1 of {plan['plan']} is a percent")
        _, h2, dist = table(wb["สรุป"])
        counts = [r[1].value for r in dist]
        want = [grades["distribution"][k] for k in ("A", "B", "C", "none")]
        check(counts[:4] == want and counts[4] == sum(want), f"distribution {counts} vs {want}")

        # plan certify: dates are dates shown in the BE
        run(kudrang, ws_dir, "plan", "certify", "--format", "xlsx", "-o", "certify.xlsx")
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "certify.xlsx"))
        check(wb.sheetnames == ["รับรอง", "คะแนนรายด้าน"], f"certify sheets {wb.sheetnames}")
        _, h, rows = table(wb["รับรอง"])
        d = rows[0][col(h, "วันที่ประเมิน")]
        check(isinstance(d.value, datetime.datetime) and d.number_format.startswith("[$-1070000]"),
              f"certification date is a BE-shown date: {d.value!r} {d.number_format}")
        t = rows[0][col(h, "คะแนนรวม")]
        check(t.data_type == "n", "certification total is a number")

        # budget check: the rules as in JSON, money with two decimals
        run(kudrang, ws_dir, "budget", "check", "--year", "2563", "--format", "xlsx", "-o", "budget.xlsx", expect=1)
        bj = json.loads(run(kudrang, ws_dir, "budget", "check", "--year", "2563", "--format", "json", expect=1))
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "budget.xlsx"))
        check(wb.sheetnames == ["เกณฑ์", "โครงการ", "แผนชุมชน"], f"budget sheets {wb.sheetnames}")
        _, h, rows = table(wb["เกณฑ์"])
        rules = {r[col(h, "รหัส")].value: r for r in rows}
        for rule in bj["rules"]:
            r = rules.get(rule["id"])
            check(r is not None, f"rule {rule['id']} in the workbook")
            if r:
                check(r[col(h, "จำนวนที่ผ่าน")].value == rule["numerator"], f"{rule['id']} numerator")
                check(r[col(h, "จำนวนทั้งหมด")].value == rule["denominator"], f"{rule['id']} denominator")
                check(r[col(h, "ผ่าน")].value == ("ผ่าน" if rule["met"] else "ไม่ผ่าน"), f"{rule['id']} met")
        _, h, rows = table(wb["โครงการ"])
        check(len(rows) > 0, "budget: eligible projects listed")
        money = [r[col(h, "งบประมาณที่ขอ (บาท)")] for r in rows if r[col(h, "งบประมาณที่ขอ (บาท)")].value]
        check(money and all(m.data_type == "n" and m.number_format == "#,##0.00" for m in money),
              "budget: money cells are numbers with two decimals and separators")

        # meeting report: meetings, members with มา/ลา/ขาด, villages x months, sectors
        run(kudrang, ws_dir, "meeting", "report", "--fy", "2563", "--format", "xlsx", "-o", "meetings.xlsx")
        mj = json.loads(run(kudrang, ws_dir, "meeting", "report", "--fy", "2563", "--format", "json"))
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "meetings.xlsx"))
        check(wb.sheetnames == ["การประชุม", "สมาชิก", "หมู่บ้าน", "ภาคส่วน", "เดือน"], f"meeting sheets {wb.sheetnames}")
        _, h, rows = table(wb["การประชุม"])
        check(len(rows) == mj["held"], f"one row per held meeting ({len(rows)} vs {mj['held']})")
        check(isinstance(rows[0][col(h, "วันที่")].value, datetime.datetime), "meeting date is a date")
        _, h, rows = table(wb["สมาชิก"])
        check(h[-3:] == ["มา", "ลา", "ขาด"], f"member columns {h[-3:]}")
        _, h, rows = table(wb["หมู่บ้าน"])
        check(h[2] == "ต.ค. 62" and h[13] == "ก.ย. 63", f"months as Thai text with BE years: {h[2]}, {h[13]}")
        by_no = {v["no"]: v for v in mj["villages"]}
        for r in rows:
            check(r[-1].value == by_no[r[0].value]["meetings_present"], f"village {r[0].value} meetings present")
        _, h, rows = table(wb["ภาคส่วน"])
        check([r[0].value for r in rows] == ["ท้องที่", "ท้องถิ่น", "สภาองค์กรชุมชน", "ภาครัฐ"], "four sectors in Thai")

        # report levels
        run(kudrang, ws_dir, "report", "levels", "--year", "2563", "--format", "xlsx", "-o", "levels.xlsx")
        lj = json.loads(run(kudrang, ws_dir, "report", "levels", "--year", "2563", "--format", "json"))
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "levels.xlsx"))
        _, h, rows = table(wb["ระดับความสำเร็จ"])
        check([r[0].value for r in rows] == [1, 2, 3, 4, 5], "levels 1-5")
        for r, lv in zip(rows, lj["levels"]):
            check(r[col(h, "ผ่าน")].value == ("ผ่าน" if lv["met"] else "ไม่ผ่าน"), f"level {lv['level']} met")
            check(r[col(h, "จำนวนที่ผ่าน")].value == lv["numerator"], f"level {lv['level']} numerator")

        # devplan render: money per plan year
        run(kudrang, ws_dir, "devplan", "render", "--format", "xlsx", "-o", "devplan.xlsx")
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "devplan.xlsx"))
        check(wb.sheetnames == ["ผ.02", "ผ.01"], f"devplan sheets {wb.sheetnames}")
        _, h, rows = table(wb["ผ.01"])
        check(all(r[2].data_type == "n" and r[2].number_format == "#,##0.00" for r in rows), "ผ.01 money cells")

        # -o never overwrites; xlsx needs -o
        run(kudrang, ws_dir, "plan", "grade", "--format", "xlsx", "-o", "grade.xlsx", expect=3)
        run(kudrang, ws_dir, "plan", "grade", "--format", "xlsx", expect=2)

        # the plan template: Thai sheets, the village filled in, dropdowns
        run(kudrang, ws_dir, "plan", "template", "--village", "4", "--year", "2566", "-o", "form.xlsx")
        wb = openpyxl.load_workbook(os.path.join(ws_dir, "form.xlsx"))
        check(wb.sheetnames == ["แผนชุมชน", "โครงการ"], f"template sheets {wb.sheetnames}")
        form = wb["แผนชุมชน"]
        values = {form.cell(row=r, column=1).value: form.cell(row=r, column=2).value for r in range(1, form.max_row + 1)}
        check(values.get("รหัสแผน") == "m04-2566", f"plan id filled in: {values.get('รหัสแผน')}")
        check(values.get("หมู่ที่") == 4, "village number filled in")
        check(bool(values.get("ชื่อหมู่บ้าน")), "village name filled in")
        lists = [dv.formula1 for dv in wb["โครงการ"].data_validations.dataValidation]
        check(any("ทำเอง" in f for f in lists) and any("เศรษฐกิจ" in f for f in lists) and any("เสร็จแล้ว" in f for f in lists),
              f"project dropdowns: {lists}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(FAILS)} failed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
