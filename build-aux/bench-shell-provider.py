#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time the GNOME Shell search provider as the Shell calls it.

    python3 build-aux/bench-shell-provider.py [--runs N] [--build BUILD]
                                              [--data-home DIR] FOLDER...

Indexes the case files of FOLDER... into a library in a temporary
XDG_DATA_HOME (`dossier --library-add`), starts a private session bus
that knows the built D-Bus service file, and times whole
`gdbus call ... GetInitialResultSet` runs: the wall time of the gdbus
process, as a client sees it, median and 95th percentile of N runs for
each query (after one warm-up call), plus the first call that starts
Dossier by D-Bus activation, and a trivial call to the bus itself as
the floor gdbus costs. Needs dbus-run-session, gdbus and an X display
(xvfb-run is used when there is none).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PROVIDER_PATH = "/io/github/dossier/Dossier/SearchProvider"
IFACE = "org.gnome.Shell.SearchProvider2"

# What the Shell sends as one types: words, the last one a prefix.
QUERIES = [
    ("common word", ["intrusion"]),
    ("rare word", ["unprecedented"]),
    ("two words", ["studio", "deadline"]),
    ("phrase words", ["guardians", "of", "peace"]),
    ("prefix", ["cred"]),
    ("known word (sample)", ["sony"]),
    ("nothing", ["xyzzyplugh"]),
]

SESSION_CONF = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <servicedir>{tmp}/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


def timed(argv):
    start = time.monotonic()
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return (time.monotonic() - start) * 1000.0, out


def inner(args):
    app_id = args.app_id
    call = ["gdbus", "call", "--session", "--timeout", "60", "--dest", app_id,
            "--object-path", PROVIDER_PATH, "--method", IFACE + ".GetInitialResultSet"]

    floor = [timed(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                    "--object-path", "/org/freedesktop/DBus",
                    "--method", "org.freedesktop.DBus.GetId"])[0] for _ in range(args.runs)]
    print(f"gdbus floor (org.freedesktop.DBus.GetId): median {statistics.median(floor):.1f} ms, "
          f"p95 {percentile(floor, 0.95):.1f} ms")

    first, _ = timed(call + [str(QUERIES[0][1])])
    print(f"first call, Dossier started by D-Bus activation: {first:.0f} ms")
    time.sleep(1.0)  # the update the first answer starts

    for name, terms in QUERIES:
        arg = str(terms)
        timed(call + [arg])
        times = []
        n_results = 0
        for _ in range(args.runs):
            ms, out = timed(call + [arg])
            times.append(ms)
            n_results = out.count("'") // 2
        print(f"{name:22} {' '.join(terms):24} results {n_results:2}  "
              f"median {statistics.median(times):6.1f} ms  p95 {percentile(times, 0.95):6.1f} ms")

    subprocess.run(["gdbus", "call", "--session", "--dest", app_id,
                    "--object-path", "/" + app_id.replace(".", "/"),
                    "--method", "org.freedesktop.Application.ActivateAction", "quit", "[]", "{}"],
                   capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--build", default="build")
    parser.add_argument("--data-home", help="keep the library in DATA_HOME/dossier/ (made once, "
                        "brought up to date on later runs) instead of a temporary one")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--app-id", help=argparse.SUPPRESS)
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args()

    if args.inner:
        inner(args)
        return

    build = os.path.abspath(args.build)
    dossier = os.path.join(build, "src", "gui", "dossier")
    services = [f for f in os.listdir(os.path.join(build, "data")) if f.endswith(".service")]
    if not services:
        sys.exit("no BUILD/data/*.service: build Dossier first")
    app_id = services[0][: -len(".service")]

    with tempfile.TemporaryDirectory(prefix="bench-shell-provider.") as tmp:
        os.makedirs(os.path.join(tmp, "services"))
        os.makedirs(os.path.join(tmp, "data"))
        with open(os.path.join(build, "data", services[0])) as f:
            service = f.read()
        with open(os.path.join(tmp, "services", services[0]), "w") as f:
            f.write("\n".join(f"Exec={dossier} --gapplication-service" if line.startswith("Exec=")
                              else line for line in service.splitlines()) + "\n")
        with open(os.path.join(tmp, "session.conf"), "w") as f:
            f.write(SESSION_CONF.format(tmp=tmp))

        data_home = os.path.abspath(args.data_home) if args.data_home else os.path.join(tmp, "data")
        env = dict(os.environ, XDG_DATA_HOME=data_home, GSK_RENDERER="cairo",
                   GDK_DEBUG="gl-disable", GTK_A11Y="none", ADW_DISABLE_PORTAL="1",
                   GSETTINGS_BACKEND="memory", GDK_BACKEND="x11",
                   GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"))
        start = time.monotonic()
        for folder in args.folders:
            subprocess.run([dossier, "--library-add=" + os.path.abspath(folder)], env=env,
                           check=True, stdout=subprocess.DEVNULL)
        n_cases = subprocess.run([dossier, "--library-list"], env=env, check=True,
                                 capture_output=True, text=True).stdout.count("\n")
        print(f"library: {n_cases} cases, indexed or updated in {time.monotonic() - start:.1f} s")

        argv = ["dbus-run-session", "--config-file=" + os.path.join(tmp, "session.conf"), "--",
                sys.executable, os.path.abspath(__file__), "--inner", "--app-id", app_id,
                "--runs", str(args.runs)]
        if not env.get("DISPLAY"):
            argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"] + argv
        subprocess.run(argv, env=env, check=True, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
