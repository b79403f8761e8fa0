/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "library-test.h"

/* A library survives a crash in the middle of indexing. This program
 * runs itself as the indexing process (`--index-child DB`: an update of
 * the library in DB, one line on standard output after each case file),
 * on a folder of generated cases, and kills it with SIGKILL as soon as
 * it has said it indexed a few more files (a few milliseconds later
 * each time), five times over. After each kill the library must open
 * as it is (nothing set aside), be a sound SQLite file, hold every case
 * it held before (what was committed stays), and hold every case it
 * holds whole: all its notes listed and found, none twice. A last
 * update reads exactly the cases that are missing.
 *
 * Nothing it checks depends on where the kill lands: between two
 * cases, loading one or writing one, every place must leave a sound
 * library. (How many of the cases the child had indexed are committed
 * depends on how the store groups its writes into transactions, so it
 * is reported, not asserted.) */

#define INDEX_CHILD "--index-child"
#define N_CASES 80
#define N_NOTES 150
#define N_KILLS 5
/* Kill once the child has indexed this many files more than the
 * library held before it started. */
#define KILL_AFTER 2

static char *self_path;

static void
progress_cb (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  printf ("%u\n", done);
  fflush (stdout);
}

static int
index_child (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrarySqlite) store = dossier_library_sqlite_open (db_path, NULL, &error);

  if (store == NULL
      || !dossier_library_update (DOSSIER_LIBRARY_STORE (store), progress_cb, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static DossierLibraryStore *
reopen (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  DossierLibrarySqlite *store = dossier_library_sqlite_open (db_path, &notice, &error);

  g_assert_no_error (error);
  /* Opened as it is: not damaged, nothing set aside. */
  g_assert_null (notice);
  return DOSSIER_LIBRARY_STORE (store);
}

static void
assert_nothing_set_aside (const char *db_path)
{
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, "set-aside"));
}

/* The SQLite file itself: sound, and as many rows of items as the cases
 * say they have (no item of a case half written, none twice). */
static void
assert_sound_file (const char *db_path,
                   guint       n_items)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM items", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, n_items);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Every case the library holds is whole and there once; every note of
 * it is found once. Returns how many cases it holds. */
static guint
assert_whole_cases (DossierLibraryStore *store,
                    const char          *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = dossier_library_store_list_cases (store, &error);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("crashword", &error);
  g_autoptr(GPtrArray) hits = NULL;
  guint n_items = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      const DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);

      g_assert_true (g_hash_table_add (paths, info->path));
      g_assert_null (info->problem);
      g_assert_cmpuint (info->n_notes, ==, N_NOTES);
      /* Its notes and its overview. */
      g_assert_cmpuint (info->n_items, ==, N_NOTES + 1);
      n_items += info->n_items;
    }

  hits = dossier_library_store_search (store, query, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, cases->len * N_NOTES);
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierLibraryHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (g_hash_table_contains (paths, hit->path));
      g_assert_true (g_hash_table_add (found, g_strconcat (hit->path, " ", hit->item_id, NULL)));
    }

  assert_sound_file (db_path, n_items);
  return cases->len;
}

/* Runs the child until it has indexed KILL_AFTER more files than the
 * @n_before the library holds, then kills it. Returns the most files it
 * said it had indexed. */
static guint
index_and_kill (const char *db_path,
                guint       n_before,
                guint       delay_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  guint done = 0;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, INDEX_CHILD, db_path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  while (done < n_before + KILL_AFTER)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        break;
      done = (guint) g_ascii_strtoull (line, NULL, 10);
    }
  /* Each kill a little later, into another moment of the next case:
   * loading it, or writing it. */
  g_usleep (delay_ms * 1000);
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (child))
    g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  else
    g_test_message ("the child finished before it was killed");
  return done;
}

static void
test_killed_while_indexing (LibraryTest   *t,
                            gconstpointer  data)
{
  DossierLibraryUpdate update = { 0, };
  guint n_cases = 0;

  for (guint i = 0; i < N_CASES; i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%03u.case.xml", i);
      g_autofree char *title = g_strdup_printf ("Case number %u", i);

      g_free (library_test_write_case (t->folder, name, title, "crashword", N_NOTES));
    }
  /* The child has the library to itself, as a second process would. */
  g_clear_object (&t->store);

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      guint said = index_and_kill (t->db_path, n_cases, kill * 2);
      guint before = n_cases;

      assert_nothing_set_aside (t->db_path);
      t->store = reopen (t->db_path);
      n_cases = assert_whole_cases (t->store, t->db_path);
      g_test_message ("kill %u: the child said %u, the library holds %u cases", kill, said, n_cases);
      g_assert_cmpuint (n_cases, >=, before);
      g_clear_object (&t->store);
    }
  g_assert_cmpuint (n_cases, <, N_CASES);

  /* The next update reads what is missing, and only that. */
  t->store = reopen (t->db_path);
  library_test_update (t->store, &update);
  g_assert_cmpuint (update.n_files, ==, N_CASES);
  g_assert_cmpuint (update.n_read, ==, N_CASES - n_cases);
  g_assert_cmpuint (update.n_removed, ==, 0);
  g_assert_cmpuint (assert_whole_cases (t->store, t->db_path), ==, N_CASES);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], INDEX_CHILD) == 0)
    return index_child (argv[2]);

  g_test_init (&argc, &argv, NULL);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_add ("/library-crash/killed-while-indexing", LibraryTest, NULL,
              library_test_setup, test_killed_while_indexing, library_test_teardown);

  return g_test_run ();
}
