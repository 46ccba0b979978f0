#!/usr/bin/env python3
"""plan grade --compare stopped by a signal leaves no copy of the records (issue 11).

--compare exports the records of an older revision into a temporary folder.
On a generated tree (large enough for the comparison to take a while), this
starts `kudrang plan grade --compare HEAD~1`, waits until the older records
have been exported (the folder has content and git has finished), and stops
kudrang with SIGINT, then SIGTERM, then SIGHUP. Each time: the folder was
private (mode 0700) while it existed, it is gone afterwards, and kudrang
ended by that very signal (as a shell expects). Folders of this user's runs
killed outright more than an hour ago are swept by the next run; fresh ones
(another run's, maybe still working) are kept.

usage: compare_interrupted.py KUDRANG GENERATOR
"""
import glob
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def children(pid):
    out = []
    for path in glob.glob(f'/proc/{pid}/task/*/children'):
        try:
            with open(path) as f:
                out += f.read().split()
        except OSError:
            pass
    return out


def main():
    kudrang, generator = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory(prefix='kudrang-compare-test-') as tmp:
        tree, tmpdir = os.path.join(tmp, 'tree'), os.path.join(tmp, 'tmp')
        os.mkdir(tmpdir)
        subprocess.run([sys.executable, generator, '--out', tree, '--plans', '2000'], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        git_env = dict(os.environ, GIT_AUTHOR_NAME='t', GIT_AUTHOR_EMAIL='t@kudrang.invalid',
                       GIT_COMMITTER_NAME='t', GIT_COMMITTER_EMAIL='t@kudrang.invalid')
        for cmd in (['git', 'init', '-q'], ['git', 'add', '-A'], ['git', 'commit', '-qm', 'one'],
                    ['git', 'commit', '-q', '--allow-empty', '-m', 'two']):
            subprocess.run(cmd, cwd=tree, env=git_env, check=True)

        # Left by runs killed outright: one two hours ago, one a moment ago.
        stale = os.path.join(tmpdir, 'kudrang-compare-stale1')
        fresh = os.path.join(tmpdir, 'kudrang-compare-fresh1')
        os.makedirs(os.path.join(stale, 'ws', 'plans'))
        with open(os.path.join(stale, 'ws', 'plans', 'p.yaml'), 'w') as f:
            f.write('kind: community-plan\n')
        os.mkdir(fresh)
        old = time.time() - 7200
        os.utime(stale, (old, old))
        ours = {stale, fresh}

        env = dict(os.environ, LC_ALL='C.UTF-8', TMPDIR=tmpdir, KUDRANG_CACHE_DIR=os.path.join(tmp, 'cache'))
        env.pop('KUDRANG_WORKSPACE', None)

        def as_from_a_terminal():
            # A test run in the background may have SIGINT ignored, and an
            # ignored signal stays ignored (nohup): a clerk's terminal has it.
            for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(s, signal.SIG_DFL)

        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            p = subprocess.Popen([kudrang, 'plan', 'grade', '--compare', 'HEAD~1'], cwd=tree, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=as_from_a_terminal)
            folder, mode = None, None
            deadline = time.monotonic() + 120
            while True:
                if p.poll() is not None:
                    fail(f'kudrang finished (exit {p.returncode}) before the records were exported and it could be '
                         f'stopped: {p.stderr.read().decode(errors="replace").strip()}')
                if time.monotonic() > deadline:
                    p.kill()
                    fail('the older records were never exported')
                if folder is None:
                    found = [d for d in glob.glob(os.path.join(tmpdir, 'kudrang-compare-*')) if d not in ours]
                    if found:
                        folder = found[0]
                        try:
                            mode = stat.S_IMODE(os.lstat(folder).st_mode)
                        except FileNotFoundError:
                            folder = None
                if folder is not None:
                    try:
                        exported = bool(os.listdir(folder))
                    except FileNotFoundError:
                        fail(f'{folder} vanished while kudrang was running')
                    if exported and not children(p.pid):
                        break
                time.sleep(0.002)
            p.send_signal(sig)
            p.wait(timeout=60)
            name = signal.Signals(sig).name
            if mode != 0o700:
                fail(f'{folder} had mode {oct(mode)}; the copies of the records must be private (0700)')
            if os.path.exists(folder):
                fail(f'after {name}, {folder} is still there with copies of the records')
            if p.returncode != -sig:
                fail(f'after {name}, kudrang exited {p.returncode}, not killed by {name}')
            print(f'{name}: {os.path.basename(folder)} (mode 0700) removed, kudrang ended by {name}')

        if os.path.exists(stale):
            fail('a folder of a run killed two hours ago was not swept')
        if not os.path.isdir(fresh):
            fail('a fresh folder (maybe another run\'s) was swept')
        rest = [d for d in glob.glob(os.path.join(tmpdir, 'kudrang-compare-*')) if d not in ours]
        if rest:
            fail(f'left behind: {rest}')
    print('compare interrupted: the temporary copies are private and removed on SIGINT, SIGTERM and SIGHUP')
    return 0


if __name__ == '__main__':
    sys.exit(main())
