#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer, then every fuzz target for a short while.
#
#   build-aux/run-sanitized.sh [MESON-TEST-ARGS...]
#
# 1. Configures build-asan (gcc, -Db_sanitize=address,undefined
#    -Db_lundef=false) if needed and builds everything.
# 2. Runs every test in it (core, widget, shell, fuzz-replay), under
#    xvfb-run when there is no display. The log is
#    build-asan/meson-logs/testlog.json, which build-aux/run-tests.sh
#    counts with the normal build's.
# 3. When clang is installed, runs each libFuzzer target through
#    build-aux/fuzz.sh for a fixed number of inputs from a fixed seed
#    (FUZZ_RUNS, default 50000, more for the quick dates; FUZZ_SEED,
#    default 1), so that the same commit always gives the same result,
#    and prints libFuzzer's figures. One result per target goes to
#    $dir/meson-logs/fuzzlog.json, which run-tests.sh counts too.
#    Open-ended fuzzing is build-aux/fuzz.sh SECONDS, by hand.
#
# Leaks are reported and fail the test; build-aux/lsan.supp hides only
# allocations that system libraries make once and keep for the life of
# the process. Exits non-zero when a test failed or a fuzz target
# crashed. The build folder can be moved with ASAN_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=${ASAN_BUILD_DIR:-build-asan}
fuzz_runs=${FUZZ_RUNS:-50000}
fuzz_seed=${FUZZ_SEED:-1}
fuzz_log=$dir/meson-logs/fuzzlog.json

# meson.build itself keeps GCC 12's bogus -Wformat-overflow of sanitizer
# builds a warning: no extra flags here.
if [[ ! -f $dir/build.ninja ]]; then
  CC=${SANITIZE_CC:-gcc} meson setup "$dir" \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$dir"

# fast_unwind_on_malloc=0: GLib, GTK and fontconfig have no frame
# pointers, so the fast unwinder stops at g_malloc and the suppressions,
# which match library names, would never see the frames they name.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:print_summary=1:fast_unwind_on_malloc=0:malloc_context_size=40
export LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# GLib 2.74's slice allocator keeps freed blocks in magazines: with
# always-malloc every block is a malloc block that LeakSanitizer can see.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none \
       DBUS_SESSION_BUS_ADDRESS=disabled: ADW_DISABLE_PORTAL=1 GSETTINGS_BACKEND=memory

status=0
# Sanitized code runs two to five times slower: give tests room.
test_args=(--print-errorlogs --num-processes 2 --timeout-multiplier 4 "$@")
if [[ -z ${DISPLAY:-} ]]; then
  xvfb-run -a -s "-screen 0 1280x800x24" meson test -C "$dir" "${test_args[@]}" || status=$?
else
  meson test -C "$dir" "${test_args[@]}" || status=$?
fi
echo "sanitized suite: log in $dir/meson-logs/testlog.json (exit $status)"

# The fuzz targets, a fixed number of inputs each, on top of the replays
# the suite just ran.
rm -f "$fuzz_log"
if command -v clang-14 >/dev/null || command -v clang >/dev/null; then
  unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
  fuzz_status=0
  build-aux/fuzz.sh --runs="$fuzz_runs" --seed="$fuzz_seed" --results="$root/$fuzz_log" ||
    fuzz_status=$?
  if [[ $fuzz_status -eq 1 ]]; then
    echo "fuzzing found a crash (exit $fuzz_status): the input is now in fuzz/corpus/"
    status=1
  elif [[ $fuzz_status -ne 0 ]]; then
    echo "the fuzz targets did not build or run (exit $fuzz_status)"
    status=1
  fi
else
  echo "clang is not installed: no fuzzing (build-aux/install-deps.sh --tests installs it)"
  printf '{"name": "fuzz", "suite": ["fuzz"], "result": "SKIP"}\n' >"$fuzz_log"
fi

exit $status
