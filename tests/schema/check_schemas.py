#!/usr/bin/python3
"""Independent check of kudrang's JSON Schemas and of records against them.

Uses Debian's python3-jsonschema (Draft202012Validator) and python3-yaml, not kudrang,
so that the schemas, the examples and kudrang's own validator can be compared.

usage: check_schemas.py SCHEMA_DIR [--expect valid|invalid] [--verdicts] [-v] FILE_OR_DIR...

1. Every SCHEMA_DIR/<kind>.schema.json must be a valid draft 2020-12 schema that uses only the
   keywords kudrang's built-in validator implements (see the design brief), with
   `additionalProperties: false` and `patternProperties: {"^x-": {}}` on every object and a
   Thai-first description on every property.
2. Every .yaml file found (recursively, hidden directories skipped) is loaded with kudrang's
   scalar typing and validated against the schema named by its `kind`.

Prints one line per failure, `file: path-in-document: message`, and exits 0 when every file's
verdict matches --expect (default valid), 1 otherwise. With --verdicts it prints
`file<TAB>valid|invalid` for every file instead and exits 0 (1 only if a schema is broken).
With -v it also prints the failures of files that are invalid as expected.
"""

import argparse
import json
import os
import re
import sys

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

KINDS = [
    "workspace", "roster", "meeting", "project", "community-plan",
    "certification", "criteria", "development-plan", "budget", "integrated-plan",
]

# ---------------------------------------------------------------------------------------------
# YAML loading with kudrang's scalar typing (the design brief, "Scalar typing").


class KudrangLoader(yaml.SafeLoader):
    """SafeLoader whose plain scalars resolve exactly as kudrang's resolver does.

    null: null Null NULL ~ or empty; bool: true True TRUE false False FALSE; int: decimal
    ^[-+]?[0-9]+$ (08 is 8); float: ^[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$;
    everything else (yes/no/on/off, dates, 09:30, 0x10, .inf, <<) is a string. Quoted scalars
    and !!str are strings. Duplicate keys are an error. Keys are kept as their source text
    (as in JSON, `2564:` is the key "2564").
    """


KudrangLoader.yaml_implicit_resolvers = {}
KudrangLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:null|Null|NULL|~|)$"), ["n", "N", "~", ""])
KudrangLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
KudrangLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
KudrangLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))


def _construct_int(loader, node):
    value = loader.construct_scalar(node)
    if not re.fullmatch(r"[-+]?[0-9]+", value):
        raise yaml.constructor.ConstructorError(
            None, None, f"not a decimal integer: {value!r}", node.start_mark)
    return int(value, 10)


def _construct_float(loader, node):
    value = loader.construct_scalar(node)
    if not re.fullmatch(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?", value):
        raise yaml.constructor.ConstructorError(
            None, None, f"not a decimal number: {value!r}", node.start_mark)
    return float(value)


def _construct_bool(loader, node):
    value = loader.construct_scalar(node)
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    raise yaml.constructor.ConstructorError(
        None, None, f"not a boolean: {value!r}", node.start_mark)


def _construct_mapping(loader, node, deep=False):
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(
            None, None, f"expected a mapping node, but found {node.id}", node.start_mark)
    mapping = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                "found a non-scalar key", key_node.start_mark)
        key = key_node.value
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"found duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


KudrangLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
KudrangLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
KudrangLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
KudrangLoader.construct_mapping = _construct_mapping


