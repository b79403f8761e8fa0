#!/usr/bin/env bash
# Installs the Debian 12 packages Dossier needs to build, run and test.
# Uses sudo when not run as root. Safe to run again.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils
  libcairo2-dev libpango1.0-dev libjson-glib-dev libsqlite3-dev libpq-dev
  desktop-file-utils appstream xvfb xauth fonts-dejavu-core
  poppler-utils python3 locales
)
# Extra packages for the test suite only: sanitizer, fuzzing and
# coverage builds; cmark-gfm renders the Markdown export in
# tests/test-export.c; the schema checks and the citation-js rendering of
# the interchange exports.
if [[ ${1:-} == --tests ]]; then
  packages+=(clang libclang-rt-14-dev llvm-14 gcovr cmark-gfm)
  packages+=(python3-jsonschema)
  # The Shell search provider's test: a private session bus
  # (dbus-run-session, dbus-daemon), gdbus, and xwininfo to read the
  # windows' titles from the X server.
  packages+=(dbus-bin dbus-daemon libglib2.0-bin x11-utils)
  # Debian's nodejs and npm for citation-js. A nodejs from NodeSource
  # carries its own npm and conflicts with Debian's: ask only for the
  # commands that are missing.
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
  # The team library's tests start a PostgreSQL server of their own
  # (initdb, pg_ctl; pg_trgm is in the server package).
  packages+=(postgresql-15)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 \
  install -y --no-install-recommends "${missing[@]}"
