#!/usr/bin/env python3
"""kudrang on a USB stick: a real exFAT file system, through FUSE (issue 11).

exFAT (and FAT) have no hard links and no unnamed files, and FUSE exFAT has
no renameat2(RENAME_NOREPLACE) either: each of kudrang's ways to make a file
appear whole without overwriting is refused there but the last. On a 64 MiB
exFAT image (mkfs.exfat, on a loop device, mounted with mount.exfat-fuse),
this runs what a clerk runs: `init`, `meeting new`, `meeting plan --write`,
eight `meeting new` at the same moment, `validate`; checks that nothing is
overwritten, every file is whole and no temporary is left, and that a stale
temporary of a killed run is swept.

Needs root, /dev/fuse, losetup, mkfs.exfat (Debian: exfatprogs) and
mount.exfat-fuse (exfat-fuse). Without them it says why and exits 77, which
CTest reports as skipped.

usage: removable_media.py KUDRANG
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

from files import fail, snapshot

SKIP = 77


def skip(why):
    print(f'SKIP: {why}')
    sys.exit(SKIP)


def leftovers(root):
    """kudrang's temporaries, locks and staging folders anywhere below root."""
    found = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != '.git']
        for name in files + dirs:
            if name.endswith('.tmp') or name.endswith('.kudrang-lock') or name.startswith('.kudrang-init-'):
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return found


def main():
    kudrang = os.path.abspath(sys.argv[1])
    if os.geteuid() != 0:
        skip('needs root (to attach a loop device and mount a FUSE file system)')
    if not os.path.exists('/dev/fuse'):
        skip('no /dev/fuse on this machine')
    for tool, package in (('losetup', 'mount'), ('mkfs.exfat', 'exfatprogs'), ('mount.exfat-fuse', 'exfat-fuse')):
        if shutil.which(tool) is None:
            skip(f'{tool} is missing (Debian package {package})')
    env = dict(os.environ, LC_ALL='C.UTF-8', SOURCE_DATE_EPOCH='1600000000')
    env.pop('KUDRANG_WORKSPACE', None)
    with tempfile.TemporaryDirectory(prefix='kudrang-stick-') as tmp:
        img, mnt = os.path.join(tmp, 'stick.img'), os.path.join(tmp, 'stick')
        os.mkdir(mnt)
        with open(img, 'wb') as f:
            f.truncate(64 << 20)
        subprocess.run(['mkfs.exfat', '-L', 'KUDRANG', img], check=True, capture_output=True)
        loop = subprocess.run(['losetup', '-f', '--show', img], capture_output=True, text=True)
        if loop.returncode != 0:
            skip(f'cannot attach a loop device: {loop.stderr.strip()}')
        dev = loop.stdout.strip()
        try:
            m = subprocess.run(['mount.exfat-fuse', dev, mnt], capture_output=True, text=True)
            if m.returncode != 0:
                skip(f'cannot mount exFAT through FUSE: {(m.stderr or m.stdout).strip()}')
            try:
                run_on_stick(kudrang, mnt, env)
            finally:
                subprocess.run(['umount', mnt], capture_output=True)
        finally:
            subprocess.run(['losetup', '-d', dev], capture_output=True)
    print('removable media: init, meeting new, meeting plan --write and concurrent writers work on exFAT')
    return 0


def run_on_stick(kudrang, mnt, env):
    # The stick really lacks what kudrang prefers (else this test proves nothing).
    probe = os.path.join(mnt, 'probe')
    open(probe, 'w').close()
    try:
        os.link(probe, probe + '2')
        fail('this exFAT mount allows hard links; the test would not exercise the fallback')
    except OSError:
        pass
    os.remove(probe)

    def k(*args, cwd, check=True):
        p = subprocess.run([kudrang, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
        if check and p.returncode != 0:
            fail(f'kudrang {" ".join(args)} exited {p.returncode}: {p.stderr.strip()}')
        return p

    k('init', 'ws', '--area', '441201', '--villages', '3', cwd=mnt)
    ws = os.path.join(mnt, 'ws')
    if not os.path.isfile(os.path.join(ws, 'kudrang.yaml')):
        fail('init wrote no kudrang.yaml')
    first = k('meeting', 'new', '--date', '2563-08-03', cwd=ws).stdout.strip()
    second = k('meeting', 'new', '--date', '2563-08-10', cwd=ws).stdout.strip()
    if (first, second) != ('meetings/2563/2563-01.yaml', 'meetings/2563/2563-02.yaml'):
        fail(f'meeting new wrote {first!r} and {second!r}')
    k('meeting', 'plan', '--fy', '2564', '--write', cwd=ws)
    planned = sorted(os.listdir(os.path.join(ws, 'meetings', '2564')))
    if planned != [f'2564-{n:02}.yaml' for n in range(1, 13)]:
        fail(f'meeting plan --write wrote {planned}')
    # Nothing is overwritten: a second plan --write keeps every file as it was.
    with open(os.path.join(ws, 'meetings', '2564', '2564-03.yaml'), 'a') as f:
        f.write('# edited by the clerk\n')
    before = snapshot(ws)
    k('meeting', 'plan', '--fy', '2564', '--write', cwd=ws)
    if snapshot(ws) != before:
        fail('a second meeting plan --write changed files')

    # Eight clerks at once: eight numbers, eight whole files.
    procs = [subprocess.Popen([kudrang, '-q', 'meeting', 'new', '--date', '2563-09-%02d' % (1 + i)], cwd=ws, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(8)]
    outs = [p.communicate(timeout=120) for p in procs]
    if any(p.returncode != 0 for p in procs):
        fail('a concurrent meeting new failed: ' + '; '.join(e.strip() for _, e in outs if e.strip()))
    paths = sorted(o.strip() for o, _ in outs)
    if len(set(paths)) != 8:
        fail(f'concurrent meeting new wrote {paths}')

    # A temporary left by a run killed long ago is swept by the next write there.
    stale = os.path.join(ws, 'meetings', '2563', '.2563-20.yaml.3735928559.tmp')
    with open(stale, 'w') as f:
        f.write('kind: mee')
    old = time.time() - 3600
    os.utime(stale, (old, old))
    k('meeting', 'new', '--date', '2563-09-20', cwd=ws)
    if os.path.exists(stale):
        fail('a stale temporary was not swept')

    v = k('validate', cwd=ws, check=False)
    if v.returncode != 0:
        fail(f'validate exited {v.returncode}: {v.stdout}{v.stderr}')
    left = leftovers(mnt)
    if left:
        fail(f'left behind: {left}')


if __name__ == '__main__':
    sys.exit(main())
