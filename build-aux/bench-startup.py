#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How long Dossier takes from exec to its first painted frame, beside a
bare libadwaita window on the same machine; how much memory it peaks at;
and how smoothly the notes list of a 100,000-note case scrolls.

    build-aux/bench-startup.py BUILD-DIR [--runs N] [--large PATH]
                               [--large-runs N] [--bare PATH] [--no-scroll]

BUILD-DIR holds src/gui/dossier (meson setup + ninja) and the baseline
tests/bench-bare-window (or pass --bare: `cc -O2
tests/bench-bare-window.c -o BUILD-DIR/bench-bare-window $(pkg-config
--cflags --libs libadwaita-1)`, found there too).

Everything runs under one Xvfb started here (1280x800x24, display number
chosen by Xvfb itself), with the headless settings of ENVIRONMENT.md:
cairo renderer, GL disabled, no accessibility bus, no session bus.

Start-up: the bare window and `dossier SAMPLE` run alternately N times
(after one unmeasured run of each). A time is from just before the spawn
(time.monotonic(), CLOCK_MONOTONIC) to the "first-frame-us" line the
program prints after painting its first frame; for Dossier, the first
frame that shows the case (DOSSIER_BENCH_FIRST_FRAME=1, see
src/gui/dossier-application.c). Peak memory is VmHWM at that frame.

--large PATH (written by generate-large-case.py --notes 100000 if
missing): the same for that case, and then the notes list scrolled with
xdotool (Page_Down x50 on the focused list, then the mouse wheel x100)
while the application prints the time of every painted frame
(DOSSIER_BENCH_FRAMES=1): frame intervals during the scroll.

Prints figures; never fails on time. Python 3 standard library only;
needs Xvfb and, for the scroll, xdotool.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "data", "cases", "sony-pictures-2014.case.xml")

HEADLESS_ENV = {
    "GSK_RENDERER": "cairo",
    "GDK_DEBUG": "gl-disable",
    "GDK_BACKEND": "x11",
    "GTK_A11Y": "none",
    "DBUS_SESSION_BUS_ADDRESS": "disabled:",
    "ADW_DISABLE_PORTAL": "1",
    "GSETTINGS_BACKEND": "memory",
}

# The notes list, in window coordinates, with the window at its default
# size (1000x700): the first row, below the filter entry and the chips.
LIST_POINT = (190, 200)


def fail(message):
    sys.exit("bench-startup.py: " + message)


def now_us():
    return time.monotonic_ns() // 1000


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Xvfb:
    def __init__(self):
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        # Xvfb writes the display number once it accepts connections.
        number = b""
        with os.fdopen(read_fd, "rb") as pipe:
            while not number.endswith(b"\n"):
                chunk = pipe.read(1)
                if not chunk:
                    self.stop()
                    fail("Xvfb did not start")
                number += chunk
        self.display = ":" + number.decode().strip()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()


def parse_lines(text):
    values = {}
    frames = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) != 2 or not parts[1].lstrip("-").isdigit():
            continue
        if parts[0] == "frame-us":
            frames.append(int(parts[1]))
        else:
            values.setdefault(parts[0], int(parts[1]))
    return values, frames


def run_once(command, env):
    """Exec-to-first-frame in ms and peak RSS in KiB of one run."""
    start = now_us()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=120)
    values, _ = parse_lines(done.stdout)
    if done.returncode != 0 or "first-frame-us" not in values:
        fail("%s: no first frame (exit %d)\n%s" % (" ".join(command), done.returncode, done.stderr))
    return (values["first-frame-us"] - start) / 1000, values.get("peak-rss-kb", 0)


def summary(name, times, rss):
    return ("%-34s median %7.1f ms  p90 %7.1f ms  min %7.1f ms  peak RSS %6.1f MiB"
            % (name, statistics.median(times), percentile(times, 0.9), min(times),
               statistics.median(rss) / 1024))


def read_frames(path):
    with open(path) as f:
        return parse_lines(f.read())


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def vm_hwm_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def xdotool(env, *args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], env=env, check=True,
                          stdout=subprocess.PIPE, text=True, timeout=60).stdout


def frame_report(name, frames, start, end):
    """Intervals between the frames painted from START to END (µs)."""
    inside = [t for t in frames if start <= t <= end]
    intervals = [(b - a) / 1000 for a, b in zip(inside, inside[1:])]
    if len(intervals) < 2:
        return "%-34s too few frames (%d)" % (name, len(inside))
    late = sum(1 for i in intervals if i > 2 * 1000 / 60)
    return ("%-34s %4d frames in %5.2f s: interval p50 %5.1f ms  p95 %5.1f ms  max %6.1f ms;"
            " %d over 33 ms"
            % (name, len(inside), (end - start) / 1e6, statistics.median(intervals),
               percentile(intervals, 0.95), max(intervals), late))


