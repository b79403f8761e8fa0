#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop integration files must be valid, as built and as shipped.
#
#   bash tests/data-check.sh PATH-TO-dossier
#
# (meson runs it with DOSSIER_SOURCE_ROOT set to the source root; the build
# root is two folders above the dossier executable, BUILD/src/gui/dossier.)
#
# Checks: desktop-file-validate on the built desktop file; appstreamcli
# validate --no-net on the built metainfo; glib-compile-schemas --strict on
# data/; xmllint on the MIME definition (built and source) and on every
# ui/*.ui file; the MIME definition's glob and root element; the icons
# exist, are SVG and are installed by meson; the search provider's key
# file and the D-Bus service file.
#
# One line per check: "ok - WHAT" or "not ok - WHAT: REASON". Exits 1 when
# any check fails, 0 when all pass.

set -u

dossier="${1:-}"
root="${DOSSIER_SOURCE_ROOT:-}"
if [ -z "$root" ]; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fi
if [ -z "$dossier" ]; then
  echo "not ok - usage: bash tests/data-check.sh PATH-TO-dossier"
  exit 1
fi
build="$(cd "$(dirname "$dossier")/../.." && pwd)"

failures=0
checks=0
tmp="$(mktemp -d "${TMPDIR:-/tmp}/data-check.XXXXXX")" || exit 1
trap 'rm -rf "$tmp"' EXIT

ok () {
  checks=$((checks + 1))
  echo "ok - $1"
}

fail () {
  checks=$((checks + 1))
  failures=$((failures + 1))
  echo "not ok - $1: $2"
}

# The first lines of a captured output, flattened, for a reason.
excerpt () {
  if [ -s "$1" ]; then
    head -n 3 "$1" | tr -d '\r' | tr '\n' ' ' | cut -c 1-300
  else
    echo "(no output)"
  fi
}

# Runs a checking tool on a file; "ok" when it exits 0.
#   check WHAT TOOL ARGS...
check () {
  local what="$1"
  shift
  if ! command -v "$1" >/dev/null 2>&1; then
    fail "$what" "$1 is not installed"
    return
  fi
  if "$@" >"$tmp/out" 2>&1 </dev/null; then
    ok "$what"
  else
    fail "$what" "$1 exit status $?: $(excerpt "$tmp/out")"
  fi
}

