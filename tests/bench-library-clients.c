/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dossier-core.h"
#include "bench-library-common.h"
#include "dossier-library.h"
#include "dossier-library-cache.h"
#include "dossier-library-open.h"

/* How a library answers many users at once, and how fast a case opens
 * from a team library's server. Figures only, never pass or fail.
 *
 *   bench-library-clients LOCATION [CLIENTS...]     (default 1 8)
 *
 * (LOCATION may come from DOSSIER_BENCH_LIBRARY_DB instead; without
 * either it does nothing and exits 77, which meson counts as skipped.)
 * LOCATION is a library as --library-db takes it, already indexed (a
 * team library: `host=… dbname=…`, or an SQLite file). For each number
 * of CLIENTS, that many threads each open their own store (a connection
 * of their own to the server, as that many windows would), wait for one
 * another, run the typical queries of tests/bench-library.c once
 * untimed, then DOSSIER_BENCH_RUNS times each (default 10), every client
 * starting at another query so that they do not all ask the same thing
 * at once. It prints each query's median and p95 over every client's
 * runs, and all the queries' together.
 *
 * Then, for a team library, DOSSIER_BENCH_OPEN_CASES cases (default 20,
 * spread over the library): the case's bytes from the server
 * (dossier_library_store_get_case_file(), checked against their
 * SHA-256), the verified copy written in the cache
 * (dossier_library_cache_put(), into a temporary XDG_CACHE_HOME), the
 * same copy found again, and the loader on the case's own file, if it
 * is on this computer. */

#define DEFAULT_RUNS 10

#define N_QUERIES BENCH_LIBRARY_N_QUERIES

typedef struct
{
  const char *location;
  guint       index;
  guint       runs;
  GArray     *times[N_QUERIES];   /* of double, ms */
  guint       n_hits[N_QUERIES];
} Client;

typedef struct
{
  GMutex  lock;
  GCond   cond;
  guint   waiting;
  guint   n_clients;
} Barrier;

static Barrier barrier;

static void
barrier_wait (void)
{
  g_mutex_lock (&barrier.lock);
  barrier.waiting++;
  if (barrier.waiting == barrier.n_clients)
    g_cond_broadcast (&barrier.cond);
  while (barrier.waiting < barrier.n_clients)
    g_cond_wait (&barrier.cond, &barrier.lock);
  g_mutex_unlock (&barrier.lock);
}

static double
search_once (DossierLibraryStore *store,
             DossierSearchQuery  *query,
             guint               *n_hits)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* As a results list asks: the first 100. */
  hits = dossier_library_store_search (store, query, 100, &error);
  g_assert_no_error (error);
  *n_hits = hits->len;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gpointer
client_run (gpointer data)
{
  Client *self = data;
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  DossierSearchQuery *queries[N_QUERIES];

  store = dossier_library_store_open (self->location, NULL, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < N_QUERIES; k++)
    queries[k] = dossier_search_query_parse (bench_library_queries[k][1], NULL);
  barrier_wait ();
  for (guint run = 0; run <= self->runs; run++)
    for (guint j = 0; j < N_QUERIES; j++)
      {
        guint k = (j + self->index) % N_QUERIES;
        double ms = search_once (store, queries[k], &self->n_hits[k]);

        /* The first pass warms the connection and the server. */
        if (run > 0)
          g_array_append_val (self->times[k], ms);
      }
  for (guint k = 0; k < N_QUERIES; k++)
    dossier_search_query_unref (queries[k]);
  return NULL;
}

static void
run_clients (const char *location,
             guint       n_clients,
             guint       runs)
{
  g_autofree Client *clients = g_new0 (Client, n_clients);
  g_autofree GThread **threads = g_new0 (GThread *, n_clients);
  g_autofree char *load_before = bench_library_load_average ();
  g_autofree char *load_after = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 start, wall;

  barrier.waiting = 0;
  barrier.n_clients = n_clients;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_clients; i++)
    {
      clients[i].location = location;
      clients[i].index = i;
      clients[i].runs = runs;
      for (guint k = 0; k < N_QUERIES; k++)
        clients[i].times[k] = g_array_new (FALSE, FALSE, sizeof (double));
      threads[i] = g_thread_new ("client", client_run, &clients[i]);
    }
  for (guint i = 0; i < n_clients; i++)
    g_thread_join (threads[i]);
  wall = g_get_monotonic_time () - start;
  load_after = bench_library_load_average ();

  g_print ("%u client%s, %u runs each of every query (after one untimed), first 100 hits;"
           " load average %s before, %s after:\n",
           n_clients, n_clients == 1 ? "" : "s", runs, load_before, load_after);
  for (guint k = 0; k < N_QUERIES; k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < n_clients; i++)
        g_array_append_vals (times, clients[i].times[k]->data, clients[i].times[k]->len);
      g_array_append_vals (all, times->data, times->len);
      g_print ("  %-18s %-32s %4u hits  median %8.2f ms  p95 %8.2f ms  max %8.2f ms\n",
               bench_library_queries[k][0], bench_library_queries[k][1], clients[0].n_hits[k],
               bench_library_percentile (times, 0.5), bench_library_percentile (times, 0.95), bench_library_percentile (times, 1.0));
    }
  g_print ("  %-18s %-32s %4s       median %8.2f ms  p95 %8.2f ms  max %8.2f ms\n",
           "every query", "", "", bench_library_percentile (all, 0.5), bench_library_percentile (all, 0.95),
           bench_library_percentile (all, 1.0));
  g_print ("  %.1f queries a second in all (%.1f s, with connecting)\n",
           all->len / (wall / (double) G_USEC_PER_SEC), wall / (double) G_USEC_PER_SEC);
  for (guint i = 0; i < n_clients; i++)
    for (guint k = 0; k < N_QUERIES; k++)
      g_array_unref (clients[i].times[k]);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  GArray *get;      /* the bytes from the server */
  GArray *put;      /* the copy written */
  GArray *again;    /* the copy found again */
  GArray *total;    /* get + put */
  GArray *load;     /* the loader on the case's own file */
  GArray *over;     /* total - load */
} OpenTimes;

