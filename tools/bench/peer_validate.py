#!/usr/bin/env python3
"""The peer a team would write instead of kudrang, for the benchmark: every
*.yaml/*.yml file below DIR loaded with PyYAML's C loader (CSafeLoader) and
checked with python3-jsonschema against kudrang's own schemas/, by kind, in
PROCESSES processes. It checks structure only (no cross-file references, no
rules), so it does less than `kudrang validate`.

usage: peer_validate.py SCHEMA_DIR DIR [PROCESSES]
"""
import datetime
import json
import multiprocessing
import os
import re
import sys

import jsonschema
import yaml

VALIDATORS = {}


class Loader(yaml.CSafeLoader):
    """CSafeLoader without YAML 1.1's yes/no/on/off booleans (the agenda's `no:`
    key would become False): the first thing a team writing this learns."""


Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != 'tag:yaml.org,2002:bool']
                                  for k, v in yaml.CSafeLoader.yaml_implicit_resolvers.items()}
for first in 'tTfF':
    Loader.yaml_implicit_resolvers.setdefault(first, []).insert(
        0, ('tag:yaml.org,2002:bool', re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$')))


def init(schema_dir):
    for name in os.listdir(schema_dir):
        if name.endswith('.schema.json'):
            schema = json.load(open(os.path.join(schema_dir, name), encoding='utf-8'))
            cls = jsonschema.validators.validator_for(schema)
            VALIDATORS[name[:-len('.schema.json')]] = cls(schema)


def json_keys(x):
    """As JSON: text keys (a budget's years are written as numbers), dates as text."""
    if isinstance(x, dict):
        return {str(k): json_keys(v) for k, v in x.items()}
    if isinstance(x, list):
        return [json_keys(v) for v in x]
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()  # YAML 1.1 reads 2020-10-13 as a date; the schemas want text
    return x


def check(path):
    with open(path, 'rb') as f:
        data = f.read()
    try:
        doc = json_keys(yaml.load(data, Loader=Loader))
    except yaml.YAMLError:
        return len(data), 1
    v = VALIDATORS.get(doc.get('kind')) if isinstance(doc, dict) else None
    if v is None:
        return len(data), 1
    return len(data), sum(1 for _ in v.iter_errors(doc))


def main():
    schema_dir, root = sys.argv[1], sys.argv[2]
    procs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    files = []
    for dirpath, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith('.')]
        files += [os.path.join(dirpath, n) for n in names if n.endswith(('.yaml', '.yml'))]
    with multiprocessing.Pool(procs, initializer=init, initargs=(schema_dir,)) as pool:
        results = pool.map(check, files, chunksize=256)
    print('%d files, %d bytes, %d errors' % (len(files), sum(b for b, _ in results), sum(e for _, e in results)))


if __name__ == '__main__':
    main()
