#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line needs no display.
#
#   bash tests/cli-check.sh PATH-TO-dossier
#
# - `--validate` on the sample exits 0 and says "ok";
# - `--validate` on a bad fixture exits 1, prints FILE:LINE:COLUMN and the
#   message on stderr and "refused" on stdout;
# - several files: one verdict each, exit 1 when any is refused;
# - warnings go to stderr as FILE:LINE: warning: ...;
# - the library shows a progress line on a terminal only, erased before
#   its output;
# - `--version` and `--help` work;
# all with DISPLAY and WAYLAND_DISPLAY unset.
#
# One line per check: "ok - WHAT" or "not ok - WHAT: REASON".

set -u

dossier="${1:-}"
root="${DOSSIER_SOURCE_ROOT:-}"
if [ -z "$root" ]; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fi
limit="${CLI_CHECK_TIMEOUT:-60}"

if [ -z "$dossier" ] || [ ! -x "$dossier" ]; then
  echo "not ok - usage: bash tests/cli-check.sh PATH-TO-dossier"
  exit 1
fi

unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=en

tmp="$(mktemp -d "${TMPDIR:-/tmp}/cli-check.XXXXXX")" || exit 1
trap 'rm -rf "$tmp"' EXIT

failures=0
checks=0

# run NAME ARGS...: runs dossier from the source root (so relative paths
# are as typed), keeping stdout, stderr and the status.
run () {
  (cd "$root" && timeout "$limit" "$dossier" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null)
  status=$?
}

check () {
  checks=$((checks + 1))
  if [ "$2" = "ok" ]; then
    echo "ok - $1"
  else
    echo "not ok - $1: $2"
    echo "# stdout: $(head -c 400 "$tmp/out" | tr '\n' '|')"
    echo "# stderr: $(head -c 400 "$tmp/err" | tr '\n' '|')"
    failures=$((failures + 1))
  fi
}

sample="data/cases/sony-pictures-2014.case.xml"
bad="tests/cases/bad/dangling-cite.case.xml"
warnings="tests/cases/good/warnings.case.xml"

# The sample opens.
run --validate "$sample"
if [ "$status" -ne 0 ]; then
  check "--validate sample" "exit status $status, expected 0"
elif ! grep -qx "$sample: ok\(, [0-9]* warnings\?\)\?" "$tmp/out"; then
  check "--validate sample" "stdout does not say '$sample: ok'"
else
  check "--validate sample" ok
fi

# A bad fixture is refused with its file, line, column and message.
run --validate "$bad"
expected="$bad:11:43: error: the citation refers to 'varity', but no source has that id; did you mean 'variety'?"
if [ "$status" -ne 1 ]; then
  check "--validate bad fixture" "exit status $status, expected 1"
elif ! grep -qxF "$expected" "$tmp/err"; then
  check "--validate bad fixture" "stderr lacks: $expected"
elif ! grep -qxF "$bad: refused, 1 problem" "$tmp/out"; then
  check "--validate bad fixture" "stdout lacks '$bad: refused, 1 problem'"
else
  check "--validate bad fixture" ok
fi

# Warnings go to stderr with their lines; the file still opens.
run --validate "$warnings"
if [ "$status" -ne 0 ]; then
  check "--validate warnings" "exit status $status, expected 0"
elif ! grep -qxF "$warnings: ok, 4 warnings" "$tmp/out"; then
  check "--validate warnings" "stdout lacks '$warnings: ok, 4 warnings'"
elif ! grep -qF "$warnings:22: warning: source 'never-cited' on line 22 is never cited" "$tmp/err"; then
  check "--validate warnings" "stderr lacks the never-cited warning"
else
  check "--validate warnings" ok
fi

# Several files: a verdict for each, and 1 when any is refused.
run --validate "$sample" "$bad" tests/cases/good/minimal.case.xml
if [ "$status" -ne 1 ]; then
  check "--validate several files" "exit status $status, expected 1"
elif [ "$(grep -c ': ok\|: refused' "$tmp/out")" -ne 3 ]; then
  check "--validate several files" "expected three verdicts"
else
  check "--validate several files" ok
fi

# A folder, a missing file: refused, not a crash.
run --validate tests/cases
if [ "$status" -ne 1 ] || ! grep -qxF "tests/cases: error: this is a folder, not a case file" "$tmp/err"; then
  check "--validate folder" "status $status"
else
  check "--validate folder" ok
fi

run --validate does-not-exist.case.xml
if [ "$status" -ne 1 ] || ! grep -qxF "does-not-exist.case.xml: error: the file does not exist" "$tmp/err"; then
  check "--validate missing file" "status $status"
else
  check "--validate missing file" ok
fi

# A STIX bundle opens wherever a case file does: --validate, --search,
# --export. Its content says it is a bundle, whatever its name.
bundle="tests/cases/stix/several-reports.json"
run --validate "$bundle"
if [ "$status" -ne 0 ]; then
  check "--validate bundle" "exit status $status, expected 0"
elif ! grep -qxF "$bundle: ok, 1 warning" "$tmp/out"; then
  check "--validate bundle" "stdout lacks '$bundle: ok, 1 warning'"
elif ! grep -qxF "$bundle: warning: the bundle holds 2 more reports, not shown: “Glass Harbour: the loader”, “Glass Harbour: infrastructure”" "$tmp/err"; then
  check "--validate bundle" "stderr lacks the other reports"
