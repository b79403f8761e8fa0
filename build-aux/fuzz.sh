#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ for a while and reports what it saw.
#
#   build-aux/fuzz.sh [SECONDS-PER-TARGET] [--no-coverage] [TARGET...]
#   build-aux/fuzz.sh --runs=N [--seed=N] [--results=FILE] [TARGET...]
#
# SECONDS-PER-TARGET defaults to 60; TARGET is fuzz-loader, fuzz-date,
# fuzz-query, fuzz-export, fuzz-pdf or fuzz-stix-import (default: every
# target that exists).
#
# The first form is for people: open-ended, time-based fuzzing that keeps
# what it finds. The second is for CI (build-aux/run-sanitized.sh): the
# same commit always gives the same result. Each target runs N inputs
# (ten times as many for the quick dates, see runs_for) with -seed
# (default 1), in one process, from its seed corpus and an empty working
# corpus, with no reloading of the corpus and no coverage report.
# --results=FILE appends one line per target (and one for the build when
# it fails) in the form of meson's testlog.json, which
# build-aux/count-results.py counts.
#
# 1. Configures, if needed, a clang build with the whole core library
#    instrumented for libFuzzer, AddressSanitizer and UBSan:
#      CC=clang meson setup build-fuzz-lf -Dfuzzing=true \
#        -Db_sanitize=address,undefined -Db_lundef=false \
#        -Dc_args=-fsanitize=fuzzer-no-link
# 2. Runs each target on its seed corpus fuzz/corpus/NAME (read only) plus
#    a working corpus in build-fuzz-lf/fuzz-work/NAME (kept between runs),
#    with the dictionary fuzz/dossier.dict, and prints executions,
#    coverage (libFuzzer's cov: and ft:) and crashes. Every input that
#    crashed, timed out or ran out of memory is copied into
#    fuzz/corpus/NAME/ as a regression fixture, where the fuzz-replay
#    tests of `meson test` replay it from then on.
# 3. Unless --no-coverage: builds the replay programs with clang's source
#    coverage (build-fuzz-cov), replays both corpora and prints the region
#    and branch coverage of src/core/ (llvm-cov-14 report).
#
# Exits 1 when a target crashed, 0 otherwise. Build folders can be moved
# with FUZZ_BUILD_DIR and FUZZ_COV_DIR; FUZZ_DETECT_LEAKS=0 turns leak
# detection off (to look for other faults while a known leak is open),
# FUZZ_SKIP_FIXTURES=1 fuzzes without the inputs that crashed before.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=60
coverage=1
runs=
seed=1
results=
targets=()
for arg in "$@"; do
  case $arg in
    --no-coverage) coverage=0 ;;
    --runs=[0-9]*) runs=${arg#--runs=}; coverage=0 ;;
    --seed=[0-9]*) seed=${arg#--seed=} ;;
    --results=?*) results=${arg#--results=} ;;
    [0-9]*) seconds=$arg ;;
    fuzz-*) targets+=("$arg") ;;
    -h|--help) sed -n '2,39p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

lf_dir=${FUZZ_BUILD_DIR:-build-fuzz-lf}
cov_dir=${FUZZ_COV_DIR:-build-fuzz-cov}

cc=$(command -v clang-14 || command -v clang || true)
if [[ -z $cc ]]; then
  echo "fuzz.sh: clang is not installed (build-aux/install-deps.sh --tests)" >&2
  exit 2
fi

if [[ ${#targets[@]} -eq 0 ]]; then
  for t in fuzz-loader fuzz-date fuzz-query fuzz-export fuzz-pdf fuzz-stix-import; do
    [[ -f fuzz/$t.c ]] && targets+=("$t")
  done
fi

corpus_name () { echo "${1#fuzz-}"; }

# Inputs of a few bytes are enough for dates and queries; case files
# need room, but the seeds already set libFuzzer's length (up to 64 KiB).
# A PDF export lays out every line with Pango: short cases only, so that
# each input stays quick (the seeds in fuzz/corpus/pdf are under 8 KiB).
max_len () {
  case $1 in
    fuzz-date) echo 128 ;;
    fuzz-query) echo 512 ;;
    fuzz-pdf) echo 8192 ;;
    *) echo 65536 ;;
  esac
}

