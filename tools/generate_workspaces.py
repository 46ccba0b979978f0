#!/usr/bin/env python3
"""Generate a tree of kudrang workspaces, one per subdistrict, for scale tests and demos.

The tree is laid out like a national repository (spec/records.md): a root with no
kudrang.yaml and one workspace per subdistrict below it, OUT/<province>/<district>/<subdistrict>/.
Every community plan comes out with exactly the grade assigned to it by kudrang's rules
(spec/records.md "The rules computed"): A = all six criteria met, B = five, C = four,
no grade = three or fewer. Which criteria fail varies from plan to plan.

  --full      realistic content (like examples/kudrang): ~15 projects per plan, a roster of
              ~30 members, 12 held meetings of fiscal year Y, a development plan covering Y+1
              and a draft budget of Y+1. Criterion 3 is then *verified*: the development plan
              and budget are built so that exactly the plans meant to meet it have a project
              taken up by a budgeted development-plan project.
  (default)   minimal content: kudrang.yaml, a small roster and plans of 3-5 projects; no
              development plan, budget or meetings, so criterion 3 is *declared*.

  --spread    (issue 17) vary what the roll-ups count, grades staying as assigned: plans published
              through fewer than 2 channels, a forum of the year before, funded self projects, other
              agencies' plans (agency_plan), a village of kudrang.yaml without a plan, the draft budget
              of Y+1 not entered (the budget of Y carries the lines), certifications around the pass mark.
  --history N write each village's plans of the N review years before --year too (weaker: no verified
              criterion 3, sometimes no book), with some certifications: for plan grade --years.
  Without them the output is byte for byte what it was (they draw from generators of their own).

Area codes and names come from thai-areas.csv (data/ in the repository), cycling through the
subdistricts outside Bangkok (Bangkok's khwaeng have no SAO or municipality) in file order,
starting at Kudrang (441201). Past the end of the list (7,256 subdistricts) the cycle repeats
in directories named CODE-2, CODE-3, ...

Python 3 standard library only; the output depends only on the options (--seed).

  generate_workspaces.py --out /tmp/national --plans 70073 --grades 53528,14541,2004,0
  generate_workspaces.py --out /tmp/full --full --subdistricts 100 --verify build/cli/kudrang
"""

import argparse
import csv
import datetime as dt
import json
import math
import os
import random
import re
import subprocess
import sys
import time

SEED_COUNTS = (53528, 14541, 2004, 0)  # national result, 31 Jan 2012 (domain.md §2): 76.39/20.75/2.86/0 %
GRADES = ("A", "B", "C", "NONE")
CRITERIA = (1, 2, 3, 4, 5, 6)
# How often each criterion is the one that fails (participation and self-analysis most often).
FAIL_WEIGHTS = {1: 24, 2: 24, 3: 18, 4: 9, 5: 15, 6: 10}

# ---------------------------------------------------------------------------------------------
# YAML output helpers (kudrang's own resolver: brief.md "Scalar typing")

_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
_NEEDS_QUOTE_FLOW = set(",[]{}")


def ys(s, flow=False):
    """A string scalar, quoted only when it would otherwise not read back as the same string."""
    s = str(s)
    if (not s or s[0] in _SPECIAL_START or s[0] == " " or s[-1] == " " or ": " in s or " #" in s
            or s.endswith(":") or "\n" in s or "\t" in s or (flow and any(c in _NEEDS_QUOTE_FLOW for c in s))
            or s.lower() in ("null", "~", "true", "false", "yes", "no", "on", "off")
            or s.replace(".", "", 1).replace("-", "", 1).replace("+", "", 1).isdigit()):
        return json.dumps(s, ensure_ascii=False)
    return s


def flow_list(head, items, width=100):
    """A flow sequence of plain ids, wrapped like examples/kudrang (continuation lines under the '[')."""
    out, cur = [], head + "["
    pad = " " * len(cur)
    for i, x in enumerate(items):
        tok = x + ("," if i < len(items) - 1 else "]")
        if len(cur) + 1 + len(tok) > width and not cur.endswith("["):
            out.append(cur)
            cur = pad + tok
        else:
            cur += ("" if cur.endswith("[") else " ") + tok
    out.append(cur if items else head + "[]")
    return out


def money(v):
    return str(int(v)) if v == int(v) else f"{v:.2f}"


def iso(d):
    return d.isoformat()


# ---------------------------------------------------------------------------------------------
# Vocabulary (copied in style from examples/kudrang)

MALE = ["สมชาย", "บุญมี", "ทองใบ", "ประสาน", "คำพันธ์", "วิเชียร", "สุพัฒน์", "เสถียร", "อุดม", "บุญเลิศ",
        "สมบัติ", "ไพรัตน์", "สุริยา", "ชาญชัย", "วิทยา", "สมศักดิ์", "สุรชัย", "อำนวย", "ประยูร", "บุญส่ง",
        "เกรียงไกร", "สงวน", "หนูพิน", "สมาน", "ทวีศักดิ์", "วีระ", "สุนทร", "บัวพันธ์", "เด่นชัย", "ประเสริฐ",
        "พรม", "สำราญ", "ณัฐพล", "ธีระ", "อนุชา", "ชัยวัฒน์", "ธนากร", "ประสิทธิ์", "สมพงษ์", "คำมี",
        "บุญชู", "ทองดี", "สุเมธ", "จำลอง", "อดิศักดิ์", "ไพบูลย์", "กิตติ", "ศักดิ์ชัย", "มานพ", "ยุทธนา"]
FEMALE = ["สมหวัง", "บุญเรือน", "พรทิพย์", "กัญญารัตน์", "จันทร์ดี", "รัตนา", "ละเอียด", "ทองพูน", "สุภาพ",
          "อรอุมา", "คำปุ่น", "วิภาวดี", "ปิยะนุช", "จิราพร", "สุดา", "วิไลวรรณ", "มาลัย", "บุญมา", "สมจิต",
          "นงลักษณ์", "อุไรวรรณ", "ศิริพร", "ประภาพร", "ดวงใจ", "เพ็ญศรี", "สายสุนีย์", "ลำดวน", "บัวผัน"]
SURNAMES = ["ใจดี", "ศรีบุญเรือง", "พลราช", "ภูมิสะอาด", "แก้วมณี", "สีหาวงษ์", "จันทร์แก้ว", "โพธิ์ศรี",
            "ชัยภักดี", "ทองดี", "พรมมา", "สุวรรณศรี", "คำภูเงิน", "นามวงศ์", "ไชยมาตย์", "ประทุมวัน", "บุตรดี",
            "ศรีวิเศษ", "อินทร์แปลง", "ภูมิลา", "ทิพย์โพธิ์", "แสนสุข", "พิมพ์ศรี", "มะลิซ้อน", "ศรีโคตร",
            "พันธ์เลิศ", "โคตรชมภู", "ศรีจันทร์", "ดวงมาลา", "บุญประคม", "ปัดถาวะโร", "หาญชนะ", "สมบัติโยธา",
            "ก้อนคำ", "จำปาทอง", "ภูกองไชย", "ศิริโชติ", "อุปชิต", "บัวระภา", "นาคพันธ์", "หอมจันทร์", "วรรณทอง",
            "คำมุงคุณ", "ยอดคำ", "ไชยราช", "โสภาพันธ์", "สีดาคำ", "ศรีละคร", "ทองสุข", "พันธ์ศรี", "เหล่าสมบัติ",
            "วงศ์ษา", "บุญเรือง", "ทองมา", "ศรีสุข", "แสงทอง", "มีสุข", "รักษาวงศ์", "เพชรรัตน์", "สุขเจริญ"]

VILLAGE_HEADS = ["หนอง", "โนน", "โคก", "ดอน", "นา", "ห้วย", "ป่า", "หัว", "คำ", "สระ", "บึง", "วัง", "ท่า",
                 "บ่อ", "หนองบัว", "โพน", "ทุ่ง", "เหล่า", "ม่วง", "สันป่า", "บาง", "คลอง", "ไร่"]
VILLAGE_TAILS = ["แวง", "บัว", "สวรรค์", "กลาง", "ใหญ่", "น้อย", "ทอง", "ดี", "สะอาด", "งาม", "ไผ่", "จิก",
                 "แดง", "สูง", "ใหม่", "ยาง", "ขาม", "ตาล", "มะม่วง", "แก้ว", "ศรี", "เจริญ", "สำราญ",
                 "หว่าน", "โพธิ์", "เตย", "ค้อ", "ไฮ", "บก", "คูณ", "พัฒนา", "สว่าง", "ทราย", "เกลี้ยง"]
KUM = ["คุ้มศรีสุข", "คุ้มกลาง", "คุ้มเหนือ", "คุ้มใต้", "คุ้มตะวันออก", "คุ้มตะวันตก", "คุ้มวัด", "คุ้มโรงเรียน",
       "คุ้มหนองน้ำ", "คุ้มพัฒนา", "คุ้มสามัคคี", "คุ้มร่วมใจ"]

ISAN = set(range(30, 50))
NORTH = set(range(50, 59)) | {63, 64, 65, 67}
SOUTH = set(range(80, 97))
FESTIVALS = {
    "isan": ["สืบสานประเพณีบุญบั้งไฟ", "สืบสานประเพณีบุญผะเหวด", "สืบสานประเพณีบุญคูณลาน", "สืบสานประเพณีบุญข้าวสาก"],
    "north": ["สืบสานประเพณีตานก๋วยสลาก", "สืบสานประเพณียี่เป็ง", "สืบสานประเพณีปอยหลวง", "สืบสานประเพณีสืบชะตาแม่น้ำ"],
    "south": ["สืบสานประเพณีชักพระ", "สืบสานประเพณีสารทเดือนสิบ", "สืบสานประเพณีลาซัง"],
    "central": ["สืบสานประเพณีแห่เทียนพรรษา", "สืบสานประเพณีตักบาตรเทโว", "สืบสานประเพณีกวนข้าวทิพย์"],
}
COMMON_FESTIVALS = ["จัดงานประเพณีลอยกระทง", "รดน้ำดำหัวผู้สูงอายุวันสงกรานต์", "ทำบุญตักบาตรวันขึ้นปีใหม่"]


def region(province_code):
    p = int(province_code)
    if p in ISAN:
        return "isan"
    if p in NORTH:
        return "north"
    if p in SOUTH:
        return "south"
    return "central"


# Self-reliant projects (category self): name, dimension. {fest} is the region's festival.
SELF_PROJECTS = [
    ("ส่งเสริมการทำบัญชีรับ-จ่ายครัวเรือน", "economy"),
    ("คัดแยกขยะในครัวเรือนและจัดตั้งธนาคารขยะ", "environment"),
    ("ปลูกผักสวนครัวรั้วกินได้", "health"),
    ("ส่งเสริมการออกกำลังกายของผู้สูงอายุ", "health"),
    ("จัดเวรยามรักษาความปลอดภัยในหมู่บ้าน", "society"),
    ("{fest}", "culture"),
    ("ปลูกต้นไม้ในวันสำคัญของชาติ", "environment"),
    ("กลุ่มออมทรัพย์เพื่อการผลิต", "economy"),
    ("จัดตั้งกลุ่มเยาวชนจิตอาสา", "society"),
    ("รณรงค์ทำความสะอาดหมู่บ้าน", "environment"),
    ("ทำปุ๋ยหมักจากเศษอาหารและใบไม้", "environment"),
    ("ลดรายจ่ายครัวเรือนด้วยการทำน้ำยาล้างจานใช้เอง", "economy"),
    ("รณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย", "health"),
    ("ส่งเสริมการออมวันละบาท", "economy"),
    ("ถ่ายทอดภูมิปัญญาการจักสานจากผู้สูงอายุสู่เยาวชน", "culture"),
    ("ปลูกป่าชุมชน{place}", "environment"),
    ("ตลาดนัดชุมชนจำหน่ายผลผลิตปลอดสารพิษ", "economy"),
    ("จัดทำธรรมนูญหมู่บ้าน", "governance"),
    ("ประชุมประจำเดือนของหมู่บ้านเพื่อติดตามแผนชุมชน", "governance"),
    ("ส่งเสริมการเลี้ยงไก่พื้นเมืองไว้บริโภคในครัวเรือน", "economy"),
]

