#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds Dossier and runs
# every test: core tests, widget tests (under Xvfb when there is no display),
# the schema and command-line checks. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh --tests
[[ -f build/build.ninja ]] || meson setup build
ninja -C build

export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none \
       DBUS_SESSION_BUS_ADDRESS=disabled: ADW_DISABLE_PORTAL=1 GSETTINGS_BACKEND=memory

status=0
if [[ -z ${DISPLAY:-} ]]; then
  xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C build --print-errorlogs --num-processes 2 "$@" || status=$?
else
  meson test -C build --print-errorlogs --num-processes 2 "$@" || status=$?
fi

# The same suite under ASan/UBSan, then every fuzz target for a fixed
# number of inputs from a fixed seed (build-asan, build-fuzz-lf): one
# result per target in fuzzlog.json, counted below. Skip it with
# DOSSIER_SKIP_SANITIZED=1 for a quick local run.
logs=(build/meson-logs/testlog.json)
if [[ -z ${DOSSIER_SKIP_SANITIZED:-} ]]; then
  build-aux/run-sanitized.sh || status=1
  logs+=(build-asan/meson-logs/testlog.json build-asan/meson-logs/fuzzlog.json)
fi

python3 build-aux/count-results.py "${logs[@]}"
exit $status