# With --runs=N: the inputs each target runs. A date is parsed in a few
# microseconds: ten times as many (50,000 inputs take 10 to 40 seconds
# for the other targets on a busy 2-core machine).
runs_for () {
  case $1 in
    fuzz-date) echo $(( runs * 10 )) ;;
    *) echo "$runs" ;;
  esac
}

# With --runs=N: what a target needs to run the same way every time. The
# PDF exporter draws in two threads: the values of comparisons libFuzzer
# traces (-use_cmp) then depend on how the threads meet, so its CI runs
# learn from coverage alone.
ci_flags_for () {
  case $1 in
    fuzz-pdf) echo -use_cmp=0 ;;
  esac
}

# libFuzzer's leak check after each input. In CI it stays off for the
# STIX importer alone: with seed 1 it reports, after 48,617 inputs, only
# "indirect" blocks whose stacks end in GLib's g_malloc (no frame
# pointers to unwind further) under a direct leak that lsan.supp already
# hides as one of GLib's once-per-process caches, and the input it
# names does not leak when run alone. Real leaks of the importer are
# still caught: the suite replays its corpus under LeakSanitizer, and
# people's fuzzing (the SECONDS form) keeps the check on.
detect_leaks_for () {
  if [[ -n $runs && $1 == fuzz-stix-import ]]; then
    echo 0
  else
    echo "${FUZZ_DETECT_LEAKS:-1}"
  fi
}

# One line of meson's testlog.json for build-aux/count-results.py.
record () {
  [[ -n $results ]] || return 0
  printf '{"name": "%s", "suite": ["fuzz"], "result": "%s"}\n' "$1" "$2" >>"$results"
}

# 1. The instrumented build.
if [[ ! -f $lf_dir/build.ninja ]]; then
  CC=$cc meson setup "$lf_dir" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link >"$lf_dir.setup.log" 2>&1 || {
      cat "$lf_dir.setup.log" >&2; record fuzz-build FAIL; exit 2; }
  rm -f "$lf_dir.setup.log"
fi
ninja -C "$lf_dir" "${targets[@]/#/fuzz/}" >/dev/null || { record fuzz-build FAIL; exit 2; }

# libFuzzer handles the crash itself; leak checks per input, and UBSan
# findings are crashes, not messages.
# FUZZ_DETECT_LEAKS=0 looks for other faults while a known leak is open.
export ASAN_OPTIONS=detect_leaks=${FUZZ_DETECT_LEAKS:-1}:allocator_may_return_null=1:handle_abort=1
# fontconfig's caches, made at the first PDF export and kept for the life
# of the process, are not leaks (see the file).
export LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC
# Every GLib block a malloc block, as in the sanitized suite: LeakSanitizer
# sees them all, and the caller's environment does not change the run.
export G_SLICE=always-malloc G_DEBUG=gc-friendly

declare -A execs cov ft speed result corpus_files
found_crash=0
start_all=$(date +%s)

