#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates data/screenshots/*.png from the real application, headless,
# under Xvfb: each main view of the sample case (1240x760), the overview in
# the dark style, and the overview in a narrow 360x720 window.
#
#   build-aux/screenshots.sh [BUILD-DIR]      (default: build)
#
# Needs a built tree (ninja -C BUILD-DIR) and xvfb, xauth, imagemagick
# (import) and x11-utils (xwininfo); installs the missing ones with apt-get
# (through sudo when not root). Look at every image before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
build=$(cd "$build" && pwd)
dossier=$build/src/gui/dossier
sample=$root/data/cases/sony-pictures-2014.case.xml
out=$root/data/screenshots

if [[ ! -x $dossier ]]; then
  echo "screenshots: $dossier not found; build first (ninja -C $build)" >&2
  exit 1
fi
if [[ ! -f $build/data/gschemas.compiled ]]; then
  echo "screenshots: $build/data/gschemas.compiled not found; build first" >&2
  exit 1
fi

# Tools: install what is missing.
declare -A tool_package=([xvfb-run]=xvfb [xauth]=xauth [import]=imagemagick [xwininfo]=x11-utils)
missing=()
for tool in "${!tool_package[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${tool_package[$tool]}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  echo "screenshots: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 \
    install -y --no-install-recommends "${missing[@]}"
fi

# The headless settings of ../shared/ENVIRONMENT.md; English, UTC, the
# build tree's schema. Settings come from a scratch keyfile so that the
# narrow shot can ask for a 360x720 window.
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GDK_BACKEND=x11 GTK_A11Y=none \
       DBUS_SESSION_BUS_ADDRESS=disabled: ADW_DISABLE_PORTAL=1 \
       GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR=$build/data \
       LC_ALL=C.UTF-8 LANGUAGE=en TZ=UTC NO_AT_BRIDGE=1
unset ADW_DEBUG_COLOR_SCHEME
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dossier-shots.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# One shot: runs dossier in a fresh Xvfb, waits until its window is mapped
# and has settled, and saves the window (it sits at 0,0: there is no
# window manager).
#   shot NAME VIEW SCREEN-WxH WINDOW-W WINDOW-H [dark]
shot () {
  local name=$1 view=$2 screen=$3 width=$4 height=$5 style=${6:-light}
  local home=$tmp/$name
  mkdir -p "$home/config/glib-2.0/settings" "$home/data" "$home/cache"
  cat >"$home/config/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/dossier/Dossier]
window-width=$width
window-height=$height
window-maximized=false
time-zone='local'
KEYFILE
  cat >"$tmp/inner.sh" <<'INNER'
set -u
png=$1; shift
"$@" >"$png.log" 2>&1 &
pid=$!
geo=""
for _ in $(seq 1 100); do
  sleep 0.1
  kill -0 "$pid" 2>/dev/null || break
  geo=$(xwininfo -root -children 2>/dev/null |
        awk '/^ +0x/ && $0 !~ /has no name/' |
        grep -o '[0-9]\+x[0-9]\++0+0' | head -n 1 || true)
  [[ -n $geo ]] && break
done
if ! kill -0 "$pid" 2>/dev/null; then
  wait "$pid"; echo "the program exited (status $?) before the screenshot:" >&2
  cat "$png.log" >&2; exit 1
fi
# The case loads in a thread and the view fills after it: let it settle.
sleep 2.5
geo=$(xwininfo -root -children 2>/dev/null |
      awk '/^ +0x/ && $0 !~ /has no name/' |
      grep -o '[0-9]\+x[0-9]\++0+0' | head -n 1 || true)
if [[ -n $geo ]]; then
  import -window root -crop "${geo%%+*}+0+0" +repage "$png"
else
  import -window root "$png"
fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
INNER
  local env=(XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
             XDG_CACHE_HOME="$home/cache")
  [[ $style == dark ]] && env+=(ADW_DEBUG_COLOR_SCHEME=prefer-dark)
  env "${env[@]}" xvfb-run -a -s "-screen 0 ${screen}x24" \
    bash "$tmp/inner.sh" "$tmp/$name.png" "$dossier" --view="$view" "$sample"
  # Strip the time stamps ImageMagick writes, so an unchanged view gives
  # an unchanged file.
  convert "$tmp/$name.png" -strip "$out/$name.png"
  echo "screenshots: data/screenshots/$name.png ($(identify -format '%wx%h' "$out/$name.png"))"
}

# 1240 pixels wide: wide enough for the view switcher to sit in the header
# bar (at the default 1000 it moves to the bottom bar).
for view in overview breach threat reactions release sources notes timeline; do
  shot "$view" "$view" 1280x800 1240 760
done
shot overview-dark overview 1280x800 1240 760 dark
shot overview-narrow overview 360x720 360 720
