#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame intervals of the timeline chart while zooming and panning.

    xvfb-run -a -s "-screen 0 1280x800x24" python3 tests/bench-chart-frames.py \
        build/src/gui/dossier /work/large-100k.case.xml

Opens the case at the Timeline tab, turns "Include notes" on (the time
from the click to the next painted frame is printed), then with the
pointer over the chart: Ctrl+wheel x60 (zoom in, then out), a drag
across the chart, and the + and - keys x30 each, 10 ms apart, while the
application prints the time of every painted frame
(DOSSIER_BENCH_FRAMES=1, as build-aux/bench-startup.py measures the
scrolling of the notes list). Prints figures; never fails on time.
Needs xdotool. The window sits at the top left corner of the screen at
its default size.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

SWITCH_POINT = (893, 72)     # "Include notes"
CHART_POINT = (550, 330)     # over the lanes


def now_us():
    return int(time.monotonic() * 1e6)


def frames(path):
    with open(path) as f:
        return [int(line.split()[1]) for line in f if line.startswith("frame-us ")]


def xdo(*args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], check=True,
                          capture_output=True, text=True).stdout


def chart_frames(path):
    """(end, wall, cpu) in µs of the frames that drew the chart."""
    with open(path) as f:
        return [tuple(int(v) for v in line.split()[1:4]) for line in f
                if line.startswith("chart-frame-us ")]


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(0.95 * len(values)))]


def report(name, path, start, end):
    time.sleep(1.0)
    inside = [t for t in frames(path) if start <= t <= end + 200000]
    intervals = [(b - a) / 1000 for a, b in zip(inside, inside[1:])]
    if len(intervals) < 2:
        print("%-28s too few frames (%d)" % (name, len(inside)))
        return
    print("%-28s %4d frames: interval p50 %5.1f ms  p95 %5.1f ms  max %6.1f ms"
          % (name, len(inside), statistics.median(intervals), p95(intervals), max(intervals)))
    work = [(w / 1000, c / 1000) for t, w, c in chart_frames(path) if start <= t <= end + 200000]
    if work:
        print("%-28s %4d drew the chart: frame work p50 %5.1f ms  p95 %5.1f ms wall,"
              " p50 %5.1f ms  p95 %5.1f ms CPU"
              % ("", len(work), statistics.median([w for w, c in work]), p95([w for w, c in work]),
                 statistics.median([c for w, c in work]), p95([c for w, c in work])))


def main():
    dossier, case = sys.argv[1], sys.argv[2]
    env = dict(os.environ, DOSSIER_BENCH_FIRST_FRAME="1", DOSSIER_BENCH_FRAMES="1",
               GSK_RENDERER="cairo", GDK_DEBUG="gl-disable", GDK_BACKEND="x11",
               GTK_A11Y="none", GSETTINGS_BACKEND="memory", ADW_DISABLE_PORTAL="1",
               DBUS_SESSION_BUS_ADDRESS="disabled:")
    out = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    app = subprocess.Popen([dossier, "--view=timeline", case], env=env, stdout=out,
                           stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while "first-frame-us" not in open(out.name).read():
            if time.monotonic() > deadline:
                sys.exit("the case never showed")
            time.sleep(0.2)
        window = xdo("search", "--sync", "--onlyvisible", "--pid", app.pid).split()[0]
        xdo("windowfocus", "--sync", window)
        time.sleep(2.0)

        click = now_us()
        xdo("mousemove", "--window", window, *SWITCH_POINT, "click", 1)
        time.sleep(8.0)
        after = [t for t in frames(out.name) if t > click]
        # The chart prints "chart-model-us T N" when it first draws a new
        # model; the frame painted after T is the first with the notes.
        # The longest gap between frames says whether the main loop was
        # ever blocked meanwhile.
        drawn = [int(line.split()[1]) for line in open(out.name)
                 if line.startswith("chart-model-us ") and int(line.split()[1]) > click]
        if drawn and after:
            shown = min([t for t in after if t >= drawn[0]] or [drawn[0]])
            print("%-28s %7.1f ms" % ("notes on: click to chart", (shown - click) / 1000))
        gaps = [(b - a) for a, b in zip([click] + after, after)]
        if gaps:
            print("%-28s %7.1f ms" % ("notes on: longest frame gap", max(gaps) / 1000))

        xdo("mousemove", "--window", window, *CHART_POINT)
        time.sleep(0.5)
        start = now_us()
        xdo("keydown", "ctrl")
        xdo("click", "--delay", 10, "--repeat", 30, 4)
        xdo("click", "--delay", 10, "--repeat", 30, 5)
        xdo("keyup", "ctrl")
        report("Ctrl+wheel x60", out.name, start, now_us())

        start = now_us()
        xdo("mousedown", 1)
        for i in range(40):
            xdo("mousemove", "--window", window, CHART_POINT[0] - 8 * i, CHART_POINT[1])
            time.sleep(0.01)
        xdo("mouseup", 1)
        report("drag (40 moves)", out.name, start, now_us())

        start = now_us()
        xdo("key", "--delay", 10, "--repeat", 30, "plus")
        xdo("key", "--delay", 10, "--repeat", 30, "minus")
        report("+ x30, - x30", out.name, start, now_us())

        start = now_us()
        xdo("click", "--delay", 10, "--repeat", 60, 5)
        report("wheel pan x60", out.name, start, now_us())
    finally:
        app.terminate()
        app.wait(10)
        os.unlink(out.name)


if __name__ == "__main__":
    main()
