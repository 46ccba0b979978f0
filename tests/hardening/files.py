"""What the hardening tests share: stopping with a message, and a snapshot of
every file below a folder (its content hash), to tell what a run changed."""
import hashlib
import os
import sys


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def snapshot(root):
    """Every file below root with the hash of its content (.git left out:
    git's and kudrang's cache live there)."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != '.git']
        for f in files:
            p = os.path.join(dirpath, f)
            with open(p, 'rb') as fh:
                out[os.path.relpath(p, root)] = hashlib.sha256(fh.read()).hexdigest()
    return out
