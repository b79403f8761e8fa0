/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "dossier-core.h"
#include "bench-library-common.h"
#include "dossier-library.h"
#include "dossier-library-open.h"
#include "dossier-library-pg.h"
#include "dossier-library-sqlite.h"

/* How fast the library indexes a folder of cases and answers typical
 * queries. Figures only, never pass or fail.
 *
 *   bench-library [N_CASES [N_NOTES]]      (default 200 cases of 100 notes)
 *
 * The cases are written once by build-aux/generate-large-case.py into
 * bench-library-N-M/ in the current folder (DOSSIER_BENCH_LIBRARY_DIR to
 * use another, e.g. /work/bench/library-10000-100), each with its own
 * seed, and reused by every later run. Everything runs in this one
 * process: each step is timed by the clock and by the process's CPU
 * time (user + system, all threads), which other programs on the
 * machine disturb less. DOSSIER_BENCH_LIBRARY_DB=PATH keeps the
 * database there instead of a temporary folder; when it already exists
 * the indexing steps are skipped and only the queries run.
 * DOSSIER_BENCH_LIBRARY_DB=CONNINFO (`postgresql://…`, `host=… dbname=…`)
 * measures a team library instead, in a database made for it (empty, or
 * already holding the library: then only the queries run); the server's
 * own work is not in this process's CPU time (build-aux/
 * bench-team-library.py counts it). */

#define RUNS 40

static const char generate_code[] =
  "import importlib.util, sys\n"
  "spec = importlib.util.spec_from_file_location('gen', sys.argv[1])\n"
  "gen = importlib.util.module_from_spec(spec); spec.loader.exec_module(gen)\n"
  "folder, n, notes = sys.argv[2], int(sys.argv[3]), sys.argv[4]\n"
  "for i in range(n):\n"
  "    sys.argv = ['gen', '--seed', str(i + 1), '--notes', notes, '--entities', '24',\n"
  "                '--sources', '10', '--reactions', '5', '--events', '30',\n"
  "                '%s/case-%05d.case.xml' % (folder, i)]\n"
  "    gen.main()\n";

static void
generate (const char *folder,
          guint       n_cases,
          guint       n_notes)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");
  g_autofree char *script = g_build_filename (root != NULL ? root : "..", "build-aux",
                                              "generate-large-case.py", NULL);
  g_autofree char *n = g_strdup_printf ("%u", n_cases);
  g_autofree char *notes = g_strdup_printf ("%u", n_notes);
  const char *argv[] = { "python3", "-c", generate_code, script, folder, n, notes, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_mkdir_with_parents (folder, 0755);
  g_printerr ("writing %u cases of %u notes into %s...\n", n_cases, n_notes, folder);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("generating cases: %s", error->message);
}

typedef struct
{
  gint64 wall;
  gint64 cpu;
} Clock;

static gint64
cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static Clock
clock_start (void)
{
  return (Clock) { g_get_monotonic_time (), cpu_now () };
}

/* Milliseconds since @start: wall in [0], CPU in [1]. */
static void
clock_stop (Clock   start,
            double *ms)
{
  ms[0] = (g_get_monotonic_time () - start.wall) / 1000.0;
  ms[1] = (cpu_now () - start.cpu) / 1000.0;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* The bytes of a case file that are not markup: what is between tags,
 * entities counted as written. */
static gint64
text_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gint64 n = 0;
  gboolean in_tag = FALSE;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;
  for (gsize i = 0; i < length; i++)
    {
      if (contents[i] == '<')
        in_tag = TRUE;
      else if (contents[i] == '>')
        in_tag = FALSE;
      else if (!in_tag)
        n++;
    }
  return n;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
case_files (const char *folder,
            gint64     *out_bytes,
            gint64     *out_text)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  *out_bytes = 0;
  *out_text = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".case.xml"))
      {
        char *path = g_build_filename (folder, name, NULL);
        GStatBuf st;

        if (g_stat (path, &st) == 0)
          *out_bytes += st.st_size;
        *out_text += text_bytes (path);
        g_ptr_array_add (files, path);
      }
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* The sizes of a team library's tables and indexes, from the server. */
static void
print_server_sizes (const char *conninfo,
                    gint64      bytes,
                    gint64      text)
{
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result = NULL;

  if (PQstatus (conn) == CONNECTION_OK)
    result = PQexec (conn, "SELECT pg_database_size (current_database ()),"
                           " pg_total_relation_size ('items'), pg_indexes_size ('items'),"
                           " pg_total_relation_size ('case_files')");
  if (result != NULL && PQresultStatus (result) == PGRES_TUPLES_OK)
    {
      double database = g_ascii_strtod (PQgetvalue (result, 0, 0), NULL);

      g_print ("  database %.1f MB (items %.1f MB, of it indexes %.1f MB; case files %.1f MB):"
               " %.2f x the case files, %.2f x their text\n",
               database / 1e6, g_ascii_strtod (PQgetvalue (result, 0, 1), NULL) / 1e6,
               g_ascii_strtod (PQgetvalue (result, 0, 2), NULL) / 1e6,
               g_ascii_strtod (PQgetvalue (result, 0, 3), NULL) / 1e6,
               database / MAX (bytes, 1), database / MAX (text, 1));
    }
  g_clear_pointer (&result, PQclear);
  PQfinish (conn);
}

