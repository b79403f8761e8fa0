#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs citation-js (the CSL processor Zotero's tools and many
# reference managers embed) into a folder of the build directory, once:
#
#   bash tests/interchange/setup-citation-js.sh DIR
#
# Needs Debian's nodejs and npm (build-aux/install-deps.sh --tests) and
# the npm registry. Fails with a message saying which is missing: a
# rendering test that silently did not run would prove nothing.
set -euo pipefail

dir=${1:?usage: setup-citation-js.sh DIR}

if [[ -f $dir/node_modules/@citation-js/plugin-csl/package.json ]]; then
  exit 0
fi

for tool in node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "setup-citation-js: $tool is not installed; run build-aux/install-deps.sh --tests" >&2
    exit 1
  fi
done

mkdir -p "$dir"
cd "$dir"
[[ -f package.json ]] || npm init -y >/dev/null
if ! npm install --no-audit --no-fund --silent \
       @citation-js/core@0.7 @citation-js/plugin-csl@0.7 >npm.log 2>&1; then
  echo "setup-citation-js: npm could not install citation-js (is the registry reachable?):" >&2
  tail -n 20 npm.log >&2
  exit 1
fi
