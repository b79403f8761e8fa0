#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates STIX 2.1 bundles against the OASIS STIX 2.1 JSON schemas
vendored in tests/interop/stix-2.1 (BSD-3-Clause, see LICENSE and COMMIT
there), with Debian's python3-jsonschema.

    tests/interchange/check-stix.py BUNDLE.json...

Every object is checked against the schema of its type (custom x- types
against common/core.json), and the whole bundle against common/bundle.json.

The vendored bundle.json (commit in COMMIT) has two defects that make it
refuse objects the STIX 2.1 specification allows in a bundle:
  1. its list of object schemas leaves out grouping, incident, location,
     note and opinion, although their schemas are in sdos/;
  2. the branch for the remaining objects requires "oneOf" core.json and
     cyber-observable-core.json, and every object valid against core.json
     is also valid against cyber-observable-core.json, so that branch
     refuses every custom object (and every note, location, ...).
(The specification's own note example, section 4.11, fails it.) So the
bundle is checked twice: against bundle.json as it is, where every failure
must be an object of one of those types, and against a copy corrected in
memory (the missing schemas added, "oneOf" read as "anyOf"), which must
pass. Exits 0 when every file is valid, 1 otherwise.
"""
import copy
import json
import pathlib
import re
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent / "interop" / "stix-2.1" / "schemas"
FOLDERS = ("sdos", "sros", "observables", "common")


def load_store():
    store = {}
    for path in ROOT.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema["$id"]] = schema
        store[path.resolve().as_uri()] = schema
    return store


def schema_path_for(kind):
    for folder in FOLDERS:
        path = ROOT / folder / f"{kind}.json"
        if path.exists():
            return path
    return None


_validators = {}


def validator(schema, schema_path, store):
    key = (str(schema_path), id(schema))
    if key not in _validators:
        _validators[key] = _new_validator(schema, schema_path, store)
    return _validators[key]


def _new_validator(schema, schema_path, store):
    resolver = jsonschema.RefResolver(base_uri=schema_path.resolve().as_uri(),
                                      referrer=schema, store=store)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())


def bundle_schemas():
    """The bundle schema as it is, the corrected copy, and the types the
    defects make it refuse."""
    path = ROOT / "common" / "bundle.json"
    original = json.loads(path.read_text(encoding="utf-8"))
    fixed = copy.deepcopy(original)
    items = fixed["properties"]["objects"]["items"]["anyOf"]
    listed = {ref["$ref"] for ref in items[0]["oneOf"]}
    missing = []
    for sdo in sorted((ROOT / "sdos").glob("*.json")):
        ref = f"../sdos/{sdo.name}"
        if ref not in listed:
            items[0]["oneOf"].append({"$ref": ref})
            missing.append(sdo.stem)
    custom = items[1]["allOf"][0]
    custom["anyOf"] = custom.pop("oneOf")
    return path, original, fixed, set(missing)


def check_ids(bundle, problems, name):
    ids = {}
    for i, obj in enumerate(bundle.get("objects", [])):
        if obj.get("id") in ids:
            problems.append(f"{name}: objects[{i}]: duplicate id {obj.get('id')}")
        ids[obj.get("id")] = obj
        if obj.get("type", "").startswith("x-") and not re.match(r"^x-[a-z0-9]+(-[a-z0-9]+)*$", obj["type"]):
            problems.append(f"{name}: objects[{i}]: custom type {obj['type']} breaks the naming rule")
    return ids


def validate(name, store, bundle_info):
    path, original, fixed, missing = bundle_info
    problems = []
    try:
        bundle = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return [f"{name}: cannot read: {err}"]
    if not isinstance(bundle, dict) or not isinstance(bundle.get("objects"), list):
        return [f"{name}: not a bundle"]

    check_ids(bundle, problems, name)
    core_path = ROOT / "common" / "core.json"
    for i, obj in enumerate(bundle["objects"]):
        kind = obj.get("type", "") if isinstance(obj, dict) else ""
        where = f"objects[{i}] ({kind} {obj.get('id', '?') if isinstance(obj, dict) else '?'})"
        schema_path = schema_path_for(kind)
        if schema_path is None and not kind.startswith("x-"):
            problems.append(f"{name}: {where}: no STIX 2.1 schema for type '{kind}'")
            continue
        if schema_path is None:
            schema_path = core_path
        schema = store[schema_path.resolve().as_uri()]
        for err in validator(schema, schema_path, store).iter_errors(obj):
            at = "/".join(str(p) for p in err.absolute_path) or "(top)"
            problems.append(f"{name}: {where}: {err.message[:300]} at {at}")

    for err in validator(fixed, path, store).iter_errors(bundle):
        at = "/".join(str(p) for p in err.absolute_path) or "(top)"
        problems.append(f"{name}: bundle: {err.message[:200]} at {at}")

    # The schema as it is: only the objects its defects refuse may fail.
    for err in validator(original, path, store).iter_errors(bundle):
        p = list(err.absolute_path)
        if len(p) >= 2 and p[0] == "objects":
            kind = bundle["objects"][p[1]].get("type", "")
            if kind in missing or kind.startswith("x-"):
                continue
        at = "/".join(str(x) for x in p) or "(top)"
        problems.append(f"{name}: bundle (as published): {err.message[:200]} at {at}")
    return problems


def main():
    if len(sys.argv) < 2:
        print("usage: check-stix.py BUNDLE.json...", file=sys.stderr)
        return 2
    store = load_store()
    bundle_info = bundle_schemas()
    bad = 0
    for name in sys.argv[1:]:
        problems = validate(name, store, bundle_info)
        for line in problems:
            print(line)
        if problems:
            bad += 1
        else:
            print(f"{name}: valid STIX 2.1")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
