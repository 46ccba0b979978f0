#!/usr/bin/env python3
"""`report summary` at the root of a generated province: every figure of the roll-up
(issue 17) against an independent computation over the YAML.

This script reads the records with PyYAML and computes, from the rules as spec/records.md,
domain.md §2 and man kudrang-records(5) state them (not from kudrang's code, and importing
nothing of kudrang's): per LAO the grades, certifications, the four integration rules, the
success level (KPI 1.1.2) and the "as of" date; per district and province the subtotals; and the
headline figures: the share of LAOs meeting the model-LAO criteria (ldp-30 and budget-20, together
and each), the LAOs by level, the grade distribution over graded plans beside the share ungraded,
and the ranked LAOs. Then it compares them with `kudrang report summary --format json`, and checks
that the Markdown and CSV forms carry the same counts.

  check_rollup.py KUDRANG GENERATOR AREAS_CSV
"""

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile

import yaml

class Loader(yaml.SafeLoader):
    """YAML 1.2 booleans (true/false only): `no:` is the village number's key, not False."""


Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _first in "tTfF":
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list(_first))

YEAR = 2563
LAOS = 110
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    if len(FAILURES) <= 40:
        print("FAIL:", msg)


def meets(num, den, threshold):
    return den > 0 and num * 100 >= threshold * den


def pct(num, den):
    """Percent rounded half up to 2 decimals, as a number, or None (den 0)."""
    if den == 0:
        return None
    h = (num * 10000 * 2 + den) // (2 * den)  # hundredths, half up
    return h / 100


def as_date(v):
    if isinstance(v, dt.date):
        return v
    y, m, d = (int(x) for x in str(v).split("-"))
    return dt.date(y - 543 if y >= 2400 else y, m, d)


def fiscal_year(d):
    be = d.year + 543
    return be + 1 if d.month >= 10 else be


