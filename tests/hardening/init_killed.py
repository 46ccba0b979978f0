#!/usr/bin/env python3
"""kudrang init killed at any moment: the new workspace is whole or absent (issue 11).

Starts `kudrang init NEW` again and again and kills it with SIGKILL at a
random moment within its normal run time. After every kill, NEW either does
not exist or holds every file a completed init writes, each whole (git's
own folder aside: git init runs last); and an init of NEW again either
succeeds (NEW absent) or refuses because the workspace is there; it is never
blocked by a half-made one.

usage: init_killed.py KUDRANG [ROUNDS]
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

from files import fail, snapshot


def main():
    kudrang = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    rng = random.Random(11)
    env = dict(os.environ, LC_ALL='C.UTF-8', SOURCE_DATE_EPOCH='1600000000')
    env.pop('KUDRANG_WORKSPACE', None)
    with tempfile.TemporaryDirectory(prefix='kudrang-init-killed-') as tmp:
        def init(name):
            return [kudrang, '-q', 'init', name, '--area', '441201', '--villages', '3']

        times = []
        for i in range(3):
            t0 = time.monotonic()
            subprocess.run(init(f'ref{i}'), cwd=tmp, env=env, check=True, capture_output=True)
            times.append(time.monotonic() - t0)
        full = sorted(times)[1]
        reference = snapshot(os.path.join(tmp, 'ref0'))

        killed = whole = absent = 0
        for i in range(rounds):
            name = f'ws{i}'
            p = subprocess.Popen(init(name), cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, full))
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                killed += 1
            p.wait()
            ws = os.path.join(tmp, name)
            if os.path.exists(ws):
                got = snapshot(ws)
                if got != reference:
                    missing = sorted(set(reference) - set(got))
                    fail(f'round {i}: a half-made workspace: {len(got)} of {len(reference)} files '
                         f'(missing {missing[:3]}...)')
                whole += 1
                again = subprocess.run(init(name), cwd=tmp, env=env, capture_output=True, text=True)
                if again.returncode != 2 or 'exists' not in again.stderr:
                    fail(f'round {i}: init over a whole workspace exited {again.returncode}: {again.stderr}')
            else:
                absent += 1
                again = subprocess.run(init(name), cwd=tmp, env=env, capture_output=True, text=True)
                if again.returncode != 0:
                    fail(f'round {i}: the retry after a kill failed: {again.stderr.strip()}')
                if snapshot(ws) != reference:
                    fail(f'round {i}: the retry wrote another workspace')
        print(f'{rounds} rounds: {killed} killed, {whole} left whole, {absent} left nothing '
              f'(full run {full * 1000:.0f} ms)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
