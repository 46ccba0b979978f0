#!/usr/bin/env python3
"""The fact cache can never change a result (issue 6).

On one generated tree of workspaces, runs validate and plan grade (text and
JSON) with --no-cache as the reference, then through the cache: cold, warm,
after edits of every kind (content changed, file added, file deleted, a
file touched without change, a same-size edit with the old mtime put back),
and after the cache file is damaged in several ways. Every output and exit
code must equal the reference of the same moment, byte for byte. It also
checks that a warm run really is served by the cache (it does not rewrite
it) and that edits are seen (the reference changes where it should).

usage: cache_equivalence.py KUDRANG GENERATOR
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

COMMANDS = [
    ['validate'],
    ['validate', '--format', 'json'],
    ['plan', 'grade', '--year', '2563'],
    ['plan', 'grade', '--year', '2563', '--format', 'json'],
    # Every report command goes through the same pipeline and cache (issue 16).
    ['plan', 'certify', '--format', 'json'],
    ['budget', 'check', '--year', '2563', '--format', 'json'],
    ['report', 'levels', '--year', '2563', '--format', 'json'],
    ['report', 'summary', '--year', '2563'],
    ['report', 'summary', '--year', '2563', '--format', 'json'],
    ['report', 'levels', '--years', '2562-2563', '--format', 'json'],
    ['plan', 'grade', '--years', '2562-2563', '--format', 'json'],
    ['meeting', 'report', '--fy', '2563', '--format', 'json'],
]

# Batches of 1 and 3 files and the default, one thread and eight: the
# results never depend on how the work is cut up.
VARIANTS = [{}, {'KUDRANG_BATCH_FILES': '1', 'KUDRANG_JOBS': '1'}, {'KUDRANG_BATCH_FILES': '3', 'KUDRANG_JOBS': '8'},
            {'KUDRANG_JOBS': '8'}]


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


M64 = (1 << 64) - 1
K = 0x9e3779b97f4a7c15


def mix(x):
    x ^= x >> 30
    x = (x * 0xbf58476d1ce4e5b9) & M64
    x ^= x >> 27
    x = (x * 0x94d049bb133111eb) & M64
    return x ^ (x >> 31)


def step(lane, word):
    x = ((lane ^ int.from_bytes(word, 'little')) * K) & M64
    return x ^ (x >> 29)


def lanes_after(data, blocks):
    """The old hash's four lanes after `blocks` 32-byte blocks of `data`."""
    lane = [K, 0x632be59bd9b4e019, M64, 1]
    for b in range(blocks):
        for i in range(4):
            lane[i] = step(lane[i], data[32 * b + 8 * i:32 * b + 8 * i + 8])
    return lane


def old_hash(data):
    """kudrang's hash_bytes (seed 0), which the cache used to trust for "same content"."""
    blocks = len(data) // 32
    lane = lanes_after(data, blocks)
    h = mix(lane[0]) ^ mix((lane[1] + 1) & M64) ^ mix((lane[2] + 2) & M64) ^ mix((lane[3] + 3) & M64)
    p = 32 * blocks
    while len(data) - p >= 8:
        h = mix(h ^ int.from_bytes(data[p:p + 8], 'little'))
        p += 8
    tail = int.from_bytes(data[p:], 'little')
    return mix(h ^ tail ^ ((len(data) << 3) & M64))


def colliding_pair(text):
    """Two records of the same length and the same old hash: the first as
    given, the second with an unknown chair. Its block step is invertible, so
    a lane's difference after one block of a comment is cancelled by the next
    block: found by trying printable bytes, lane by lane."""
    import random
    rng = random.Random(11)
    at = text.index('chair: ') + len('chair: ')
    bad = text[:at] + 'z' + text[at + 1:]
    head = lambda t: (t + '# ').encode('utf-8')
    clean_b, bad_b = head(text), head(bad)
    pad = b'x' * (-len(clean_b) % 32)
    clean_b += pad
    bad_b += pad
    free = b'a' * 64  # two blocks of comment
    clean_full = clean_b + free + b'\n'
    blocks = len(clean_b) // 32
    target = lanes_after(clean_full, blocks + 1)
    start = lanes_after(bad_b, blocks)
    printable = bytes(range(0x20, 0x7f))
    first, second = bytearray(32), bytearray(32)
    for i in range(4):
        while True:
            word = bytes(rng.choice(printable) for _ in range(8))
            first[8 * i:8 * i + 8] = word
            lane = step(start[i], word)
            orig = int.from_bytes(free[32 + 8 * i:32 + 8 * i + 8], 'little')
            need = (orig ^ target[i] ^ lane).to_bytes(8, 'little')
            if all(0x20 <= c < 0x7f for c in need):
                second[8 * i:8 * i + 8] = need
                break
    return clean_full, bad_b + bytes(first) + bytes(second) + b'\n'