def node_positions(node, path=(), out=None):
    """Map each path in the document to the (line, column) of its node, for sorting."""
    if out is None:
        out = {}
    out[path] = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                node_positions(v, path + (k.value,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            node_positions(v, path + (i,), out)
    return out


def load_record(path):
    """Return (data, positions) of the single YAML document in path; raise on any load error."""
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # UnicodeDecodeError for bad bytes
    loader = KudrangLoader(text)
    try:
        node = loader.get_single_node()  # ComposerError on a second document
        if node is None:
            return None, {(): (0, 0)}
        data = loader.construct_document(node)
        return data, node_positions(node)
    finally:
        loader.dispose()


# ---------------------------------------------------------------------------------------------
# Schema checks: valid draft 2020-12, only the allowed keywords, kudrang's conventions.

# x-thai: the Thai word of each enum value (kudrang answers a Thai word with the value to write).
ANNOTATIONS = {"$schema", "$id", "title", "description", "$comment", "examples", "default", "x-thai"}
VALIDATION = {
    "type", "properties", "required", "additionalProperties", "patternProperties", "items",
    "minItems", "maxItems", "enum", "const", "pattern", "minLength", "maxLength", "minimum",
    "maximum", "$ref", "anyOf",
}
ROOT_ONLY = {"$defs"}
JSON_TYPES = {"null", "boolean", "object", "array", "number", "integer", "string"}
THAI = re.compile("[\u0e00-\u0e7f]")
REF = re.compile(r"^#/\$defs/([A-Za-z0-9_-]+)$")


def check_description(desc, where, problems):
    if not isinstance(desc, str) or " — " not in desc:
        problems.append(f"{where}: description must be 'Thai — English'")
        return
    thai, _, english = desc.partition(" — ")
    if not THAI.search(thai) or not re.search("[A-Za-z]", english):
        problems.append(f"{where}: description must be Thai first, then ' — ' and an English gloss")


def walk_schema(node, where, defs, problems, is_root=False, is_property=False):
    if not isinstance(node, dict):
        problems.append(f"{where}: a schema must be an object (boolean schemas are not used)")
        return
    for key in node:
        if key in ANNOTATIONS or key in VALIDATION or (is_root and key in ROOT_ONLY):
            continue
        problems.append(f"{where}: keyword {key!r} is not in kudrang's subset")
    if "x-thai" in node:
        words = node["x-thai"]
        if not isinstance(words, dict) or "enum" not in node:
            problems.append(f"{where}: x-thai must be a mapping beside an enum")
        else:
            for value, word in words.items():
                if value not in node["enum"]:
                    problems.append(f"{where}: x-thai names {value!r}, which is not in the enum")
                if not isinstance(word, str) or not THAI.search(word):
                    problems.append(f"{where}: x-thai word of {value!r} must be Thai text")
    if is_property or is_root:
        if "description" not in node:
            problems.append(f"{where}: missing description")
    if "description" in node:
        check_description(node["description"], where, problems)

    t = node.get("type")
    if t is not None:
        types = t if isinstance(t, list) else [t]
        if not types or any(x not in JSON_TYPES for x in types):
            problems.append(f"{where}: bad type {t!r}")
    else:
        types = []
    if "$ref" in node:
        m = REF.match(node["$ref"]) if isinstance(node["$ref"], str) else None
        if not m:
            problems.append(f"{where}: $ref must be '#/$defs/NAME', not {node['$ref']!r}")
        elif m.group(1) not in defs:
            problems.append(f"{where}: $ref to unknown definition {m.group(1)!r}")
    if "pattern" in node:
        check_pattern(node["pattern"], where, problems)

    is_object = "object" in types or any(
        k in node for k in ("properties", "patternProperties", "additionalProperties", "required"))
    if is_object:
        if node.get("additionalProperties") is not False:
            problems.append(f"{where}: object schema needs additionalProperties: false")
        if node.get("patternProperties", {}).get("^x-") != {}:
            problems.append(f"{where}: object schema needs patternProperties {{\"^x-\": {{}}}}")
        for name in node.get("required", []):
            if name not in node.get("properties", {}):
                problems.append(f"{where}: required {name!r} is not a property")

    for name, sub in node.get("properties", {}).items():
        walk_schema(sub, f"{where}/properties/{name}", defs, problems, is_property=True)
    for pat, sub in node.get("patternProperties", {}).items():
        check_pattern(pat, f"{where}/patternProperties", problems, prefix_ok=True)
        if sub != {}:
            walk_schema(sub, f"{where}/patternProperties/{pat}", defs, problems)
    ap = node.get("additionalProperties")
    if isinstance(ap, dict):
        walk_schema(ap, f"{where}/additionalProperties", defs, problems)
    elif ap is not None and ap is not False:
        problems.append(f"{where}: additionalProperties must be false or a schema")
    if "items" in node:
        walk_schema(node["items"], f"{where}/items", defs, problems)
    if "anyOf" in node:
        if not isinstance(node["anyOf"], list) or not node["anyOf"]:
            problems.append(f"{where}: anyOf must be a non-empty list")
        else:
            for i, sub in enumerate(node["anyOf"]):
                walk_schema(sub, f"{where}/anyOf/{i}", defs, problems)


def check_pattern(pat, where, problems, prefix_ok=False):
    """`pattern` must be ASCII and anchored ^...$; a patternProperties key may be a ^prefix."""
    if not isinstance(pat, str) or not pat.isascii():
        problems.append(f"{where}: pattern {pat!r} must be ASCII")
        return
    if not (pat.startswith("^") and (prefix_ok or pat.endswith("$"))):
        problems.append(f"{where}: pattern {pat!r} must be anchored with ^...$")
    try:
        re.compile(pat)
    except re.error as e:
        problems.append(f"{where}: pattern {pat!r} does not compile: {e}")


def check_schema_file(path, kind):
    """Return (schema or None, problems)."""
    problems = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
        schema = json.loads(text)
    except (UnicodeDecodeError, ValueError) as e:
        return None, [f"{path}: not UTF-8 JSON: {e}"]
    if re.search(r"\\u[0-9a-fA-F]{4}", text):
        problems.append(f"{path}: write Thai directly, not as \\u escapes")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as e:
        problems.append(f"{path}: not a valid draft 2020-12 schema: {e.message}")
        return None, problems
    if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        problems.append(f"{path}: $schema must be draft 2020-12")
    if schema.get("$id") != f"{kind}.schema.json":
        problems.append(f"{path}: $id must be {kind}.schema.json")
    if "title" not in schema:
        problems.append(f"{path}: missing title")
    kind_prop = schema.get("properties", {}).get("kind", {})
    if kind_prop.get("const") != kind or "kind" not in schema.get("required", []):
        problems.append(f"{path}: kind must be required with const {kind!r}")
    defs = schema.get("$defs", {})
    sub = []
    walk_schema(schema, "#", defs, sub, is_root=True)
    for name, d in defs.items():
        walk_schema(d, f"#/$defs/{name}", defs, sub)
        if "description" not in d:
            sub.append(f"#/$defs/{name}: missing description")
    problems += [f"{path}: {p}" for p in sub]
    return (schema if not problems else None), problems


# ---------------------------------------------------------------------------------------------
# Records.


def find_yaml(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".yaml")]
        else:
            files.append(p)
    return files


def fmt_path(parts):
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(root)"


def error_messages(err):
    """Yield (path, message) for one jsonschema error, in words closer to kudrang's."""
    path = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        props = err.schema.get("properties", {})
        pats = [re.compile(p) for p in err.schema.get("patternProperties", {})]
        extra = [k for k in err.instance
                 if k not in props and not any(p.search(k) for p in pats)]
        if extra:
            for k in extra:
                yield path + (k,), f"unknown key {k!r}"
            return
    if err.validator == "anyOf" and err.context:
        # Say why each alternative failed, e.g. "not of type 'object'; less than the minimum".
        seen = []
        for sub in err.context:
            rel = fmt_path(sub.relative_path) if sub.relative_path else ""
            m = f"{rel}: {sub.message}" if rel else sub.message
            if m not in seen:
                seen.append(m)
        yield path, f"{err.message} ({'; '.join(seen)})"
        return
    yield path, err.message


def yaml_error_message(e):
    if isinstance(e, yaml.MarkedYAMLError):
        parts = []
        if e.context:
            parts.append(e.context)
        if e.problem:
            parts.append(e.problem)
        mark = e.problem_mark or e.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return " ".join(parts) + where
    return " ".join(str(e).split())


def check_record(path, validators):
    """Return a list of (sort key, path-in-document, message); empty when the file is valid."""
    try:
        data, pos = load_record(path)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return [((mark.line, mark.column) if mark else (0, 0), "(load)", yaml_error_message(e))]
    except (UnicodeDecodeError, OSError) as e:
        return [((0, 0), "(load)", str(e))]
    if not isinstance(data, dict):
        return [((0, 0), "(root)", "the top level must be a mapping with a kind: key")]
    kind = data.get("kind")
    if kind not in validators:
        return [(pos.get(("kind",), (0, 0)), "kind", f"unknown or missing kind {kind!r}")]
    failures = []
    for err in validators[kind].iter_errors(data):
        for p, msg in error_messages(err):
            key = p
            while key not in pos and key:
                key = key[:-1]
            failures.append((pos.get(key, (0, 0)), fmt_path(p), msg))
    failures.sort(key=lambda f: f[0])
    return failures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("schema_dir")
    ap.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    ap.add_argument("--expect", choices=["valid", "invalid"], default="valid")
    ap.add_argument("--verdicts", action="store_true",
                    help="print FILE<TAB>valid|invalid for every file")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also print the failures of files that are invalid as expected")
    args = ap.parse_args(argv)

    validators, broken = {}, False
    for kind in KINDS:
        path = os.path.join(args.schema_dir, f"{kind}.schema.json")
        if not os.path.exists(path):
            print(f"{path}: missing schema", file=sys.stderr)
            broken = True
            continue
        schema, problems = check_schema_file(path, kind)
        for p in problems:
            print(p, file=sys.stderr)
        if schema is None:
            broken = True
        else:
            validators[kind] = Draft202012Validator(schema)
    if broken:
        return 1

    files = find_yaml(args.paths)
    if not files:
        print("no .yaml files found in " + " ".join(args.paths), file=sys.stderr)
        return 1
    mismatches = 0
    for f in files:
        failures = check_record(f, validators)
        verdict = "invalid" if failures else "valid"
        if args.verdicts:
            print(f"{f}\t{verdict}")
            continue
        if verdict != args.expect or args.verbose:
            mismatches += verdict != args.expect
            if failures:
                for _, where, msg in failures:
                    print(f"{f}: {where}: {msg}")
            elif args.expect == "invalid":
                print(f"{f}: (root): expected invalid, but the file is valid")
    if args.verdicts:
        return 0
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
