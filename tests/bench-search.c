/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dossier-core.h"
#include "dossier-search-index.h"

/* bench-search [CASE-FILE]  (or $DOSSIER_BENCH_CASE)
 *
 * Loads the case, builds the search index (time and memory), then runs a
 * set of typical queries, each ROUNDS times as a GUI would (50 hits
 * wanted), and prints the 50th and 95th percentile and the worst time.
 * Figures only: nothing here passes or fails on time.
 *
 *   python3 build-aux/generate-large-case.py --notes 100000 /tmp/large.case.xml
 *   build/tests/bench-search /tmp/large.case.xml
 */

#define ROUNDS       200
#define MAX_RESULTS  50

typedef struct
{
  const char *what;
  const char *query;
} BenchQuery;

static const BenchQuery queries[] = {
  { "common word", "studio" },
  { "rare word", "kowalski" },
  { "two words", "security team" },
  { "phrase", "\"command servers\"" },
  { "prefix (typing)", "comp" },
  { "one letter (first key)", "s" },
  { "tag filter", "tag:phishing" },
  { "tag filter and word", "tag:phishing servers" },
  { "negation", "studio -email" },
  { "or", "phishing OR ransomware" },
  { "date filter", "servers after:2014-11 before:2014-12" },
  { "in: and certainty:", "in:notes certainty:disputed" },
  { "no match", "zyzzyva" },
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
rss_kib (void)
{
  long pages = 0, resident = 0;
  FILE *f = fopen ("/proc/self/statm", "r");

  if (f == NULL)
    return 0;
  if (fscanf (f, "%ld %ld", &pages, &resident) != 2)
    resident = 0;
  fclose (f);
  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : g_getenv ("DOSSIER_BENCH_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(DossierSearchIndex) index = NULL;
  struct mallinfo2 before, after;
  long rss_before, rss_after;
  double t0, load_ms, build_ms;
  double p95_worst = 0;

  if (path == NULL)
    {
      g_printerr ("bench-search: give a case file or set DOSSIER_BENCH_CASE\n"
                  "  python3 build-aux/generate-large-case.py --notes 100000 /tmp/large.case.xml\n");
      return 77;   /* skipped */
    }

  file = g_file_new_for_commandline_arg (path);
  t0 = now_ms ();
  dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  load_ms = now_ms () - t0;
  if (dcase == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  malloc_trim (0);
  before = mallinfo2 ();
  rss_before = rss_kib ();
  t0 = now_ms ();
  index = dossier_search_index_new (dcase);
  build_ms = now_ms () - t0;
  after = mallinfo2 ();
  rss_after = rss_kib ();

  g_print ("case: %s, %.1f MB, %u documents, %u terms\n", path,
           dossier_case_get_size (dcase) / 1e6,
           dossier_search_index_get_n_documents (index),
           dossier_search_index_get_n_terms (index));
  g_print ("load: %.0f ms\n", load_ms);
  g_print ("index build: %.0f ms (%.0f%% of load)\n", build_ms, 100.0 * build_ms / load_ms);
  g_print ("index memory: %.1f MB held (%.0f%% of the file); heap +%.1f MB; RSS +%.1f MB\n",
           dossier_search_index_get_size (index) / 1e6,
           100.0 * dossier_search_index_get_size (index) / dossier_case_get_size (dcase),
           ((double) after.uordblks - (double) before.uordblks) / 1e6,
           (rss_after - rss_before) / 1024.0);
  g_print ("queries: %d runs each, %d hits wanted\n", ROUNDS, MAX_RESULTS);
  g_print ("%-24s %-40s %8s %9s %9s %9s\n", "", "query", "matches", "p50 ms", "p95 ms", "max ms");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(DossierSearchQuery) query = NULL;
      double times[ROUNDS];
      guint total = 0;

      query = dossier_search_query_parse (queries[q].query, &error);
      g_assert_no_error (error);

      for (guint r = 0; r < ROUNDS; r++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          g_autoptr(DossierSearchQuery) typed = NULL;

          t0 = now_ms ();
          /* As typed: parsing is part of each keystroke. */
          typed = dossier_search_query_parse (queries[q].query, NULL);
          hits = dossier_search_index_run (index, typed, MAX_RESULTS, &total, NULL, NULL);
          times[r] = now_ms () - t0;
        }
      qsort (times, ROUNDS, sizeof (double), compare_double);
      g_print ("%-24s %-40s %8u %9.2f %9.2f %9.2f\n", queries[q].what, queries[q].query, total,
               times[ROUNDS / 2], times[ROUNDS * 95 / 100], times[ROUNDS - 1]);
      p95_worst = MAX (p95_worst, times[ROUNDS * 95 / 100]);
    }
  g_print ("worst p95: %.2f ms\n", p95_worst);

  return 0;
}
