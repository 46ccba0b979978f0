#!/usr/bin/env python3
"""Writes a test spreadsheet from a CSV-like description (issue 14 tests).

Usage: make_sheet.py OUT.xlsx|OUT.ods [--raw] [--sheet NAME] < rows.tsv

Rows on stdin are tab-separated; a cell "#n:43739" is the number 43739,
"#d:2019-10-01" a date cell, anything else text. --raw keeps openpyxl's own
output (which kudrang refuses); without it the workbook is saved the way
Excel saves it (sheetlib.save_like_excel).
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sheetlib  # noqa: E402


def cell(v):
    if v.startswith("#n:"):
        x = float(v[3:])
        return int(x) if x.is_integer() else x
    if v.startswith("#d:"):
        return ("date", v[3:])
    return v


def main():
    out = sys.argv[1]
    raw = "--raw" in sys.argv
    sheet = "Sheet1"
    if "--sheet" in sys.argv:
        sheet = sys.argv[sys.argv.index("--sheet") + 1]
    rows = [[cell(v) for v in line.rstrip("\n").split("\t")] for line in sys.stdin if line.strip()]
    if out.endswith(".ods"):
        sheetlib.write_ods(out, rows, sheet)
        return
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in rows:
        ws.append([datetime.date.fromisoformat(v[1]) if isinstance(v, tuple) else (None if v == "" else v) for v in r])
    if raw:
        wb.save(out)
    else:
        sheetlib.save_like_excel(wb, out)


if __name__ == "__main__":
    main()