S_INFRA = "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน"
S_ECON = "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจตามหลักปรัชญาของเศรษฐกิจพอเพียง"
S_LIFE = "ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต สังคม และการศึกษา"
S_GOV = "ยุทธศาสตร์การพัฒนาด้านการบริหารจัดการบ้านเมืองที่ดีและทรัพยากรธรรมชาติสิ่งแวดล้อม"
STRATEGY_ORDER = [S_INFRA, S_ECON, S_LIFE, S_GOV]

# Projects the LAO can take up (category joint/support, agency lao): one theme each, so that
# development-plan projects can group the same theme from several villages (like ldp-001 of
# examples/kudrang). unit = baht per unit of the quantity {q} in the target text.
LAO_THEMES = [
    dict(key="road", cat="support", dim="infrastructure", lo=300, hi=600, unit=1300,
         plan=["ก่อสร้างถนนคอนกรีตเสริมเหล็กภายในหมู่บ้าน สาย{kum}", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สาย{v}–{o}"],
         dev="ก่อสร้างถนนคอนกรีตเสริมเหล็กภายในหมู่บ้าน", line="ค่าก่อสร้างถนนคอนกรีตเสริมเหล็กภายในหมู่บ้าน",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อให้ประชาชนมีเส้นทางคมนาคมที่สะดวก ปลอดภัย และใช้ได้ทุกฤดูกาล",
         target="ถนน คสล. กว้าง 4 เมตร หนา 0.15 เมตร รวมยาว {q:,} เมตร ใน{vs}",
         kpi="ความยาวของถนน คสล. ที่ก่อสร้างแล้วเสร็จ (เมตร)",
         outcome="ประชาชนสัญจรและขนส่งผลผลิตทางการเกษตรได้สะดวก ลดอุบัติเหตุ"),
    dict(key="laterite", cat="support", dim="infrastructure", lo=100, hi=200, unit=150,
         plan=["ซ่อมแซมถนนลูกรังเข้าพื้นที่การเกษตร สาย{v}–{o}"],
         dev="ซ่อมแซมถนนลูกรังเพื่อการเกษตร", line="ค่าซ่อมแซมถนนลูกรังเพื่อการเกษตร",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อซ่อมแซมถนนลูกรังเข้าพื้นที่การเกษตรที่ชำรุดเสียหายให้ใช้สัญจรได้",
         target="ลงลูกรังปรับเกลี่ยบดอัดแน่น รวมยาว {q:,} เมตร ใน{vs}",
         kpi="ความยาวของถนนลูกรังที่ได้รับการซ่อมแซม (เมตร)",
         outcome="เกษตรกรขนส่งผลผลิตได้สะดวก ลดต้นทุนการขนส่ง"),
    dict(key="drain", cat="support", dim="infrastructure", lo=150, hi=300, unit=1250,
         plan=["ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก {kum}"],
         dev="ก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก", line="ค่าก่อสร้างรางระบายน้ำคอนกรีตเสริมเหล็ก",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อระบายน้ำฝนและน้ำเสียจากครัวเรือน ป้องกันน้ำท่วมขังในหมู่บ้าน",
         target="รางระบายน้ำ คสล. กว้าง 0.40 เมตร รวมยาว {q:,} เมตร พร้อมบ่อพัก ใน{vs}",
         kpi="ความยาวของรางระบายน้ำที่ก่อสร้างแล้วเสร็จ (เมตร)",
         outcome="ลดปัญหาน้ำท่วมขังและแหล่งเพาะพันธุ์ยุงในหมู่บ้าน"),
    dict(key="water", cat="support", dim="infrastructure", lo=150, hi=350, unit=700,
         plan=["ปรับปรุงระบบประปาหมู่บ้าน (เปลี่ยนท่อเมนส่งน้ำ)", "ขยายเขตประปาหมู่บ้าน {kum}"],
         dev="ปรับปรุงและขยายเขตระบบประปาหมู่บ้าน", line="ค่าปรับปรุงและขยายเขตระบบประปาหมู่บ้าน",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อให้ประชาชนมีน้ำประปาที่สะอาดใช้อย่างทั่วถึงและเพียงพอ",
         target="วางท่อเมนประปา PVC รวมยาว {q:,} เมตร ใน{vs}",
         kpi="จำนวนครัวเรือนที่ใช้น้ำประปาได้เพิ่มขึ้น (ครัวเรือน)",
         outcome="ประชาชนมีน้ำสะอาดใช้ตลอดปี ลดค่าใช้จ่ายในการซื้อน้ำ"),
    dict(key="dredge", cat="support", dim="environment", lo=250, hi=500, unit=22,
         plan=["ขุดลอกหนองน้ำสาธารณะ{pond}", "ขุดลอกลำห้วย{pondname}"],
         dev="ขุดลอกแหล่งน้ำสาธารณะ", line="ค่าขุดลอกแหล่งน้ำสาธารณะ",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อเพิ่มปริมาณการกักเก็บน้ำไว้ใช้ในการอุปโภคและการเกษตรในฤดูแล้ง",
         target="ขุดลอกแหล่งน้ำสาธารณะ ปริมาณดินขุดรวมไม่น้อยกว่า {q:,} ลูกบาศก์เมตร ใน{vs}",
         kpi="ปริมาณน้ำที่กักเก็บได้เพิ่มขึ้น (ลูกบาศก์เมตร)",
         outcome="ประชาชนมีน้ำใช้เพียงพอในฤดูแล้ง บรรเทาปัญหาภัยแล้ง"),
    dict(key="solar", cat="support", dim="infrastructure", lo=80, hi=250, unit=20000,
         plan=["ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ {kum}", "ติดตั้งไฟฟ้าส่องสว่างทางสาธารณะ"],
         dev="ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์", line="ค่าติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อให้มีแสงสว่างบนถนนสาธารณะในเวลากลางคืน ลดอุบัติเหตุและอาชญากรรม",
         target="เสาไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์ จำนวน {q:,} ต้น ใน{vs}",
         kpi="จำนวนจุดติดตั้งไฟฟ้าส่องสว่างที่ใช้งานได้ (จุด)",
         outcome="ประชาชนสัญจรในเวลากลางคืนได้อย่างปลอดภัย"),
    dict(key="weir", cat="support", dim="environment", lo=200, hi=400, unit=200000,
         plan=["ก่อสร้างฝายชะลอน้ำคอนกรีตเสริมเหล็กลำห้วย{pondname}"],
         dev="ก่อสร้างฝายชะลอน้ำคอนกรีตเสริมเหล็ก", line="ค่าก่อสร้างฝายชะลอน้ำคอนกรีตเสริมเหล็ก",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อชะลอและกักเก็บน้ำในลำห้วยไว้ใช้ในการเกษตร",
         target="ฝายชะลอน้ำ คสล. จำนวน {q:,} แห่ง สันฝายกว้าง 8 เมตร ใน{vs}",
         kpi="จำนวนฝายที่ก่อสร้างแล้วเสร็จ (แห่ง)",
         outcome="เกษตรกรมีน้ำใช้ในการเกษตรเพิ่มขึ้น ความชุ่มชื้นของพื้นที่เพิ่มขึ้น"),
    dict(key="powerext", cat="support", dim="infrastructure", lo=150, hi=300, unit=450,
         plan=["ขยายเขตไฟฟ้าเพื่อการเกษตร {kum}"],
         dev="ขยายเขตไฟฟ้าแรงต่ำเพื่อการเกษตร", line="เงินอุดหนุนการไฟฟ้าส่วนภูมิภาคเพื่อขยายเขตไฟฟ้าเพื่อการเกษตร",
         strategy=S_INFRA, dept="กองช่าง",
         objective="เพื่อให้เกษตรกรมีไฟฟ้าใช้ในพื้นที่การเกษตร",
         target="ขยายเขตไฟฟ้าแรงต่ำ รวมระยะทาง {q:,} เมตร ใน{vs}",
         kpi="ระยะทางที่ขยายเขตไฟฟ้าแล้วเสร็จ (เมตร)",
         outcome="เกษตรกรใช้ไฟฟ้าสูบน้ำเพื่อการเกษตรได้ ลดต้นทุนการผลิต"),
    dict(key="cctv", cat="joint", dim="society", lo=80, hi=120, unit=25000,
         plan=["ติดตั้งกล้องวงจรปิด (CCTV) บริเวณทางเข้าหมู่บ้าน", "ติดตั้งกล้องวงจรปิด (CCTV) ในหมู่บ้าน"],
         dev="ติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV) ภายในหมู่บ้าน", line="ค่าจัดซื้อและติดตั้งกล้องโทรทัศน์วงจรปิด (CCTV)",
         strategy=S_LIFE, dept="สำนักปลัด",
         objective="เพื่อป้องกันและลดปัญหาอาชญากรรม และใช้เป็นหลักฐานเมื่อเกิดเหตุ",
         target="กล้องโทรทัศน์วงจรปิด จำนวน {q:,} จุด ใน{vs}",
         kpi="จำนวนจุดติดตั้งกล้องที่ใช้งานได้ (จุด)",
         outcome="ประชาชนมีความปลอดภัยในชีวิตและทรัพย์สิน"),
    dict(key="career", cat="joint", dim="economy", lo=15, hi=40, unit=500,
         plan=["ฝึกอบรมอาชีพ{craft}"],
         dev="ฝึกอบรมส่งเสริมอาชีพและเพิ่มรายได้ให้ประชาชน", line="โครงการฝึกอบรมส่งเสริมอาชีพและเพิ่มรายได้",
         strategy=S_ECON, dept="สำนักปลัด",
         objective="เพื่อพัฒนาฝีมือและสร้างรายได้เสริมให้กลุ่มอาชีพในตำบล",
         target="ผู้เข้ารับการอบรมจาก{vs} รวม {q:,} คน",
         kpi="ร้อยละของผู้เข้ารับการอบรมที่นำความรู้ไปประกอบอาชีพได้",
         outcome="กลุ่มอาชีพมีผลิตภัณฑ์ที่ได้มาตรฐานและมีรายได้เพิ่มขึ้น"),
    dict(key="fertiliser", cat="joint", dim="economy", lo=20, hi=40, unit=400,
         plan=["ส่งเสริมการผลิตปุ๋ยอินทรีย์ชีวภาพ"],
         dev="ส่งเสริมการผลิตปุ๋ยอินทรีย์ชีวภาพ", line="โครงการส่งเสริมการผลิตปุ๋ยอินทรีย์ชีวภาพ",
         strategy=S_ECON, dept="สำนักปลัด",
         objective="เพื่อลดต้นทุนการผลิตและลดการใช้สารเคมีในการเกษตร",
         target="เกษตรกรจาก{vs} จำนวน {q:,} คน",
         kpi="ปริมาณปุ๋ยอินทรีย์ที่กลุ่มผลิตได้ (ตัน)",
         outcome="เกษตรกรลดต้นทุนการผลิต ดินมีความอุดมสมบูรณ์"),
    dict(key="dengue", cat="joint", dim="health", lo=10, hi=20, unit=100,
         plan=["อบรมป้องกันและควบคุมโรคไข้เลือดออก"],
         dev="ป้องกันและควบคุมโรคไข้เลือดออก", line="โครงการป้องกันและควบคุมโรคไข้เลือดออก",
         strategy=S_LIFE, dept="สำนักปลัด",
         objective="เพื่อป้องกันการระบาดของโรคไข้เลือดออกในชุมชน",
         target="ครัวเรือนใน{vs} รวม {q:,} ครัวเรือน",
         kpi="อัตราป่วยด้วยโรคไข้เลือดออกลดลงเมื่อเทียบกับปีที่ผ่านมา",
         outcome="ชุมชนปลอดโรคไข้เลือดออก"),
    dict(key="elderly", cat="joint", dim="health", lo=10, hi=30, unit=200,
         plan=["ส่งเสริมสุขภาพผู้สูงอายุ", "จัดตั้งโรงเรียนผู้สูงอายุ"],
         dev="ส่งเสริมสุขภาพและการเรียนรู้ของผู้สูงอายุ", line="โครงการส่งเสริมสุขภาพและการเรียนรู้ของผู้สูงอายุ",
         strategy=S_LIFE, dept="สำนักปลัด",
         objective="เพื่อส่งเสริมให้ผู้สูงอายุมีสุขภาพดีและดูแลตนเองได้",
         target="ผู้สูงอายุใน{vs} จำนวน {q:,} คน",
         kpi="ร้อยละของผู้สูงอายุที่เข้าร่วมกิจกรรมต่อเนื่อง",
         outcome="ผู้สูงอายุดูแลสุขภาพตนเองได้และมีคุณภาพชีวิตที่ดีขึ้น"),
    dict(key="festival", cat="joint", dim="culture", lo=20, hi=50, unit=10000,
         plan=["{fest}"],
         dev="สืบสานประเพณีและวัฒนธรรมท้องถิ่น", line="โครงการสืบสานประเพณีและวัฒนธรรมท้องถิ่น",
         strategy=S_LIFE, dept="กองการศึกษา ศาสนาและวัฒนธรรม",
         objective="เพื่ออนุรักษ์และสืบสานประเพณีอันดีงามของท้องถิ่น",
         target="จัดกิจกรรมใน{vs} ปีละ {q:,} ครั้ง",
         kpi="จำนวนประชาชนที่เข้าร่วมงานประเพณี (คน)",
         outcome="ประเพณีท้องถิ่นได้รับการสืบทอด ชุมชนมีความสามัคคี"),
    dict(key="sports", cat="joint", dim="society", lo=20, hi=40, unit=100,
         plan=["จัดการแข่งขันกีฬาต้านยาเสพติด", "ป้องกันและแก้ไขปัญหายาเสพติดในหมู่บ้าน"],
         dev="ป้องกันและแก้ไขปัญหายาเสพติดในชุมชน", line="โครงการป้องกันและแก้ไขปัญหายาเสพติดในชุมชน",
         strategy=S_LIFE, dept="สำนักปลัด",
         objective="เพื่อสร้างภูมิคุ้มกันให้เด็กและเยาวชนห่างไกลยาเสพติด",
         target="เด็กและเยาวชนใน{vs} จำนวน {q:,} คน",
         kpi="จำนวนเยาวชนที่เข้าร่วมกิจกรรม (คน)",
         outcome="ชุมชนปลอดยาเสพติด เยาวชนใช้เวลาว่างให้เกิดประโยชน์"),
    dict(key="scholarship", cat="support", dim="education", lo=10, hi=30, unit=1000,
         plan=["สนับสนุนทุนการศึกษาเด็กยากจน"],
         dev="สนับสนุนทุนการศึกษาแก่เด็กนักเรียนที่ขาดแคลนทุนทรัพย์", line="ค่าทุนการศึกษาเด็กนักเรียนที่ขาดแคลนทุนทรัพย์",
         strategy=S_LIFE, dept="กองการศึกษา ศาสนาและวัฒนธรรม",
         objective="เพื่อให้เด็กนักเรียนที่ขาดแคลนทุนทรัพย์ได้เรียนต่อเนื่อง",
         target="นักเรียนใน{vs} จำนวน {q:,} ทุน",
         kpi="จำนวนนักเรียนที่ได้รับทุนและเรียนต่อเนื่อง (คน)",
         outcome="เด็กยากจนได้รับการศึกษาตามเกณฑ์"),
    dict(key="bins", cat="support", dim="environment", lo=10, hi=30, unit=500,
         plan=["จัดหาถังขยะประจำหมู่บ้าน"],
         dev="บริหารจัดการขยะมูลฝอยชุมชนแบบมีส่วนร่วม", line="โครงการบริหารจัดการขยะมูลฝอยชุมชนแบบมีส่วนร่วม",
         strategy=S_GOV, dept="สำนักปลัด",
         objective="เพื่อลดปริมาณขยะและจัดการขยะอย่างถูกวิธี",
         target="จุดรวบรวมขยะคัดแยกใน{vs} จำนวน {q:,} จุด",
         kpi="ปริมาณขยะที่ต้องนำไปกำจัดลดลง (ร้อยละ)",
         outcome="หมู่บ้านสะอาด ลดปัญหาขยะตกค้าง"),
    dict(key="sala", cat="joint", dim="governance", lo=150, hi=250, unit=200000,
         plan=["ก่อสร้างศาลาประชาคมหมู่บ้าน", "ปรับปรุงศาลากลางบ้าน"],
         dev="ก่อสร้างและปรับปรุงศาลาประชาคมหมู่บ้าน", line="ค่าก่อสร้างและปรับปรุงศาลาประชาคมหมู่บ้าน",
         strategy=S_GOV, dept="กองช่าง",
         objective="เพื่อให้หมู่บ้านมีสถานที่จัดเวทีประชาคมและกิจกรรมของชุมชน",
         target="ศาลาประชาคม จำนวน {q:,} หลัง ใน{vs}",
         kpi="จำนวนศาลาที่ก่อสร้างหรือปรับปรุงแล้วเสร็จ (หลัง)",
         outcome="ชุมชนมีสถานที่ประชุมและทำกิจกรรมร่วมกัน"),
]
CRAFTS = ["การทำไม้กวาดดอกหญ้า", "การแปรรูปผลิตภัณฑ์จากข้าว", "การทอผ้าไหมมัดหมี่", "การทำขนมไทย",
          "การเพาะเห็ดนางฟ้า", "การจักสานผลิตภัณฑ์จากผักตบชวา", "การทำพรมเช็ดเท้า", "การแปรรูปปลาร้าบอง"]

# Support from other agencies: name, dimension, agency ({district} {sub}), budget range (thousand).
OTHER_SUPPORT = [
    ("ส่งเสริมการปลูกพืชหลังนา", "economy", "สำนักงานเกษตรอำเภอ{district}", 15, 30),
    ("ส่งเสริมการปลูกข้าวอินทรีย์", "economy", "สำนักงานเกษตรอำเภอ{district}", 20, 40),
    ("ส่งเสริมการเลี้ยงโคเนื้อ", "economy", "สำนักงานปศุสัตว์อำเภอ{district}", 80, 150),
    ("ส่งเสริมการเลี้ยงไก่ไข่", "economy", "สำนักงานปศุสัตว์อำเภอ{district}", 30, 60),
    ("ส่งเสริมการเลี้ยงปลาในบ่อดิน", "economy", "สำนักงานประมงอำเภอ{district}", 15, 30),
    ("ตรวจคัดกรองสุขภาพกลุ่มเสี่ยงโรคเบาหวานและความดันโลหิตสูง", "health", "โรงพยาบาลส่งเสริมสุขภาพตำบล{sub}", 0, 0),
    ("ตรวจคัดกรองมะเร็งเต้านมและมะเร็งปากมดลูก", "health", "โรงพยาบาลส่งเสริมสุขภาพตำบล{sub}", 0, 0),
    ("ขุดเจาะบ่อบาดาลเพื่อการเกษตร", "infrastructure", "สำนักงานทรัพยากรน้ำบาดาล เขต {zone}", 150, 250),
    ("ส่งเสริมการเรียนรู้ตลอดชีวิตสำหรับผู้สูงอายุ", "education", "ศูนย์ส่งเสริมการเรียนรู้อำเภอ{district}", 5, 15),
    ("ฝึกอบรมการทำบัญชีต้นทุนอาชีพ", "economy", "สำนักงานพัฒนาชุมชนอำเภอ{district}", 5, 15),
    ("พัฒนาผลิตภัณฑ์ชุมชนสู่มาตรฐาน OTOP", "economy", "สำนักงานพัฒนาชุมชนอำเภอ{district}", 20, 50),
]

FIXED_HOLIDAYS = [  # fixed-date public holidays (month, day, name); lunar ones vary by year and are left out
    (10, 13, "วันคล้ายวันสวรรคตพระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร"),
    (10, 23, "วันปิยมหาราช"),
    (12, 5, "วันคล้ายวันพระบรมราชสมภพของพระบาทสมเด็จพระบรมชนกาธิเบศร มหาภูมิพลอดุลยเดชมหาราช บรมนาถบพิตร วันชาติ และวันพ่อแห่งชาติ"),
    (12, 10, "วันรัฐธรรมนูญ"),
    (12, 31, "วันสิ้นปี"),
    (1, 1, "วันขึ้นปีใหม่"),
    (4, 6, "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราชและวันที่ระลึกมหาจักรีบรมราชวงศ์"),
    (4, 13, "วันสงกรานต์"), (4, 14, "วันสงกรานต์"), (4, 15, "วันสงกรานต์"),
    (5, 4, "วันฉัตรมงคล"),
    (6, 3, "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี"),
    (7, 28, "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระปรเมนทรรามาธิบดีศรีสินทรมหาวชิราลงกรณ พระวชิรเกล้าเจ้าอยู่หัว"),
    (8, 12, "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสิริกิติ์ พระบรมราชินีนาถ พระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ"),
]

EXCUSES = ["ติดราชการ", "ติดราชการ", "ติดราชการ", "ลาป่วย", "ลากิจ", "ติดภารกิจในหมู่บ้าน"]

THAI_MONTHS = ["", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]


def thai_date(d):
    return f"{d.day} {THAI_MONTHS[d.month]} {d.year + 543}"


def village_list(nos):
    """หมู่ที่ 1, 8 และ 12"""
    nos = sorted(nos)
    if len(nos) == 1:
        return f"หมู่ที่ {nos[0]}"
    return "หมู่ที่ " + ", ".join(str(n) for n in nos[:-1]) + f" และ {nos[-1]}"


# ---------------------------------------------------------------------------------------------
# Areas


def default_areas_csv():
    here = os.path.dirname(os.path.abspath(__file__))
    for p in (os.environ.get("KUDRANG_AREAS_CSV", ""), os.path.join(here, "..", "data", "thai-areas.csv"),
              os.path.join(here, "..", "..", "shared", "data", "thai-areas.csv"), "/work/shared/data/thai-areas.csv"):
        if p and os.path.isfile(p):
            return p
    return None


def load_areas(path):
    """Subdistricts outside Bangkok, in the order of the file."""
    rows = []
    if path:
        with open(path, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                if r["province_code"] == "10":
                    continue  # Bangkok: khwaeng of the BMA, no SAO or municipality
                rows.append((r["subdistrict_code"], r["subdistrict_th"], r["district_code"], r["district_th"],
                             r["province_code"], r["province_th"]))
    # start at Kudrang (441201, the project's first user) and wrap around
    start = next((i for i, r in enumerate(rows) if r[0] == "441201"), 0)
    rows = rows[start:] + rows[:start]
    if not rows:  # no data file: the five subdistricts of Kudrang district (domain.md §3)
        for code, name in (("441201", "กุดรัง"), ("441202", "นาโพธิ์"), ("441203", "เลิงแฝก"),
                           ("441204", "หนองแวง"), ("441205", "ห้วยเตย")):
            rows.append((code, name, "4412", "กุดรัง", "44", "มหาสารคาม"))
    return rows


# ---------------------------------------------------------------------------------------------
# Planning the numbers


def largest_remainder(total, weights):
    s = sum(weights)
    exact = [total * w / s for w in weights]
    out = [int(math.floor(x)) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def spread(total, parts):
    """total split over parts as evenly as possible, the last ones getting one fewer."""
    q = -(-total // parts)
    full = total - parts * (q - 1)
    return [q] * full + [q - 1] * (parts - full)


def weighted_sample(rng, weights, k):
    pool = dict(weights)
    out = []
    for _ in range(k):
        total = sum(pool.values())
        x = rng.uniform(0, total)
        acc = 0
        for c in sorted(pool):
            acc += pool[c]
            if x <= acc:
                break
        out.append(c)
        del pool[c]
    return sorted(out)


def failing_criteria(rng, grade):
    if grade == "A":
        return []
    if grade == "B":
        return weighted_sample(rng, FAIL_WEIGHTS, 1)
    if grade == "C":
        return weighted_sample(rng, FAIL_WEIGHTS, 2)
    return weighted_sample(rng, FAIL_WEIGHTS, rng.choice([3, 3, 3, 3, 4, 4, 5, 6]))


def meets(num, den, threshold):
    return den > 0 and num * 100 >= threshold * den


# ---------------------------------------------------------------------------------------------
# One workspace


class Writer:
    def __init__(self, root):
        self.root = root
        self.files = 0
        self.bytes = 0
        self.plan_bytes = 0
        self.dirs = set()

    def write(self, rel, text, plan=False):
        path = os.path.join(self.root, rel)
        d = os.path.dirname(path)
        if d not in self.dirs:
            os.makedirs(d, exist_ok=True)
            self.dirs.add(d)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)
        if plan:
            self.plan_bytes += len(data)


class Workspace:
    def __init__(self, rng, area, cycle, villages, year, full):
        self.rng = rng
        (self.code, self.sub, self.dcode, self.district, self.pcode, self.province) = area
        self.dir = os.path.join(self.pcode, self.dcode, self.code if cycle == 0 else f"{self.code}-{cycle + 1}")
        self.nvillages = villages
        self.year = year
        self.full = full
        self.region = region(self.pcode)
        self.municipality = rng.random() < 0.25
        if self.municipality:
            self.org = f"เทศบาลตำบล{self.sub}"
            self.org_short = f"ทต.{self.sub}"
            self.office = "สำนักงานเทศบาลตำบล" + self.sub
        else:
            self.org = f"องค์การบริหารส่วนตำบล{self.sub}"
            self.org_short = f"อบต.{self.sub}"
            self.office = "องค์การบริหารส่วนตำบล" + self.sub
        self.council = f"สภาผู้นำชุมชนจัดการตนเองตำบล{self.sub}"
        self.venue = f"ห้องประชุม {self.office}"
        self.fy_start = dt.date(year - 544, 10, 1)  # fiscal year Y: 1 Oct of Y-1 (BE) to 30 Sep of Y
        self.fy_end = dt.date(year - 543, 9, 30)
        self.villages = self._village_names()
        self.plans = []  # filled by the generator

    def _village_names(self):
        rng = self.rng
        names = [self.sub if self.sub.startswith("บ้าน") else f"บ้าน{self.sub}"]
        used = set(names)
        while len(names) < self.nvillages:
            if rng.random() < 0.08:
                n = f"บ้าน{self.sub}{rng.choice(['เหนือ', 'ใต้', 'พัฒนา', 'ใหม่'])}"
            else:
                n = "บ้าน" + rng.choice(VILLAGE_HEADS) + rng.choice(VILLAGE_TAILS)
            if n in used:
                n = f"{n}{rng.choice(['เหนือ', 'ใต้', 'ใหม่', 'พัฒนา', 'สามัคคี'])}"
                if n in used:
                    continue
            used.add(n)
            names.append(n)
        return names

    def short(self, no):
        return self.villages[no - 1][4:]  # without บ้าน

    def plan_id(self, no):
        w = max(2, len(str(self.nvillages)))
        return f"m{no:0{w}d}-{self.year}", f"m{no:0{w}d}"

    # -- kudrang.yaml ----------------------------------------------------------------------------
    def holidays(self):
        out = []
        for m, d, name in FIXED_HOLIDAYS:
            y = self.fy_start.year if m >= 10 else self.fy_end.year
            out.append((dt.date(y, m, d), name))
        return sorted(out)

    def config_text(self):
        t = self.org_short
        typ = "municipality" if self.municipality else "sao"
        lines = [f"# {self.org} อำเภอ{self.district} จังหวัด{self.province}",
                 "kind: workspace",
                 f"organization: {{ name: {ys(self.org, True)}, short: {ys(t, True)}, type: {typ} }}",
                 f"area: {{ province: {ys(self.province, True)}, district: {ys(self.district, True)}, "
                 f"subdistrict: {ys(self.sub, True)}, code: \"{self.code}\" }}",
                 "villages:"]
        for i, n in enumerate(self.villages, 1):
            code = f', code: "{self.code}{i:02d}"' if i <= 99 else ""  # 8-digit codes stop at village 99
            lines.append(f"  - {{ no: {i}, name: {ys(n, True)}{code} }}")
        lines += ["council:", f"  name: {ys(self.council)}", f"  venue: {ys(self.venue)}",
                  "  meetings_per_year: 12", "  quorum: 0.5", "locale: th"]
        if self.full:
            lines.append("holidays:")
            for d, name in self.holidays():
                lines.append(f"  - {{ date: {iso(d)}, name: {ys(name, True)} }}")
        return "\n".join(lines) + "\n"

    # -- roster ----------------------------------------------------------------------------------
    def person(self, female=None):
        rng = self.rng
        if female is None:
            female = rng.random() < 0.35
        if female:
            title = rng.choice(["นาง", "นาง", "นางสาว"])
            first = rng.choice(FEMALE)
        else:
            title, first = "นาย", rng.choice(MALE)
        return f"{title}{first} {rng.choice(SURNAMES)}"

    def build_roster(self):
        rng = self.rng
        m = []  # (role, sector, village or None)
        kamnan_village = rng.randint(1, self.nvillages)
        if self.full:
            for v in range(1, self.nvillages + 1):
                if v == kamnan_village:
                    m.append((f"กำนันตำบล{self.sub} (ผู้ใหญ่บ้าน หมู่ที่ {v})", "local-administration", v))
                else:
                    m.append((f"ผู้ใหญ่บ้าน หมู่ที่ {v}", "local-administration", v))
            if self.municipality:
                m += [(f"นายกเทศมนตรีตำบล{self.sub}", "local-government", None),
                      (f"รองนายกเทศมนตรีตำบล{self.sub} คนที่ 1", "local-government", None),
                      (f"รองนายกเทศมนตรีตำบล{self.sub} คนที่ 2", "local-government", None),
                      (f"ปลัดเทศบาลตำบล{self.sub}", "local-government", None)]
                for k in range(1, 7):
                    m.append((f"สมาชิกสภาเทศบาลตำบล{self.sub} เขตเลือกตั้งที่ {1 + (k - 1) // 3}",
                              "local-government", None))
            else:
                m += [(f"นายกองค์การบริหารส่วนตำบล{self.sub}", "local-government", None),
                      (f"รองนายกองค์การบริหารส่วนตำบล{self.sub} คนที่ 1", "local-government", None),
                      (f"รองนายกองค์การบริหารส่วนตำบล{self.sub} คนที่ 2", "local-government", None),
                      (f"ปลัดองค์การบริหารส่วนตำบล{self.sub}", "local-government", None)]
                chair = rng.randint(1, self.nvillages)
                for v in range(1, self.nvillages + 1):
                    role = f"สมาชิกสภา อบต. หมู่ที่ {v}"
                    if v == chair:
                        role = f"ประธานสภา อบต.{self.sub} (สมาชิกสภา อบต. หมู่ที่ {v})"
                    m.append((role, "local-government", v))
            groups = [f"ประธานสภาองค์กรชุมชนตำบล{self.sub}", "ผู้แทนกลุ่มสตรีแม่บ้าน",
                      "ผู้แทนอาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.)", "ผู้แทนกลุ่มออมทรัพย์เพื่อการผลิต",
                      f"ผู้แทนชมรมผู้สูงอายุตำบล{self.sub}", "ผู้แทนกองทุนหมู่บ้านและชุมชนเมือง",
                      f"ผู้แทนสภาเด็กและเยาวชนตำบล{self.sub}"]
            for g in groups[: 4 + rng.randint(0, 3)]:
                m.append((g, "community-council", rng.randint(1, self.nvillages)))
            agencies = [f"ผอ.รพ.สต.{self.sub}", f"ผอ.โรงเรียนบ้าน{self.sub}", f"ครู กศน.ตำบล{self.sub}",
                        f"นักวิชาการพัฒนาชุมชน สำนักงานพัฒนาชุมชนอำเภอ{self.district} (พัฒนากรประจำตำบล{self.sub})",
                        f"เกษตรตำบล{self.sub} สำนักงานเกษตรอำเภอ{self.district}",
                        f"ผู้แทนสถานีตำรวจภูธร{self.district}"]
            for a in agencies[: 4 + rng.randint(0, 2)]:
                m.append((a, "state-agency", None))
        else:
            m = [(f"กำนันตำบล{self.sub} (ผู้ใหญ่บ้าน หมู่ที่ {kamnan_village})", "local-administration", kamnan_village),
                 (("นายกเทศมนตรีตำบล" if self.municipality else "นายกองค์การบริหารส่วนตำบล") + self.sub,
                  "local-government", None),
                 (("ปลัดเทศบาลตำบล" if self.municipality else "ปลัดองค์การบริหารส่วนตำบล") + self.sub,
                  "local-government", None),
                 (f"ประธานสภาองค์กรชุมชนตำบล{self.sub}", "community-council", rng.randint(1, self.nvillages)),
                 (f"พัฒนากรประจำตำบล{self.sub}", "state-agency", None)]
        self.members = []
        for i, (role, sector, v) in enumerate(m, 1):
            self.members.append(dict(id=f"p{i:03d}", name=self.person(), role=role, sector=sector, village=v))
        lg = [x for x in self.members if x["sector"] == "local-government"]
        self.mayor, self.deputy, self.clerk = lg[0]["id"], lg[1]["id"], lg[3 if self.full else 1]["id"]
        if not self.full:
            self.deputy = self.mayor

    def roster_text(self):
        lines = [f"# ทะเบียนรายชื่อ{self.council}", "kind: roster", "members:"]
        since = iso(self.fy_start)
        for x in self.members:
            lines += [f"  - id: {x['id']}", f"    name: {ys(x['name'])}", f"    role: {ys(x['role'])}",
                      f"    sector: {x['sector']}"]
            if x["village"]:
                lines.append(f"    village: {x['village']}")
            lines.append(f"    from: {since}")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Community plans


class Plan:
    pass


def make_plan(ws, no, grade, fail, reviewed):
    rng = ws.rng
    p = Plan()
    p.no, p.grade, p.fail = no, grade, set(fail)
    p.id, p.stem = ws.plan_id(no)
    p.reviewed = reviewed
    total = rng.randint(60, 400)

    def count(lo_pct, hi_pct, must_meet):
        # a count between lo and hi percent of total that meets (or not) the 70% threshold exactly
        lo = math.ceil(total * lo_pct / 100)
        hi = math.floor(total * hi_pct / 100)
        cands_lo, cands_hi = lo, hi
        if must_meet:
            cands_lo = max(lo, -(-70 * total // 100))
        else:
            cands_hi = min(hi, (70 * total - 1) // 100)
        return rng.randint(cands_lo, max(cands_lo, cands_hi))

    sa = count(70, 92, True) if 1 not in p.fail else count(40, 69.99, False)
    if 2 in p.fail:
        part = count(60, 69.99, False)
    else:
        part = count(max(70, sa * 100 / total), 96, True)
    p.total, p.part, p.sa = total, min(part, total), min(sa, total)
    assert meets(p.sa, p.total, 70) == (1 not in p.fail) and meets(p.part, p.total, 70) == (2 not in p.fail)
    if 1 in p.fail:
        p.sources = rng.choice([["jpt", "kchch2c"], ["jpt", "kchch2c"], ["jpt"], ["jpt", "kchch2c", "household-accounts"]])
    else:
        p.sources = ["jpt", "kchch2c", "household-accounts"] + (["other"] if rng.random() < 0.1 else [])
    p.sufficiency = 4 not in p.fail
    p.book = 6 not in p.fail
    # criterion 3: in full mode verified against the development plan and budget (see plan_adoption)
    if 3 not in p.fail:
        p.lao_from_start, p.lao_adopted, p.c3_mode = True, True, "met"
    else:
        mode = rng.choice(["no-start", "no-start", "not-adopted", "not-adopted", "adopted-late"])
        if ws.full:
            mode = rng.choice(["no-start", "not-carried"])
        p.c3_mode = mode
        p.lao_from_start = mode in ("not-adopted", "not-carried")
        p.lao_adopted = mode == "adopted-late"
    make_projects(ws, p)
    return p


def make_projects(ws, p):
    rng = ws.rng
    fest = rng.choice(FESTIVALS[ws.region] + COMMON_FESTIVALS)
    others = [v for v in range(1, ws.nvillages + 1) if v != p.no] or [p.no]
    fill = dict(v=ws.short(p.no), o=ws.short(rng.choice(others)), kum=rng.choice(KUM), fest=fest,
                pond=rng.choice(["", " หนอง" + rng.choice(VILLAGE_TAILS)]), pondname=rng.choice(VILLAGE_TAILS),
                craft=rng.choice(CRAFTS), place=rng.choice(["", " โคก" + ws.short(p.no)]),
                district=ws.district, sub=ws.sub, zone=rng.randint(1, 12))
    if ws.full:
        n = rng.randint(13, 17)
        dropped = 1 if rng.random() < 0.45 else 0
    else:
        n = rng.choice([3, 4, 4, 4, 5])
        dropped = 0
    counted = n - dropped
    c5_fail_mode = None
    if 5 in p.fail:
        # mostly too few self projects; sometimes enough of them, but none started yet
        c5_fail_mode = "idle" if rng.random() < 0.15 else "few"
    need = -(-30 * counted // 100)  # fewest self projects that reach 30%
    if c5_fail_mode == "few":
        n_self = rng.randint(max(0, need - 3), need - 1)
    else:
        n_self = min(counted - 1, need + rng.randint(0, 2 if ws.full else 1))
    n_self = max(n_self, 0)
    n_nonself = n - n_self  # includes the dropped one, which is never self
    if ws.full:
        n_lao = max(3, round(n_nonself * rng.uniform(0.55, 0.7)))
    else:
        n_lao = rng.randint(1, max(1, n_nonself))
    n_lao = min(n_lao, n_nonself)
    n_other = n_nonself - n_lao

    projects = []
    for name, dim in rng.sample(SELF_PROJECTS, n_self):
        projects.append(dict(name=name.format(**fill), dim=dim, cat="self", agency=None, budget=0, theme=None))
    for th in rng.sample(LAO_THEMES, n_lao):
        amount = rng.randint(th["lo"], th["hi"]) * 1000
        projects.append(dict(name=rng.choice(th["plan"]).format(**fill), dim=th["dim"], cat=th["cat"],
                             agency="lao", budget=amount, theme=th))
    for name, dim, agency, lo, hi in rng.sample(OTHER_SUPPORT, n_other):
        projects.append(dict(name=name, dim=dim, cat="support", agency=agency.format(**fill),
                             budget=rng.randint(lo, hi) * 1000 if hi else 0, theme=None))
    # priorities: LAO projects and self ones interleaved, the most urgent first
    rng.shuffle(projects)
    projects.sort(key=lambda x: (0 if x["theme"] and x["dim"] == "infrastructure" else 1) + rng.random() * 1.6)
    # statuses
    self_idx = [i for i, x in enumerate(projects) if x["cat"] == "self"]
    for x in projects:
        if x["cat"] == "self":
            x["status"] = rng.choice(["in-progress", "in-progress", "done", "proposed"])
        else:
            x["status"] = "proposed" if rng.random() < 0.9 else rng.choice(["in-progress", "done"])
    if self_idx:
        if c5_fail_mode == "idle":
            for i in self_idx:
                projects[i]["status"] = "proposed"
        elif 5 not in p.fail:
            if not any(projects[i]["status"] in ("in-progress", "done") for i in self_idx):
                projects[rng.choice(self_idx)]["status"] = "in-progress"
    if dropped:
        cands = [i for i, x in enumerate(projects) if x["cat"] != "self"]
        projects[rng.choice(cands[len(cands) // 2:])]["status"] = "dropped"
    for i, x in enumerate(projects, 1):
        x["id"] = f"P{i:02d}"
        x["priority"] = i
    p.projects = projects
    # check criterion 5 exactly as kudrang computes it
    live = [x for x in projects if x["status"] != "dropped"]
    selfs = [x for x in live if x["cat"] == "self"]
    c5 = meets(len(selfs), len(live), 30) and any(x["status"] in ("in-progress", "done") for x in selfs)
    assert c5 == (5 not in p.fail), (p.id, len(selfs), len(live), c5_fail_mode)


def plan_text(ws, p):
    fails = sorted(p.fail)
    note = {"A": "ระดับ A", "B": "ระดับ B", "C": "ระดับ C", "NONE": "ไม่ผ่านเกณฑ์"}[p.grade]
    if fails:
        note += " (ไม่ผ่านเกณฑ์ข้อ " + ", ".join(str(c) for c in fails) + ")"
    lines = [f"# แผนชุมชน{ws.villages[p.no - 1]} หมู่ที่ {p.no} (ทบทวนปี {ws.year}) — {note}",
             "kind: community-plan", f"id: {p.id}", f"village: {p.no}", f"year: {ws.year}",
             f"period: {{ from: {ws.year + 1}, to: {ws.year + 3} }}", f"reviewed: {iso(p.reviewed)}",
             "households:", f"  total: {p.total}", f"  participating: {p.part}", f"  self_analysis: {p.sa}",
             f"data_sources: [{', '.join(p.sources)}]"]
    if getattr(p, "published", None) is not None:  # --spread only
        lines.append(f"published: [{', '.join(ys(c, flow=True) for c in p.published)}]")
    lines += ["process:",
             f"  lao_from_start: {'true' if p.lao_from_start else 'false'}",
             f"  lao_adopted: {'true' if p.lao_adopted else 'false'}",
             f"  sufficiency_economy: {'true' if p.sufficiency else 'false'}",
             f"book: {'true' if p.book else 'false'}", "projects:"]
    for x in p.projects:
        lines += [f"  - id: {x['id']}", f"    name: {ys(x['name'])}", f"    dimension: {x['dim']}",
                  f"    category: {x['cat']}"]
        if x["agency"]:
            lines.append(f"    agency: {ys(x['agency'])}")
        if x.get("agency_plan"):  # --spread only
            lines.append(f"    agency_plan: {ys(x['agency_plan'])}")
        lines += [f"    budget: {money(x['budget'])}", f"    priority: {x['priority']}", f"    status: {x['status']}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Development plan and budget (full mode): criterion 3 verified


def ldp_period(year):
    y = year + 1
    start = y - ((y - 2561) % 5)  # five-year cycles 2561-2565, 2566-2570, ...
    return start, start + 4


def plan_adoption(ws):
    """Choose the plan projects the development plan takes up, and which of those a budget line carries.

    A plan meets criterion 3 (verified) iff lao_from_start and one of its projects is a source of a
    development-plan project that a budget line carries. So: plans meant to meet it get at least one
    carried source; plans with lao_from_start but meant to fail get none carried (their projects may
    still be in the development plan, unbudgeted); plans without lao_from_start may have any.
    About a third of each plan's eligible projects are taken up, all with money for Y+1.
    """
    rng = ws.rng
    carried, uncarried = [], []  # (theme key, plan, project)
    for p in ws.plans:
        elig = [x for x in p.projects if x["theme"] and x["status"] != "dropped"]
        k = round(len(elig) / 3 + rng.uniform(-0.35, 0.35))
        if p.c3_mode == "met":
            k = max(1, k)
        k = min(k, len(elig))
        # take up in priority order (the 30% rule counts by priority), with a little noise
        elig.sort(key=lambda x: x["priority"] + rng.uniform(0, 3))
        chosen = elig[:k]
        for j, x in enumerate(chosen):
            if p.c3_mode == "met":
                c = j == 0 or rng.random() < 0.3
            elif p.c3_mode == "not-carried":
                c = False
            else:
                c = rng.random() < 0.3
            (carried if c else uncarried).append((x["theme"]["key"], p, x))
        p.carried = any(True for t in carried if t[1] is p)
        p.lao_adopted = p.carried
    return carried, uncarried


def group_dev_projects(ws, items, is_carried):
    """Group taken-up plan projects of one theme, up to three villages each."""
    rng = ws.rng
    by_theme = {}
    for key, p, x in items:
        by_theme.setdefault(key, []).append((p, x))
    groups = []
    for th in LAO_THEMES:
        lst = by_theme.get(th["key"], [])
        lst.sort(key=lambda t: t[0].no)
        i = 0
        while i < len(lst):
            size = rng.choice([1, 2, 2, 3, 3])
            chunk = lst[i:i + size]
            i += size
            groups.append(dict(theme=th, members=chunk, carried=is_carried))
    return groups


def dev_and_budget_text(ws):
    rng = ws.rng
    y1 = ws.year + 1
    pfrom, pto = ldp_period(ws.year)
    carried, uncarried = plan_adoption(ws)
    groups = group_dev_projects(ws, carried, True) + group_dev_projects(ws, uncarried, False)
    groups.sort(key=lambda g: (STRATEGY_ORDER.index(g["theme"]["strategy"]), LAO_THEMES.index(g["theme"]),
                               not g["carried"], g["members"][0][0].no))
    total_hh = sum(p.total for p in ws.plans)
    sheet = "แบบ ผ.02"
    dev = [f"# แผนพัฒนาท้องถิ่น (พ.ศ. {pfrom}–{pto}) {ws.org} ({sheet}, บางโครงการ)",
           f"# รวมการเพิ่มเติมที่บรรจุโครงการจากแผนชุมชนปี {ws.year}",
           "kind: development-plan", f"id: ldp-{pfrom}-{pto}", f"period: {{ from: {pfrom}, to: {pto} }}", "projects:"]
    lines = []  # budget lines: (name, amount, dev id or None)
    n = 0

    def dev_project(name, strategy, objective, target, kpi, outcome, agency, budget, sources):
        nonlocal n
        n += 1
        pid = f"ldp-{n:03d}"
        dev.extend([f"  - id: {pid}", f"    name: {ys(name)}", f"    strategy: {ys(strategy)}",
                    f"    objective: {ys(objective)}", f"    target: {ys(target)}", f"    kpi: {ys(kpi)}",
                    f"    outcome: {ys(outcome)}", f"    agency: {ys(agency)}",
                    "    budget: { " + ", ".join(f"{yr}: {money(v)}" for yr, v in sorted(budget.items())) + " }"])
        if sources:
            dev.append(f"    sources: [{', '.join(sources)}]")
        return pid

    for g in groups:
        th = g["theme"]
        nos = [p.no for p, _ in g["members"]]
        if len(nos) == 1:
            vs = f"{ws.villages[nos[0] - 1]} {village_list(nos)}"
        else:
            vs = village_list(nos)
        asked = sum(x["budget"] for _, x in g["members"])
        planned = int(round(asked * rng.uniform(1.0, 1.1) / 5000) * 5000) or asked
        budget = {y1: planned}
        if y1 + 1 <= pto and rng.random() < 0.3:
            budget[y1 + 1] = planned
        q = max(1, int(round(planned / th["unit"] / (10 if th["unit"] < 1000 else 1))) * (10 if th["unit"] < 1000 else 1))
        sources = [f"{p.id}/{x['id']}" for p, x in g["members"]]
        pid = dev_project(f"โครงการ{th['dev']} {vs}", th["strategy"], th["objective"],
                          th["target"].format(q=q, vs=vs), th["kpi"], th["outcome"], th["dept"], budget, sources)
        if g["carried"]:
            amount = min(planned, int(round(planned * rng.uniform(0.9, 1.0) / 1000) * 1000))
            lines.append((f"{th['line']} {village_list(nos)}", amount, pid))

    # projects of the LAO's own, not from the community plans
    years = [yr for yr in range(max(pfrom, ws.year - 1), pto + 1)]
    elders = int(total_hh * rng.uniform(0.45, 0.6))
    standard = [
        ("โครงการเบี้ยยังชีพผู้สูงอายุ", S_LIFE, "เพื่อเป็นสวัสดิการช่วยเหลือผู้สูงอายุให้มีรายได้ในการดำรงชีพ",
         f"ผู้สูงอายุที่มีสิทธิในเขต{ws.org_short} ประมาณ {elders:,} คน", "ร้อยละของผู้มีสิทธิที่ได้รับเบี้ยยังชีพครบถ้วนตรงเวลา",
         "ผู้สูงอายุมีคุณภาพชีวิตที่ดีขึ้น", "สำนักปลัด", round(elders * 700 * 12, -3), "เบี้ยยังชีพผู้สูงอายุ"),
        ("โครงการเบี้ยยังชีพคนพิการ", S_LIFE, "เพื่อเป็นสวัสดิการช่วยเหลือคนพิการให้มีรายได้ในการดำรงชีพ",
         f"คนพิการที่มีสิทธิในเขต{ws.org_short}", "ร้อยละของผู้มีสิทธิที่ได้รับเบี้ยความพิการครบถ้วน",
         "คนพิการมีคุณภาพชีวิตที่ดีขึ้น", "สำนักปลัด", round(elders * 0.12 * 800 * 12, -3), "เบี้ยความพิการ"),
        (f"โครงการสนับสนุนอาหารเสริม (นม) สำหรับศูนย์พัฒนาเด็กเล็กและโรงเรียนในเขต {ws.org_short}", S_LIFE,
         "เพื่อให้เด็กนักเรียนได้รับสารอาหารครบถ้วนตามวัย", f"เด็กเล็กและนักเรียนอนุบาล–ประถมศึกษาปีที่ 6 ในเขต {ws.org_short}",
         "ร้อยละของเด็กที่ได้รับอาหารเสริม (นม) ครบตามจำนวนวัน", "เด็กมีภาวะโภชนาการและพัฒนาการสมวัย",
         "กองการศึกษา ศาสนาและวัฒนธรรม", round(total_hh * rng.uniform(0.5, 0.7) * 8 * 260, -3) + 0.40,
         "ค่าอาหารเสริม (นม) ศูนย์พัฒนาเด็กเล็กและโรงเรียน"),
        ("โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสำคัญ", S_LIFE,
         "เพื่อลดการเกิดอุบัติเหตุและความสูญเสียช่วงเทศกาลปีใหม่และสงกรานต์", "ตั้งจุดบริการประชาชนช่วงเทศกาล ปีละ 2 ครั้ง",
         "จำนวนอุบัติเหตุทางถนนในเขตตำบลช่วงเทศกาลลดลง", "ประชาชนเดินทางช่วงเทศกาลได้อย่างปลอดภัย", "สำนักปลัด",
         30000, "โครงการป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสำคัญ"),
        (f"โครงการประชุมร่วม{ws.council}", S_GOV, "เพื่อให้ผู้นำชุมชนทั้ง 4 ภาคส่วนพบปะและแลกเปลี่ยนความคิดเห็นเดือนละครั้ง",
         f"ผู้นำชุมชน {ws.nvillages} หมู่บ้าน ประชุมเดือนละ 1 ครั้ง รวม 12 ครั้ง", "จำนวนครั้งที่ประชุม (ครั้ง)",
         "การพัฒนาท้องถิ่นเป็นไปในทิศทางเดียวกัน", "สำนักปลัด", 0, None),
        ("โครงการส่งเสริมกระบวนการแผนชุมชนและเวทีประชาคมหมู่บ้าน", S_GOV,
         "เพื่อสนับสนุนการทบทวนแผนชุมชนด้วยข้อมูลของชุมชนเอง", f"เวทีประชาคมทั้ง {ws.nvillages} หมู่บ้าน และเวทีระดับตำบล 1 ครั้ง",
         "จำนวนหมู่บ้านที่ทบทวนแผนชุมชน (หมู่บ้าน)", "แผนชุมชนเป็นเครื่องมือพัฒนาหมู่บ้านและบูรณาการกับแผนพัฒนาท้องถิ่น",
         "สำนักปลัด", 30000, "โครงการส่งเสริมกระบวนการแผนชุมชนและเวทีประชาคมหมู่บ้าน"),
    ]
    for name, strategy, obj, target, kpi, outcome, agency, per_year, line in standard:
        budget = {yr: per_year for yr in years}
        pid = dev_project(name, strategy, obj, target, kpi, outcome, agency, budget, None)
        if line and per_year:
            lines.append((line, per_year, pid))
    lines.append((f"เงินสมทบกองทุนหลักประกันสุขภาพ {ws.org}", round(total_hh * 3 * 45 * 0.5, -3), None))

    ordinance = "ร่างเทศบัญญัติ" if ws.municipality else "ร่างข้อบัญญัติ"
    bud = [f"# {ordinance}งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {y1} {ws.org} (บางรายการ)", "kind: budget",
           f"year: {y1}", "stage: draft", "lines:"]
    for i, (name, amount, pid) in enumerate(lines, 1):
        bud += [f"  - id: b-{i:03d}", f"    name: {ys(name)}", f"    amount: {money(amount)}"]
        if pid:
            bud.append(f"    project: {pid}")
    return f"development-plan/{pfrom}-{pto}.yaml", "\n".join(dev) + "\n", f"budget/{y1}.yaml", "\n".join(bud) + "\n"


# ---------------------------------------------------------------------------------------------
# Meetings and the project sheet (full mode)


def meeting_dates(ws):
    rng = ws.rng
    hol = {d for d, _ in ws.holidays()}
    out = []
    for k in range(12):
        m = (10 + k - 1) % 12 + 1
        y = ws.fy_start.year if m >= 10 else ws.fy_end.year
        cands = [dt.date(y, m, d) for d in range(9, 22)]
        cands = [d for d in cands if d.weekday() < 5 and d not in hol]
        out.append(rng.choice(cands))
    return out


def agenda_for(ws, k, date, prev_date):
    y = ws.year
    n = ws.nvillages
    chair_news = [
        f"{ws.org_short} แจ้งว่า{'เทศบัญญัติ' if ws.municipality else 'ข้อบัญญัติ'}งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {y} มีผลใช้บังคับตั้งแต่วันที่ 1 ตุลาคม {y - 1} ขอให้ผู้นำทุกหมู่บ้านประชาสัมพันธ์โครงการที่ได้รับงบประมาณให้ประชาชนทราบ",
        "ขอบคุณทุกหมู่บ้านที่ร่วมจัดงานประเพณีลอยกระทงด้วยความเรียบร้อย",
        "ขอเชิญร่วมกิจกรรมวันพ่อแห่งชาติ และขอให้ทุกหมู่บ้านประดับธงชาติหน้าบ้านเรือน",
        "แจ้งผลการจัดงานวันเด็กแห่งชาติ มีเด็กและผู้ปกครองเข้าร่วมกว่า 500 คน",
        "แจ้งกำหนดการรับชำระภาษีที่ดินและสิ่งปลูกสร้างประจำปี ขอให้ผู้นำหมู่บ้านช่วยประชาสัมพันธ์",
        "ขอความร่วมมือทุกหมู่บ้านเฝ้าระวังไฟป่าและการเผาในที่โล่งช่วงฤดูแล้ง",
        "ขอบคุณทุกหมู่บ้านที่ร่วมจัดกิจกรรมวันสงกรานต์และรดน้ำดำหัวผู้สูงอายุ",
        "แจ้งกำหนดการรับสมัครนักเรียนศูนย์พัฒนาเด็กเล็ก ภาคเรียนที่ 1",
        "ขอความร่วมมือรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลายช่วงต้นฤดูฝน",
        "ขอเชิญร่วมพิธีถวายเทียนพรรษาและร่วมกิจกรรมวันเฉลิมพระชนมพรรษา",
        "ขอเชิญร่วมกิจกรรมวันแม่แห่งชาติ 12 สิงหาคม",
        "แจ้งสรุปผลการเบิกจ่ายงบประมาณประจำปีและโครงการที่จะดำเนินการให้แล้วเสร็จก่อนสิ้นปีงบประมาณ",
    ]
    topics = [
        (f"เรื่องเสนอเพื่อพิจารณา: แผนการประชุมประจำเดือน ปีงบประมาณ พ.ศ. {y}",
         f"ฝ่ายเลขานุการเสนอร่างแผนการประชุมร่วม{ws.council} ปีงบประมาณ พ.ศ. {y} จำนวน 12 ครั้ง กำหนดประชุมช่วงกลางเดือน เวลา 09.30 น. หากตรงกับวันหยุดราชการให้เลื่อนเป็นวันทำการถัดไป",
         f"ที่ประชุมมีมติเห็นชอบแผนการประชุมประจำปีงบประมาณ พ.ศ. {y} จำนวน 12 ครั้ง ตามที่เสนอ"),
        ("เรื่องสืบเนื่อง: ความก้าวหน้าการจัดเวทีประชาคมทบทวนแผนชุมชน",
         f"นักวิชาการพัฒนาชุมชนรายงานความก้าวหน้าการจัดเวทีประชาคมทบทวนแผนชุมชน ปี {y} โดยใช้ข้อมูล จปฐ. ข้อมูล กชช.2ค และบัญชีรับ-จ่ายครัวเรือน ขอให้ผู้ใหญ่บ้านเชิญชวนครัวเรือนเข้าร่วมเวที",
         "ที่ประชุมรับทราบ"),
        (f"เรื่องสืบเนื่อง: สรุปผลการจัดเวทีประชาคมทบทวนแผนชุมชน {n} หมู่บ้าน",
         f"จัดเวทีประชาคมครบทั้ง {n} หมู่บ้าน ครัวเรือนเข้าร่วมรวม {sum(p.part for p in ws.plans):,} ครัวเรือน จาก {sum(p.total for p in ws.plans):,} ครัวเรือน",
         "ที่ประชุมรับทราบ"),
        ("เรื่องเสนอเพื่อพิจารณา: การจัดเวทีประชาคมระดับตำบลเพื่อบูรณาการแผนชุมชน",
         f"เสนอให้จัดเวทีประชาคมระดับตำบลเพื่อจัดลำดับความสำคัญของโครงการจากแผนชุมชนที่อยู่ในอำนาจหน้าที่ของ{ws.org_short}",
         "ที่ประชุมมีมติเห็นชอบ"),
        ("เรื่องเสนอเพื่อพิจารณา: การบรรจุโครงการจากแผนชุมชนในแผนพัฒนาท้องถิ่น",
         f"กองวิชาการและแผนงานเสนอรายการโครงการจากแผนชุมชนที่จะบรรจุในแผนพัฒนาท้องถิ่นเพิ่มเติม เพื่อใช้จัดทำงบประมาณปี {y + 1}",
         "ที่ประชุมมีมติเห็นชอบตามที่เสนอ"),
        ("เรื่องเสนอเพื่อพิจารณา: มาตรการรับมือภัยแล้ง",
         "ขอให้ทุกหมู่บ้านสำรวจแหล่งน้ำอุปโภคบริโภคและแจ้งความต้องการน้ำ เพื่อวางแผนแจกจ่ายน้ำช่วงฤดูแล้ง",
         "ที่ประชุมมีมติเห็นชอบ"),
        (f"เรื่องเสนอเพื่อพิจารณา: การตั้งจุดบริการประชาชนช่วงเทศกาลสงกรานต์ {y}",
         "เสนอให้ตั้งจุดบริการประชาชน 2 จุด ร่วมกับ อปพร. และสถานีตำรวจ ระหว่างวันที่ 11–17 เมษายน",
         "ที่ประชุมมีมติเห็นชอบ"),
        (f"เรื่องเสนอเพื่อพิจารณา: การประกาศใช้แผนพัฒนาท้องถิ่นเพิ่มเติมและการเตรียมจัดทำงบประมาณ พ.ศ. {y + 1}",
         "แจ้งการประกาศใช้แผนพัฒนาท้องถิ่นเพิ่มเติม และขอให้ทุกหมู่บ้านทบทวนลำดับความสำคัญของโครงการ",
         "ที่ประชุมรับทราบและเห็นชอบ"),
        ("เรื่องเสนอเพื่อพิจารณา: การเตรียมรับมืออุทกภัยช่วงฤดูฝน",
         "ขอให้ทุกหมู่บ้านสำรวจจุดเสี่ยงน้ำท่วมและเตรียมกระสอบทราย",
         "ที่ประชุมมีมติเห็นชอบ"),
        (f"เรื่องเสนอเพื่อพิจารณา: {'ร่างเทศบัญญัติ' if ws.municipality else 'ร่างข้อบัญญัติ'}งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {y + 1}",
         f"ปลัดชี้แจงร่างงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {y + 1} รวมโครงการจากแผนชุมชนที่บรรจุในแผนพัฒนาท้องถิ่น",
         "ที่ประชุมรับทราบ"),
        (f"เรื่องสืบเนื่อง: การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ปี {y}",
         "กองคลังรายงานผลการจัดเก็บภาษี และขอให้ผู้นำหมู่บ้านแจ้งผู้ที่ยังไม่ชำระ",
         "ที่ประชุมรับทราบ"),
        (f"เรื่องเสนอเพื่อพิจารณา: สรุปผลการดำเนินงานโครงการประชุมร่วม{ws.council} ปีงบประมาณ พ.ศ. {y}",
         f"ฝ่ายเลขานุการสรุปผลการประชุมประจำเดือนปีงบประมาณ พ.ศ. {y} และเสนอแผนการประชุมปีงบประมาณ พ.ศ. {y + 1}",
         "ที่ประชุมมีมติเห็นชอบ"),
    ]
    prev_no = f"12/{y - 1}" if k == 1 else f"{k - 1}/{y}"
    items = [("เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", chair_news[k - 1], "ที่ประชุมรับทราบ"),
             ("เรื่องรับรองรายงานการประชุมครั้งที่แล้ว",
              f"ฝ่ายเลขานุการได้จัดส่งรายงานการประชุมครั้งที่ {prev_no}"
              + (f" เมื่อวันที่ {thai_date(prev_date)}" if prev_date else "")
              + " ให้สมาชิกตรวจสอบล่วงหน้าแล้ว ไม่มีผู้ขอแก้ไข",
              f"ที่ประชุมมีมติรับรองรายงานการประชุมครั้งที่ {prev_no} โดยไม่มีการแก้ไข"),
             topics[k - 1]]
    if ws.rng.random() < 0.6:
        items.append(("เรื่องอื่น ๆ", "ผู้แทนหน่วยงานแจ้งข่าวสารและขอความร่วมมือจากผู้นำหมู่บ้าน", "ที่ประชุมรับทราบ"))
    return items


def meeting_text(ws, k, date, prev_date):
    rng = ws.rng
    y = ws.year
    ids = [m["id"] for m in ws.members]
    fixed = {ws.mayor, ws.clerk, ws.deputy}
    present, excused, absent = [], [], []
    for i in ids:
        r = rng.random()
        if i in fixed or r < 0.86:
            present.append(i)
        elif r < 0.95:
            excused.append(i)
        else:
            absent.append(i)
    end = rng.choice(["11:30", "11:45", "12:00", "12:00", "12:15"])
    lines = ["kind: meeting", f"id: {y}-{k:02d}", 'project: "1.2.2"',
             f"title: {ys(f'ประชุมร่วม{ws.council} ครั้งที่ {k}/{y}')}", "status: held", f"date: {iso(date)}",
             'start: "09:30"', f'end: "{end}"', f"venue: {ys(ws.venue)}", f"chair: {ws.mayor}",
             f"recorder: {ws.clerk}", f"checker: {ws.deputy}", "attendance:"]
    lines += flow_list("  present: ", present)
    if excused:
        lines.append("  excused:")
        for i in excused:
            lines.append(f"    - {{ id: {i}, reason: {rng.choice(EXCUSES)} }}")
    if absent:
        lines += flow_list("  absent: ", absent)
    if rng.random() < 0.3:
        lines += ["guests:", f"  - {{ name: {ys(ws.person(), True)}, organization: {ys(ws.office, True)}, "
                             f"position: {rng.choice(['หัวหน้าสำนักปลัด', 'นักวิเคราะห์นโยบายและแผน', 'ผู้อำนวยการกองช่าง'])} }}"]
    lines.append("agenda:")
    for no, (title, notes, res) in enumerate(agenda_for(ws, k, date, prev_date), 1):
        lines += [f"  - no: {no}", f"    title: {ys(title)}", f"    notes: {ys(notes)}", f"    resolution: {ys(res)}"]
    return "\n".join(lines) + "\n"


def project_sheet_text(ws):
    n = ws.nvillages
    y = ws.year
    lines = ["# โครงการลำดับที่ 1.2.2 ตามแบบรายละเอียดโครงการ/กิจกรรม/มาตรการ", "kind: project", 'ref: "1.2.2"',
             f"name: {ys(f'โครงการประชุมร่วม{ws.council}')}", "rationale: |",
             f"  {ws.org} มีแนวนโยบายให้ชุมชนท้องถิ่นจัดการตนเองและเกิดระบบการทำงานร่วมกันของ 4 ภาคส่วน คือ ท้องที่ ท้องถิ่น สภาองค์กรชุมชน และภาครัฐ เพื่อให้เกิดการขับเคลื่อนการทำงานแบบบูรณาการ",
             f"  ดังนั้น {ws.org} จึงได้จัดทำโครงการประชุมร่วม{ws.council} ประจำเดือน เพื่อเปิดโอกาสให้ผู้บริหาร หัวหน้าส่วนราชการ คณะกรรมการชุมชนและประชาชนผู้สนใจได้พบปะแลกเปลี่ยนความคิดเห็น",
             "objectives:",
             "  - เพื่อสร้างเครือข่ายประชาชนในการพัฒนาท้องถิ่นของตนเอง",
             f"  - เพื่อสร้างความสามัคคีระหว่างหมู่บ้าน ทั้ง {n} หมู่บ้าน",
             "  - เพื่อส่งเสริมให้ประชาชนมีส่วนร่วมในการพัฒนาท้องถิ่นของตนเอง",
             f"targets: {ys(f'ผู้นำชุมชน คณะผู้บริหาร สมาชิก หัวหน้าส่วนราชการ จำนวน {n} หมู่บ้าน ประชุมเดือนละ 1 ครั้ง รวม 12 ครั้ง')}",
             f"location: {ys(f'ณ {ws.venue}')}",
             "methods:",
             "  - จัดทำแผนการประชุมในแต่ละเดือน เพื่อแจ้งคณะกรรมการชุมชนทราบ",
             "  - เชิญคณะกรรมการชุมชนเข้าร่วมประชุมตามกำหนดการ",
             "  - สรุปและรายงานผลการดำเนินงาน",
             f"period: {{ from: {y - 1}, to: {y + 1} }}", "budget: 0",
             f"responsible: {ys(f'{ws.org}ร่วมกับ{ws.council}')}",
             "indicators:",
             "  - text: ประชุมเดือนละ 1 ครั้ง รวม 12 ครั้ง", "    measure: meetings-held", "    target: 12",
             f"  - text: {ys(f'ผู้แทนทั้ง {n} หมู่บ้านเข้าร่วมประชุม')}", "    measure: villages-present", f"    target: {n}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Generation


# ---------------------------------------------------------------------------------------------
# --spread: the roll-ups' variety (issue 17). Decided by a generator of its own per workspace
# ("SEED/WI/spread"), so the output without --spread is byte for byte what it was.

CHANNELS = ("ป้ายประกาศหมู่บ้าน", "หอกระจายข่าวหมู่บ้าน", "เว็บไซต์ อปท.", "เพจเฟซบุ๊กหมู่บ้าน")
CERT_MAX = (("se1", 4), ("se2", 3), ("se3", 3), ("se4", 4), ("se5", 3), ("se6", 3), ("pa1", 7), ("pa2", 7), ("pa3", 6),
            ("le1", 13), ("le2", 12), ("ut1", 9), ("ut2", 8), ("ut3", 8), ("bk1", 2), ("bk2", 2), ("bk3", 2), ("bk4", 2),
            ("bk5", 2))  # the built-in criteria set cdd-2554 (man kudrang-records)


def spread_workspace(ws, srng):
    """Vary what the success levels, certification and roll-ups count, leaving every grade as assigned.

    Returns the village whose plan is left out (kudrang.yaml still lists it), or None. Sets on ws:
    budget_year (the year the budget record is written for: Y+1, or Y for "the draft budget of Y+1
    has not been entered"), certifications [(plan, date, scores)].
    """
    # level 1: every plan published through 2 channels, or some through fewer
    weak = srng.random() < 0.3
    for p in ws.plans:
        k = 2 + srng.randint(0, 1)
        if weak and srng.random() < 0.4:
            k = srng.randint(0, 1)
        p.published = srng.sample(CHANNELS, k)
    # level 2: now and then a plan whose forum was the year before
    if srng.random() < 0.1:
        p = srng.choice(ws.plans)
        p.reviewed = ws.fy_start - dt.timedelta(days=srng.randint(10, 60))
    # level 3: some subdistricts fund (nearly) all their self projects
    if srng.random() < 0.12:
        selfs = [x for p in ws.plans for x in p.projects if x["cat"] == "self" and x["status"] != "dropped"]
        for x in selfs[1:]:
            x["budget"] = srng.randint(5, 20) * 1000
    # level 4: other agencies' plans take up some support projects
    if srng.random() < 0.5:
        for p in ws.plans:
            for x in p.projects:
                if x["cat"] == "support" and x["agency"] != "lao" and x["status"] != "dropped" and srng.random() < 0.4:
                    x["agency_plan"] = f"แผนปฏิบัติการ {x['agency']} ปี {ws.year + 1}"
    # a village without a plan of the year
    missing = None
    if len(ws.plans) > 1 and srng.random() < 0.15:
        missing = srng.choice(ws.plans).no
    ws.budget_year = ws.year if srng.random() < 0.1 else ws.year + 1
    # certification of some plans (graded A or B), scores around the pass mark 80
    ws.certifications = []
    for p in ws.plans:
        if p.no == missing or p.grade not in ("A", "B") or srng.random() < 0.45:
            continue
        aim = srng.uniform(0.7, 0.98)
        scores = [(i, max(0, min(m, round(m * aim + srng.uniform(-1, 1))))) for i, m in CERT_MAX]
        ws.certifications.append((p, p.reviewed + dt.timedelta(days=srng.randint(30, 80)), scores))
    return missing


def history_plan_text(ws, p, year, hrng):
    """The plan of village p reviewed `year` (--history): the same plan, a year (or more) earlier,
    some criteria not met yet (households fewer, no bound book), so grades vary across the years."""
    text = plan_text(ws, p)
    k = ws.year - year
    text = text.replace(f"id: {p.id}\n", f"id: {p.stem}-{year}\n", 1).replace(f"year: {ws.year}\n", f"year: {year}\n", 1)
    text = text.replace(f"period: {{ from: {ws.year + 1}, to: {ws.year + 3} }}",
                        f"period: {{ from: {year + 1}, to: {year + 3} }}", 1)
    text = text.replace(f"reviewed: {iso(p.reviewed)}", f"reviewed: {iso(p.reviewed - dt.timedelta(days=365 * k))}", 1)
    text = text.replace(f"(ทบทวนปี {ws.year})", f"(ทบทวนปี {year})", 1)
    if hrng.random() < 0.35:
        text = text.replace("book: true\n", "book: false\n", 1)
    if hrng.random() < 0.25:
        text = text.replace("  sufficiency_economy: true\n", "  sufficiency_economy: false\n", 1)
    return text


def certification_text(ws, p, date, scores):
    lines = [f"# การรับรองมาตรฐานแผนชุมชน{ws.villages[p.no - 1]} หมู่ที่ {p.no}", "kind: certification",
             f"plan: {p.id}", "criteria: cdd-2554", f"date: {iso(date)}", "committee:",
             f"  - {ys('คณะกรรมการรับรองมาตรฐานแผนชุมชนอำเภอ' + ws.district)}", "scores:"]
    lines += [f"  {i}: {v}" for i, v in scores]
    return "\n".join(lines) + "\n"


def generate(args):
    villages_per = args.villages_per
    total_plans = sum(villages_per)
    counts = args.grades or largest_remainder(total_plans, SEED_COUNTS)
    rng = random.Random(args.seed)
    grades = [g for g, c in zip(GRADES, counts) for _ in range(c)]
    rng.shuffle(grades)
    areas = load_areas(args.areas)
    writer = Writer(args.out)
    expected = {}  # file relative to root -> (grade or None, [met x6], evidence of criterion 3)
    gi = 0
    for wi, nv in enumerate(villages_per):
        area = areas[wi % len(areas)]
        ws = Workspace(random.Random(f"{args.seed}/{wi}"), area, wi // len(areas), nv, args.year, args.full)
        ws.build_roster()
        base = dt.date(args.year - 544, 11, 1)
        for no in range(1, nv + 1):
            grade = grades[gi]
            gi += 1
            reviewed = base + dt.timedelta(days=(no - 1) * 50 // max(nv, 1) + ws.rng.randint(0, 2))
            ws.plans.append(make_plan(ws, no, grade, failing_criteria(ws.rng, grade), reviewed))
        missing = None
        if args.spread:
            missing = spread_workspace(ws, random.Random(f"{args.seed}/{wi}/spread"))
            ws.plans = [p for p in ws.plans if p.no != missing]
        d = ws.dir
        writer.write(os.path.join(d, "kudrang.yaml"), ws.config_text())
        writer.write(os.path.join(d, "roster.yaml"), ws.roster_text())
        if args.full:
            dev_path, dev_text, bud_path, bud_text = dev_and_budget_text(ws)
            if args.spread and ws.budget_year != args.year + 1:
                # The draft budget of Y+1 not entered yet: the budget of Y carries the same lines, for
                # development-plan projects that plan money for Y as well (criterion 3 stays as assigned).
                bud_path = f"budget/{ws.budget_year}.yaml"
                bud_text = bud_text.replace(f"year: {args.year + 1}\n", f"year: {ws.budget_year}\n", 1)
                dev_text = re.sub(rf"budget: {{ {args.year + 1}: (\d+(?:\.\d+)?)",
                                  rf"budget: {{ {ws.budget_year}: \1, {args.year + 1}: \1", dev_text)
            writer.write(os.path.join(d, dev_path), dev_text)
            writer.write(os.path.join(d, bud_path), bud_text)
            writer.write(os.path.join(d, "projects", "1.2.2.yaml"), project_sheet_text(ws))
            dates = meeting_dates(ws)
            for k, date in enumerate(dates, 1):
                writer.write(os.path.join(d, "meetings", str(args.year), f"{args.year}-{k:02d}.yaml"),
                             meeting_text(ws, k, date, dates[k - 2] if k > 1 else None))
        for p in ws.plans:
            if args.full:  # criterion 3 as kudrang will verify it
                assert (p.lao_from_start and p.carried) == (3 not in p.fail), p.id
            rel = os.path.join(d, "plans", str(args.year), f"{p.stem}.yaml")
            writer.write(rel, plan_text(ws, p), plan=True)
            met = [c not in p.fail for c in CRITERIA]
            expected[rel.replace(os.sep, "/")] = (None if p.grade == "NONE" else p.grade, met,
                                                  "verified" if args.full else "declared")
        for k in range(1, args.history + 1):
            hrng = random.Random(f"{args.seed}/{wi}/history/{k}")
            for p in ws.plans:
                hy = args.year - k
                rel = os.path.join(d, "plans", str(hy), f"{p.stem}.yaml")
                writer.write(rel, history_plan_text(ws, p, hy, hrng), plan=True)
                if p.grade in ("A", "B") and hrng.random() < 0.4:
                    date = p.reviewed - dt.timedelta(days=365 * k - hrng.randint(30, 80))
                    scores = [(i, max(0, min(m, round(m * hrng.uniform(0.72, 0.98))))) for i, m in CERT_MAX]
                    hp = Plan()
                    hp.no, hp.id = p.no, f"{p.stem}-{hy}"
                    writer.write(os.path.join(d, "certifications", str(hy), f"{p.stem}.yaml"),
                                 certification_text(ws, hp, date, scores))
        if args.spread:
            for p, date, scores in ws.certifications:
                writer.write(os.path.join(d, "certifications", str(args.year), f"{p.stem}.yaml"),
                             certification_text(ws, p, date, scores))
    if args.spread:  # the plans left out are not graded
        counts = [sum(1 for g, _, _ in expected.values() if (g or "NONE") == x) for x in GRADES]
        total_plans = len(expected)
    return writer, counts, len(villages_per), total_plans, expected


def run_kudrang(binary, root, argv):
    t0 = time.monotonic()
    r = subprocess.run([binary] + argv, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r, time.monotonic() - t0


def verify(binary, root, expected, counts):
    """validate and plan grade at the root; every plan must get the grade (and criteria) assigned."""
    binary = os.path.abspath(binary)
    ok = True
    try:
        r, t = run_kudrang(binary, root, ["validate", "--format", "json"])
    except OSError as e:
        print(f"verify: cannot run {binary}: {e}", file=sys.stderr)
        return False
    try:
        v = json.loads(r.stdout)
    except ValueError:
        print(f"verify: validate printed no JSON (exit {r.returncode}): {r.stderr.decode()[:2000]}", file=sys.stderr)
        return False
    print(f"verify: validate: {v['files']} files, {v['errors']} errors, {v['warnings']} warnings, exit {r.returncode}"
          f" ({t:.1f} s)", file=sys.stderr)
    for d in v["diagnostics"][:20]:
        print(f"  {d['file']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']} [{d['code']}]", file=sys.stderr)
    if v["errors"] or r.returncode != 0:
        ok = False
    r, t = run_kudrang(binary, root, ["plan", "grade", "--format", "json"])
    if r.returncode != 0:
        print(f"verify: plan grade exited {r.returncode}: {r.stderr.decode()[:2000]}", file=sys.stderr)
        return False
    g = json.loads(r.stdout)
    seen = set()
    mismatches = 0
    for p in g["plans"]:
        f = p["file"]
        seen.add(f)
        if f not in expected:
            print(f"verify: unexpected plan {p['plan']} in {f}", file=sys.stderr)
            mismatches += 1
            continue
        grade, met, evidence = expected[f]
        got_met = [c["met"] for c in sorted(p["criteria"], key=lambda c: c["no"])]
        got_ev = next(c["evidence"] for c in p["criteria"] if c["no"] == 3)
        if p["grade"] != grade or got_met != met or got_ev != evidence:
            mismatches += 1
            if mismatches <= 20:
                print(f"verify: {f}: assigned {grade or 'none'} {met} ({evidence}), kudrang says "
                      f"{p['grade'] or 'none'} {got_met} ({got_ev})", file=sys.stderr)
    missing = set(expected) - seen
    for f in sorted(missing)[:20]:
        print(f"verify: plan {f} not graded by kudrang", file=sys.stderr)
    dist = g["distribution"]
    want = dict(zip(("A", "B", "C", "none"), counts))
    if dist != want:
        print(f"verify: distribution {dist}, assigned {want}", file=sys.stderr)
        ok = False
    print(f"verify: plan grade: {len(g['plans'])} plans, {mismatches} mismatches, {len(missing)} missing, "
          f"distribution {dist} ({t:.1f} s)", file=sys.stderr)
    return ok and mismatches == 0 and not missing


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--out", required=True, help="output directory (must not exist, or be empty)")
    ap.add_argument("--subdistricts", type=int, help="number of workspaces (default 1, or plans / villages)")
    ap.add_argument("--villages", type=int, help="villages (= plans) per subdistrict (default 10)")
    ap.add_argument("--plans", type=int, help="total plans, spread over the subdistricts as evenly as possible")
    ap.add_argument("--year", type=int, default=2563, help="review year, BE (default 2563)")
    ap.add_argument("--grades", help="exact counts A,B,C,NONE adding up to the number of plans "
                                     "(default: in the proportions of the 2012 national result)")
    ap.add_argument("--full", action="store_true", help="realistic content (meetings, development plan, budget)")
    ap.add_argument("--spread", action="store_true",
                    help="vary success levels, certification, missing plans and budgets (for the roll-ups)")
    ap.add_argument("--history", type=int, default=0, metavar="N",
                    help="also write each village's plans of the N review years before --year (and some certifications)")
    ap.add_argument("--seed", type=int, default=2555, help="random seed (default 2555)")
    ap.add_argument("--areas", default=default_areas_csv(), help="thai-areas.csv (default: the repository's data/)")
    ap.add_argument("--verify", metavar="KUDRANG_BIN", help="then run validate and plan grade and compare every grade")
    a = ap.parse_args(argv)
    if a.plans is not None:
        if a.villages is not None and a.subdistricts is not None:
            ap.error("give at most two of --subdistricts, --villages and --plans")
        if a.plans < 1:
            ap.error("--plans must be at least 1")
        if a.subdistricts is None:
            a.subdistricts = -(-a.plans // (a.villages or 10))
        if a.plans < a.subdistricts:
            ap.error("--plans must be at least --subdistricts (every subdistrict has a village)")
    else:
        if a.villages is None:
            a.villages = 10
        if a.subdistricts is None:
            a.subdistricts = 1
    if a.subdistricts < 1 or (a.villages is not None and a.villages < 1):
        ap.error("--subdistricts and --villages must be at least 1")
    if not 2450 <= a.year <= 2690:
        ap.error("--year must be a BE year between 2450 and 2690 (e.g. 2563, not 2020)")
    if a.grades:
        try:
            a.grades = [int(x) for x in a.grades.split(",")]
            if len(a.grades) != 4 or min(a.grades) < 0:
                raise ValueError
        except ValueError:
            ap.error("--grades takes four counts A,B,C,NONE, e.g. 53528,14541,2004,0")
    a.villages_per = (spread(a.plans, a.subdistricts) if a.plans is not None else [a.villages] * a.subdistricts)
    if a.grades and sum(a.grades) != sum(a.villages_per):
        ap.error(f"--grades add up to {sum(a.grades)}, but there are {sum(a.villages_per)} plans")
    if os.path.exists(a.out) and (not os.path.isdir(a.out) or os.listdir(a.out)):
        ap.error(f"{a.out} exists and is not an empty directory; refusing to write into it")
    return a


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    t0 = time.monotonic()
    os.makedirs(args.out, exist_ok=True)
    writer, counts, nws, nplans, expected = generate(args)
    secs = time.monotonic() - t0
    print(f"generate_workspaces: {nws} workspaces, {writer.files} files, {nplans} plans, {writer.bytes} bytes "
          f"(plans {writer.plan_bytes}, {writer.plan_bytes / max(nplans, 1):.0f} per plan); "
          f"grades A {counts[0]}, B {counts[1]}, C {counts[2]}, none {counts[3]}; "
          f"{'full' if args.full else 'minimal'}, seed {args.seed}, {secs:.1f} s", file=sys.stderr)
    if args.verify:
        if not verify(args.verify, args.out, expected, counts):
            print("generate_workspaces: verify FAILED", file=sys.stderr)
            return 1
        print("generate_workspaces: verify ok: every plan has the grade assigned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
