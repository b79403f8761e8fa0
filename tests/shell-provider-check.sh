#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME Shell search provider, called as the Shell calls it: over a
# real session bus, with gdbus, on a real library.
#
#   bash tests/shell-provider-check.sh PATH-TO-dossier
#
# A library in a temporary XDG_DATA_HOME holds the sample case and the
# search fixture (`dossier --library-add`). A private bus
# (dbus-run-session) knows the built D-Bus service file, with Exec
# pointed at the built dossier: the first call starts Dossier as the
# Shell's would, by D-Bus activation. Then GetInitialResultSet,
# GetSubsearchResultSet, GetResultMetas, ActivateResult (a window with
# the case, read from the X server), an id of a file the library does
# not know (refused, no window), LaunchSearch, and
# org.freedesktop.Application.Open as the desktop file's
# DBusActivatable=true uses it. Needs an X display (xvfb-run when none).
#
# One line per check: "ok - WHAT" or "not ok - WHAT: REASON". Exits 1
# when any check fails, 0 when all pass, 77 (skipped) without dbus or X.

set -u

dossier="${1:-}"
root="${DOSSIER_SOURCE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
if [ -z "$dossier" ]; then
  echo "not ok - usage: bash tests/shell-provider-check.sh PATH-TO-dossier"
  exit 1
fi
dossier="$(cd "$(dirname "$dossier")" && pwd)/$(basename "$dossier")"
build="$(cd "$(dirname "$dossier")/../.." && pwd)"
script="$root/tests/shell-provider-check.sh"

for tool in dbus-run-session dbus-daemon gdbus xwininfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "# SKIP: $tool not found (build-aux/install-deps.sh --tests installs it)"
    exit 77
  fi
done

# Stage 1: a display, then a private bus that knows the service file.
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "# SKIP: no X display and no xvfb-run"; exit 77; }
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$script" "$@"
fi
if [ -z "${SHELL_PROVIDER_CHECK_TMP:-}" ]; then
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/shell-provider-check.XXXXXX")" || exit 1
  trap 'rm -rf "$tmp"' EXIT
  service="$(ls "$build"/data/*.service 2>/dev/null | head -n 1)"
  if [ -z "$service" ]; then
    echo "not ok - built D-Bus service file: no BUILD/data/*.service"
    exit 1
  fi
  mkdir -p "$tmp/services" "$tmp/data" "$tmp/cases"
  sed "s|^Exec=.*/dossier |Exec=$dossier |" "$service" >"$tmp/services/$(basename "$service")"
  cat >"$tmp/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  # The bus starts Dossier with its own environment: set it first.
  export SHELL_PROVIDER_CHECK_TMP="$tmp" XDG_DATA_HOME="$tmp/data"
  export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none ADW_DISABLE_PORTAL=1 \
         GSETTINGS_BACKEND=memory GDK_BACKEND=x11
  dbus-run-session --config-file="$tmp/session.conf" -- bash "$script" "$@"
  exit $?
fi

# Stage 2: on the private bus.
tmp="$SHELL_PROVIDER_CHECK_TMP"

checks=0
failures=0
ok() { checks=$((checks + 1)); echo "ok - $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok - $1: $2"; }

app_id="$(sed -n 's/^Name=//p' "$tmp"/services/*.service)"
app_path="/$(echo "$app_id" | tr . /)"
provider_path=/io/github/dossier/Dossier/SearchProvider
iface=org.gnome.Shell.SearchProvider2

provider() {
  local method="$1"
  shift
  gdbus call --session --timeout 30 --dest "$app_id" --object-path "$provider_path" \
    --method "$iface.$method" "$@"
}

# The window titles on the X server, one a line.
window_titles() {
  xwininfo -root -tree | sed -n 's/^ *0x[0-9a-f]* "\(.*\)": (.*/\1/p'
}

# Waits up to 20 s for a window titled $1.
wait_for_window() {
  for _ in $(seq 1 100); do
    window_titles | grep -qxF -- "$1" && return 0
    sleep 0.2
  done
  return 1
}