# The app id the build was configured with: the built desktop file is
# named after it (io.github.dossier.Dossier, or ...Devel in the
# development profile).
app_id=""
for f in "$build"/data/*.desktop; do
  [ -f "$f" ] || continue
  app_id="$(basename "$f" .desktop)"
done
if [ -z "$app_id" ]; then
  fail "built desktop file" "no BUILD/data/*.desktop in $build (was data/ built?)"
  app_id="io.github.dossier.Dossier"
fi

desktop="$build/data/$app_id.desktop"
metainfo="$build/data/$app_id.metainfo.xml"
mime_built="$build/data/$app_id.xml"
mime_source="$root/data/io.github.dossier.Dossier.mime.xml"

# Desktop file.
if [ -f "$desktop" ]; then
  check "desktop-file-validate $app_id.desktop" desktop-file-validate "$desktop"
  # desktop-file-validate accepts a file that opens nothing: check what
  # makes double-clicking a case file work.
  for line in "Exec=dossier %F" "MimeType=application/x-dossier-case+xml;application/stix+json;" \
              "Icon=$app_id" "Categories=Office;Viewer;" "DBusActivatable=true"; do
    if grep -qxF -- "$line" "$desktop"; then
      ok "$app_id.desktop has $line"
    else
      fail "$app_id.desktop has $line" "line not found"
    fi
  done
  if grep -q '^Name\[de\]=' "$desktop" || grep -q '^Comment\[de\]=' "$desktop"; then
    ok "$app_id.desktop carries the German translation"
  else
    fail "$app_id.desktop carries the German translation" "no Comment[de] line: was po/de.po merged?"
  fi
fi

# AppStream metainfo.
if [ -f "$metainfo" ]; then
  check "appstreamcli validate --no-net $app_id.metainfo.xml" \
    appstreamcli validate --no-net "$metainfo"
  if grep -qF "<id>$app_id</id>" "$metainfo" &&
     grep -qF "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"; then
    ok "$app_id.metainfo.xml names $app_id and its desktop file"
  else
    fail "$app_id.metainfo.xml names $app_id and its desktop file" "id or launchable does not match"
  fi
  # Every screenshot the metainfo points at must be in data/screenshots/.
  missing=""
  count=0
  for name in $(grep -o 'data/screenshots/[^<]*\.png' "$metainfo"); do
    count=$((count + 1))
    [ -s "$root/$name" ] || missing="$missing $name"
  done
  if [ "$count" -eq 0 ]; then
    fail "metainfo screenshots exist" "the metainfo lists no screenshot"
  elif [ -n "$missing" ]; then
    fail "metainfo screenshots exist" "missing:$missing"
  else
    ok "metainfo screenshots exist ($count)"
  fi
else
  fail "built metainfo" "$metainfo does not exist"
fi

# GSettings schema.
check "glib-compile-schemas --strict data/" \
  glib-compile-schemas --strict --dry-run "$root/data"
if [ -f "$build/data/gschemas.compiled" ]; then
  ok "BUILD/data/gschemas.compiled exists"
else
  fail "BUILD/data/gschemas.compiled exists" "not built (gnome.compile_schemas in data/meson.build)"
fi

# MIME definition: well-formed, and matching files the way the issue says.
check "xmllint data/io.github.dossier.Dossier.mime.xml" xmllint --nonet --noout "$mime_source"
if [ -f "$mime_built" ]; then
  check "xmllint BUILD/data/$app_id.xml" xmllint --nonet --noout "$mime_built"
else
  fail "built MIME definition" "$mime_built does not exist"
fi
mime_ns="http://www.freedesktop.org/standards/shared-mime-info"
if command -v xmllint >/dev/null 2>&1; then
  q () {
    xmllint --nonet --xpath "$1" "$mime_source" 2>/dev/null
  }
  base="/*[local-name()='mime-info' and namespace-uri()='$mime_ns']/*[local-name()='mime-type' and @type='application/x-dossier-case+xml']"
  if [ "$(q "count($base)")" = "1" ]; then
    ok "MIME type application/x-dossier-case+xml defined"
  else
    fail "MIME type application/x-dossier-case+xml defined" "no mime-type element for it"
  fi
  if [ "$(q "count($base/*[local-name()='glob' and @pattern='*.case.xml'])")" = "1" ]; then
    ok "MIME glob *.case.xml"
  else
    fail "MIME glob *.case.xml" "not found"
  fi
  if [ "$(q "count($base/*[local-name()='root-XML' and @namespaceURI='urn:dossier:case' and @localName='case'])")" = "1" ]; then
    ok "MIME root-XML urn:dossier:case case"
  else
    fail "MIME root-XML urn:dossier:case case" "not found"
  fi
  if [ "$(q "count($base/*[local-name()='sub-class-of' and @type='application/xml'])")" = "1" ]; then
    ok "MIME sub-class-of application/xml"
  else
    fail "MIME sub-class-of application/xml" "not found"
  fi
fi

# The built definition, installed into a scratch MIME database, must make
# GIO see a *.case.xml file as a case file.
if command -v update-mime-database >/dev/null 2>&1 && command -v gio >/dev/null 2>&1 &&
   [ -f "$mime_built" ]; then
  mkdir -p "$tmp/share/mime/packages"
  cp "$mime_built" "$tmp/share/mime/packages/"
  if ! XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS=/usr/share \
       update-mime-database "$tmp/share/mime" >"$tmp/out" 2>&1; then
    fail "update-mime-database accepts $app_id.xml" "$(excerpt "$tmp/out")"
  elif [ -s "$tmp/out" ]; then
    fail "update-mime-database accepts $app_id.xml" "it warns: $(excerpt "$tmp/out")"
  else
    ok "update-mime-database accepts $app_id.xml"
    cp "$root/data/cases/sony-pictures-2014.case.xml" "$tmp/sample.case.xml"
    type="$(XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS=/usr/share \
            gio info -a standard::content-type "$tmp/sample.case.xml" 2>&1 |
            sed -n 's/^ *standard::content-type: //p')"
    if [ "$type" = "application/x-dossier-case+xml" ]; then
      ok "GIO sees sample.case.xml as application/x-dossier-case+xml"
    else
      fail "GIO sees sample.case.xml as application/x-dossier-case+xml" "it sees '${type:-nothing}'"
    fi
    printf '{"type": "bundle", "id": "bundle--1", "objects": []}\n' >"$tmp/sample.stix.json"
    type="$(XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS=/usr/share \
            gio info -a standard::content-type "$tmp/sample.stix.json" 2>&1 |
            sed -n 's/^ *standard::content-type: //p')"
    if [ "$type" = "application/stix+json" ]; then
      ok "GIO sees sample.stix.json as application/stix+json"
    else
      fail "GIO sees sample.stix.json as application/stix+json" "it sees '${type:-nothing}'"
    fi
  fi
else
  fail "MIME database check" "update-mime-database or gio is not installed, or the MIME definition was not built"
fi

# Every GtkBuilder file must be well-formed.
shopt -s nullglob
ui_files=("$root"/ui/*.ui "$root"/ui/gtk/*.ui)
if [ "${#ui_files[@]}" -eq 0 ]; then
  fail "ui/*.ui" "no .ui files in $root/ui"
fi
for f in "${ui_files[@]}"; do
  check "xmllint ${f#"$root"/}" xmllint --nonet --noout "$f"
done
if [ -f "$root/ui/gtk/help-overlay.ui" ] &&
   grep -q '<object class="GtkShortcutsWindow" id="help_overlay">' "$root/ui/gtk/help-overlay.ui"; then
  ok "ui/gtk/help-overlay.ui defines the GtkShortcutsWindow help_overlay"
else
  fail "ui/gtk/help-overlay.ui defines the GtkShortcutsWindow help_overlay" "not found"
fi

# The Shell search provider's key file and the D-Bus service that starts
# Dossier for it and for the desktop file: one bus name, the app id.
for line in "[Shell Search Provider]" "DesktopId=$app_id.desktop" "BusName=$app_id" \
            "ObjectPath=/io/github/dossier/Dossier/SearchProvider" "Version=2"; do
  if grep -qxF -- "$line" "$build/data/$app_id.search-provider.ini" 2>/dev/null; then
    ok "$app_id.search-provider.ini has $line"
  else
    fail "$app_id.search-provider.ini has $line" "line not found"
  fi
done
for line in "[D-BUS Service]" "Name=$app_id"; do
  if grep -qxF -- "$line" "$build/data/$app_id.service" 2>/dev/null; then
    ok "$app_id.service has $line"
  else
    fail "$app_id.service has $line" "line not found"
  fi
done
if grep -qx "Exec=/.*/dossier --gapplication-service" "$build/data/$app_id.service" 2>/dev/null; then
  ok "$app_id.service starts dossier --gapplication-service by its full path"
