#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the golden exports of the sample case again:
#   tests/golden/sony-pictures-2014.md
#   tests/golden/sony-pictures-2014.html
#   tests/golden/sony-pictures-2014.txt
#
#   build-aux/update-golden.sh [BUILD-DIR]     (default: build)
#
# The golden files are what a user gets from "dossier --export" for the
# sample case, byte for byte. tests/test-export.c compares every export
# with them. A change to them is a change users see: read the diff
# (git diff tests/golden/) line by line and say why in the commit; never
# regenerate them just to make a failing test pass.
#
# Same fixed settings as tests/meson.build: UTC, English, C.UTF-8; the
# test itself fixes the options (all sections, all notes, UTC, A4).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
[[ -f $build/build.ninja ]] || meson setup "$build"
ninja -C "$build" tests/test-export

env LANGUAGE=en LC_ALL=C.UTF-8 TZ=UTC \
    G_TEST_SRCDIR="$PWD/tests" G_TEST_BUILDDIR="$PWD/$build/tests" \
    DOSSIER_UPDATE_GOLDEN=1 \
    "$build/tests/test-export" -p /export/golden/markdown -p /export/golden/html -p /export/golden/text

echo
echo "Golden files written. Review every change before committing it:"
git --no-pager diff --stat -- tests/golden/ 2>/dev/null || true
