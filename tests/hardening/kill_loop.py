#!/usr/bin/env python3
"""Kill kudrang while it writes, again and again (issue 7).

Copies examples/kudrang to a temporary folder, then in a loop starts
`kudrang meeting new` or `kudrang meeting plan --write` and kills it with
SIGKILL at a random moment within its normal run time. After every kill:
no temporary file is left anywhere, every meeting file present is whole
(the workspace validates with exit 0), and the files that were written
before are unchanged. Then eight `meeting new` start at the same moment:
each must get its own meeting number and its own file.

usage: kill_loop.py KUDRANG EXAMPLES_DIR [ROUNDS]
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from files import fail, snapshot


def main():
    kudrang, examples = os.path.abspath(sys.argv[1]), sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    rng = random.Random(7)
    env = dict(os.environ, LC_ALL='C.UTF-8')
    env.pop('KUDRANG_CACHE_DIR', None)
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, 'ws')
        shutil.copytree(examples, ws)

        def cmd(i):
            if i % 2 == 0:
                return [kudrang, '-q', 'meeting', 'new', '--date', '2021-%02d-%02d' % (1 + i % 9, 10 + i % 15)]
            return [kudrang, '-q', 'meeting', 'plan', '--fy', str(2566 + i), '--write']

        subprocess.run(['git', 'init', '-q'], cwd=ws)  # nothing relies on it; keeps the tree like a clerk's
        # How long a whole run takes once the fact cache is warm (as every run
        # in the loop is), so that kills land anywhere in it.
        subprocess.run(cmd(0), cwd=ws, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times = []
        for i in (1, 3, 5):
            t0 = time.monotonic()
            subprocess.run(cmd(i), cwd=ws, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.append(time.monotonic() - t0)
        full = sorted(times)[1]

        killed = completed = partial = 0
        for i in range(6, rounds + 6):
            before = snapshot(ws)
            p = subprocess.Popen(cmd(i), cwd=ws, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Half the kills anywhere, half in the last stretch, where the files are written.
            time.sleep(rng.uniform(0, full * 0.8) if i % 4 < 2 else rng.uniform(full * 0.4, full * 0.9))
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                killed += 1
            else:
                completed += 1
            p.wait()
            after = snapshot(ws)
            temps = [f for f in after if f.endswith('.tmp')]
            if temps:
                fail('round %d left temporary files: %s' % (i, temps))
            changed = [f for f in before if f in after and before[f] != after[f]]
            lost = [f for f in before if f not in after]
            if changed or lost:
                fail('round %d changed %s / lost %s' % (i, changed, lost))
            new = [f for f in after if f not in before]
            if p.returncode == -signal.SIGKILL and new:
                partial += 1
            v = subprocess.run([kudrang, 'validate', '-q'], cwd=ws, env=env, capture_output=True, text=True)
            if v.returncode != 0:
                fail('round %d: the workspace no longer validates:\n%s%s' % (i, v.stdout, v.stderr))
        print('%d rounds: %d killed (%d of them after writing some files), %d finished; full run %.0f ms'
              % (rounds, killed, partial, completed, full * 1000))
        if killed == 0:
            fail('no run was killed; the loop proved nothing')

        # Eight clerks at the same moment.
        before = snapshot(ws)
        procs = [subprocess.Popen([kudrang, 'meeting', 'new', '--date', '2021-06-28'], cwd=ws, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(8)]
        outs = [p.communicate() for p in procs]
        for p, (out, err) in zip(procs, outs):
            if p.returncode != 0:
                fail('a concurrent meeting new failed: %s' % err)
        # A clerk who starts after another's record for that day exists takes
        # that record up (spec: meeting new on a planned meeting's date);
        # those who write, write distinct files, and nothing is overwritten.
        paths = [o.strip() for o, _ in outs]
        written = [o.strip() for o, e in outs if 'already planned' not in e]
        taken_up = [o.strip() for o, e in outs if 'already planned' in e]
        if not written or len(set(written)) != len(written):
            fail('concurrent meeting new wrote the same file twice: %s' % written)
        created = [f for f in snapshot(ws) if f not in before]
        if sorted(created) != sorted(written):
            fail('files created %s differ from those reported written %s' % (created, written))
        if any(t not in created for t in taken_up):
            fail('a meeting new took up a record nobody wrote: %s' % taken_up)
        v = subprocess.run([kudrang, 'validate', '-q'], cwd=ws, env=env, capture_output=True, text=True)
        if v.returncode != 0:
            fail('after concurrent meeting new: %s%s' % (v.stdout, v.stderr))
        print('8 concurrent meeting new: %d distinct files written, %d took one of them up (%s)'
              % (len(written), len(taken_up), ', '.join(sorted(set(paths)))))


if __name__ == '__main__':
    main()