# Quits Dossier and waits until it has left the bus and its windows
# are gone.
quit_dossier() {
  gdbus call --session --dest "$app_id" --object-path "$app_path" \
    --method org.freedesktop.Application.ActivateAction "quit" "[]" "{}" >/dev/null 2>&1
  for _ in $(seq 1 100); do
    if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
         --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q false \
       && ! window_titles | grep -q "Sony Pictures hack"; then
      return 0
    fi
    sleep 0.2
  done
  echo "# Dossier did not quit"
}

cp "$root/data/cases/sony-pictures-2014.case.xml" "$tmp/cases/"
cp "$root/tests/cases/good/search-basic.case.xml" "$tmp/cases/"
if "$dossier" --library-add="$tmp/cases" >"$tmp/add.out" 2>&1; then
  ok "dossier --library-add indexes the cases"
else
  fail "dossier --library-add indexes the cases" "$(head -c 300 "$tmp/add.out")"
fi

# A known word: ids, and the first call starts Dossier by D-Bus activation.
if out="$(provider GetInitialResultSet "['sony']" 2>&1)" && [[ $out == *"sony-pictures-2014.case.xml"* ]] \
   && [[ $out == *"search-basic.case.xml"* ]]; then
  ok "GetInitialResultSet finds 'sony' in both cases (service started by D-Bus)"
else
  fail "GetInitialResultSet finds 'sony' in both cases (service started by D-Bus)" "$out"
fi
n_sony="$(grep -o "'[^']*'" <<<"$out" | wc -l)"
if [ "$n_sony" -ge 1 ] && [ "$n_sony" -le 20 ]; then
  ok "GetInitialResultSet gives at most 20 results ($n_sony)"
else
  fail "GetInitialResultSet gives at most 20 results" "$n_sony"
fi

if out="$(provider GetInitialResultSet "['xyzzyplugh']" 2>&1)" && [ "$out" = "(@as [],)" ]; then
  ok "GetInitialResultSet finds nothing for a word no case has"
else
  fail "GetInitialResultSet finds nothing for a word no case has" "$out"
fi

# Half a query, as the Shell sends while typing: nothing, not an error.
if out="$(provider GetInitialResultSet "['\"guardians']" 2>&1)" && [[ $out == "(["* || $out == "(@as [],)" ]]; then
  ok "GetInitialResultSet answers a half-typed phrase without an error"
else
  fail "GetInitialResultSet answers a half-typed phrase without an error" "$out"
fi

# Narrowing: 'pass' (a prefix) finds both the passports note and more;
# 'passports salary' only the note that has both words... here the
# search fixture's n1 ("Passports in the leak") for 'passports leak'.
wide="$(provider GetInitialResultSet "['pass']" 2>&1)"
narrow="$(provider GetSubsearchResultSet "$(sed 's/^(\(.*\),)$/\1/' <<<"$wide")" "['passports', 'leak']" 2>&1)"
n_wide="$(grep -o "'[^']*'" <<<"$wide" | wc -l)"
n_narrow="$(grep -o "'[^']*'" <<<"$narrow" | wc -l)"
subset=1
for id in $(grep -o "'[^']*'" <<<"$narrow"); do
  grep -qF -- "$id" <<<"$wide" || subset=0
done
if [ "$n_narrow" -ge 1 ] && [ "$n_narrow" -lt "$n_wide" ] && [ "$subset" = 1 ] \
   && [[ $narrow == *"notes:-1:n1:"*"search-basic.case.xml'"* ]]; then
  ok "GetSubsearchResultSet narrows 'pass' ($n_wide) to 'passports leak' ($n_narrow), n1 among them"
else
  fail "GetSubsearchResultSet narrows 'pass' to 'passports leak'" "wide: $wide narrow: $narrow"
fi

# Metas: the note's title, the case title and section, the app icon.
id_n1="$(grep -o "'notes:-1:n1:[^']*search-basic.case.xml'" <<<"$narrow" | head -n 1)"
metas="$(provider GetResultMetas "[$id_n1]" 2>&1)"
for want in "'name': <'Passports in the leak'>" \
            "'description': <'Search fixture: the Sony Pictures hack — Notes'>" \
            "'gicon': <'$app_id'>" \
            "'icon': <('themed', <['$app_id'" \
            "'id': <$id_n1>"; do
  if [[ $metas == *"$want"* ]]; then
    ok "GetResultMetas gives $want"
  else
    fail "GetResultMetas gives $want" "$metas"
  fi
