#!/usr/bin/env python3
"""Fills a plan form written by `kudrang plan template` the way a village
committee would (issue 14 round trip), with python3-openpyxl.

Usage: fill_plan.py TEMPLATE.xlsx OUT.xlsx SCENARIO
SCENARIO: A (all six criteria met), B (no book), C (no book, 60% took part),
bad (a household count written in words and a dimension not on the list),
raw-A (as A, saved by openpyxl itself: kudrang refuses that file).
Households and dates are typed as a clerk would: Thai digits, BE dates.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openpyxl  # noqa: E402
import sheetlib  # noqa: E402


def fill(template, out, scenario):
    wb = openpyxl.load_workbook(template)
    form = wb["แผนชุมชน"]
    rows = {form.cell(row=r, column=1).value: r for r in range(1, form.max_row + 1)}

    def put(label, value):
        form.cell(row=rows[label], column=2).value = value

    base = scenario.replace("raw-", "")
    put("วันที่จัดเวทีประชาคม", "20/11/2565")
    put("จำนวนครัวเรือนทั้งหมด", "๑๐๐" if base != "bad" else "หลายครัวเรือน")
    put("ครัวเรือนที่มีส่วนร่วมจัดทำแผน", 60 if base == "C" else 80)
    put("ครัวเรือนที่วิเคราะห์ข้อมูลของตนเอง", 75)
    put("ใช้ข้อมูล จปฐ.", "ใช่")
    put("ใช้ข้อมูล กชช.2ค", "ใช่")
    put("ใช้บัญชีรับ-จ่ายครัวเรือน", "ไม่ใช่")
    put("อปท. มีส่วนร่วมตั้งแต่เริ่มต้น", "ใช่")
    put("กิจกรรมของแผนบรรจุในแผนพัฒนาท้องถิ่นและงบประมาณ", "ใช่")
    put("จัดทำตามหลักปรัชญาของเศรษฐกิจพอเพียง", "ใช่")
    put("จัดทำเป็นรูปเล่ม", "ไม่ใช่" if base in ("B", "C") else "ใช่")
    projects = wb["โครงการ"]
    data = [
        (1, "P01", "ทำบัญชีรับ-จ่ายครัวเรือน", "เศรษฐกิจ", "ทำเอง", None, 0, "กำลังดำเนินการ"),
        (2, "P02", "ซ่อมถนนลูกรังเข้าพื้นที่การเกษตร", "โครงสร้างพื้นฐาน", "ขอรับการสนับสนุน", "อปท.", 150000, "เสนอ"),
        (3, "P03", "ปลูกผักปลอดสารพิษ", "สุขภาพ" if base != "bad" else "กีฬา", "ทำเอง", None, 0, "เสร็จแล้ว"),
        (4, "P04", "อบรมอาชีพจักสาน", "เศรษฐกิจ", "ทำร่วม", "สำนักงานพัฒนาชุมชนอำเภอกุดรัง", "25,000.50", "เสนอ"),
    ]
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            projects.cell(row=5 + i, column=1 + j).value = v
    if scenario.startswith("raw-"):
        wb.save(out)
    else:
        sheetlib.save_like_excel(wb, out)


if __name__ == "__main__":
    fill(sys.argv[1], sys.argv[2], sys.argv[3])
