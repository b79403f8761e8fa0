#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How long Dossier takes to open a 100,000-note case, beside xmllint on
# the same file. Prints figures; never fails on time.
#
#   build-aux/bench-load.sh BUILD-DIR [NOTES] [RUNS]
#
# BUILD-DIR holds tests/bench-load and src/gui/dossier (meson setup +
# ninja). The case is written by build-aux/generate-large-case.py into
# /tmp (kept between runs). Every figure is the best of RUNS (default 3)
# wall-clock runs:
#   - Dossier, whole load: dossier_case_load() in bench-load (read, byte
#     checks, SAX parse building the model, references, warnings);
#   - Dossier, --validate: the same as a process, with start-up and
#     freeing the case;
#   - xmllint --noout (parses and builds a DOM);
#   - xmllint --noout --relaxng data/case-file.rng.

set -eu

build="${1:?usage: build-aux/bench-load.sh BUILD-DIR [NOTES] [RUNS]}"
notes="${2:-100000}"
runs="${3:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case_file="${TMPDIR:-/tmp}/dossier-bench-${notes}.case.xml"
bench="$build/tests/bench-load"
dossier="$build/src/gui/dossier"

for program in "$bench" "$dossier"; do
  if [ ! -x "$program" ]; then
    echo "bench-load.sh: $program is missing; build $build first" >&2
    exit 1
  fi
done
command -v xmllint >/dev/null || { echo "bench-load.sh: xmllint is missing (libxml2-utils)" >&2; exit 1; }

if [ ! -s "$case_file" ]; then
  python3 "$root/build-aux/generate-large-case.py" --notes "$notes" "$case_file" >&2
fi

# Best wall-clock time of RUNS runs of a command, in milliseconds.
best_ms () {
  python3 - "$runs" "$@" <<'EOF'
import subprocess, sys, time
runs = int(sys.argv[1])
command = sys.argv[2:]
best = None
for _ in range(runs):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit("failed: " + " ".join(command))
    best = elapsed if best is None else min(best, elapsed)
print("%.1f" % best)
EOF
}

echo "# $(basename "$case_file"): $(du -h "$case_file" | cut -f1), $notes notes; best of $runs"
echo "# libxml2 $(xmllint --version 2>&1 | head -n 1 | sed 's/.*version //'), $(nproc) cores"

"$bench" "$case_file" "$runs" | sed 's/^/#   /'
load_ms="$("$bench" "$case_file" "$runs" | awk '/^whole load/ { print $3 }')"
validate_ms="$(best_ms "$dossier" --validate "$case_file")"
noout_ms="$(best_ms xmllint --nonet --noout "$case_file")"
relaxng_ms="$(best_ms xmllint --nonet --noout --relaxng "$root/data/case-file.rng" "$case_file")"

python3 - "$load_ms" "$validate_ms" "$noout_ms" "$relaxng_ms" <<'EOF'
import sys
load, validate, noout, relaxng = map(float, sys.argv[1:])
print("%-44s %9.1f ms" % ("Dossier, whole load (dossier_case_load)", load))
print("%-44s %9.1f ms" % ("Dossier, dossier --validate (process)", validate))
print("%-44s %9.1f ms" % ("xmllint --noout", noout))
print("%-44s %9.1f ms" % ("xmllint --noout --relaxng case-file.rng", relaxng))
print("load / xmllint --noout           %6.2f x   (goal: at most 1.5)" % (load / noout))
print("--validate / xmllint --noout     %6.2f x" % (validate / noout))
print("load / xmllint --relaxng         %6.2f x   (goal: below 1)" % (load / relaxng))
EOF
