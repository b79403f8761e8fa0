#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The interchange exports, checked by the tools that read them:
#
#   bash tests/interchange-check.sh PATH-TO-dossier
#
# For the sample and every good fixture, each of --export=stix, csl-json,
# timesketch and timesketch-csv:
# - gives the same bytes twice (written through --output);
# - STIX: valid against the vendored OASIS STIX 2.1 schemas
#   (interchange/check-stix.py);
# - CSL-JSON: valid against the vendored CSL input schema, one item a
#   source (interchange/check-csl.py), and rendered by citation-js as an
#   APA bibliography holding every source's title;
# - Timesketch: one event per date of the case with the required fields,
#   in order, and the CSV read back by Python's csv module equals the
#   JSON Lines (interchange/check-timesketch.py).
# The checkers must also refuse broken copies, so a check that cannot
# fail shows up here.
#
# citation-js is installed once into $G_TEST_BUILDDIR/citation-js by
# interchange/setup-citation-js.sh (nodejs and npm from Debian).
#
# One line per check: "ok - WHAT" or "not ok - WHAT: REASON".

set -u

dossier="${1:-}"
root="${DOSSIER_SOURCE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
builddir="${G_TEST_BUILDDIR:-$root/build/tests}"
here="$root/tests/interchange"
python=/usr/bin/python3

if [ -z "$dossier" ] || [ ! -x "$dossier" ]; then
  echo "not ok - usage: bash tests/interchange-check.sh PATH-TO-dossier"
  exit 1
fi

unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=en

tmp="$(mktemp -d "${TMPDIR:-/tmp}/interchange-check.XXXXXX")" || exit 1
trap 'rm -rf "$tmp"' EXIT

failures=0
checks=0

check () {
  checks=$((checks + 1))
  if [ "$2" = "ok" ]; then
    echo "ok - $1"
  else
    echo "not ok - $1: $2"
    failures=$((failures + 1))
  fi
}

# run_check NAME COMMAND...: ok when COMMAND exits 0; its output is the reason.
run_check () {
  local name="$1"
  shift
  if "$@" >"$tmp/log" 2>&1; then
    check "$name" ok
  else
    check "$name" "$(head -c 600 "$tmp/log" | tr '\n' '|')"
  fi
}

# refuse_check NAME COMMAND...: ok when COMMAND fails.
refuse_check () {
  local name="$1"
  shift
  if "$@" >"$tmp/log" 2>&1; then
    check "$name" "accepted a broken file"
  else
    check "$name" ok
  fi
}

citation_js="$builddir/citation-js"
if bash "$here/setup-citation-js.sh" "$citation_js" 2>"$tmp/setup.log"; then
  check "citation-js installed in the build directory" ok
  have_citation_js=1
else
  check "citation-js installed in the build directory" "$(tr '\n' '|' <"$tmp/setup.log")"
  have_citation_js=0
fi

