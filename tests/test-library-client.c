/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-core.h"
#include "dossier-library-client.h"
#include "library-test.h"
#include "dossier-library-snippet.h"
#include "dossier-search-hit.h"

/* The library as the window and the Shell provider use it: a real
 * SQLite file, worker threads, answers in the main loop. */

typedef struct
{
  char                 *dir;
  char                 *cases;
  DossierLibraryClient *client;
  guint                 n_progress;
  guint                 last_done;
  guint                 last_total;
  guint                 n_changed;
} Fixture;

static char *
sample_path (void)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  return g_build_filename (root, "data", "cases", "sony-pictures-2014.case.xml", NULL);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &text, &len, NULL));
  g_assert_true (g_file_set_contents (to, text, len, NULL));
}

static void
on_progress (DossierLibraryClient *client,
             guint                 done,
             guint                 total,
             Fixture              *fixture)
{
  /* In the main loop's thread, never in the worker. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  fixture->n_progress++;
  fixture->last_done = done;
  fixture->last_total = total;
}

static void
on_changed (DossierLibraryClient *client,
            Fixture              *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-client-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->cases = g_build_filename (fixture->dir, "cases", NULL);
  g_assert_cmpint (g_mkdir (fixture->cases, 0700), ==, 0);
  db = g_build_filename (fixture->dir, "library.sqlite3", NULL);
  fixture->client = dossier_library_client_new (db);
  g_signal_connect (fixture->client, "progress", G_CALLBACK (on_progress), fixture);
  g_signal_connect (fixture->client, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dossier_library_client_wait_idle (fixture->client);
  g_clear_object (&fixture->client);
  library_test_remove_tree (fixture->dir);
  g_free (fixture->cases);
  g_free (fixture->dir);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
add_folder (Fixture    *fixture,
            const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  dossier_library_client_add_folder_async (fixture->client, path, NULL, store_result_cb, &result);
  g_assert_true (dossier_library_client_change_folder_finish (fixture->client,
                                                              wait_result (&result), &error));
  g_assert_no_error (error);
  dossier_library_client_wait_idle (fixture->client);
}

static GPtrArray *
search (Fixture    *fixture,
        const char *text,
        GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_library_client_search_async (fixture->client, text, 0, NULL, store_result_cb, &result);
  return dossier_library_client_search_finish (fixture->client, wait_result (&result), error);
}

static GPtrArray *
list_cases (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases;

  dossier_library_client_list_cases_async (fixture->client, NULL, store_result_cb, &result);
  cases = dossier_library_client_list_cases_finish (fixture->client, wait_result (&result), &error);
  g_assert_no_error (error);
  return cases;
}

static void
test_folder_indexed_and_searched (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *copy = g_build_filename (fixture->cases, "sony.case.xml", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  const DossierLibraryCaseInfo *info;

  copy_file (sample, copy);
  add_folder (fixture, fixture->cases);

  /* The update ran in a worker and said so in the main loop. */
  g_assert_cmpuint (fixture->n_progress, >=, 1);
  g_assert_cmpuint (fixture->last_done, ==, 1);
  g_assert_cmpuint (fixture->last_total, ==, 1);
  g_assert_cmpuint (fixture->n_changed, >=, 2);
  g_assert_false (dossier_library_client_is_updating (fixture->client));

  cases = list_cases (fixture);
  g_assert_cmpuint (cases->len, ==, 1);
  info = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (info->path, ==, copy);
  g_assert_nonnull (info->title);
  g_assert_cmpuint (info->n_notes, >, 0);

  hits = search (fixture, "blasted", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((DossierLibraryHit *) g_ptr_array_index (hits, 0))->path, ==, copy);
}

static void
test_query_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GError) error = NULL;

  /* An empty query finds nothing, without an error. */
  hits = search (fixture, "   ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  bad = search (fixture, "\"unclosed", &error);
  g_assert_null (bad);
  g_assert_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_SYNTAX);
}

