#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs COMMAND with a PostgreSQL 15 server of its own, made for it in a
# fresh temporary folder and removed afterwards:
#
#   bash tests/pg-server.sh COMMAND [ARGS...]
#
# The server listens on a Unix socket in that folder only (no TCP), and
# trusts every local user: the admin role is `dossier`. COMMAND gets
#
#   DOSSIER_TEST_PG      an admin conninfo ("host=DIR user=dossier
#                        dbname=postgres"); tests make their own
#                        databases (and roles) with it
#   PGHOST, PGUSER,      the same, for psql and libpq defaults
#   PGDATABASE
#   DOSSIER_TEST_PG_CTL  a script that takes stop|start|restart, so that
#                        a test can take the server away and back
#
# The server is stopped and the folder removed when COMMAND ends, also
# when it fails or this script is interrupted or terminated (as meson
# does on a timeout); the exit status is COMMAND's. When the server does
# not start, its log goes to standard error.
#
# initdb refuses to run as root, and tests and CI run as root: then the
# folder belongs to the `postgres` user (which Debian's postgresql
# package makes) and the server runs as that user (runuser).

set -u

bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
if [[ ! -x $bindir/initdb || ! -x $bindir/pg_ctl ]]; then
  echo "pg-server.sh: no PostgreSQL 15 in $bindir (build-aux/install-deps.sh --tests installs postgresql-15)" >&2
  exit 1
fi

# Short and under /tmp whatever TMPDIR says: a socket's path has at most
# 107 bytes.
dir=$(mktemp -d /tmp/dossier-pg.XXXXXX) || exit 1
chmod 755 "$dir"

as_server=()
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "pg-server.sh: running as root, but there is no postgres user to run the server as" >&2
    rm -rf "$dir"
    exit 1
  fi
  chown postgres: "$dir"
  as_server=(runuser -u postgres --)
fi

# fsync off: the tests kill clients and restart the server cleanly, never
# the machine, and thousands of small commits then cost nothing.
server_options="-k $dir -c listen_addresses='' -c fsync=off"

# Every server command runs from inside the folder: the postgres user
# may not enter the folder the tests run in.
pg () {
  (cd "$dir" && "${as_server[@]}" "$@")
}

child=
stopped=

stop_server () {
  [[ -n $stopped ]] && return
  stopped=1
  if [[ -f $dir/data/postmaster.pid ]]; then
    pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$dir"
}

on_signal () {
  local status=$1

  trap - INT TERM HUP
  [[ -n $child ]] && kill -TERM "$child" 2>/dev/null
  stop_server
  exit "$status"
}

trap stop_server EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

if ! pg "$bindir/initdb" -D "$dir/data" -A trust -U dossier --encoding=UTF8 --locale=C.UTF-8 \
     >"$dir/initdb.log" 2>&1; then
  echo "pg-server.sh: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi

if ! pg "$bindir/pg_ctl" -D "$dir/data" -o "$server_options" -l "$dir/log" -w start \
     >"$dir/pg_ctl.log" 2>&1; then
  echo "pg-server.sh: the server did not start:" >&2
  cat "$dir/pg_ctl.log" "$dir/log" >&2 2>/dev/null
  exit 1
fi

# The control script for the tests (stop, start, restart). A fast stop
# ends every session at once, as a server restarted by its admin does.
ctl=$dir/pg-ctl
{
  echo '#!/bin/sh'
  echo '# Stops, starts or restarts the test server: pg-ctl stop|start|restart'
  echo 'case ${1:-} in start|stop|restart) ;; *) echo "usage: $0 stop|start|restart" >&2; exit 2 ;; esac'
  printf 'cd %q || exit 1\n' "$dir"
  printf 'exec %s %q -D %q -o %q -l %q -m fast -w "$1"\n' \
    "${as_server[*]}" "$bindir/pg_ctl" "$dir/data" "$server_options" "$dir/log"
} >"$ctl"
chmod 755 "$ctl"

export DOSSIER_TEST_PG="host=$dir user=dossier dbname=postgres"
export DOSSIER_TEST_PG_CTL=$ctl
export PGHOST=$dir PGUSER=dossier PGDATABASE=postgres

# In the background, so that a signal to this script is handled at once.
"$@" &
child=$!
wait "$child"
status=$?
child=
stop_server
exit "$status"
