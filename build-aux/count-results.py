#!/usr/bin/env python3
"""Prints 'N passed, N failed' from meson's testlog.json files."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        log = open(path, encoding="utf-8")
    except OSError as error:
        # A build that failed before its tests ran counts as one failure.
        print(f"count-results: no test log {path}: {error.strerror}", file=sys.stderr)
        failed += 1
        continue
    with log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
