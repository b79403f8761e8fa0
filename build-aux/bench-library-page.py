#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Library page's first frame against the welcome page it replaced.

    build-aux/bench-library-page.py BUILD-DIR --base BASE-BUILD-DIR
                                    --library DB [--runs N]

BUILD-DIR and BASE-BUILD-DIR hold src/gui/dossier. Both run with
DOSSIER_BENCH_FIRST_FRAME=1 DOSSIER_BENCH_EXIT=1 DOSSIER_BENCH_LIBRARY=1
and no file, alternately, N times each after one unmeasured run of
each, under one Xvfb with the headless settings of bench-startup.py:
the base shows its welcome page (an empty data folder, so no recent
files), this build the Library of DB (`--library-db=DB`, e.g. a library
of 10,000 cases made with `dossier --library-db=DB --library-add
FOLDER`). A time is from just before the spawn to the "first-frame-us"
line printed once the page is painted (for the Library: with its cases
listed). Prints medians and the ratio; never fails on time.
"""

import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util

spec = importlib.util.spec_from_file_location(
    "bench_startup", os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-startup.py"))
startup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(startup)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", metavar="BUILD-DIR")
    parser.add_argument("--base", metavar="BASE-BUILD-DIR", required=True)
    parser.add_argument("--library", metavar="DB", required=True)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    new = os.path.join(args.build, "src", "gui", "dossier")
    base = os.path.join(args.base, "src", "gui", "dossier")
    xvfb = startup.Xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ)
            env.update(startup.HEADLESS_ENV)
            env.update({"DISPLAY": xvfb.display, "XDG_DATA_HOME": home,
                        "DOSSIER_BENCH_FIRST_FRAME": "1", "DOSSIER_BENCH_EXIT": "1",
                        "DOSSIER_BENCH_LIBRARY": "1"})
            commands = {"welcome page (base)": [base],
                        "Library page": [new, "--library-db=" + os.path.abspath(args.library)]}
            times = {name: [] for name in commands}
            rss = {name: [] for name in commands}
            for name, command in commands.items():
                startup.run_once(command, env)
            for _ in range(args.runs):
                for name, command in commands.items():
                    ms, kb = startup.run_once(command, env)
                    times[name].append(ms)
                    rss[name].append(kb)
            print("load average: %s" % startup.loadavg())
            for name in commands:
                print(startup.summary(name, times[name], rss[name]))
            ratio = statistics.median(times["Library page"]) / statistics.median(times["welcome page (base)"])
            print("ratio (medians): %.2f x" % ratio)
    finally:
        xvfb.stop()


if __name__ == "__main__":
    main()