done

# An id the library never gave: refused, and nothing opens.
bogus="notes:-1:n1:$(dirname "$tmp")/not-in-library.case.xml"
if out="$(provider ActivateResult "'$bogus'" "['leak']" 0 2>&1)"; then
  fail "ActivateResult refuses a file the library does not know" "answered $out"
elif [[ $out == *"InvalidArgs"* ]]; then
  ok "ActivateResult refuses a file the library does not know"
else
  fail "ActivateResult refuses a file the library does not know" "$out"
fi
for bad in "" "notes" "nowhere:-1:n1:/x.case.xml" "notes:x:n1:/x.case.xml" "notes:-1:n1:relative.case.xml" \
           "notes:-1:n1:%2Fa%00b.case.xml"; do
  if out="$(provider ActivateResult "'$bad'" "[]" 0 2>&1)"; then
    fail "ActivateResult refuses the malformed id '$bad'" "answered $out"
  else
    ok "ActivateResult refuses the malformed id '$bad'"
  fi
done
if window_titles | grep -qxF "Search fixture: the Sony Pictures hack"; then
  fail "no window opened for refused ids" "$(window_titles | tr '\n' '|')"
else
  ok "no window opened for refused ids"
fi

# A real result: the case opens in a window.
if out="$(provider ActivateResult "$id_n1" "['passports', 'leak']" 0 2>&1)" && [ "$out" = "()" ]; then
  ok "ActivateResult answers"
else
  fail "ActivateResult answers" "$out"
fi
if wait_for_window "Search fixture: the Sony Pictures hack"; then
  ok "ActivateResult opens a window with the case"
else
  fail "ActivateResult opens a window with the case" "windows: $(window_titles | tr '\n' '|')"
fi

# Dossier again, started for the next call: it has kept nothing, so it
# asks the library which cases it knows before it answers or opens.
quit_dossier
if metas="$(provider GetResultMetas "[$id_n1]" 2>&1)" && [[ $metas == *"'name': <'n1'>"* ]] \
   && [[ $metas == *"'description': <'Search fixture: the Sony Pictures hack — Notes'>"* ]]; then
  ok "GetResultMetas of a new process names the item and its case from the library"
else
  fail "GetResultMetas of a new process names the item and its case from the library" "$metas"
fi
if out="$(provider ActivateResult "'$bogus'" "['leak']" 0 2>&1)"; then
  fail "ActivateResult of a new process refuses a file the library does not know" "answered $out"
else
  ok "ActivateResult of a new process refuses a file the library does not know"
fi
if out="$(provider ActivateResult "$id_n1" "['passports', 'leak']" 0 2>&1)" && [ "$out" = "()" ] \
   && wait_for_window "Search fixture: the Sony Pictures hack"; then
  ok "ActivateResult of a new process opens a window with the case"
else
  fail "ActivateResult of a new process opens a window with the case" "$out; windows: $(window_titles | tr '\n' '|')"
fi

if out="$(provider LaunchSearch "['tag:leak', 'passports']" 0 2>&1)" && [ "$out" = "()" ]; then
  ok "LaunchSearch answers"
else
  fail "LaunchSearch answers" "$out"
fi

# The desktop file is DBusActivatable: GNOME opens files through
# org.freedesktop.Application.Open.
sony_uri="file://$tmp/cases/sony-pictures-2014.case.xml"
if out="$(gdbus call --session --timeout 30 --dest "$app_id" --object-path "$app_path" \
            --method org.freedesktop.Application.Open "['$sony_uri']" "{}" 2>&1)" \
   && wait_for_window "The Sony Pictures hack, November 2014"; then
  ok "org.freedesktop.Application.Open opens a case file in a window"
else
  fail "org.freedesktop.Application.Open opens a case file in a window" "$out; windows: $(window_titles | tr '\n' '|')"
fi

quit_dossier

echo "# $checks checks, $failures failed"
[ "$failures" -eq 0 ]
