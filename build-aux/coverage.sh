#!/usr/bin/env bash
# Line and branch coverage of src/ by the test suite.
#
#   build-aux/coverage.sh [MESON-TEST-ARGS...]
#
# 1. Configures, if needed, a gcc build with gcov counters in
#    build-coverage/ (-Db_coverage=true -Dbuildtype=debug: no
#    optimisation, so that lines and branches are the source's) and
#    builds it.
# 2. Clears the counters and runs the test suite there (under xvfb-run
#    when there is no display, with the headless settings of
#    run-tests.sh). A failing test does not stop the report; the script
#    still exits non-zero for it.
# 3. Prints line and branch coverage (gcovr) of src/, of src/core/ and of
#    each folder of src/core/, then of src/cli/ and src/gui/. The table per
#    file is in build-coverage/coverage/files.txt, the figures in
#    build-coverage/coverage/summary.json.
#
# The goal is at least 85 % of the lines of src/core/. The build folder
# can be moved with COVERAGE_BUILD_DIR. gcovr comes from Debian
# (build-aux/install-deps.sh --tests).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=${COVERAGE_BUILD_DIR:-build-coverage}

if ! command -v gcovr >/dev/null; then
  echo "coverage.sh: gcovr is not installed (build-aux/install-deps.sh --tests)" >&2
  exit 2
fi

if [[ ! -f $dir/build.ninja ]]; then
  CC=${COVERAGE_CC:-gcc} meson setup "$dir" -Db_coverage=true -Dbuildtype=debug
fi
ninja -C "$dir"

# Counters of an earlier run would add up with this one's.
find "$dir" -name '*.gcda' -delete

export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none \
       DBUS_SESSION_BUS_ADDRESS=disabled: ADW_DISABLE_PORTAL=1 GSETTINGS_BACKEND=memory

status=0
# Unoptimised code with counters runs slower: give tests room.
test_args=(--print-errorlogs --num-processes 2 --timeout-multiplier 3 "$@")
if [[ -z ${DISPLAY:-} ]]; then
  xvfb-run -a -s "-screen 0 1280x800x24" meson test -C "$dir" "${test_args[@]}" || status=$?
else
  meson test -C "$dir" "${test_args[@]}" || status=$?
fi
echo "coverage suite: log in $dir/meson-logs/testlog.json (exit $status)"

mkdir -p "$dir/coverage"
gcovr --root "$root" --object-directory "$root/$dir" --filter "$root/src/" \
  -j 2 --json-summary "$dir/coverage/summary.json" --json-summary-pretty \
  >/dev/null

/usr/bin/python3 - "$dir/coverage/summary.json" "$dir/coverage/files.txt" <<'EOF'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    files = json.load(f)["files"]

def figures(prefix):
    chosen = [f for f in files if f["filename"].startswith(prefix)]
    lines = sum(f["line_total"] for f in chosen)
    lines_hit = sum(f["line_covered"] for f in chosen)
    branches = sum(f["branch_total"] for f in chosen)
    branches_hit = sum(f["branch_covered"] for f in chosen)
    return len(chosen), lines_hit, lines, branches_hit, branches

def percent(hit, total):
    return f"{100.0 * hit / total:5.1f} %" if total else "    - "

def row(name, prefix):
    n, lh, lt, bh, bt = figures(prefix)
    print(f"  {name:<18} {n:>5}  {percent(lh, lt)} {lh:>6} of {lt:<6}"
          f"  {percent(bh, bt)} {bh:>6} of {bt:<6}")

folders = sorted({"/".join(f["filename"].split("/")[:3]) + "/"
                  for f in files if f["filename"].startswith("src/core/")})
print()
print("coverage by the test suite (gcovr):")
print(f"  {'folder':<18} {'files':>5}  {'lines':<23}  branches")
row("src/", "src/")
row("src/core/", "src/core/")
for folder in folders:
    row("  " + folder[len("src/core/"):], folder)
row("src/cli/", "src/cli/")
row("src/gui/", "src/gui/")

with open(sys.argv[2], "w", encoding="utf-8") as out:
    for f in sorted(files, key=lambda f: f["filename"]):
        lt, lh = f["line_total"], f["line_covered"]
        bt, bh = f["branch_total"], f["branch_covered"]
        out.write(f"{f['filename']:<52} lines {percent(lh, lt)} ({lh}/{lt})"
                  f"  branches {percent(bh, bt)} ({bh}/{bt})\n")
print(f"(per file: {sys.argv[2]})")
EOF

exit $status