def load(ws_dir):
    recs = {"workspace": [], "community-plan": [], "certification": [], "development-plan": [], "budget": [],
            "meeting": []}
    for dirpath, dirnames, files in os.walk(ws_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(files):
            if f.endswith(".yaml"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    doc = yaml.load(fh, Loader=Loader)
                if isinstance(doc, dict) and doc.get("kind") in recs:
                    recs[doc["kind"]].append(doc)
    return recs


def lao_figures(recs, areas):
    cfg = recs["workspace"][0]
    plans = [p for p in recs["community-plan"] if p["year"] == YEAR]
    plan_ids = {p["id"] for p in plans}
    devs = recs["development-plan"]
    budgets = recs["budget"]

    # -- grades (records.md "Grade")
    plan_years = set()
    for d in devs:
        plan_years.update(range(d["period"]["from"], d["period"]["to"] + 1))
    # criterion 3 (verified): a line of a budget of year B for a development-plan project that plans
    # money for B; a dropped project does not count
    carried = set()
    for b in budgets:
        for ln in b.get("lines", []):
            for d in devs:
                for p in d.get("projects", []):
                    if p["id"] == ln.get("project") and p.get("budget", {}).get(b["year"], 0) > 0:
                        carried.update(p.get("sources", []))
    grades = {"A": 0, "B": 0, "C": 0, "none": 0}
    for p in plans:
        hh = p["households"]
        tot = hh["total"]
        c1 = meets(hh["self_analysis"], tot, 70)
        c2 = meets(hh["participating"], tot, 70)
        pr = p["process"]
        if YEAR + 1 in plan_years:
            c3 = pr["lao_from_start"] and any(f"{p['id']}/{x['id']}" in carried for x in p["projects"]
                                              if x["status"] != "dropped")
        else:
            c3 = pr["lao_from_start"] and pr["lao_adopted"]
        c4 = pr["sufficiency_economy"]
        live = [x for x in p["projects"] if x["status"] != "dropped"]
        selfs = [x for x in live if x["category"] == "self"]
        c5 = meets(len(selfs), len(live), 30) and any(x["status"] in ("in-progress", "done") for x in selfs)
        c6 = p["book"]
        met = sum(bool(c) for c in (c1, c2, c3, c4, c5, c6))
        grades["A" if met == 6 else "B" if met == 5 else "C" if met == 4 else "none"] += 1

    # -- certification (built-in cdd-2554: pass mark 80)
    certs = [c for c in recs["certification"] if c["plan"] in plan_ids]
    certified = sum(1 for c in certs if sum(c["scores"].values()) >= 80)

    # -- integration rules for review year Y, target Y+1 (records.md)
    target = YEAR + 1
    budgeted = {ln["project"] for b in budgets if b["year"] == target for ln in b.get("lines", []) if ln.get("project")}
    budget_entered = any(b["year"] == target for b in budgets)
    in_ldp, in_budget = set(), set()
    for d in devs:
        for p in d.get("projects", []):
            if p.get("budget", {}).get(target, 0) > 0:
                for s in p.get("sources", []):
                    in_ldp.add(s)
                    if p["id"] in budgeted:
                        in_budget.add(s)
    eligible, self_ok, dims_ok = [], 0, 0
    for p in plans:
        live = [x for x in p["projects"] if x["status"] != "dropped"]
        if meets(sum(1 for x in live if x["category"] == "self"), len(live), 30):
            self_ok += 1
        if len({x["dimension"] for x in live}) >= 3:
            dims_ok += 1
        eligible += [f"{p['id']}/{x['id']}" for x in live if x["category"] in ("joint", "support") and x.get("agency") == "lao"]
    n30 = [e for e in eligible if e in in_ldp]
    n20 = [e for e in n30 if e in in_budget]
    rules = {"ldp-30": (len(n30), len(eligible), 30), "budget-20": (len(n20), len(n30), 20),
             "self-30": (self_ok, len(plans), 100), "dimensions-3": (dims_ok, len(plans), 100)}
    rules = {k: (n, d, t, meets(n, d, t)) for k, (n, d, t) in rules.items()}

    # -- success levels (man kudrang-report, levels; man kudrang-records(5))
    villages = [v["no"] for v in cfg["villages"]]
    by_village = {}
    for p in plans:
        by_village.setdefault(p["village"], []).append(p)
    fy_start, fy_end = dt.date(YEAR - 544, 10, 1), dt.date(YEAR - 543, 9, 30)
    l1 = sum(1 for v in villages if any(len(p.get("published", [])) >= 2 for p in by_village.get(v, [])))
    l2 = sum(1 for v in villages if any(fy_start <= as_date(p["reviewed"]) <= fy_end
                                        for p in by_village.get(v, []) if "reviewed" in p))
    l3 = sum(1 for p in plans for x in p["projects"] if x["status"] in ("in-progress", "done")
             and x["category"] == "self" and x.get("budget", 0) == 0)
    l4_villages, l5_num, l5_den = 0, 0, 0
    for v in villages:
        taken_any = False
        for p in by_village.get(v, []):
            for x in p["projects"]:
                if x["status"] == "dropped":
                    continue
                key = f"{p['id']}/{x['id']}"
                if key in in_ldp or x.get("agency_plan"):
                    taken_any = True
                    l5_den += 1
                    if key in in_budget or (x["category"] != "self" and x["status"] in ("in-progress", "done")):
                        l5_num += 1
        l4_villages += taken_any
    n = len(villages)
    steps = [meets(l1, n, 100), meets(l2, n, 100), l3 >= 2, meets(l4_villages, n, 100), meets(l5_num, l5_den, 20)]
    level = 0
    for ok in steps:
        if not ok:
            break
        level += 1

    # -- as of: held meetings of fiscal year Y, forums of Y's plans, their certifications
    dates = [as_date(m["date"]) for m in recs["meeting"]
             if m.get("status") == "held" and "date" in m and fiscal_year(as_date(m["date"])) == YEAR]
    dates += [as_date(p["reviewed"]) for p in plans if "reviewed" in p]
    dates += [as_date(c["date"]) for c in certs if "date" in c]

    code = str(cfg["area"].get("code", ""))
    area = areas.get(code[:6])
    return {
        "code": code, "name": cfg["organization"]["name"],
        "district_code": code[:4], "province_code": code[:2],
        "district": area["district_th"] if area else cfg["area"]["district"],
        "province": area["province_th"] if area else cfg["area"]["province"],
        "subdistrict": area["subdistrict_th"] if area else cfg["area"]["subdistrict"],
        "plans": len(plans), "distribution": grades, "villages": n,
        "without_plan": sum(1 for v in villages if v not in by_village),
        "certified": certified, "assessed": len(certs), "rules": rules,
        "model": rules["ldp-30"][3] and rules["budget-20"][3], "level": level,
        "budget_entered": budget_entered, "as_of": max(dates).isoformat() if dates else None,
    }


def totals(rows):
    t = {"laos": len(rows), "ldp-30": 0, "budget-20": 0, "model": 0, "level_distribution": {str(k): 0 for k in range(6)},
         "plans": 0, "distribution": {"A": 0, "B": 0, "C": 0, "none": 0}, "certified": 0, "assessed": 0,
         "villages": 0, "without_plan": 0}
    for r in rows:
        t["ldp-30"] += r["rules"]["ldp-30"][3]
        t["budget-20"] += r["rules"]["budget-20"][3]
        t["model"] += r["model"]
        t["level_distribution"][str(r["level"])] += 1
        for k in ("plans", "certified", "assessed", "villages", "without_plan"):
            t[k] += r[k]
        for g in t["distribution"]:
            t["distribution"][g] += r["distribution"][g]
    return t


def rank_key(item):
    path, r = item
    plans = r["plans"]
    graded = plans - r["distribution"]["none"]
    rules_met = sum(1 for k in ("ldp-30", "budget-20", "self-30", "dimensions-3") if r["rules"][k][3])
    share = graded / plans if plans else 0  # compared exactly below through fractions
    return r, rules_met, share


def ranked(items):
    from fractions import Fraction
    from functools import cmp_to_key

    def cmp(a, b):
        ra, ma, _ = rank_key(a)
        rb, mb, _ = rank_key(b)
        ka = (ra["level"], ma, Fraction(ra["plans"] - ra["distribution"]["none"], ra["plans"]) if ra["plans"] else 0,
              ra["certified"])
        kb = (rb["level"], mb, Fraction(rb["plans"] - rb["distribution"]["none"], rb["plans"]) if rb["plans"] else 0,
              rb["certified"])
        if ka != kb:
            return -1 if ka > kb else 1
        return -1 if a[0] < b[0] else (1 if a[0] > b[0] else 0)
    order = sorted(items, key=cmp_to_key(cmp))
    return [p for p, _ in order[:10]], [p for p, _ in reversed(order)][:10]


def same(what, got, want):
    if got != want:
        fail(f"{what}: kudrang {got!r}, independent {want!r}")


def main():
    kudrang, generator, areas_csv = sys.argv[1:4]
    with open(areas_csv, encoding="utf-8") as f:
        areas = {r["subdistrict_code"]: r for r in csv.DictReader(f)}
    with tempfile.TemporaryDirectory(prefix="kudrang-rollup-") as tmp:
        root = os.path.join(tmp, "province")
        # ungraded plans, missing plans, budgets not entered, certifications, published channels...
        subprocess.run([sys.executable, generator, "--out", root, "--full", "--spread", "--subdistricts", str(LAOS),
                        "--villages", "6", "--grades", "420,160,50,30", "--seed", "17"], check=True)
        r = subprocess.run([kudrang, "--lang", "th", "report", "summary", "--year", str(YEAR), "--format", "json"],
                           cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            print(r.stderr.decode()[:3000])
            return 1
        got = json.loads(r.stdout)
        mine = {}
        for dirpath, dirnames, files in os.walk(root):
            dirnames.sort()
            if "kudrang.yaml" in files:
                mine[os.path.relpath(dirpath, root)] = lao_figures(load(dirpath), areas)
                dirnames[:] = []
        rows = {w["workspace"]: w for w in got["workspaces"]}
        same("workspaces", sorted(rows), sorted(mine))
        for path, want in sorted(mine.items()):
            w = rows.get(path)
            if not w:
                continue
            for k in ("code", "name", "district_code", "district", "province_code", "province", "subdistrict", "plans",
                      "distribution", "villages", "without_plan", "certified", "assessed", "model", "level",
                      "budget_entered", "as_of"):
                same(f"{path} {k}", w[k], want[k])
            for x in w["rules"]:
                if x["id"] in want["rules"]:
                    n, d, t, m = want["rules"][x["id"]]
                    same(f"{path} {x['id']}", (x["numerator"], x["denominator"], x["threshold"], x["met"]), (n, d, t, m))
            same(f"{path} rules", sorted(x["id"] for x in w["rules"]), sorted(want["rules"]))
        laos = list(mine.values())
        t = totals(laos)
        for k, v in t.items():
            same(f"totals {k}", got["totals"][k], v)
        same("laos", {k: got["laos"][k] for k in ("count", "ldp-30", "budget-20", "model")},
             {"count": t["laos"], "ldp-30": t["ldp-30"], "budget-20": t["budget-20"], "model": t["model"]})
        same("model share", got["laos"]["model_percent"], pct(t["model"], t["laos"]))
        same("ldp-30 share", got["laos"]["ldp-30_percent"], pct(t["ldp-30"], t["laos"]))
        same("budget-20 share", got["laos"]["budget-20_percent"], pct(t["budget-20"], t["laos"]))
        same("level distribution", got["level_distribution"], t["level_distribution"])
        graded = t["plans"] - t["distribution"]["none"]
        same("graded distribution", got["graded_distribution"],
             {"graded": graded, "A": pct(t["distribution"]["A"], graded), "B": pct(t["distribution"]["B"], graded),
              "C": pct(t["distribution"]["C"], graded), "ungraded_of_all": pct(t["distribution"]["none"], t["plans"])})
        dates = [r["as_of"] for r in laos if r["as_of"]]
        same("as of", got["as_of"], max(dates) if dates else None)
        for grain, key, got_list in (("district", "district_code", got["districts"]), ("province", "province_code", got["provinces"])):
            groups = {}
            for r in laos:
                groups.setdefault(r[key], []).append(r)
            same(f"{grain} codes", [a["code"] for a in got_list], sorted(groups))
            for a in got_list:
                members = groups.get(a["code"], [])
                if not members:
                    continue
                same(f"{grain} {a['code']} name", a["name"], members[0][grain])
                for k, v in totals(members).items():
                    same(f"{grain} {a['code']} {k}", a[k], v)
        best, worst = ranked(list(mine.items()))
        same("best", got["ranked"]["best"], best)
        same("worst", got["ranked"]["worst"], worst)

        # the spread has something to show (else the comparison proves little)
        spread = {"levels reached": len([k for k, v in t["level_distribution"].items() if v]),
                  "provinces": len({r["province_code"] for r in laos}), "without plan": t["without_plan"],
                  "ungraded": t["distribution"]["none"], "certified": t["certified"],
                  "budget not entered": sum(1 for r in laos if not r["budget_entered"]),
                  "model LAOs": t["model"], "not model": t["laos"] - t["model"]}
        print("spread:", spread)
        for k, v in spread.items():
            if v < 2:
                fail(f"the generated province has too little variety: {k} = {v}")

        # Markdown and CSV carry the same counts
        md = subprocess.run([kudrang, "--lang", "th", "report", "summary", "--year", str(YEAR)], cwd=root,
                            stdout=subprocess.PIPE, check=True).stdout.decode()
        model_line = f"| {t['model']} | {t['laos']} | {pct(t['model'], t['laos']):.2f}% |"
        if model_line not in md.replace("  ", " ").replace("  ", " "):
            compact = " ".join(md.split())
            if f"{t['model']} | {t['laos']} | {pct(t['model'], t['laos']):.2f}%" not in compact:
                fail(f"markdown: no model-LAO line {model_line}")
        for grain in ("district", "province"):
            # English keys: the headers follow the output's language (issue 14), Thai by default
            out = subprocess.run([kudrang, "--lang", "en", "report", "summary", "--year", str(YEAR), "--format", "csv",
                                  "--by", grain],
                                 cwd=root, stdout=subprocess.PIPE, check=True).stdout.decode("utf-8-sig")
            table = list(csv.DictReader(io.StringIO(out)))
            groups = {}
            for r in laos:
                groups.setdefault(r[f"{grain}_code"], []).append(r)
            same(f"csv --by {grain} rows", [x["code"] for x in table], sorted(groups))
            for x in table:
                tt = totals(groups.get(x["code"], []))
                same(f"csv {grain} {x['code']}", (int(x["laos"]), int(x["model"]), int(x["ldp-30"]), int(x["budget-20"]),
                                                  [int(x[f"level{k}"]) for k in range(6)]),
                     (tt["laos"], tt["model"], tt["ldp-30"], tt["budget-20"], [tt["level_distribution"][str(k)] for k in range(6)]))
    print(f"{len(mine)} LAOs compared, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