cases=("$root/data/cases/sony-pictures-2014.case.xml" "$root"/tests/cases/good/*.case.xml)
formats=(stix csl-json timesketch timesketch-csv)

for case_file in "${cases[@]}"; do
  name="$(basename "$case_file" .case.xml)"
  for format in "${formats[@]}"; do
    out="$tmp/$name.$format"
    if ! timeout 60 "$dossier" --export="$format" --output="$out" "$case_file" 2>"$tmp/err" ||
       ! timeout 60 "$dossier" --export="$format" --output="$out.again" "$case_file" 2>>"$tmp/err"; then
      check "$name: --export=$format" "$(head -c 400 "$tmp/err" | tr '\n' '|')"
      continue
    fi
    if cmp -s "$out" "$out.again"; then
      check "$name: --export=$format gives the same bytes twice" ok
    else
      check "$name: --export=$format gives the same bytes twice" "the two exports differ"
    fi
  done

  run_check "$name: CSL-JSON valid against the CSL schema, one item a source" \
    "$python" "$here/check-csl.py" "$case_file" "$tmp/$name.csl-json"
  run_check "$name: Timesketch events for every date, CSV equal to JSON Lines" \
    "$python" "$here/check-timesketch.py" "$case_file" "$tmp/$name.timesketch" "$tmp/$name.timesketch-csv"
done

# One process each for what starts slowly: the schemas, node.
bundles=()
bibliographies=()
for case_file in "${cases[@]}"; do
  bundles+=("$tmp/$(basename "$case_file" .case.xml).stix")
  bibliographies+=("$tmp/$(basename "$case_file" .case.xml).csl-json")
done
"$python" "$here/check-stix.py" "${bundles[@]}" >"$tmp/stix.log" 2>&1
for bundle in "${bundles[@]}"; do
  name="$(basename "$bundle" .stix)"
  if grep -qxF "$bundle: valid STIX 2.1" "$tmp/stix.log"; then
    check "$name: STIX bundle valid against the OASIS STIX 2.1 schemas" ok
  else
    check "$name: STIX bundle valid against the OASIS STIX 2.1 schemas" \
      "$(grep -F "$bundle" "$tmp/stix.log" | head -c 600 | tr '\n' '|')"
  fi
done

if [ "$have_citation_js" = 1 ]; then
  if NODE_PATH="$citation_js/node_modules" timeout 120 node "$here/render-csl.js" "${bibliographies[@]}" \
       2>"$tmp/err"; then
    check "citation-js renders every CSL-JSON export" ok
  else
    check "citation-js renders every CSL-JSON export" "$(head -c 400 "$tmp/err" | tr '\n' '|')"
  fi
  for case_file in "${cases[@]}"; do
    name="$(basename "$case_file" .case.xml)"
    missing="$(HERE="$here" "$python" -c '
import os, sys
sys.path.insert(0, os.environ["HERE"])
import case_dates
def norm(text):
    return " ".join(text.translate({ord(c): None for c in "\u201c\u201d\u2018\u2019\x27\x22"}).split())
try:
    bib = norm(open(sys.argv[2], encoding="utf-8").read())
except OSError:
    bib = ""
for sid, title in case_dates.sources(case_dates.read_case(sys.argv[1])):
    if norm(title) not in bib:
        print(sid)
' "$case_file" "$tmp/$name.csl-json.bib")"
    if [ -z "$missing" ]; then
      check "$name: citation-js renders every source's title" ok
    else
      check "$name: citation-js renders every source's title" "missing: $(echo $missing)"
    fi
  done
fi

# The checkers refuse what is broken.
sample="$tmp/sony-pictures-2014"
HERE="$here" "$python" - "$sample" <<'PY'
import json, sys
base = sys.argv[1]
bundle = json.load(open(base + ".stix", encoding="utf-8"))
bundle["objects"][0]["object_refs"] = []
json.dump(bundle, open(base + ".bad-refs.stix", "w"))
bundle = json.load(open(base + ".stix", encoding="utf-8"))
for obj in bundle["objects"]:
    if obj["type"] == "note":
        obj["created"] = "2014-11-24"
        break
json.dump(bundle, open(base + ".bad-time.stix", "w"))
items = json.load(open(base + ".csl-json", encoding="utf-8"))
items[0]["type"] = "newspaper"
json.dump(items, open(base + ".bad.csl-json", "w"))
lines = open(base + ".timesketch", encoding="utf-8").read().splitlines(True)
open(base + ".bad.timesketch", "w").writelines(lines[1:])
PY
refuse_check "check-stix refuses a report with no object_refs" \
  "$python" "$here/check-stix.py" "$sample.bad-refs.stix"
refuse_check "check-stix refuses a note with a date for a timestamp" \
  "$python" "$here/check-stix.py" "$sample.bad-time.stix"
refuse_check "check-csl refuses an unknown item type" \
  "$python" "$here/check-csl.py" "$root/data/cases/sony-pictures-2014.case.xml" "$sample.bad.csl-json"
refuse_check "check-timesketch refuses a missing event" \
  "$python" "$here/check-timesketch.py" "$root/data/cases/sony-pictures-2014.case.xml" \
  "$sample.bad.timesketch" "$sample.timesketch-csv"

# --sections and --notes belong to the summaries.
if "$dossier" --export=stix --sections=breach "${cases[0]}" >"$tmp/out" 2>"$tmp/err"; then
  check "--export=stix refuses --sections" "exit 0"
elif grep -q "do not apply to stix" "$tmp/err"; then
  check "--export=stix refuses --sections" ok
else
  check "--export=stix refuses --sections" "$(head -c 200 "$tmp/err")"
fi

echo "# $checks checks, $failures failed"
[ "$failures" -eq 0 ]