else
  check "--validate bundle" ok
fi

for example in "$root"/tests/interop/stix-2.1/examples/*.json; do
  example=${example#"$root"/}
  run --validate "$example"
  if [ "$status" -ne 0 ] || ! grep -qxF "$example: ok" "$tmp/out"; then
    check "--validate ${example##*/}" "status $status, stdout: $(head -c 200 "$tmp/out")"
  else
    check "--validate ${example##*/}" ok
  fi
done

run --validate tests/cases/stix/truncated.json
if [ "$status" -ne 1 ]; then
  check "--validate truncated bundle" "exit status $status, expected 1"
elif ! grep -q "^tests/cases/stix/truncated.json:9:1: error: " "$tmp/err"; then
  check "--validate truncated bundle" "stderr lacks FILE:9:1: error:"
elif ! grep -qxF "tests/cases/stix/truncated.json: refused, 1 problem" "$tmp/out"; then
  check "--validate truncated bundle" "stdout lacks the verdict"
else
  check "--validate truncated bundle" ok
fi

run --search=GlassLoader "$bundle"
if [ "$status" -ne 0 ] || ! grep -q "^$bundle: entities malware--1a2b3c4d-0000-4000-8000-000000000011: \[\[GlassLoader\]\]" "$tmp/out"; then
  check "--search bundle" "status $status, stdout: $(head -c 300 "$tmp/out")"
else
  check "--search bundle" ok
fi

run --export=markdown "$bundle"
if [ "$status" -ne 0 ]; then
  check "--export=markdown bundle" "exit status $status, expected 0"
elif ! grep -qxF "# Operation Glass Harbour" "$tmp/out" ||
     ! grep -qF "**GlassLoader**" "$tmp/out"; then
  check "--export=markdown bundle" "the title or an entity is missing: $(head -c 300 "$tmp/out")"
else
  check "--export=markdown bundle" ok
fi

run --export=stix "$bundle"
if [ "$status" -ne 0 ] || ! grep -q '"type":"bundle"' "$tmp/out"; then
  check "--export=stix bundle" "status $status"
else
  check "--export=stix bundle" ok
fi

# The library: a progress line while indexing on a terminal only, erased
# before what follows; none when standard error is not a terminal.
mkdir -p "$tmp/library/cases"
for n in 1 2 3; do
  cp "$root/tests/cases/good/search-basic.case.xml" "$tmp/library/cases/c$n.case.xml"
done
run --library-db="$tmp/library/piped.sqlite3" --library-add "$tmp/library/cases" --library-list
if [ "$status" -ne 0 ] || [ -s "$tmp/err" ] || [ "$(wc -l <"$tmp/out")" -ne 3 ]; then
  check "library: no progress line into a pipe" "status $status"
else
  check "library: no progress line into a pipe" ok
fi

if ! command -v script >/dev/null; then
  echo "ok - library: progress line on a terminal # SKIP no script(1)"
else
  command="$(printf '%q ' "$dossier" --library-db="$tmp/library/tty.sqlite3" \
             --library-add "$tmp/library/cases" --library-list)"
  (cd "$root" && TERM=xterm timeout "$limit" script -qec "$command" /dev/null >"$tmp/out" 2>"$tmp/err" </dev/null)
  status=$?
  # What the terminal got after the last erase: the list, and nothing of
  # the progress line.
  after="$(tr -d '\r' <"$tmp/out" | awk -v RS='\033\\[K' 'END { printf "%s", $0 }')"
  if [ "$status" -ne 0 ]; then
    check "library: progress line on a terminal" "exit status $status"
  elif ! grep -qF "Indexing case files: 1 of 3" "$tmp/out"; then
    check "library: progress line on a terminal" "no progress line"
  elif [ "$(printf '%s\n' "$after" | grep -c '\.case\.xml: Search fixture')" -ne 3 ] ||
       printf '%s' "$after" | grep -q "Indexing"; then
    check "library: progress line on a terminal" "not erased before the list: $(od -c "$tmp/out" | head -5)"
  else
    check "library: progress line on a terminal" ok
  fi

  # A dumb terminal (Emacs's shell) cannot rewrite a line: no progress.
  command="$(printf '%q ' "$dossier" --library-db="$tmp/library/dumb.sqlite3" \
             --library-add "$tmp/library/cases" --library-list)"
  (cd "$root" && TERM=dumb timeout "$limit" script -qec "$command" /dev/null >"$tmp/out" 2>"$tmp/err" </dev/null)
  status=$?
  if [ "$status" -ne 0 ] || grep -q "Indexing" "$tmp/out" ||
     [ "$(grep -c '\.case\.xml: Search fixture' "$tmp/out")" -ne 3 ]; then
    check "library: no progress line on a dumb terminal" "status $status: $(od -c "$tmp/out" | head -3)"
  else
    check "library: no progress line on a dumb terminal" ok
  fi
fi

# --version and --help need no display.
run --version
if [ "$status" -ne 0 ] || ! grep -q "^dossier [0-9]" "$tmp/out"; then
  check "--version" "status $status"
else
  check "--version" ok
fi

run --help
if [ "$status" -ne 0 ] || ! grep -q -- "--validate" "$tmp/out"; then
  check "--help" "status $status"
else
  check "--help" ok
fi

echo "# $checks checks, $failures failed"
[ "$failures" -eq 0 ]
