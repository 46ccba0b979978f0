#!/usr/bin/env python3
"""A province's repository whose workspaces are LAO repositories as git
submodules (issue 20): validate --changed follows submodule bumps.

Builds, in a temporary folder inside the build tree, four LAO repositories
(tools/generate_workspaces.py content), a district repository gathering two
of them, and a province repository gathering two LAOs and the district (a
nested gathering). Then:
- a bump of one LAO to a commit with an error: --changed exits 1 naming the
  file inside the submodule, and checks only that workspace;
- a good bump passes; a bump inside the nested district checks the one
  workspace it touches (not the district's others);
- a clone whose submodules are not fetched (CI without `submodules: true`):
  the bump is an error (submodule-not-fetched), never a silent pass; a full
  run warns about each not-fetched LAO by path, plan grade counts them;
- the old commit of a bump missing and not fetchable: submodule-commit-missing;
- a removed LAO is reported (submodule-removed);
- plan grade --compare REV reads each submodule at the commit REV records;
- the fact cache of a run inside a submodule lives in that submodule's own
  git directory;
- gather update of a nested gathering moves its LAOs along;
- the CI workflow `gather add` writes: its pull-request and push steps, run
  here as GitHub would run them (a clone with submodules, full history), fail
  a bad bump naming the file and pass a good one. (Its scheduled job is a
  sketch and not run.)

usage: province.py KUDRANG GENERATOR WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys


def main():
    kudrang, generator, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, LC_ALL='C.UTF-8', TZ='Asia/Bangkok', NO_COLOR='1',
               KUDRANG_CACHE_DIR=os.path.join(work, 'cache'), KUDRANG_LANG='en',
               GIT_AUTHOR_NAME='kudrang test', GIT_AUTHOR_EMAIL='test@kudrang.invalid',
               GIT_COMMITTER_NAME='kudrang test', GIT_COMMITTER_EMAIL='test@kudrang.invalid',
               GIT_CONFIG_NOSYSTEM='1', HOME=work,
               # local repositories as submodules: allowed in tests only
               GIT_CONFIG_COUNT='1', GIT_CONFIG_KEY_0='protocol.file.allow', GIT_CONFIG_VALUE_0='always')
    env.pop('KUDRANG_WORKSPACE', None)
    failures = []

    def check(cond, what, detail=''):
        print(('ok   ' if cond else 'FAIL ') + what)
        if not cond:
            failures.append(what)
            if detail:
                print('     ' + detail.replace('\n', '\n     '))

    def sh(*args, cwd=None, ok=True):
        p = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True)
        if ok and p.returncode != 0:
            sys.exit('command failed: %s\n%s%s' % (' '.join(args), p.stdout, p.stderr))
        return p

    def git(cwd, *args, ok=True):
        return sh('git', *args, cwd=cwd, ok=ok)

    def kd(cwd, *args, extra_env=None):
        e = dict(env, **(extra_env or {}))
        return subprocess.run([kudrang] + list(args), cwd=cwd, env=e, capture_output=True, text=True)

    gen = os.path.join(work, 'gen')
    sh(sys.executable, generator, '--out', gen, '--full', '--subdistricts', '4', '--villages', '2', '--seed', '7')
    laos = os.path.join(work, 'laos')
    codes = ['441201', '441202', '441203', '441204']
    for c in codes:
        repo = os.path.join(laos, c)
        shutil.copytree(os.path.join(gen, '44', '4412', c), repo)
        git(repo, 'init', '-q', '-b', 'main')
        git(repo, 'add', '-A')
        git(repo, 'commit', '-qm', 'records of ' + c)
    district = os.path.join(work, 'district')
    os.makedirs(district)
    git(district, 'init', '-q', '-b', 'main')
    for c in codes[2:]:
        git(district, 'submodule', 'add', '-q', 'file://' + os.path.join(laos, c), c)
    git(district, 'commit', '-qm', 'gather 441203 and 441204')
    province = os.path.join(work, 'province')
    os.makedirs(province)
    git(province, 'init', '-q', '-b', 'main')
    for c in codes[:2]:
        git(province, 'submodule', 'add', '-q', 'file://' + os.path.join(laos, c), '44/4412/' + c)
    git(province, 'submodule', 'add', '-q', 'file://' + district, '44/district')
    git(province, 'submodule', 'update', '-q', '--init', '--recursive')
    git(province, 'commit', '-qm', 'gather')

    p = kd(province, 'validate')
    check(p.returncode == 0, 'the gathered province is clean', p.stdout + p.stderr)

    meeting = 'meetings/2563/2563-08.yaml'

    def commit_in_lao(code, old, new, message):
        repo = os.path.join(laos, code)
        path = os.path.join(repo, meeting)
        with open(path, encoding='utf-8') as f:
            text = f.read()
        assert old in text, (code, old)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text.replace(old, new, 1))
        git(repo, 'commit', '-qam', message)

    def bump(clone, sub):
        # What an office does by hand (gather update does it for every LAO).
        git(os.path.join(clone, sub), 'fetch', '-q', 'origin')
        git(os.path.join(clone, sub), 'checkout', '-q', '--detach', 'origin/main')
        git(clone, 'add', sub)
        git(clone, 'commit', '-qm', 'bump ' + sub)

    def checked(stderr):
        m = re.search(r'(\d+) changed files? since \w+; checking the (\d+) workspaces?', stderr)
        return (int(m.group(1)), int(m.group(2))) if m else None

    # --- a bump to a commit with an error
    commit_in_lao('441201', 'chair: p003', 'chair: zz9', 'a chair who is not on the roster')
    bump(province, '44/4412/441201')
    p = kd(province, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 1, 'a bad bump: --changed exits 1', p.stdout + p.stderr)
    check('44/4412/441201/' + meeting + ':' in p.stdout and '[ref-unknown]' in p.stdout,
          'a bad bump: the error names the file inside the submodule', p.stdout)
    check(checked(p.stderr) == (1, 1), 'a bad bump: one changed file inside it, one workspace checked', p.stderr)
    full = kd(province, 'validate')
    check(full.returncode == 1, 'a full run fails the same', full.stdout)
    # fixed again
    commit_in_lao('441201', 'chair: zz9', 'chair: p003', 'the chair fixed')
    bump(province, '44/4412/441201')
    p = kd(province, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 0, 'the fixing bump passes', p.stdout + p.stderr)

    # --- a good bump
    commit_in_lao('441202', 'venue: ', 'venue: ศาลาประชาคม ', 'another venue')
    bump(province, '44/4412/441202')
    p = kd(province, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 0 and checked(p.stderr) == (1, 1), 'a good bump passes, checking its one workspace',
          p.stdout + p.stderr)

    # --- nested: a bump inside the district, then the district bumped in the province
    commit_in_lao('441203', 'chair: p003', 'chair: zz8', 'a bad chair in the nested LAO')
    bump(os.path.join(province, '44/district'), '441203')
    git(province, 'add', '44/district')
    git(province, 'commit', '-qm', 'bump the district')
    p = kd(province, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 1 and '44/district/441203/' + meeting + ':' in p.stdout,
          'a nested bump: the error inside the nested submodule is found', p.stdout + p.stderr)
    check(checked(p.stderr) == (1, 1), 'a nested bump: the one changed file, one workspace', p.stderr)
    commit_in_lao('441203', 'chair: zz8', 'chair: p003', 'fixed')
    bump(os.path.join(province, '44/district'), '441203')
    git(province, 'add', '44/district')
    git(province, 'commit', '-qm', 'bump the district again')

    # --- plan grade --compare reads the submodules at the compared commit
    p = kd(province, 'plan', 'grade', '--compare', 'HEAD~3', '--format', 'json')
    data = json.loads(p.stdout) if p.returncode == 0 else {}
    check(p.returncode == 0 and data.get('compare', {}).get('changes') == [],
          'plan grade --compare: every plan found at the older commit too (no plan "new")', p.stdout[-600:] + p.stderr)

    # --- a clone whose submodules are not fetched (CI checkout without submodules)
    commit_in_lao('441202', 'chair: p003', 'chair: zz7', 'a bad chair')
    bump(province, '44/4412/441202')
    bare = os.path.join(work, 'clone-no-submodules')
    git(work, 'clone', '-q', province, bare)
    p = kd(bare, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 1 and '[submodule-not-fetched]' in p.stdout and '44/4412/441202' in p.stdout,
          'a bump of a submodule that is not fetched is an error, not a silent pass', p.stdout + p.stderr)
    git(bare, 'submodule', 'update', '-q', '--init', '44/4412/441201')
    p = kd(bare, 'validate')
    warned = [l for l in p.stdout.splitlines() if '[submodule-not-fetched]' in l]
    check(p.returncode == 0 and any(l.startswith('44/4412/441202: warning: not fetched') and
                                    "git submodule update --init 44/4412/441202" in l for l in warned)
          and any(l.startswith('44/district:') for l in warned),
          'a full run warns about each LAO that is not fetched, by path', p.stdout + p.stderr)
    p = kd(bare, 'plan', 'grade', '--format', 'json')
    data = json.loads(p.stdout) if p.stdout.startswith('{') else {}
    check(sorted(data.get('not_fetched', [])) == ['44/4412/441202', '44/district']
          and data.get('totals', {}).get('not_fetched') == 2 and 'submodule-not-fetched' in p.stderr,
          'plan grade names the LAOs not fetched (JSON and stderr), not counted as zero plans silently',
          p.stdout[-400:] + p.stderr)

    # --- the old commit missing and not fetchable
    shallow = os.path.join(work, 'clone-shallow')
    git(work, 'clone', '-q', province, shallow)
    git(shallow, 'submodule', 'update', '-q', '--init', '--depth', '1', '44/4412/441202')
    os.rename(os.path.join(laos, '441202'), os.path.join(laos, '441202-gone'))
    p = kd(shallow, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 1 and '[submodule-commit-missing]' in p.stdout and '[ref-unknown]' in p.stdout,
          'the old commit cannot be had: submodule-commit-missing, and the submodule is checked whole',
          p.stdout + p.stderr)
    os.rename(os.path.join(laos, '441202-gone'), os.path.join(laos, '441202'))

    # --- a removed LAO
    git(province, 'rm', '-q', '44/4412/441202')
    git(province, 'commit', '-qm', 'remove 441202')
    p = kd(province, 'validate', '--changed', 'HEAD~1')
    check(p.returncode == 0 and '44/4412/441202: warning:' in p.stdout and '[submodule-removed]' in p.stdout,
          'a removed LAO is reported', p.stdout + p.stderr)

    # --- the fact cache inside a submodule: its own git directory
    no_cache_dir = {k: v for k, v in env.items() if k != 'KUDRANG_CACHE_DIR'}
    sub = os.path.join(province, '44/4412/441201')
    p = subprocess.run([kudrang, 'validate'], cwd=sub, env=no_cache_dir, capture_output=True, text=True)
    own = os.path.join(province, '.git', 'modules', '44', '4412', '441201', 'kudrang')
    check(p.returncode == 0 and os.path.isdir(own) and any(n.endswith('.sqlite') for n in os.listdir(own))
          and not os.path.exists(os.path.join(province, '.git', 'kudrang')),
          "a run inside a submodule keeps its cache in the submodule's own git directory",
          str(os.listdir(os.path.join(province, '.git'))))

    # --- gather update moves a nested gathering with its own submodules
    commit_in_lao('441203', 'venue: ', 'venue: ห้องประชุมใหม่ ', 'a new venue')
    bump(district, '441203')
    p = kd(province, 'gather', 'update', '44/district', '--format', 'json')
    data = json.loads(p.stdout) if p.stdout.startswith('{') else {}
    recorded = git(district, 'ls-tree', 'HEAD', '441203').stdout.split()[2]
    nested_head = git(os.path.join(province, '44/district/441203'), 'rev-parse', 'HEAD').stdout.strip()
    check(p.returncode == 0 and data.get('moved') == 1 and nested_head == recorded,
          "gather update of a nested gathering checks out what it records for its own LAOs",
          p.stdout + p.stderr + ' nested at %s, recorded %s' % (nested_head, recorded))

    # --- the province workflow, its non-scheduled steps run locally
    import yaml
    gathering = os.path.join(work, 'gathering')
    os.makedirs(gathering)
    git(gathering, 'init', '-q', '-b', 'main')
    for c in ('441201', '441204'):
        p = kd(gathering, 'gather', 'add', 'file://' + os.path.join(laos, c))
        check(p.returncode == 0, 'gather add ' + c, p.stdout + p.stderr)
    git(gathering, 'commit', '-qm', 'gather two LAOs')
    origin = os.path.join(work, 'gathering-origin.git')
    git(work, 'clone', '-q', '--bare', gathering, origin)
    with open(os.path.join(gathering, '.github/workflows/kudrang-province.yml'), encoding='utf-8') as f:
        workflow = yaml.safe_load(f)
    steps = workflow['jobs']['validate']['steps']
    checkout = [s_ for s_ in steps if s_.get('uses', '').startswith('actions/checkout')][0]
    check(checkout['with'].get('submodules') == 'recursive' and checkout['with'].get('fetch-depth') == 0,
          'the workflow checks out with submodules and full history', str(checkout))
    pr_step = [s_ for s_ in steps if s_.get('if') == "github.event_name == 'pull_request'"][0]['run']
    push_step = [s_ for s_ in steps if s_.get('if') == "github.event_name == 'push'"][0]['run']
    ci_env = dict(env, PATH=os.path.dirname(kudrang) + os.pathsep + env.get('PATH', ''))

    def ci_run(clone, script):
        script = script.replace('${{ github.base_ref }}', 'main')
        return subprocess.run(['bash', '-e', '-c', script], cwd=clone, env=ci_env, capture_output=True, text=True)

    def pull_request(name, code, old, new):
        # The checkout GitHub makes: the PR branch, submodules recursive, full history.
        commit_in_lao(code, old, new, name)
        clone = os.path.join(work, 'ci-' + name)
        git(work, 'clone', '-q', '--recurse-submodules', origin, clone)
        git(clone, 'checkout', '-q', '-b', name)
        bump(clone, '44/4412/' + code)
        return clone

    clone = pull_request('bad', '441204', 'chair: p003', 'chair: zz5')
    p = ci_run(clone, pr_step)
    check(p.returncode == 1 and ('::error file=44/4412/441204/' + meeting) in p.stdout,
          "the workflow's pull-request step fails a bad bump, naming the file inside the LAO", p.stdout + p.stderr)
    commit_in_lao('441204', 'chair: zz5', 'chair: p003', 'fixed')
    clone = pull_request('good', '441201', 'venue: ', 'venue: หอประชุม ')
    p = ci_run(clone, pr_step)
    check(p.returncode == 0, "the workflow's pull-request step passes a good bump", p.stdout + p.stderr)
    p = ci_run(clone, push_step)
    check(p.returncode == 0, "the workflow's push step validates every LAO", p.stdout + p.stderr)

    if failures:
        print('%d failed' % len(failures))
        sys.exit(1)
    print('all passed')


if __name__ == '__main__':
    main()
