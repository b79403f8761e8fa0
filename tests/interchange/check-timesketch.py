#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Timesketch exports of a case against the case file:

    tests/interchange/check-timesketch.py CASE.case.xml EVENTS.jsonl EVENTS.csv

- one event per date in the case (counted here from the XML), each with
  Timesketch's required message, datetime (ISO 8601) and timestamp_desc,
  and the case id, section, item id, certainty, EDTF date and precision;
- in order: by time, then section, then item id;
- the CSV read back with Python's csv module (RFC 4180) gives exactly the
  JSON Lines events.
Exits 0 when all holds, 1 otherwise, one line a problem.
"""
import csv
import datetime
import json
import sys

import case_dates

COLUMNS = ["message", "datetime", "timestamp_desc", "timestamp", "case_id", "section",
           "item_id", "certainty", "edtf_date", "date_precision", "date_end", "sources"]
SECTIONS = ["overview", "entities", "sources", "breach", "threat", "reactions",
            "release", "timeline", "notes"]


def check(case_file, jsonl_file, csv_file):
    problems = []
    root = case_dates.read_case(case_file)
    expected_dates = case_dates.dates(root)

    with open(jsonl_file, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        problems.append(f"{jsonl_file}: does not end with a newline")
    events = [json.loads(line) for line in lines if line]

    if len(events) != len(expected_dates):
        problems.append(f"{jsonl_file}: {len(events)} events for {len(expected_dates)} dates in the case")
    if sorted(e.get("edtf_date") for e in events) != sorted(expected_dates):
        problems.append(f"{jsonl_file}: the events' dates are not the case's dates")

    keys = []
    for n, event in enumerate(events, 1):
        for field in ("message", "datetime", "timestamp_desc"):
            if not isinstance(event.get(field), str) or not event[field]:
                problems.append(f"{jsonl_file}:{n}: no {field}")
        try:
            when = datetime.datetime.fromisoformat(event["datetime"])
            if when.utcoffset() != datetime.timedelta(0):
                problems.append(f"{jsonl_file}:{n}: datetime {event['datetime']} is not in UTC")
            if int(when.timestamp()) * 1000000 != event.get("timestamp"):
                problems.append(f"{jsonl_file}:{n}: timestamp {event.get('timestamp')} != datetime")
        except (KeyError, ValueError):
            problems.append(f"{jsonl_file}:{n}: datetime {event.get('datetime')!r} is not ISO 8601")
            continue
        if event.get("case_id") != root.get("id"):
            problems.append(f"{jsonl_file}:{n}: case_id {event.get('case_id')!r}")
        if event.get("section") not in SECTIONS:
            problems.append(f"{jsonl_file}:{n}: section {event.get('section')!r}")
            continue
        for field in ("item_id", "date_precision"):
            if not event.get(field):
                problems.append(f"{jsonl_file}:{n}: no {field}")
        if not isinstance(event.get("sources"), list):
            problems.append(f"{jsonl_file}:{n}: sources is not a list")
        keys.append((when, SECTIONS.index(event["section"]), event.get("item_id", "")))
    if keys != sorted(keys):
        problems.append(f"{jsonl_file}: events are not in order of time, section and id")

    with open(csv_file, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw and not raw.endswith("\r\n"):
        problems.append(f"{csv_file}: records do not end with CRLF")
    with open(csv_file, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        rows = list(reader)
    if not rows or rows[0] != COLUMNS:
        problems.append(f"{csv_file}: header {rows[0] if rows else None}")
        return problems
    if len(rows) - 1 != len(events):
        problems.append(f"{csv_file}: {len(rows) - 1} rows for {len(events)} events")
    for n, (row, event) in enumerate(zip(rows[1:], events), 2):
        expected = [str(event.get(c, "")) if c != "sources" else "; ".join(event["sources"]) for c in COLUMNS]
        if row != expected:
            problems.append(f"{csv_file}:{n}: {row!r} != {expected!r}")
    return problems


def main():
    if len(sys.argv) != 4:
        print("usage: check-timesketch.py CASE.case.xml EVENTS.jsonl EVENTS.csv", file=sys.stderr)
        return 2
    problems = check(*sys.argv[1:])
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