# 2. Fuzz.
for t in "${targets[@]}"; do
  name=$(corpus_name "$t")
  seeds=fuzz/corpus/$name
  work=$lf_dir/fuzz-work/$name
  artifacts=$lf_dir/fuzz-artifacts/$name
  log=$lf_dir/fuzz-logs/$t.log
  mkdir -p "$seeds" "$work" "$artifacts" "$(dirname "$log")"
  before=$(ls "$artifacts" | sort)

  # FUZZ_SKIP_FIXTURES=1 leaves out the inputs that crashed before, so
  # fuzzing goes on while their bug is open (libFuzzer stops at a seed
  # that crashes).
  run_seeds=$seeds
  if [[ ${FUZZ_SKIP_FIXTURES:-0} == 1 ]]; then
    run_seeds=$lf_dir/fuzz-seeds/$name
    rm -rf "$run_seeds"
    mkdir -p "$run_seeds"
    find "$seeds" -maxdepth 1 -type f ! -name 'crash-*' ! -name 'leak-*' \
      ! -name 'timeout-*' ! -name 'oom-*' -exec cp {} "$run_seeds/" \;
  fi

  if [[ -n $runs ]]; then
    # A fixed number of inputs from a fixed seed, from the seeds alone:
    # nothing an earlier run found changes what this one does, and the
    # corpus folders are not read again while it runs (-reload=0).
    # A hang of the whole run is a failure, not a shorter run. libFuzzer
    # also learns from the values of comparisons, pointers among them:
    # they are the same from run to run, and so are the inputs it makes,
    # only without address space randomisation (setarch -R) and with the
    # same environment and arguments, which lie on the stack: a fixed
    # environment (env -i) and relative paths, wherever the clone is.
    work=$lf_dir/fuzz-ci/$name
    rm -rf "$work"
    mkdir -p "$work"
    echo "== $t: $(runs_for "$t") runs, seed $seed, on $(ls "$run_seeds" | wc -l) seeds"
    stop=(timeout --signal=KILL "${FUZZ_CI_TIMEOUT:-900}")
    if setarch "$(uname -m)" -R true 2>/dev/null; then
      stop+=(setarch "$(uname -m)" -R)
    else
      echo "   (setarch -R is not allowed here: addresses are random, runs may differ)"
    fi
    stop+=(env -i PATH=/usr/lib/llvm-14/bin:/usr/bin:/bin HOME=/nonexistent
           LC_ALL="$LC_ALL" LANGUAGE="$LANGUAGE" TZ="$TZ" G_SLICE="$G_SLICE" G_DEBUG="$G_DEBUG"
           ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS"
           LSAN_OPTIONS=suppressions=build-aux/lsan.supp:print_suppressions=0)
    limits=(-runs="$(runs_for "$t")" -seed="$seed" -reload=0 -timeout=25 $(ci_flags_for "$t"))
  else
    echo "== $t: ${seconds}s on $(ls "$run_seeds" | wc -l) seeds + $(ls "$work" | wc -l) found earlier"
    stop=()
    limits=(-max_total_time="$seconds" -timeout=10)
  fi
  rc=0
  "${stop[@]}" "$lf_dir/fuzz/$t" "$work" "$run_seeds" \
    "${limits[@]}" -rss_limit_mb=2560 -malloc_limit_mb=2560 \
    -max_len="$(max_len "$t")" -dict=fuzz/dossier.dict \
    -artifact_prefix="$artifacts/" -print_final_stats=1 \
    -detect_leaks="$(detect_leaks_for "$t")" \
    >"$log" 2>&1 || rc=$?

  execs[$t]=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed[$t]=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov[$t]=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft[$t]=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus_files[$t]=$(( $(ls "$seeds" | wc -l) + $(ls "$work" | wc -l) ))

  if [[ $rc -eq 0 ]]; then
    result[$t]=ok
    record "$t" OK
  else
    record "$t" FAIL
    found_crash=1
    result[$t]="CRASH (exit $rc)"
    if [[ -n $runs && $rc -eq 137 ]]; then
      result[$t]="TIMEOUT (the whole run took over ${FUZZ_CI_TIMEOUT:-900}s)"
    fi
    # Keep every new crash, timeout, oom or leak input as a fixture.
    new=$(comm -13 <(echo "$before") <(ls "$artifacts" | sort))
    kept=()
    for f in $new; do
      # A seed that fails is its own reproducer: no copy of it.
      same=$(for g in "$seeds"/*; do cmp -s "$artifacts/$f" "$g" && echo "$g" && break; done || true)
      if [[ -n $same ]]; then
        echo "   the seed $same fails"
        continue
      fi
      cp "$artifacts/$f" "$seeds/$f"
      kept+=("$f")
      echo "   new regression fixture: $seeds/$f"
    done
    new=${kept[*]:-}
    { grep -E 'ERROR: |runtime error|fuzz oracle:|SUMMARY: |found in the initial corpus' "$log" || true; } |
      head -6 | sed 's/^/   /'
    # Replay the input with full stacks (slow unwinding: system libraries
    # have no frame pointers) and show the frames in Dossier's code.
    for f in $new; do
      [[ -f $seeds/$f ]] || continue
      ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0 \
        "$lf_dir/fuzz/$t" "$seeds/$f" >"$log.$f.txt" 2>&1 || true
      echo "   reproduce: $lf_dir/fuzz/$t $seeds/$f   (stack: $log.$f.txt)"
      { grep -E ' in [^ ]+ .*/(src/core|fuzz)/' "$log.$f.txt" || true; } |
        { grep -v 'fuzzer::' || true; } | head -6 | sed 's/^ *#[0-9]* 0x[0-9a-f]* /      /'
    done
    if [[ -z $new ]]; then
      # Nothing new: an input that failed before (a seed or a fixture).
      sed -n 's/.*Test unit written to /   failing input (seen before): /p' "$log" | tail -1
    fi
    echo "   full log: $log"
  fi
  echo "   ${execs[$t]:-?} executions (${speed[$t]:-?}/s), cov: ${cov[$t]:-?} ft: ${ft[$t]:-?}, corpus ${corpus_files[$t]} files: ${result[$t]}"
done

echo
printf '%-13s %12s %8s %7s %7s %8s  %s\n' target executions exec/s cov ft corpus result
total_execs=0
for t in "${targets[@]}"; do
  printf '%-13s %12s %8s %7s %7s %8s  %s\n' "$t" "${execs[$t]:-?}" "${speed[$t]:-?}" \
    "${cov[$t]:-?}" "${ft[$t]:-?}" "${corpus_files[$t]}" "${result[$t]}"
  total_execs=$(( total_execs + ${execs[$t]:-0} ))
done
echo "fuzz: $total_execs executions in $(( $(date +%s) - start_all ))s over ${#targets[@]} targets"

# 3. Coverage of src/core/ from replaying both corpora.
if [[ $coverage -eq 1 ]]; then
  profdata=$(command -v llvm-profdata-14 || command -v llvm-profdata || true)
  llvmcov=$(command -v llvm-cov-14 || command -v llvm-cov || true)
  if [[ -z $profdata || -z $llvmcov ]]; then
    echo "fuzz.sh: llvm-profdata-14 / llvm-cov-14 missing (package llvm-14): no coverage report" >&2
  else
    if [[ ! -f $cov_dir/build.ninja ]]; then
      CC=$cc meson setup "$cov_dir" -Dbuildtype=debug \
        "-Dc_args=-fprofile-instr-generate -fcoverage-mapping" \
        "-Dc_link_args=-fprofile-instr-generate" >"$cov_dir.setup.log" 2>&1 || {
          cat "$cov_dir.setup.log" >&2; exit 2; }
      rm -f "$cov_dir.setup.log"
    fi
    replays=("${targets[@]/%/-replay}")
    ninja -C "$cov_dir" "${replays[@]/#/fuzz/}" >/dev/null
    rm -rf "$cov_dir/profiles"
    mkdir -p "$cov_dir/profiles"
    objects=()
    for t in "${targets[@]}"; do
      name=$(corpus_name "$t")
      # In batches, so that an input that still crashes costs only the
      # rest of its batch (the driver writes the profile as it dies).
      find "fuzz/corpus/$name" "$lf_dir/fuzz-work/$name" -maxdepth 1 -type f -print0 |
        LLVM_PROFILE_FILE="$root/$cov_dir/profiles/$t-%p.profraw" \
        xargs -0 -n 100 "$cov_dir/fuzz/$t-replay" >/dev/null 2>&1 ||
        echo "fuzz.sh: some $t inputs still fail (see the fuzz-replay tests)" >&2
      objects+=(-object "$cov_dir/fuzz/$t-replay")
    done
    "$profdata" merge -sparse "$cov_dir"/profiles/*.profraw -o "$cov_dir/profiles/fuzz.profdata"
    echo
    echo "== coverage of src/core/ by the fuzz corpora (llvm-cov report)"
    "$llvmcov" report "${objects[@]:1}" -instr-profile="$cov_dir/profiles/fuzz.profdata" \
      -show-region-summary -show-branch-summary \
      -ignore-filename-regex='(^/usr/)|(/fuzz/)|(\.h$)' >"$cov_dir/profiles/report.txt"
    # Columns: file, regions, missed, cover, functions, missed, executed,
    # lines, missed, cover, branches, missed, cover.
    awk '$1 ~ /\.c$/ { printf "  %-34s regions %7s  branches %7s\n", $1, $4, $13 }
         $1 == "TOTAL" { printf "src/core/: region coverage %s (%d of %d), branch coverage %s (%d of %d)\n",
                                $4, $2 - $3, $2, $13, $11 - $12, $11 }' \
      "$cov_dir/profiles/report.txt"
    unreached=()
    for f in src/core/*/*.c; do
      grep -q "^$(basename "$f") " "$cov_dir/profiles/report.txt" ||
        grep -q "/$(basename "$f") " "$cov_dir/profiles/report.txt" || unreached+=("$(basename "$f")")
    done
    [[ ${#unreached[@]} -gt 0 ]] && echo "  not linked into any target: ${unreached[*]}"
    echo "(per file: $cov_dir/profiles/report.txt)"
  fi
fi

exit $found_crash
