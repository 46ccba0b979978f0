#!/usr/bin/env python3
"""validate --changed never checks less than it must (issue 11, point 5).

A pull request nobody vetted is gated by `kudrang validate --changed BASE`
on the merged tree. Property: for any sequence of changes to a clean
committed tree, --changed reports every error a full `kudrang validate`
reports (the base is clean, so every error is in a workspace the change
touched), reports no error the full run does not, and never exits 0 while
the full run exits 1.

On a generated tree of three workspaces committed to git, random sequences
of changes are applied (a good or a bad record added, a record edited to
break or restored, deleted, moved anywhere, replaced by a link to a file
outside or into a hidden folder, a folder link, a kudrang.yaml added in a
subfolder or above, a kudrang.yaml removed, a folder that is a git repository
of its own; issue 20: one workspace is an LAO repository gathered as a git
submodule, bumped to a newer commit of its origin with a good or a bad change,
staged or not, or removed); after each change both runs
are compared. Seeded: a failure prints the seed and the changes so far.

usage: changed_property.py KUDRANG GENERATOR [--changes N] [--seed S]
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('kudrang')
    ap.add_argument('generator')
    ap.add_argument('--changes', type=int, default=300)
    ap.add_argument('--seed', type=int, default=None)
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    kudrang = os.path.abspath(a.kudrang)

    with tempfile.TemporaryDirectory(prefix='kudrang-changed-') as tmp:
        tree = os.path.join(tmp, 'tree')
        outside = os.path.join(tmp, 'outside')
        os.makedirs(outside)
        subprocess.run([sys.executable, a.generator, '--out', tree, '--full', '--subdistricts', '3',
                        '--villages', '2', '--seed', '7'], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        env = dict(os.environ, LC_ALL='C.UTF-8', TZ='Asia/Bangkok', NO_COLOR='1',
                   KUDRANG_CACHE_DIR=os.path.join(tmp, 'cache'),
                   GIT_AUTHOR_NAME='kudrang test', GIT_AUTHOR_EMAIL='test@kudrang.invalid',
                   GIT_COMMITTER_NAME='kudrang test', GIT_COMMITTER_EMAIL='test@kudrang.invalid')
        env.pop('KUDRANG_WORKSPACE', None)
        # A local repository as a submodule: allowed in tests only.
        env.update(GIT_CONFIG_COUNT='1', GIT_CONFIG_KEY_0='protocol.file.allow', GIT_CONFIG_VALUE_0='always')

        def git(*args):
            return subprocess.run(['git', '-C', tree] + list(args), env=env, check=True,
                                  capture_output=True, text=True).stdout

        # The last workspace is an LAO's own repository, gathered as a submodule.
        lao_rel = sorted(os.path.relpath(d, tree) for d, _, fs in os.walk(tree) if 'kudrang.yaml' in fs)[-1]
        lao_origin = os.path.join(tmp, 'lao-origin')
        shutil.move(os.path.join(tree, lao_rel), lao_origin)

        def git_in(where, *args):
            return subprocess.run(['git', '-C', where] + list(args), env=env, check=True,
                                  capture_output=True, text=True).stdout

        git_in(lao_origin, 'init', '-q', '-b', 'main')
        git_in(lao_origin, 'add', '-A')
        git_in(lao_origin, 'commit', '-qm', 'the LAO')
        git('init', '-q')
        git_in(tree, 'submodule', 'add', '-q', 'file://' + lao_origin, lao_rel)
        git('add', '-A')
        git('commit', '-qm', 'base')
        base = git('rev-parse', 'HEAD').strip()
        configs = []
        for dirpath, _, filenames in os.walk(tree):
            if 'kudrang.yaml' in filenames:
                with open(os.path.join(dirpath, 'kudrang.yaml'), encoding='utf-8') as f:
                    configs.append(f.read())

        history = []

        def fail(msg):
            print('FAIL (seed %d): %s' % (seed, msg))
            print('changes since the base commit:')
            for h in history:
                print('  ' + h)
            print('rerun: changed_property.py KUDRANG GENERATOR --seed %d --changes %d' % (seed, a.changes))
            sys.exit(1)

        def run(args):
            p = subprocess.run([kudrang, '-q'] + args + ['--format', 'json'], cwd=tree, env=env,
                               capture_output=True)
            if p.returncode == 2 and b'no kudrang workspace' in p.stderr and '--changed' not in args:
                return 2, None  # every kudrang.yaml removed: a full run has no workspace to check
            if p.returncode not in (0, 1):
                fail('kudrang %s exited %d:\n%s%s' % (' '.join(args), p.returncode, p.stdout.decode(),
                                                      p.stderr.decode()))
            data = json.loads(p.stdout)
            errors = {(d['file'], d.get('line'), d.get('column'), d['code'], d['message'])
                      for d in data['diagnostics'] if d['severity'] == 'error'}
            return p.returncode, errors

        def show(errors):
            lines = ['  %s %s:%s:%s: %s' % (c, f, l, col, m) for f, l, col, c, m in sorted(errors)]
            return '\n'.join(lines[:12] + (['  ... and %d more' % (len(lines) - 12)] if len(lines) > 12 else []))

        def compare():
            full_rc, full = run(['validate'])
            changed_rc, changed = run(['validate', '--changed', base])
            if full is None:
                if changed_rc == 0:
                    fail('--changed exits 0 while no workspace is left')
                return 1
            missing = full - changed
            if missing:
                fail('--changed misses errors the full run reports:\n' +
                     show(missing))
            extra = changed - full
            if extra:
                fail('--changed reports errors the full run does not:\n' +
                     show(extra))
            if changed_rc == 0 and full_rc == 1:
                fail('--changed exits 0 while the full run exits 1')
            return full_rc

        # --- the state of the tree, read afresh before each change
        def walk():
            files, dirs = [], []
            for dirpath, dirnames, filenames in os.walk(tree):
                dirnames[:] = sorted(d for d in dirnames if d != '.git')
                rel = os.path.relpath(dirpath, tree)
                rel = '' if rel == '.' else rel
                if any(part.startswith('.') for part in rel.split(os.sep) if part):
                    continue
                dirs.append(rel)
                for f in sorted(filenames):
                    p = os.path.join(rel, f)
                    if f.endswith('.yaml') and not os.path.islink(os.path.join(tree, p)):
                        files.append(p)
            return files, dirs

        def workspaces():
            files, _ = walk()
            return [os.path.dirname(f) for f in files if os.path.basename(f) == 'kudrang.yaml']

        def path(rel):
            return os.path.join(tree, rel)

        counter = [0]

        def fresh(prefix):
            counter[0] += 1
            return '%s%d' % (prefix, counter[0])

        def pick_record(allow_config=True):
            files, _ = walk()
            if not allow_config:
                files = [f for f in files if os.path.basename(f) != 'kudrang.yaml']
            return rng.choice(files) if files else None

        def in_workspace():
            ws = workspaces()
            return rng.choice(ws) if ws else rng.choice(walk()[1])

        # --- the changes: each returns what it did, or None when it cannot apply
        def add_good():
            ws = in_workspace()
            n = counter[0] % 28 + 1
            name = os.path.join(ws, 'meetings', fresh('good') + '.yaml')
            os.makedirs(path(os.path.dirname(name)), exist_ok=True)
            day = rng.randrange(1, 29)
            with open(path(name), 'w', encoding='utf-8') as f:
                f.write('kind: meeting\nid: 2563-%d\ntitle: ทดสอบ\nstatus: planned\ndate: 2020-09-%02d\n'
                        'chair: p001\n' % (40 + n, day))
            return 'add a record ' + name

        bad_texts = [
            'kind: meeting\nid: 2563-77\ntitle: x\nstatus: planned\ndate: 2020-09-29\nchair: zz9\n',
            'kind: project\nname: \'open\n',
            'title: no kind here\n',
            'kind: meeting\nid: 2563-78\nstatus: planned\ndate: 2020-02-30\nchair: p001\nbogus: 1\n',
        ]

        def add_bad():
            _, dirs = walk()
            name = os.path.join(rng.choice(dirs), fresh('bad') + '.yaml')
            with open(path(name), 'w', encoding='utf-8') as f:
                f.write(rng.choice(bad_texts))
            return 'add a bad record ' + name

        def edit_break():
            f = pick_record()
            if not f:
                return None
            with open(path(f), 'a', encoding='utf-8') as out:
                out.write(rng.choice(['bogus_key: 1\n', 'kind: meeting\n', 'chair: [\n']))
            return 'break ' + f

        def restore():
            changed = [l for l in git('diff', '--name-only', '--no-renames', base, '--').splitlines() if l]
            if not changed:
                return None
            f = rng.choice(changed)
            if os.path.lexists(path(f)) and not os.path.isfile(path(f)) and not os.path.islink(path(f)):
                return None
            if os.path.islink(path(f)) or os.path.exists(path(f)):
                os.remove(path(f))
            git('checkout', base, '--', f)
            return 'restore ' + f

        def delete():
            f = pick_record()
            if not f:
                return None
            os.remove(path(f))
            return 'delete ' + f

        def move():
            f = pick_record()
            if not f:
                return None
            _, dirs = walk()
            to = os.path.join(rng.choice(dirs), rng.choice([os.path.basename(f), fresh('moved') + '.yaml']))
            if os.path.lexists(path(to)):
                return None
            os.rename(path(f), path(to))
            return 'move %s to %s' % (f, to)

        def link_outside():
            f = pick_record()
            if not f:
                return None
            target = os.path.join(outside, fresh('o') + '.yaml')
            if rng.random() < 0.5:
                shutil.copy(path(f), target)  # the same record: read through the link, all looks well
                what = 'a copy of itself'
            else:
                with open(target, 'w') as out:
                    out.write('hostname\n')  # like /etc/hostname: not a record
                what = 'a non-record'
            os.remove(path(f))
            os.symlink(target, path(f))
            return 'replace %s by a link to %s outside' % (f, what)

        def link_hidden():
            f = pick_record()
            if not f:
                return None
            hidden = os.path.join(os.path.dirname(f), '.hidden')
            os.makedirs(path(hidden), exist_ok=True)
            target = os.path.join(hidden, fresh('h') + '.yaml')
            if rng.random() < 0.5:
                os.rename(path(f), path(target))
            else:
                with open(path(target), 'w') as out:
                    out.write('kind: meeting\nid: x\n')
                os.remove(path(f))
            os.symlink(os.path.relpath(path(target), path(os.path.dirname(f))), path(f))
            return 'replace %s by a link into %s' % (f, hidden)

        def link_new():
            _, dirs = walk()
            name = os.path.join(rng.choice(dirs), fresh('l') + '.yaml')
            target = rng.choice(['/etc/hostname', os.path.join(outside, 'missing.yaml'),
                                 os.path.join(tree, walk()[0][0])])
            os.symlink(target, path(name))
            return 'add a link %s -> %s' % (name, target)

        def link_dir():
            _, dirs = walk()
            name = os.path.join(rng.choice(dirs), fresh('dirlink'))
            os.symlink('..', path(name))
            return 'add a folder link ' + name

        def add_config():
            _, dirs = walk()
            d = rng.choice(dirs)
            if os.path.lexists(path(os.path.join(d, 'kudrang.yaml'))):
                return None
            with open(path(os.path.join(d, 'kudrang.yaml')), 'w', encoding='utf-8') as out:
                out.write(rng.choice(configs))
            return 'add a kudrang.yaml in ' + (d or '.')

        def add_repo():
            # A folder that is a git repository of its own (cloned into the
            # tree, or a submodule): git names it as one path, 'sub/'.
            _, dirs = walk()
            d = os.path.join(rng.choice(dirs), fresh('repo'))
            os.makedirs(path(d))
            subprocess.run(['git', 'init', '-q', path(d)], check=True, env=env)
            inner = rng.choice(['', 'deeper'])
            os.makedirs(path(os.path.join(d, inner)), exist_ok=True)
            if rng.random() < 0.5:
                with open(path(os.path.join(d, inner, 'kudrang.yaml')), 'w', encoding='utf-8') as out:
                    out.write(rng.choice(configs))
            with open(path(os.path.join(d, inner, 'r.yaml')), 'w', encoding='utf-8') as out:
                out.write(rng.choice(bad_texts))
            return 'add a git repository ' + d

        def remove_config():
            ws = workspaces()
            if not ws:
                return None
            d = rng.choice(ws)
            os.remove(path(os.path.join(d, 'kudrang.yaml')))
            return 'remove the kudrang.yaml of ' + (d or '.')

        def bump():
            # The LAO commits a good or a bad change in its own repository;
            # the gathering moves its submodule there (staged or not).
            name = os.path.join('meetings', fresh('bump') + '.yaml')
            os.makedirs(os.path.join(lao_origin, 'meetings'), exist_ok=True)
            good = rng.random() < 0.5
            with open(os.path.join(lao_origin, name), 'w', encoding='utf-8') as f:
                f.write('kind: meeting\nid: 2563-%d\ntitle: ทดสอบ\nstatus: planned\ndate: 2020-09-%02d\n'
                        'chair: p001\n' % (60 + counter[0] % 30, rng.randrange(1, 29)) if good
                        else rng.choice(bad_texts))
            git_in(lao_origin, 'add', '-A')
            git_in(lao_origin, 'commit', '-qm', 'a change')
            sub = path(lao_rel)
            if not os.path.exists(os.path.join(sub, '.git')):
                return None
            git_in(sub, 'fetch', '-q', 'origin')
            try:
                git_in(sub, 'checkout', '-q', '--detach', 'origin/main')
            except subprocess.CalledProcessError:
                return None  # local changes in the way
            staged = rng.random() < 0.5
            if staged:
                git('add', lao_rel)
            return 'bump the submodule %s (%s change%s)' % (lao_rel, 'a good' if good else 'a bad',
                                                          ', staged' if staged else '')

        def remove_submodule():
            if not os.path.exists(path(lao_rel)):
                return None
            git('rm', '-q', '-f', lao_rel)
            return 'remove the submodule ' + lao_rel

        changes = [(add_good, 2), (add_bad, 2), (edit_break, 3), (restore, 4), (delete, 2), (move, 3),
                   (link_outside, 2), (link_hidden, 2), (link_new, 1), (link_dir, 1), (add_config, 2),
                   (remove_config, 2), (add_repo, 1), (bump, 3), (remove_submodule, 1)]
        population = [c for c, w in changes for _ in range(w)]

        if compare() != 0:
            fail('the generated base tree is not clean')
        done = 0
        failing = 0
        while done < a.changes:
            git('reset', '-q', '--hard', base)
            git('clean', '-qffdx')  # -ff: nested repositories too
            git('submodule', 'update', '-q', '--init', '--force')  # back at the base's commit
            git('submodule', 'foreach', '-q', 'git clean -qffdx')
            history.clear()
            for _ in range(rng.randrange(1, 9)):
                what = rng.choice(population)()
                if what is None:
                    continue
                history.append(what)
                done += 1
                failing += compare()
        print('ok (seed %d): %d random changes; the full run failed after %d of them, --changed every time'
              % (seed, done, failing))


if __name__ == '__main__':
    main()
