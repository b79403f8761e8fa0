#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds Dossier and opens
# the sample case (the 2014 Sony Pictures hack).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[[ -f build/build.ninja ]] || meson setup build
ninja -C build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec build/src/gui/dossier "$@" data/cases/sony-pictures-2014.case.xml
