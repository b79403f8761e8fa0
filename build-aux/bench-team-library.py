#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How fast a team library on PostgreSQL indexes a folder, beside the
desktop library on SQLite, as whole processes.

    build-aux/bench-team-library.py BUILD-DIR FOLDER --pg-host SOCKET-DIR
        [--pg-user USER] [--runs N] [--keep DBNAME]

Each round indexes FOLDER from nothing twice, in turn (the order reversed
every round): `dossier --library-db=FILE --library-add FOLDER` into a new
SQLite file, and `dossier --library-db='host=… dbname=…' --library-add
FOLDER` into a new database made by `--library-init` (not timed). It
prints, for every run, the wall time, the CPU time of the dossier process
and the CPU time the PostgreSQL server spent meanwhile (its postmaster and
every backend and helper of it, from /proc), with the load average before
it; then the medians, each store's throughput in cases a second and the
median of the rounds' ratios of PostgreSQL's throughput to SQLite's. The
last PostgreSQL database is kept (--keep names it) for the queries of
tests/bench-library-clients.c, with the size of each table and index.
Figures only; never fails on time. The server is one of your own (see
docs/team-library.md, "Measuring"); the user must be allowed to create
databases.
"""

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def psql(args, sql, dbname="postgres"):
    return subprocess.run(["psql", "-X", "-q", "-A", "-t", "-h", args.pg_host, "-U", args.pg_user,
                           "-d", dbname, "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def stat_times(pid):
    """utime + stime, and cutime + cstime, of @pid in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state): utime is field 14, cstime field 17.
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    return (utime + stime) / TICKS, (cutime + cstime) / TICKS


def children(postmaster):
    """The pids and states of the postmaster's children."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == postmaster:
                found.append((int(entry), fields[0]))
        except (OSError, ValueError, IndexError):
            pass
    return found


def server_cpu(postmaster, settled=None):
    """The CPU time of the postmaster, its finished children and its live ones."""
    # A backend that has just ended reads as no time at all until the
    # postmaster reaps it and adds its time to its own children's, and
    # one reaped between the two readings below would be lost: wait
    # until the client's backends are gone (as many children as before).
    for _ in range(200):
        now = children(postmaster)
        if all(state != "Z" for _, state in now) and (settled is None or len(now) <= settled):
            break
        time.sleep(0.05)
    own, finished = stat_times(postmaster)
    total = own + finished
    for pid, _ in children(postmaster):
        try:
            total += stat_times(pid)[0]
        except (OSError, ValueError, IndexError):
            pass
    return total


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def run_one(argv, postmaster):
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    load = load_average()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = server_cpu(postmaster) if postmaster else 0.0
    settled = len(children(postmaster)) if postmaster else 0
    start = time.monotonic()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, env=env)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    server = (server_cpu(postmaster, settled) - server_before) if postmaster else 0.0
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall": wall, "cpu": cpu, "server": server, "load": load}


def fresh_database(args, name):
    psql(args, f"DROP DATABASE IF EXISTS {name}")
    psql(args, f"CREATE DATABASE {name}")
    conninfo = f"host={args.pg_host} user={args.pg_user} dbname={name}"
    subprocess.run([args.dossier, f"--library-db={conninfo}", "--library-init"], check=True,
                   stdout=subprocess.DEVNULL, env=dict(os.environ, GSETTINGS_BACKEND="memory"))
    return conninfo


def sizes(args, name):
    rows = psql(args,
                "SELECT c.relname, c.relkind, pg_total_relation_size (c.oid), pg_relation_size (c.oid)"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')"
                " ORDER BY c.relkind DESC, pg_total_relation_size (c.oid) DESC", name)
    print(f"# sizes in {name} (pg_total_relation_size: with TOAST and indexes; pg_relation_size)")
    for row in rows.splitlines():
        relname, kind, total, main = row.split("|")
        what = "table" if kind == "r" else "index"
        print(f"  {what} {relname:18s} total {int(total) / 1e6:9.1f} MB  main {int(main) / 1e6:9.1f} MB")
    print("  database", psql(args, f"SELECT pg_size_pretty (pg_database_size ('{name}'))"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("folder")
    parser.add_argument("--pg-host", required=True)
    parser.add_argument("--pg-user", default=os.environ.get("USER", "postgres"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", default="dossier_bench_index")
    args = parser.parse_args()
    args.dossier = os.path.join(args.build, "src/gui/dossier")
    folder = os.path.abspath(args.folder)
    n_cases = sum(1 for _, _, names in os.walk(folder) for n in names if n.endswith(".case.xml"))
    data_dir = psql(args, "SHOW data_directory")
    with open(os.path.join(data_dir, "postmaster.pid")) as f:
        postmaster = int(f.readline())

    runs = {"sqlite": [], "pg": []}
    with tempfile.TemporaryDirectory(prefix="bench-team-library-") as tmp:
        for i in range(args.runs):
            order = ["sqlite", "pg"] if i % 2 == 0 else ["pg", "sqlite"]
            for store in order:
                if store == "sqlite":
                    db = os.path.join(tmp, f"library-{i}.sqlite3")
                    r = run_one([args.dossier, f"--library-db={db}", "--library-add", folder], postmaster)
                    for suffix in ("", "-wal", "-shm"):
                        if os.path.exists(db + suffix):
                            os.unlink(db + suffix)
                else:
                    db = fresh_database(args, args.keep)
                    r = run_one([args.dossier, f"--library-db={db}", "--library-add", folder], postmaster)
                runs[store].append(r)
                print(f"round {i + 1} {store:6s} wall {r['wall']:7.1f} s  dossier CPU {r['cpu']:7.1f} s"
                      f"  server CPU {r['server']:7.1f} s  ({n_cases / r['wall']:6.1f} cases/s;"
                      f" load average before {r['load']})", flush=True)

    print(f"# {n_cases} cases in {folder}, {args.runs} alternating rounds, medians")
    for store in runs:
        wall = statistics.median(r["wall"] for r in runs[store])
        cpu = statistics.median(r["cpu"] for r in runs[store])
        server = statistics.median(r["server"] for r in runs[store])
        print(f"{store:6s} wall {wall:7.1f} s  dossier CPU {cpu:7.1f} s  server CPU {server:7.1f} s"
              f"  {n_cases / wall:6.1f} cases/s")
    ratios = [s["wall"] / p["wall"] for s, p in zip(runs["sqlite"], runs["pg"])]
    print("PostgreSQL's throughput / SQLite's, per round: "
          + ", ".join(f"{x:.2f}" for x in ratios)
          + f"; median {statistics.median(ratios):.2f}")
    sizes(args, args.keep)


if __name__ == "__main__":
    main()