static void
time_query (DossierLibraryStore *store,
            const char          *label,
            const char          *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (text, NULL);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), RUNS);
  guint n_hits = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      gint64 start = g_get_monotonic_time ();

      /* As a results list asks: the first 100. */
      hits = dossier_library_store_search (store, query, 100, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
      n_hits = hits != NULL ? hits->len : 0;
    }
  g_print ("  %-18s %-32s %4u hits  median %7.2f ms  p95 %7.2f ms\n", label, text, n_hits,
           bench_library_percentile (times, 0.5), bench_library_percentile (times, 0.95));
}

static void
print_step (const char *what,
            double     *ms)
{
  g_print ("  %-32s %9.1f ms  (CPU %9.1f ms)", what, ms[0], ms[1]);
}

static void
run_update (DossierLibraryStore  *store,
            DossierLibraryUpdate *done,
            double               *ms)
{
  g_autoptr(GError) error = NULL;
  Clock start = clock_start ();

  dossier_library_update (store, NULL, NULL, done, NULL, &error);
  g_assert_no_error (error);
  clock_stop (start, ms);
}

/* The loader alone on every file, for comparison. */
static void
load_all (GPtrArray *files,
          double    *ms)
{
  Clock start = clock_start ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(DossierCase) dcase = dossier_case_load (file, NULL, NULL, NULL, NULL);
    }
  clock_stop (start, ms);
}

/* Appends a comment to @path: new bytes, the same items. */
static void
change_file (const char *path,
             const char *contents)
{
  g_autofree char *changed = g_strdup_printf ("%s<!-- %" G_GINT64_FORMAT " -->\n", contents,
                                              g_get_real_time ());

  g_file_set_contents (path, changed, -1, NULL);
}

/* One case changed: the whole update (@ms), that file alone indexed
 * again as a watcher would (@file_ms), and the loader alone on it (the
 * best of 5). */
static void
change_one (DossierLibraryStore *store,
            const char          *path,
            double              *ms,
            double              *file_ms,
            double              *load_ms)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  Clock start;

  g_file_get_contents (path, &contents, &length, NULL);
  change_file (path, contents);
  run_update (store, NULL, ms);
  change_file (path, contents);
  start = clock_start ();
  dossier_library_index_file (store, path, NULL, &error);
  clock_stop (start, file_ms);
  g_assert_no_error (error);
  load_ms[0] = load_ms[1] = G_MAXDOUBLE;
  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(DossierCase) dcase = NULL;
      Clock begin = clock_start ();
      double once[2];

      dcase = dossier_case_load (file, NULL, NULL, NULL, NULL);
      clock_stop (begin, once);
      load_ms[0] = MIN (load_ms[0], once[0]);
      load_ms[1] = MIN (load_ms[1], once[1]);
    }
  g_file_set_contents (path, contents, length, NULL);
}

