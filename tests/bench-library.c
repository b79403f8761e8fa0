/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "dossier-core.h"
#include "dossier-library.h"
#include "dossier-library-sqlite.h"

/* How fast the library indexes a folder of cases and answers typical
 * queries. Figures only, never pass or fail.
 *
 *   bench-library [N_CASES [N_NOTES]]      (default 200 cases of 100 notes)
 *
 * The cases are written once by build-aux/generate-large-case.py into
 * bench-library-N-M/ in the current folder (DOSSIER_BENCH_LIBRARY_DIR to
 * use another), each with its own seed. */

#define RUNS 40

static const char *const bench_queries[][2] = {
  { "common word", "intrusion " },
  { "rare word", "unprecedented " },
  { "phrase", "\"guardians of peace\"" },
  { "prefix", "cred" },
  { "tag", "tag:timezone" },
  { "date range", "after:2014-03 before:2014-04" },
  { "negation", "studio -intrusion " },
  { "words and filter", "deadline screen in:notes" },
};

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

static GPtrArray *
case_files (const char *folder,
            gint64     *out_bytes)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  *out_bytes = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".case.xml"))
      {
        char *path = g_build_filename (folder, name, NULL);
        GStatBuf st;

        if (g_stat (path, &st) == 0)
          *out_bytes += st.st_size;
        g_ptr_array_add (files, path);
      }
  return files;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
time_query (DossierLibraryStore *store,
            const char          *label,
            const char          *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (text, NULL);
  double times[RUNS];
  guint n_hits = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) hits = NULL;
      gint64 start = g_get_monotonic_time ();

      /* As a results list asks: the first 100. */
      hits = dossier_library_store_search (store, query, 100, NULL);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      n_hits = hits != NULL ? hits->len : 0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("  %-18s %-32s %4u hits  median %7.2f ms  p95 %7.2f ms\n", label, text, n_hits,
           times[RUNS / 2], times[(RUNS * 95) / 100 - 1]);
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
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(DossierLibrarySqlite) sqlite = NULL;
  g_autoptr(GError) error = NULL;
  DossierLibraryStore *store;
  DossierLibraryUpdate done;
  struct rusage usage;
  gint64 bytes, start;
  double load_ms, index_ms, check_ms, change_ms;

  if (g_getenv ("DOSSIER_BENCH_LIBRARY_DIR") != NULL)
    folder = g_strdup (g_getenv ("DOSSIER_BENCH_LIBRARY_DIR"));
  else
    folder = g_strdup_printf ("bench-library-%u-%u", n_cases, n_notes);
  folder = g_canonicalize_filename (g_steal_pointer (&folder), NULL);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    generate (folder, n_cases, n_notes);
  files = case_files (folder, &bytes);

  /* The loader alone, for comparison. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(DossierCase) dcase = dossier_case_load (file, NULL, NULL, NULL, NULL);
    }
  load_ms = (g_get_monotonic_time () - start) / 1000.0;

  tmp = g_dir_make_tmp ("dossier-bench-library-XXXXXX", NULL);
  db_path = g_build_filename (tmp, "library.sqlite3", NULL);
  wal = g_strconcat (db_path, "-wal", NULL);
  sqlite = dossier_library_sqlite_open (db_path, NULL, &error);
  g_assert_no_error (error);
  store = DOSSIER_LIBRARY_STORE (sqlite);
  dossier_library_add_folder (store, folder, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  dossier_library_update (store, NULL, NULL, &done, NULL, &error);
  g_assert_no_error (error);
  index_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  dossier_library_update (store, NULL, NULL, NULL, NULL, &error);
  check_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* One case changed (a comment appended: new bytes, same items). */
  {
    const char *path = g_ptr_array_index (files, 0);
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *changed = NULL;

    g_file_get_contents (path, &contents, &length, NULL);
    changed = g_strdup_printf ("%s<!-- %" G_GINT64_FORMAT " -->\n", contents, g_get_real_time ());
    g_file_set_contents (path, changed, -1, NULL);
    start = g_get_monotonic_time ();
    dossier_library_update (store, NULL, NULL, NULL, NULL, &error);
    change_ms = (g_get_monotonic_time () - start) / 1000.0;
    g_file_set_contents (path, contents, length, NULL);
  }

  g_print ("library of %u cases (%u notes each), %.1f MB of case files\n",
           files->len, n_notes, bytes / 1e6);
  g_print ("  load every case (loader alone)  %9.1f ms\n", load_ms);
  g_print ("  index from nothing              %9.1f ms  (%.2f x loading; %u read)\n",
           index_ms, index_ms / load_ms, done.n_read);
  g_print ("  update, nothing changed         %9.1f ms\n", check_ms);
  g_print ("  update, one case changed        %9.1f ms  (its load: %.1f ms)\n",
           change_ms, load_ms / MAX (files->len, 1));
  g_print ("  database                        %9.1f MB  (+ %.1f MB WAL; %.2f x the case files)\n",
           file_size (db_path) / 1e6, file_size (wal) / 1e6,
           (file_size (db_path) + file_size (wal)) / (double) MAX (bytes, 1));
  g_print ("queries (%u runs each, first 100 hits):\n", RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (bench_queries); i++)
    time_query (store, bench_queries[i][0], bench_queries[i][1]);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak resident memory %.1f MB\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&sqlite);
  {
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (db_path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmp);
  }
  return 0;
}