def main():
    kudrang, generator = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory(prefix='kudrang-cache-') as tmp:
        tree = os.path.join(tmp, 'tree')
        subprocess.run([sys.executable, generator, '--out', tree, '--full', '--subdistricts', '4',
                        '--villages', '5', '--seed', '11'], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        cache_dir = os.path.join(tmp, 'cache')
        env = dict(os.environ, LC_ALL='C.UTF-8', TZ='Asia/Bangkok', KUDRANG_CACHE_DIR=cache_dir)
        # Files older than the cache's two-second "racy" window, as in a real checkout.
        old = 1_600_000_000
        for dirpath, _, files in os.walk(tree):
            for f in files:
                os.utime(os.path.join(dirpath, f), (old, old))

        def run_all(cached, variant=None):
            out = []
            for c in COMMANDS:
                args = [kudrang] + ([] if cached else ['--no-cache']) + c
                p = subprocess.run(args, cwd=tree, env=dict(env, **(variant or {})), capture_output=True)
                out.append((c, p.returncode, p.stdout, p.stderr))
            return out

        def cache_file():
            files = glob.glob(os.path.join(cache_dir, 'facts-*.sqlite'))
            return files[0] if len(files) == 1 else None

        def compare(stage, variants=(None,)):
            ref = run_all(False)
            for variant in variants:
                got = run_all(True, variant)
                for (c, rc1, o1, e1), (_, rc2, o2, e2) in zip(ref, got):
                    if (rc1, o1, e1) != (rc2, o2, e2):
                        fail('%s %s: kudrang %s differs with the cache:\n--- no cache (exit %d)\n%s%s\n--- cache (exit %d)\n%s%s'
                             % (stage, variant or '', ' '.join(c), rc1, o1.decode(), e1.decode(), rc2, o2.decode(),
                                e2.decode()))
            print('%-40s %d commands identical (%d ways)' % (stage, len(COMMANDS), len(variants)))
            return ref

        if os.path.exists(cache_dir):
            fail('the cache exists before the first run')
        first = compare('cold (no cache)', VARIANTS[:1])
        compare('warm, cut up in other ways', VARIANTS)
        if not cache_file():
            fail('a cached run wrote no cache file')

        before = os.stat(cache_file()).st_mtime_ns
        compare('warm')
        if os.stat(cache_file()).st_mtime_ns != before:
            fail('a warm run over unchanged files rewrote the cache (it was not served from it)')

        plans = sorted(glob.glob(os.path.join(tree, '*/*/*/plans/*/*.yaml')))
        meetings = sorted(glob.glob(os.path.join(tree, '*/*/*/meetings/*/*.yaml')))
        if len(plans) < 10 or not meetings:
            fail('the generated tree is not what this test expects')

        # 1. a content edit that changes a grade
        p = plans[0]
        text = open(p, encoding='utf-8').read()
        head, rest = text.split('participating:', 1)
        open(p, 'w', encoding='utf-8').write(head + 'participating: 1' + rest[rest.index('\n'):])
        regraded = compare('after an edit that changes a grade', VARIANTS)
        if regraded[2][2] == first[2][2]:
            fail('the edit changed no grade; the test would not see a stale cache')

        # 2. an error, then the error fixed (the file ends as it began, with a new mtime)
        original = open(meetings[0], encoding='utf-8').read()
        open(meetings[0], 'w', encoding='utf-8').write(original.replace('chair: ', 'chair: x', 1))
        broken = compare('after an edit that makes an error')
        if broken[0][1] != 1:
            fail('the broken meeting was not reported')
        open(meetings[0], 'w', encoding='utf-8').write(original)
        if compare('after fixing it')[0][1] != 0:
            fail('the fixed meeting is still reported')

        # 3. a file deleted; a file added (a copy: duplicate id), then removed again
        os.remove(plans[1])
        compare('after deleting a plan')
        copy = os.path.join(os.path.dirname(plans[2]), 'copy.yaml')
        shutil.copy(plans[2], copy)
        compare('after adding a copy of a plan')
        os.remove(copy)
        compare('after removing the copy')

        # 4. touched without change: new mtime, same content
        os.utime(plans[3], None)
        compare('after touching a file')

        # 5. same size, different content, old mtime put back (only ctime/inode tell):
        # a plan's year (changes a grade input) and a meeting's chair id (an error)
        for path, before_text, after_text in [(plans[4], 'year: 2563', 'year: 2562'),
                                              (meetings[-1], 'chair: ', 'chair: ?')]:
            t = open(path, encoding='utf-8').read()
            swapped = t.replace(before_text, after_text, 1)
            if after_text.endswith('?'):  # keep the size: drop the id's last character
                at = swapped.index('chair: ?') + len('chair: ?')
                end = swapped.index('\n', at)
                swapped = swapped[:end - 1] + swapped[end:]
            if swapped == t or len(swapped.encode()) != len(t.encode()):
                fail('could not make a same-size edit of %s' % path)
            st = os.stat(path)
            open(path, 'w', encoding='utf-8').write(swapped)
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        same_size = compare('after same-size edits, mtime restored')
        if same_size[0][1] != 1:
            fail('the same-size edit of a meeting should give an error')

        # 5b. new content with the old length and the old 64-bit hash (issue 11):
        # the hash is not what decides "same content", so the new verdict shows
        clean_text, bad_text = colliding_pair(open(meetings[1], encoding='utf-8').read())
        if len(clean_text) != len(bad_text) or old_hash(clean_text) != old_hash(bad_text):
            fail('the crafted pair does not collide under the old hash')
        open(meetings[1], 'wb').write(clean_text)
        before_collision = compare('a record made to collide, clean')
        open(meetings[1], 'wb').write(bad_text)
        after_collision = compare('the colliding content, with an error')
        if after_collision[0][2] == before_collision[0][2]:
            fail('the colliding content should report an error the clean one does not')

        # 6. a damaged cache, in several ways
        run_all(True)  # make sure it is current
        data = open(cache_file(), 'rb').read()
        def flip(at):
            return data[:at] + bytes([data[at] ^ 0x55]) + data[at + 1:]
        # A damaged entry is caught by its own checksum when it is used (and
        # then parsed afresh); a store SQLite cannot read is replaced whole.
        for name, damaged, rebuilt in [('a flipped byte in a record', flip(len(data) // 2), False),
                                       ('a flipped byte near the end', flip(len(data) - 40), False),
                                       ('a flipped byte in the header', flip(5), True),
                                       ('truncated', data[:len(data) // 3], True),
                                       ('empty', b'', True),
                                       ('garbage', os.urandom(4096), True)]:
            for tail in ('-wal', '-shm'):
                if os.path.exists(cache_file() + tail):
                    os.remove(cache_file() + tail)
            open(cache_file(), 'wb').write(damaged)
            compare('after a damaged cache (%s)' % name)
            if rebuilt and open(cache_file(), 'rb').read() == damaged:
                fail('a damaged cache (%s) was not rebuilt' % name)

        # 6b. a pipe where the store's WAL goes: never waited on, replaced
        os.mkfifo(cache_file() + '-wal')
        compare('after a pipe at the WAL\'s name')
        if not os.path.isfile(cache_file() + '-wal') and os.path.exists(cache_file() + '-wal'):
            fail('the pipe at the WAL\'s name is still there')

        # 7. the cache deleted
        shutil.rmtree(cache_dir)
        compare('after deleting the cache')
        print('ok: the cache never changed a result')


if __name__ == '__main__':
    main()
