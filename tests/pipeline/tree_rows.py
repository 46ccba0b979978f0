#!/usr/bin/env python3
"""Every report command at the root of a 1,000-workspace tree gives, for each
workspace, what the same command gives run in that workspace alone (issue 16).

Generates a tree of 1,000 subdistricts (2 villages each, full content), runs
plan grade, plan certify, budget check, report levels and meeting report at
its root (JSON), and checks:
- one row per workspace, in tree order, each with its area code and name;
- the totals are the sums of the rows (and the LAO counts of budget check
  count the rows that meet each rule);
- for a spread sample of workspaces, the row equals the command run inside
  that workspace, key by key;
- the peak memory of every root run stays under 300 MB (memory bounded by a
  batch, not by the tree).
usage: tree_rows.py KUDRANG GENERATOR [WORKSPACES]
"""
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile

LIMIT_MB = 300


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def main():
    kudrang, generator = os.path.abspath(sys.argv[1]), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    with tempfile.TemporaryDirectory(prefix='kudrang-tree-') as tmp:
        tree = os.path.join(tmp, 'tree')
        subprocess.run([sys.executable, generator, '--out', tree, '--full', '--subdistricts', str(count),
                        '--villages', '2', '--seed', '16'], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        # The example joins as one more workspace: it has certifications.
        source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        shutil.copytree(os.path.join(source, 'examples', 'kudrang'), os.path.join(tree, '99', '9999', 'ex441201'))
        count += 1
        env = dict(os.environ, LC_ALL='C.UTF-8', TZ='Asia/Bangkok', KUDRANG_CACHE_DIR=os.path.join(tmp, 'cache'))

        peak = [0]

        def run(args, cwd, ok=(0, 1)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            p = subprocess.run([kudrang, '--lang', 'en', '-q'] + args, cwd=cwd, env=env, capture_output=True)
            if p.returncode not in ok:
                fail('kudrang %s in %s: exit %d\n%s' % (' '.join(args), cwd, p.returncode, p.stderr.decode()))
            after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            if cwd == tree:
                peak[0] = max(peak[0], after if after > before else before)
            return json.loads(p.stdout)

        workspaces = sorted(os.path.relpath(d, tree) for d, _, files in os.walk(tree) if 'kudrang.yaml' in files)
        if len(workspaces) != count:
            fail('generated %d workspaces, expected %d' % (len(workspaces), count))
        step = max(1, count // 40)
        sample = sorted(set(workspaces[::step] + [workspaces[-1]]))

        def rows_of(result, what):
            rows = result['workspaces']
            if [r['workspace'] for r in rows] != workspaces:
                fail('%s: the rows are not one per workspace in tree order' % what)
            for r in rows:
                if not r['code'] or not r['name'] or not r['workspace'].endswith(r['code']):
                    fail('%s: row %s lacks its area code or name' % (what, r['workspace']))
            return {r['workspace']: r for r in rows}

        def same(what, ws, row, alone, keys):
            for k in keys:
                if row.get(k) != alone.get(k):
                    fail('%s in %s: %s differs from the run in the workspace alone:\n%r\n%r'
                         % (what, ws, k, row.get(k), alone.get(k)))

        # budget check
        root = run(['budget', 'check', '--year', '2563', '--format', 'json'], tree)
        rows = rows_of(root, 'budget check')
        for i, rule in enumerate(root['totals']['rules']):
            num = sum(r['rules'][i]['numerator'] for r in rows.values())
            den = sum(r['rules'][i]['denominator'] for r in rows.values())
            if (rule['numerator'], rule['denominator']) != (num, den):
                fail('budget check: the total of %s is not the sum of the rows' % rule['id'])
        laos = root['laos']
        met = {rid: sum(1 for r in rows.values() for x in r['rules'] if x['id'] == rid and x['met'])
               for rid in ('ldp-30', 'budget-20')}
        model = sum(1 for r in rows.values() if all(x['met'] for x in r['rules'] if x['id'] in ('ldp-30', 'budget-20')))
        if laos != {'count': count, 'ldp-30': met['ldp-30'], 'budget-20': met['budget-20'], 'model': model}:
            fail('budget check: the LAO counts %r do not count the rows' % laos)
        for ws in sample:
            same('budget check', ws, rows[ws], run(['budget', 'check', '--year', '2563', '--format', 'json'],
                                                   os.path.join(tree, ws)), ['year', 'target_year', 'rules'])

        # report levels
        root = run(['report', 'levels', '--year', '2563', '--format', 'json'], tree)
        rows = rows_of(root, 'report levels')
        dist = {str(n): sum(1 for r in rows.values() if r['level'] == n) for n in range(6)}
        if root['distribution'] != dist:
            fail('report levels: the distribution does not count the rows')
        for ws in sample:
            same('report levels', ws, rows[ws], run(['report', 'levels', '--year', '2563', '--format', 'json'],
                                                    os.path.join(tree, ws)), ['year', 'level', 'reached', 'levels'])

        # meeting report
        root = run(['meeting', 'report', '--fy', '2563', '--format', 'json'], tree)
        rows = rows_of(root, 'meeting report')
        if root['totals']['held'] != sum(r['held'] for r in rows.values()):
            fail('meeting report: the total held is not the sum of the rows')
        for ws in sample:
            same('meeting report', ws, rows[ws], run(['meeting', 'report', '--fy', '2563', '--format', 'json'],
                                                     os.path.join(tree, ws)),
                 ['fiscal_year', 'target', 'held', 'target_met', 'cancelled', 'months', 'missing_months', 'villages',
                  'sectors'])

        # plan grade: the tree's plan rows of a workspace are its rows alone
        root = run(['plan', 'grade', '--year', '2563', '--format', 'json'], tree)
        root_grades = root
        rows = rows_of(root, 'plan grade')
        if len(root['plans']) != sum(root['totals']['distribution'].values()) or len(root['plans']) < 2 * (count - 1):
            fail('plan grade: %d plan rows do not add up' % len(root['plans']))
        for k in ('A', 'B', 'C', 'none'):
            if root['totals']['distribution'][k] != sum(r['distribution'][k] for r in rows.values()):
                fail('plan grade: the total of %s is not the sum of the rows' % k)
        for ws in sample:
            alone = run(['plan', 'grade', '--year', '2563', '--format', 'json'], os.path.join(tree, ws))
            mine = [dict((k, v) for k, v in p.items() if k not in ('workspace', 'file'))
                    for p in root['plans'] if p['workspace'] == ws]
            theirs = [dict((k, v) for k, v in p.items() if k != 'file') for p in alone['plans']]
            if mine != theirs:
                fail('plan grade in %s: the tree\'s rows differ from the run alone' % ws)
            same('plan grade', ws, rows[ws], alone, ['distribution'])

        # plan certify: every certification once, with its workspace
        root = run(['plan', 'certify', '--format', 'json'], tree)
        if not root['certifications']:
            fail('plan certify: no certification at the root (the example has some)')
        sample.append('99/9999/ex441201')
        for ws in sample:
            alone = run(['plan', 'certify', '--format', 'json'], os.path.join(tree, ws))
            mine = [dict((k, v) for k, v in c.items() if k not in ('workspace', 'file'))
                    for c in root['certifications'] if c.get('workspace') == ws]
            theirs = [dict((k, v) for k, v in c.items() if k != 'file') for c in alone['certifications']]
            if mine != theirs:
                fail('plan certify in %s: the tree\'s rows differ from the run alone' % ws)

        # export: the plans table of the whole tree holds the same grades
        db = os.path.join(tmp, 'tree.db')
        p = subprocess.run([kudrang, '-q', 'export', '--format', 'sqlite', '-o', db], cwd=tree, env=env, capture_output=True)
        if p.returncode != 0:
            fail('export at the root: exit %d\n%s' % (p.returncode, p.stderr.decode()))
        con = sqlite3.connect(db)
        exported = {(w, f): g for w, f, g in con.execute('select workspace, file, grade from plans where year = 2563')}
        graded = {(pl['workspace'], pl['file']): pl['grade'] for pl in root_grades['plans']}
        if exported != graded:
            fail('export: the plans table differs from plan grade at the root (%d rows, %d plans)'
                 % (len(exported), len(graded)))
        if con.execute('select count(distinct workspace) from rules').fetchone()[0] != count:
            fail('export: the rules table does not hold every LAO')

        mb = peak[0] // 1024
        if mb >= LIMIT_MB:
            fail('a root run peaked at %d MB (limit %d MB)' % (mb, LIMIT_MB))
        print('%d workspaces: 5 report commands and export at the root agree with %d workspaces run alone; peak %d MB'
              % (count, len(sample), mb))


if __name__ == '__main__':
    main()
