#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a CSL-JSON export against its case file:

    tests/interchange/check-csl.py CASE.case.xml EXPORT.json

- valid against the CSL 1.0 input schema vendored in tests/interop/csl
  (MIT, see LICENSE and COMMIT there), with Debian's python3-jsonschema;
- one item a source, in file order, each with the source's id as its id
  and its title as its title;
- approximate and uncertain dates marked "circa", seasons given as
  "season".
Exits 0 when all holds, 1 otherwise, one line a problem.
"""
import json
import pathlib
import sys

import jsonschema

import case_dates

SCHEMA = pathlib.Path(__file__).resolve().parent.parent / "interop" / "csl" / "csl-data.json"


def strip_quotes(text):
    return " ".join(text.translate({ord(c): None for c in "\u201c\u201d\u2018\u2019'\""}).split())


def check(case_file, export_file):
    problems = []
    data = json.loads(pathlib.Path(export_file).read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for err in sorted(jsonschema.Draft7Validator(schema).iter_errors(data), key=lambda e: list(e.path)):
        at = "/".join(map(str, err.absolute_path)) or "(top)"
        problems.append(f"{export_file}: {at}: {err.message[:300]}")
    if problems:
        return problems

    root = case_dates.read_case(case_file)
    expected = case_dates.sources(root)
    if [item["id"] for item in data] != [sid for sid, _ in expected]:
        problems.append(f"{export_file}: ids {[i['id'] for i in data]} != sources {[s for s, _ in expected]}")
    for item, (sid, title) in zip(data, expected):
        # Dossier adds quotation marks around <q>; the XML text has none.
        if strip_quotes(item.get("title", "")) != strip_quotes(title):
            problems.append(f"{export_file}: {sid}: title {item.get('title')!r} != {title!r}")

    for element in root.findall(f"{case_dates.NS}sources/{case_dates.NS}source"):
        item = next((i for i in data if i["id"] == element.get("id")), None)
        published = element.find(case_dates.NS + "published")
        if item is None or published is None:
            continue
        text = published.text.strip()
        issued = item.get("issued", {})
        if text[-1:] in "?~%" and issued.get("circa") is not True:
            problems.append(f"{export_file}: {item['id']}: {text} is not marked circa")
        month = text.split("/")[0].split("-")[1:2]
        if month and month[0][:2] in ("21", "22", "23", "24") and issued.get("season") != int(month[0][:2]) - 20:
            problems.append(f"{export_file}: {item['id']}: season of {text} is {issued.get('season')}")
    return problems


def main():
    if len(sys.argv) != 3:
        print("usage: check-csl.py CASE.case.xml EXPORT.json", file=sys.stderr)
        return 2
    problems = check(sys.argv[1], sys.argv[2])
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