static void
test_cancelled_search_never_runs (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  dossier_library_client_search_async (fixture->client, "sony", 0, cancellable,
                                       store_result_cb, &result);
  hits = dossier_library_client_search_finish (fixture->client, wait_result (&result), &error);
  g_assert_null (hits);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_opened_case_stays (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "opened.case.xml", NULL);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) gone = NULL;

  /* A case opened in Dossier, in no folder of the library. */
  copy_file (sample, elsewhere);
  dossier_library_client_index_file (fixture->client, elsewhere);
  dossier_library_client_wait_idle (fixture->client);
  cases = list_cases (fixture);
  g_assert_cmpuint (cases->len, ==, 1);

  /* A walk of the folders keeps it... */
  dossier_library_client_update (fixture->client);
  dossier_library_client_wait_idle (fixture->client);
  after = list_cases (fixture);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (after, 0))->path, ==, elsewhere);

  /* ...while the file exists. */
  g_assert_cmpint (g_remove (elsewhere), ==, 0);
  dossier_library_client_update (fixture->client);
  dossier_library_client_wait_idle (fixture->client);
  gone = list_cases (fixture);
  g_assert_cmpuint (gone->len, ==, 0);
}

static void
test_not_a_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  dossier_library_client_add_folder_async (fixture->client, missing, NULL, store_result_cb, &result);
  g_assert_false (dossier_library_client_change_folder_finish (fixture->client,
                                                               wait_result (&result), &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_A_FOLDER);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_watch_keeps_fresh (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *copy = g_build_filename (fixture->cases, "later.case.xml", NULL);
  g_autoptr(GPtrArray) cases = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  guint changed_before;

  add_folder (fixture, fixture->cases);
  dossier_library_client_watch (fixture->client);
  dossier_library_client_wait_idle (fixture->client);
  changed_before = fixture->n_changed;

  /* A case saved into the folder while the program runs is found
   * without anyone asking for an update. */
  copy_file (sample, copy);
  timeout_id = g_timeout_add_seconds (30, timeout_cb, &timed_out);
  while (fixture->n_changed == changed_before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  dossier_library_client_wait_idle (fixture->client);

  cases = list_cases (fixture);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (cases, 0))->path, ==, copy);
}

/* The marks come out as ranges of the text shown; what is between them
 * is made safe to show; a mark cut short closes at the end. */
static void
test_snippet_parse (void)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (DossierSearchRange));
  g_autofree char *text = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *none = NULL;
  const DossierSearchRange *range;

  text = dossier_library_snippet_parse ("the \002hack\003 of \342\200\256Sony\002\003", marks);
  g_assert_cmpstr (text, ==, "the hack of Sony");
  g_assert_cmpuint (marks->len, ==, 1);
  range = &g_array_index (marks, DossierSearchRange, 0);
  g_assert_cmpuint (range->start, ==, 4);
  g_assert_cmpuint (range->end, ==, 8);

  g_array_set_size (marks, 0);
  cut = dossier_library_snippet_parse ("\002blasted", marks);
  g_assert_cmpstr (cut, ==, "blasted");
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpuint (g_array_index (marks, DossierSearchRange, 0).end, ==, 7);

  none = dossier_library_snippet_parse (NULL, NULL);
  g_assert_cmpstr (none, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/snippet-parse", test_snippet_parse);
  g_test_add ("/library-client/folder-indexed-and-searched", Fixture, NULL,
              fixture_set_up, test_folder_indexed_and_searched, fixture_tear_down);
  g_test_add ("/library-client/query-errors", Fixture, NULL,
              fixture_set_up, test_query_errors, fixture_tear_down);
  g_test_add ("/library-client/cancelled-search-never-runs", Fixture, NULL,
              fixture_set_up, test_cancelled_search_never_runs, fixture_tear_down);
  g_test_add ("/library-client/opened-case-stays", Fixture, NULL,
              fixture_set_up, test_opened_case_stays, fixture_tear_down);
  g_test_add ("/library-client/not-a-folder", Fixture, NULL,
              fixture_set_up, test_not_a_folder, fixture_tear_down);

  g_test_add ("/library-client/watch-keeps-fresh", Fixture, NULL,
              fixture_set_up, test_watch_keeps_fresh, fixture_tear_down);

  return g_test_run ();
}