def scroll(dossier, large, env, out_path):
    env = dict(env, DOSSIER_BENCH_FIRST_FRAME="1", DOSSIER_BENCH_FRAMES="1")
    with open(out_path, "w") as out:
        app = subprocess.Popen([dossier, "--view=notes", large], env=env, stdout=out,
                               stderr=subprocess.DEVNULL)
    try:
        if not wait_for(lambda: "first-frame-us" in read_frames(out_path)[0], 60):
            fail("the large case never showed")
        window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", app.pid).split()[0]
        xdotool(env, "windowfocus", "--sync", window)
        # Focus the list by clicking its first row, back to the top, let
        # the window settle (the click's highlight and the scrollbars
        # animate for about 2.5 s), then count what it paints when idle.
        xdotool(env, "mousemove", "--window", window, *LIST_POINT, "click", 1)
        xdotool(env, "key", "Home")
        time.sleep(3.5)
        idle_start = now_us()
        time.sleep(1.0)
        idle_end = now_us()

        lines = []
        _, frames = read_frames(out_path)
        idle = sum(1 for t in frames if idle_start <= t <= idle_end)
        lines.append("%-34s %d frames painted in 1 s with nothing to do" % ("idle", idle))

        # 100 key presses a second is more than 60 frames a second: every
        # frame has work, so the intervals are what the frames cost.
        key_start = now_us()
        xdotool(env, "key", "--delay", 10, "--repeat", 50, "Page_Down")
        key_end = now_us()
        time.sleep(1.0)
        _, frames = read_frames(out_path)
        lines.append(frame_report("Page_Down x50 (10 ms apart)", frames, key_start, key_end))

        wheel_start = now_us()
        xdotool(env, "click", "--delay", 10, "--repeat", 100, 5)
        wheel_end = now_us()
        time.sleep(1.0)
        _, frames = read_frames(out_path)
        lines.append(frame_report("wheel x100 (10 ms apart)", frames, wheel_start, wheel_end))
        lines.append("%-34s %.1f MiB" % ("peak RSS after scrolling", vm_hwm_kb(app.pid) / 1024))
        return lines
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", metavar="BUILD-DIR")
    parser.add_argument("--runs", type=int, default=15, help="start-ups of each (15)")
    parser.add_argument("--large", metavar="PATH", help="a large case (100,000 notes)")
    parser.add_argument("--large-runs", type=int, default=3, help="start-ups of it (3)")
    parser.add_argument("--bare", metavar="PATH", help="the bare-window program")
    parser.add_argument("--no-scroll", action="store_true", help="skip the scrolling figures")
    args = parser.parse_args()

    dossier = os.path.join(args.build, "src", "gui", "dossier")
    bare = args.bare
    if bare is None:
        for candidate in ("tests/bench-bare-window", "bench-bare-window"):
            if os.access(os.path.join(args.build, candidate), os.X_OK):
                bare = os.path.join(args.build, candidate)
                break
    for program in (dossier, bare):
        if program is None or not os.access(program, os.X_OK):
            fail("%s is missing: build it first (see --help)" % (program or "bench-bare-window"))
    if shutil.which("Xvfb") is None:
        fail("Xvfb is missing (apt-get install xvfb)")
    if args.large and not args.no_scroll and shutil.which("xdotool") is None:
        fail("xdotool is missing (apt-get install xdotool), or pass --no-scroll")

    if args.large and not os.path.exists(args.large):
        print("# writing %s" % args.large, flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "build-aux", "generate-large-case.py"),
                        "--notes", "100000", args.large], check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ, **HEADLESS_ENV)
    schemas = os.path.join(args.build, "data")
    if os.path.exists(os.path.join(schemas, "gschemas.compiled")):
        env["GSETTINGS_SCHEMA_DIR"] = schemas
    dossier_env = dict(env, DOSSIER_BENCH_FIRST_FRAME="1", DOSSIER_BENCH_EXIT="1")

    print("# %d cores, load average %s; %s" % (os.cpu_count(), loadavg(), time.strftime("%Y-%m-%d %H:%M:%S")))
    xvfb = Xvfb()
    try:
        env["DISPLAY"] = dossier_env["DISPLAY"] = xvfb.display
        print("# Xvfb %s 1280x800x24; %s" % (xvfb.display, " ".join(
            "%s=%s" % item for item in sorted(HEADLESS_ENV.items()))), flush=True)

        bare_cmd = [bare]
        dossier_cmd = [dossier, SAMPLE]
        run_once(bare_cmd, env)
        run_once(dossier_cmd, dossier_env)
        bare_t, bare_rss, doss_t, doss_rss = [], [], [], []
        for _ in range(args.runs):
            t, rss = run_once(bare_cmd, env)
            bare_t.append(t)
            bare_rss.append(rss)
            t, rss = run_once(dossier_cmd, dossier_env)
            doss_t.append(t)
            doss_rss.append(rss)

        print("# exec to first frame, %d runs each, alternating" % args.runs)
        print(summary("bare libadwaita window", bare_t, bare_rss))
        print(summary("dossier " + os.path.basename(SAMPLE), doss_t, doss_rss))
        print("%-34s %.2f x (goal: at most 1.3)" % ("ratio of medians", statistics.median(doss_t) / statistics.median(bare_t)))
        print("# load average %s" % loadavg(), flush=True)

        if args.large:
            large_t, large_rss = [], []
            for _ in range(args.large_runs):
                t, rss = run_once([dossier, args.large], dossier_env)
                large_t.append(t)
                large_rss.append(rss)
            print("# exec to the first frame showing the case, %d runs" % args.large_runs)
            print(summary("dossier " + os.path.basename(args.large), large_t, large_rss))
            if not args.no_scroll:
                out_path = "%s/dossier-bench-frames-%d.txt" % (os.environ.get("TMPDIR", "/tmp"), os.getpid())
                try:
                    print("# notes list of %s, frame times" % os.path.basename(args.large))
                    for line in scroll(dossier, args.large, env, out_path):
                        print(line)
                finally:
                    if os.path.exists(out_path):
                        os.unlink(out_path)
            print("# load average %s" % loadavg())
    finally:
        xvfb.stop()


if __name__ == "__main__":
    main()
