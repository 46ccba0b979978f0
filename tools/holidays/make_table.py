#!/usr/bin/env python3
"""Writes data/thai-holidays.csv: Thailand's public and government holidays
for the fiscal years 2563-2575 (1 October 2019 - 30 September 2032).

The dates are computed by python-holidays (MIT licence, see
data/thai-holidays.LICENSE), whose Thai module holds the fixed days, the
cabinet's substitution and special days it knows of, and the Buddhist days of
the Thai lunar calendar (มาฆบูชา, วิสาขบูชา, อาสาฬหบูชา, เข้าพรรษา). kudrang does
not run python-holidays at build or test time: this script is run by hand
when the table is refreshed, and the CSV it writes is what kudrang embeds.

    python3 tools/holidays/make_table.py PATH-TO-python-holidays-CHECKOUT > data/thai-holidays.csv

A checkout's .po catalogues must be compiled first (msgfmt, see the script's
own message when they are not).
"""
import csv
import datetime
import os
import subprocess
import sys

FIRST_FY, LAST_FY = 2563, 2575  # BE fiscal years: 1 Oct (FY-544) .. 30 Sep (FY-543)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    checkout = sys.argv[1]
    sys.path.insert(0, checkout)
    import holidays  # noqa: E402  (the checkout's, not an installed one)
    from holidays.constants import GOVERNMENT, PUBLIC

    for lang in ("th", "en_US"):
        po = os.path.join(checkout, "holidays", "locale", lang, "LC_MESSAGES", "TH.po")
        mo = po[:-3] + ".mo"
        if not os.path.exists(mo):
            subprocess.run(["msgfmt", "-o", mo, po], check=True)
    first = datetime.date(FIRST_FY - 544, 10, 1)
    last = datetime.date(LAST_FY - 543, 9, 30)
    years = range(first.year, last.year + 1)
    rows = {}
    for category in (PUBLIC, GOVERNMENT):
        th = holidays.country_holidays("TH", years=years, language="th", categories=(category,))
        en = holidays.country_holidays("TH", years=years, language="en_US", categories=(category,))
        for day in sorted(th):
            if not first <= day <= last:
                continue
            names_th = th.get_list(day)
            names_en = en.get_list(day)
            for i, name in enumerate(names_th):
                key = (day, name)
                if key not in rows:
                    rows[key] = (names_en[i] if i < len(names_en) else "", category)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["date", "name", "name_en", "kind"])
    for (day, name), (name_en, category) in sorted(rows.items()):
        out.writerow([day.isoformat(), name, name_en, category])
    version = getattr(holidays, "__version__", "?")
    print(f"make_table.py: {len(rows)} rows from python-holidays {version}", file=sys.stderr)


if __name__ == "__main__":
    main()