else
  fail "$app_id.service starts dossier --gapplication-service by its full path" "no such Exec line"
fi

# Icons: present, SVG, and installed by data/meson.build.
for icon in scalable/apps/io.github.dossier.Dossier.svg \
            symbolic/apps/io.github.dossier.Dossier-symbolic.svg; do
  f="$root/data/icons/hicolor/$icon"
  if [ ! -s "$f" ]; then
    fail "icon $icon" "missing"
  elif ! xmllint --nonet --noout "$f" >"$tmp/out" 2>&1; then
    fail "icon $icon" "not well-formed: $(excerpt "$tmp/out")"
  elif [ "$(xmllint --nonet --xpath "local-name(/*)" "$f" 2>/dev/null)" != "svg" ]; then
    fail "icon $icon" "not an SVG document"
  else
    ok "icon $icon"
  fi
done
if [ -f "$build/meson-info/intro-installed.json" ]; then
  for dest in "share/icons/hicolor/scalable/apps/$app_id.svg" \
              "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
              "share/applications/$app_id.desktop" \
              "share/metainfo/$app_id.metainfo.xml" \
              "share/mime/packages/$app_id.xml" \
              "share/gnome-shell/search-providers/$app_id.search-provider.ini" \
              "share/dbus-1/services/$app_id.service" \
              "share/glib-2.0/schemas/io.github.dossier.Dossier.gschema.xml"; do
    if grep -qF "/$dest\"" "$build/meson-info/intro-installed.json"; then
      ok "meson installs $dest"
    else
      fail "meson installs $dest" "not in meson-info/intro-installed.json"
    fi
  done
else
  fail "meson install list" "$build/meson-info/intro-installed.json not found"
fi

echo "# $checks checks, $failures failed"
[ "$failures" -eq 0 ]