static void
index_library (DossierLibraryStore *store,
               const char          *folder,
               GPtrArray           *files,
               double              *load_ms)
{
  g_autoptr(GError) error = NULL;
  DossierLibraryUpdate done;
  double index_ms[2], check_ms[2], change_ms[2], file_ms[2], one_load_ms[2];

  dossier_library_add_folder (store, folder, &error);
  g_assert_no_error (error);
  run_update (store, &done, index_ms);
  print_step ("index from nothing", index_ms);
  g_print ("  %.2f x loading (CPU %.2f x); %u read\n", index_ms[0] / load_ms[0],
           index_ms[1] / load_ms[1], done.n_read);
  run_update (store, NULL, check_ms);
  print_step ("update, nothing changed", check_ms);
  g_print ("\n");
  change_one (store, g_ptr_array_index (files, 0), change_ms, file_ms, one_load_ms);
  print_step ("update, one case changed", change_ms);
  g_print ("  its load %.1f ms (CPU %.1f ms)\n", one_load_ms[0], one_load_ms[1]);
  print_step ("that case alone indexed again", file_ms);
  g_print ("\n");
  g_print ("  peak resident memory after indexing %.1f MB\n", peak_rss_mb ());
}

/* The team library at @conninfo, its schema made if need be; @reuse
 * set when it already holds cases. */
static DossierLibraryStore *
open_server (const char *conninfo,
             gboolean   *reuse)
{
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  if (!dossier_library_pg_init_schema (conninfo, NULL, &error))
    g_error ("making the team library: %s", error->message);
  store = dossier_library_store_open (conninfo, NULL, &error);
  g_assert_no_error (error);
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  *reuse = cases->len > 0;
  return g_steal_pointer (&store);
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  guint n_notes = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100;
  g_autofree char *folder = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *load_before = bench_library_load_average ();
  g_autofree char *load_after = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bytes, text;
  gboolean reuse = FALSE;
  gboolean server = FALSE;
  double load_ms[2];

  if (g_getenv ("DOSSIER_BENCH_LIBRARY_DIR") != NULL)
    folder = g_strdup (g_getenv ("DOSSIER_BENCH_LIBRARY_DIR"));
  else
    folder = g_strdup_printf ("bench-library-%u-%u", n_cases, n_notes);
  folder = g_canonicalize_filename (g_steal_pointer (&folder), NULL);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    generate (folder, n_cases, n_notes);
  files = case_files (folder, &bytes, &text);
  g_print ("library of %u cases (%u notes each), %.1f MB of case files, %.1f MB of it text\n",
           files->len, n_notes, bytes / 1e6, text / 1e6);

  if (g_getenv ("DOSSIER_BENCH_LIBRARY_DB") != NULL)
    {
      db_path = g_strdup (g_getenv ("DOSSIER_BENCH_LIBRARY_DB"));
      server = dossier_library_location_is_server (db_path);
      if (server)
        store = open_server (db_path, &reuse);
      else
        reuse = g_file_test (db_path, G_FILE_TEST_EXISTS);
    }
  else
    {
      tmp = g_dir_make_tmp ("dossier-bench-library-XXXXXX", NULL);
      db_path = g_build_filename (tmp, "library.sqlite3", NULL);
    }
  wal = g_strconcat (db_path, "-wal", NULL);

  if (!reuse)
    {
      load_all (files, load_ms);
      print_step ("load every case (loader alone)", load_ms);
      g_print ("\n  peak resident memory after loading %.1f MB\n", peak_rss_mb ());
    }
  if (store == NULL)
    store = DOSSIER_LIBRARY_STORE (dossier_library_sqlite_open (db_path, NULL, &error));
  g_assert_no_error (error);
  if (!reuse)
    index_library (store, folder, files, load_ms);
  if (server)
    print_server_sizes (db_path, bytes, text);
  else
    g_print ("  database %.1f MB + %.1f MB WAL: %.2f x the case files, %.2f x their text\n",
             file_size (db_path) / 1e6, file_size (wal) / 1e6,
             (file_size (db_path) + file_size (wal)) / (double) MAX (bytes, 1),
             (file_size (db_path) + file_size (wal)) / (double) MAX (text, 1));
  g_print ("queries (%u runs each, first 100 hits):\n", RUNS);
  for (guint i = 0; i < BENCH_LIBRARY_N_QUERIES; i++)
    time_query (store, bench_library_queries[i][0], bench_library_queries[i][1]);

  load_after = bench_library_load_average ();
  g_print ("peak resident memory %.1f MB; load average %s before, %s after\n",
           peak_rss_mb (), load_before, load_after);

  g_clear_object (&store);
  if (tmp != NULL)
    {
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmp);
    }
  return 0;
}
