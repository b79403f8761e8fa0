#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How long opening a case takes, as whole processes, beside xmllint.

    build-aux/bench-open.py BUILD-DIR CASE-FILE [--runs N] [--base BUILD-DIR]

Runs `xmllint --noout CASE-FILE` and `BUILD-DIR/src/gui/dossier --validate
CASE-FILE` (and the same from a second build with --base, e.g. a checkout
of an older commit) alternately, reversing the order every round, and
prints the median wall and CPU (user + system) time of each and their
ratio to xmllint. Prints figures; never fails on time.
"""

import argparse
import os
import resource
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("case_file")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--base")
    args = parser.parse_args()

    programs = {"xmllint": ["xmllint", "--noout", args.case_file]}
    if args.base:
        programs["base"] = [os.path.join(args.base, "src/gui/dossier"), "--validate", args.case_file]
    programs["dossier"] = [os.path.join(args.build, "src/gui/dossier"), "--validate", args.case_file]

    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    times = {name: {"wall": [], "cpu": []} for name in programs}
    for i in range(args.runs):
        order = list(programs) if i % 2 == 0 else list(reversed(programs))
        for name in order:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            subprocess.run(programs[name], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True, env=env)
            wall = time.monotonic() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[name]["wall"].append(wall)
            times[name]["cpu"].append(after.ru_utime - before.ru_utime
                                      + after.ru_stime - before.ru_stime)

    median = {name: {k: statistics.median(v) for k, v in t.items()}
              for name, t in times.items()}
    print(f"# {args.case_file}, {args.runs} alternating runs each, medians")
    for name in programs:
        m = median[name]
        line = f"{name:8s} wall {m['wall'] * 1000:7.0f} ms  cpu {m['cpu'] * 1000:7.0f} ms"
        if name != "xmllint":
            x = median["xmllint"]
            line += f"  ({m['wall'] / x['wall']:.2f}x wall, {m['cpu'] / x['cpu']:.2f}x cpu of xmllint)"
        print(line)


if __name__ == "__main__":
    main()
