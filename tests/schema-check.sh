#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The schema and the loader must agree on every fixture.
#
#   bash tests/schema-check.sh PATH-TO-dossier
#
# (meson runs it with DOSSIER_SOURCE_ROOT set to the source root.)
#
# - tests/cases/good/*.case.xml and data/cases/*.case.xml must validate
#   against data/case-file.rng with xmllint AND open with
#   `dossier --validate` (exit status 0);
# - tests/cases/bad/schema-*.case.xml must fail xmllint's validation AND be
#   refused by `dossier --validate` with exit status 1 (not a crash, not a
#   timeout, not another status).
#
# One line per file: "ok - FILE" or "not ok - FILE: REASON". Exits 1 when
# any check fails, 0 when all pass.

set -u

dossier="${1:-}"
root="${DOSSIER_SOURCE_ROOT:-}"
if [ -z "$root" ]; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fi
schema="$root/data/case-file.rng"

# Seconds one command may take; a hang is a failure, not a stuck test.
limit="${SCHEMA_CHECK_TIMEOUT:-60}"

failures=0
checks=0
tmp="$(mktemp -d "${TMPDIR:-/tmp}/schema-check.XXXXXX")" || exit 1
trap 'rm -rf "$tmp"' EXIT

fail () {
  echo "not ok - $1: $2"
  failures=$((failures + 1))
}

# The first line of a captured output, flattened, for a reason.
first_line () {
  if [ -s "$1" ]; then
    head -n 1 "$1" | tr -d '\r' | cut -c 1-200
  else
    echo "(no output)"
  fi
}

# Describes an exit status for a reason.
describe_status () {
  case "$1" in
    124) echo "timed out after ${limit}s" ;;
    126) echo "could not be executed (status 126)" ;;
    127) echo "not found (status 127)" ;;
    *)
      if [ "$1" -gt 128 ]; then
        echo "killed by signal $(( $1 - 128 ))"
      else
        echo "exit status $1"
      fi
      ;;
  esac
}

run_xmllint () {
  timeout "$limit" xmllint --nonet --noout --relaxng "$schema" "$1" \
    >"$tmp/xmllint.out" 2>"$tmp/xmllint.err" </dev/null
}

run_dossier () {
  timeout "$limit" "$dossier" --validate "$1" \
    >"$tmp/dossier.out" 2>"$tmp/dossier.err" </dev/null
}

# Preconditions: without them every check would fail for the same reason,
# so say it once, clearly.
if ! command -v xmllint >/dev/null 2>&1; then
  echo "not ok - xmllint: not installed (Debian package libxml2-utils)"
  exit 1
fi
if [ ! -r "$schema" ]; then
  echo "not ok - $schema: cannot read the schema"
  exit 1
fi
if ! xmllint --nonet --noout "$schema" >"$tmp/schema.err" 2>&1; then
  echo "not ok - data/case-file.rng: not well-formed: $(first_line "$tmp/schema.err")"
  exit 1
fi
# Compiling the schema against a throwaway document: status 5 means the
# schema itself is broken, which would make every verdict below meaningless.
echo '<probe/>' >"$tmp/probe.xml"
xmllint --nonet --noout --relaxng "$schema" "$tmp/probe.xml" \
  >/dev/null 2>"$tmp/schema.err" </dev/null
if [ $? -eq 5 ]; then
  echo "not ok - data/case-file.rng: does not compile: $(grep -v 'failed to compile' "$tmp/schema.err" | head -n 1 | cut -c 1-200)"
  exit 1
fi

dossier_problem=""
if [ -z "$dossier" ]; then
  dossier_problem="no dossier executable given (usage: bash tests/schema-check.sh PATH-TO-dossier)"
elif [ ! -f "$dossier" ] || [ ! -x "$dossier" ]; then
  dossier_problem="$dossier is not an executable file"
fi

shopt -s nullglob

good=("$root"/tests/cases/good/*.case.xml "$root"/data/cases/*.case.xml)
bad=("$root"/tests/cases/bad/schema-*.case.xml)

if [ "${#good[@]}" -eq 0 ]; then
  echo "not ok - $root: no good fixtures found (is DOSSIER_SOURCE_ROOT right?)"
  exit 1
fi

for file in "${good[@]}"; do
  name="${file#"$root"/}"
  checks=$((checks + 1))
  reasons=()

  run_xmllint "$file"
  status=$?
  if [ "$status" -eq 5 ]; then
    reasons+=("the schema does not compile: $(first_line "$tmp/xmllint.err")")
  elif [ "$status" -ne 0 ]; then
    reasons+=("xmllint $(describe_status "$status"): $(first_line "$tmp/xmllint.err")")
  fi

  if [ -n "$dossier_problem" ]; then
    reasons+=("$dossier_problem")
  else
    run_dossier "$file"
    status=$?
    if [ "$status" -ne 0 ]; then
      reasons+=("dossier --validate $(describe_status "$status"), expected 0: $(first_line "$tmp/dossier.err")")
    fi
  fi

  if [ "${#reasons[@]}" -eq 0 ]; then
    echo "ok - $name"
  else
    joined="$(printf '%s; ' "${reasons[@]}")"
    fail "$name" "${joined%; }"
  fi
done

for file in "${bad[@]}"; do
  name="${file#"$root"/}"
  checks=$((checks + 1))
  reasons=()

  run_xmllint "$file"
  status=$?
  case "$status" in
    0) reasons+=("xmllint accepts it, expected a validation failure") ;;
    1|2|3|4) ;;  # not well-formed or invalid: what a bad fixture is for
    5) reasons+=("the schema does not compile: $(first_line "$tmp/xmllint.err")") ;;
    *) reasons+=("xmllint $(describe_status "$status")") ;;
  esac

  if [ -n "$dossier_problem" ]; then
    reasons+=("$dossier_problem")
  else
    run_dossier "$file"
    status=$?
    if [ "$status" -ne 1 ]; then
      reasons+=("dossier --validate $(describe_status "$status"), expected 1")
    elif [ ! -s "$tmp/dossier.err" ]; then
      reasons+=("dossier --validate refused it without a message on stderr")
    fi
  fi

  if [ "${#reasons[@]}" -eq 0 ]; then
    echo "ok - $name"
  else
    joined="$(printf '%s; ' "${reasons[@]}")"
    fail "$name" "${joined%; }"
  fi
done

echo "# $checks files checked, $failures failed"
[ "$failures" -eq 0 ]