static void
open_one (DossierLibraryStore          *store,
          const DossierLibraryCaseInfo *info,
          OpenTimes                    *times,
          gint64                       *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) again = NULL;
  g_autofree char *sha256 = NULL;
  double get, put, total;
  gint64 start;

  start = g_get_monotonic_time ();
  contents = dossier_library_store_get_case_file (store, info->path, &sha256, &error);
  get = ms_since (start);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  copy = dossier_library_cache_put (contents, sha256, info->path, &error);
  put = ms_since (start);
  g_assert_no_error (error);
  total = get + put;
  start = g_get_monotonic_time ();
  again = dossier_library_cache_put (contents, sha256, info->path, &error);
  g_array_append_val (times->again, (double) { ms_since (start) });
  g_assert_no_error (error);
  g_array_append_val (times->get, get);
  g_array_append_val (times->put, put);
  g_array_append_val (times->total, total);
  *bytes += g_bytes_get_size (contents);

  if (g_file_test (info->path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (info->path);
      g_autoptr(DossierCase) dcase = NULL;
      double load;

      start = g_get_monotonic_time ();
      dcase = dossier_case_load (file, NULL, NULL, NULL, NULL);
      load = ms_since (start);
      g_array_append_val (times->load, load);
      g_array_append_val (times->over, (double) { total - load });
    }
}

static void
print_times (const char *what,
             GArray     *times)
{
  if (times->len == 0)
    return;
  g_print ("  %-44s median %8.2f ms  p95 %8.2f ms  max %8.2f ms\n", what,
           bench_library_percentile (times, 0.5), bench_library_percentile (times, 0.95), bench_library_percentile (times, 1.0));
}

static void
open_cases (const char *location,
            guint       n_cases)
{
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *load_before = bench_library_load_average ();
  g_autofree char *load_after = NULL;
  OpenTimes times;
  GArray **all[] = { &times.get, &times.put, &times.again, &times.total, &times.load, &times.over };
  gint64 bytes = 0;
  guint step;

  store = dossier_library_store_open (location, NULL, &error);
  g_assert_no_error (error);
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  if (cases->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    *all[i] = g_array_new (FALSE, FALSE, sizeof (double));
  n_cases = MIN (n_cases, cases->len);
  step = cases->len / n_cases;
  for (guint i = 0; i < n_cases; i++)
    open_one (store, g_ptr_array_index (cases, i * step), &times, &bytes);
  load_after = bench_library_load_average ();

  g_print ("opening %u cases from the library (%.1f MB in all; load average %s before, %s after):\n",
           n_cases, bytes / 1e6, load_before, load_after);
  print_times ("the bytes from the server, checked", times.get);
  print_times ("the verified copy written in the cache", times.put);
  print_times ("both (the open's extra work)", times.total);
  print_times ("the copy found again in the cache, checked", times.again);
  print_times ("the loader on the case's own file", times.load);
  print_times ("both minus that case's load", times.over);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_array_unref (*all[i]);
}

/* Removes @path and everything below it (the temporary cache). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        {
          g_chmod (child, 0600);
          g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  const char *runs_text = g_getenv ("DOSSIER_BENCH_RUNS");
  const char *open_text = g_getenv ("DOSSIER_BENCH_OPEN_CASES");
  guint runs = runs_text != NULL ? (guint) g_ascii_strtoull (runs_text, NULL, 10) : DEFAULT_RUNS;
  guint n_open = open_text != NULL ? (guint) g_ascii_strtoull (open_text, NULL, 10) : 20;
  const char *location = argc > 1 ? argv[1] : g_getenv ("DOSSIER_BENCH_LIBRARY_DB");

  if (location == NULL)
    {
      /* As `meson test --benchmark` runs it: skipped (77) without a library. */
      g_printerr ("usage: bench-library-clients LOCATION [CLIENTS...]"
                  " (or DOSSIER_BENCH_LIBRARY_DB=LOCATION)\n");
      return 77;
    }
  /* Before GLib reads it: the copies go to a folder of this run. */
  cache = g_dir_make_tmp ("dossier-bench-cache-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_print ("library %s\n", location);
  if (argc <= 2)
    {
      run_clients (location, 1, MAX (runs, 1));
      run_clients (location, 8, MAX (runs, 1));
    }
  for (int i = 2; i < argc; i++)
    run_clients (location, MAX ((guint) g_ascii_strtoull (argv[i], NULL, 10), 1), MAX (runs, 1));
  if (dossier_library_location_is_server (location) && n_open > 0)
    open_cases (location, n_open);
  remove_tree (cache);
  return 0;
}
