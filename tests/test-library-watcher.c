/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dossier-library-watcher.h"
#include "library-test.h"

/* The watcher of a library's folders, with real files in a temporary
 * folder and a real main loop: each change a user makes to a case file
 * (made, edited in place or saved by rename, renamed, deleted, in a
 * folder made later) brings "changed", and the update the owner then
 * runs shows it in the library. Files that are no case files bring
 * nothing, and a burst of changes brings one signal, not one each. */

/* Far longer than the watcher's delay: only a watcher that missed the
 * change takes this long. */
#define TIMEOUT_S 20

typedef struct
{
  LibraryTest            lib;
  DossierLibraryWatcher *watcher;
  guint                  n_changed;
} WatchTest;

static void
on_changed_cb (DossierLibraryWatcher *watcher,
               WatchTest             *t)
{
  t->n_changed++;
}

static void
watch_test_setup (WatchTest     *t,
                  gconstpointer  data)
{
  const char *folders[] = { NULL, NULL };

  library_test_setup (&t->lib, data);
  folders[0] = t->lib.folder;
  t->watcher = dossier_library_watcher_new ();
  dossier_library_watcher_set_folders (t->watcher, folders);
  g_signal_connect (t->watcher, "changed", G_CALLBACK (on_changed_cb), t);
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 1);
}

static void
watch_test_teardown (WatchTest     *t,
                     gconstpointer  data)
{
  g_clear_object (&t->watcher);
  /* Whatever the monitors still had to say, before their folder goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  library_test_teardown (&t->lib, data);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;
  guint id = g_timeout_add (ms, on_timeout_cb, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

/* Runs the main loop until "changed" came; fails after TIMEOUT_S. Then
 * brings the library up to date, as the watcher's owner does. */
static void
wait_for_changed (WatchTest *t)
{
  gboolean timed_out = FALSE;
  guint before = t->n_changed;
  guint id = g_timeout_add_seconds (TIMEOUT_S, on_timeout_cb, &timed_out);
  gint64 start = g_get_monotonic_time ();

  while (t->n_changed == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("no \"changed\" within %d s", TIMEOUT_S);
  g_source_remove (id);
  g_test_message ("\"changed\" after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  library_test_update (t->lib.store, NULL);
}

static void
assert_title (DossierLibraryStore *store,
              const char          *path,
              const char          *title)
{
  g_autoptr(DossierLibraryCaseInfo) info = library_test_find_case (store, path);

  g_assert_nonnull (info);
  g_assert_cmpstr (info->title, ==, title);
}

/* As an editor that writes over the file in place. */
static void
write_in_place (const char *path,
                const char *contents)
{
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  fputs (contents, file);
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_case_file_changes (WatchTest     *t,
                        gconstpointer  data)
{
  DossierLibraryStore *store = t->lib.store;
  g_autofree char *a = g_build_filename (t->lib.folder, "a.case.xml", NULL);
  g_autofree char *b = g_build_filename (t->lib.folder, "b.case.xml", NULL);
  g_autofree char *edited = library_test_case_xml ("a", "Edited in place", "seal", 4);

  /* Made (saved by rename, as g_file_set_contents and most editors do). */
  g_free (library_test_write_case (t->lib.folder, "a.case.xml", "First words", "walrus", 2));
  wait_for_changed (t);
  assert_title (store, a, "First words");
  g_assert_cmpuint (library_test_n_hits (store, "walrus", a), ==, 2);

  /* Written over in place. */
  write_in_place (a, edited);
  wait_for_changed (t);
  assert_title (store, a, "Edited in place");
  g_assert_cmpuint (library_test_n_hits (store, "seal", a), ==, 4);
  g_assert_cmpuint (library_test_n_hits (store, "walrus", NULL), ==, 0);

  /* Renamed. */
  g_assert_cmpint (g_rename (a, b), ==, 0);
  wait_for_changed (t);
  g_assert_null (library_test_find_case (store, a));
  assert_title (store, b, "Edited in place");

  /* Deleted. */
  g_assert_cmpint (g_unlink (b), ==, 0);
  wait_for_changed (t);
  g_assert_cmpuint (library_test_n_cases (store), ==, 0);
  g_assert_cmpuint (library_test_n_hits (store, "seal", NULL), ==, 0);
}

/* Folders made later are watched too, even one made with files already
 * in it; a folder deleted takes its cases along. */
static void
test_new_folders (WatchTest     *t,
                  gconstpointer  data)
{
  DossierLibraryStore *store = t->lib.store;
  g_autofree char *sub = g_build_filename (t->lib.folder, "2014", NULL);
  g_autofree char *deep = g_build_filename (t->lib.folder, "2015", "march", NULL);
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  wait_for_changed (t);
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 2);
  c = library_test_write_case (sub, "c.case.xml", "In a new folder", "walrus", 1);
  wait_for_changed (t);
  assert_title (store, c, "In a new folder");

  /* Two levels at once, a case in it before the watcher knows. */
  g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
  d = library_test_write_case (deep, "d.case.xml", "Deep down", "otter", 1);
  wait_for_changed (t);
  assert_title (store, d, "Deep down");
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 4);
  e = library_test_write_case (deep, "e.case.xml", "Deep down later", "otter", 1);
  wait_for_changed (t);
  assert_title (store, e, "Deep down later");

  library_test_remove_tree (sub);
  wait_for_changed (t);
  g_assert_null (library_test_find_case (store, c));
  g_assert_cmpuint (library_test_n_cases (store), ==, 2);
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 3);
}

/* An editor's backup and swap files, notes beside the cases: no change. */
static void
test_other_files (WatchTest     *t,
                  gconstpointer  data)
{
  g_autofree char *notes = g_build_filename (t->lib.folder, "notes.txt", NULL);
  g_autofree char *swap = g_build_filename (t->lib.folder, ".a.case.xml.swp", NULL);
  g_autofree char *backup = g_build_filename (t->lib.folder, "a.case.xml~", NULL);

  library_test_write_file (notes, "not a case");
  write_in_place (swap, "not a case either");
  write_in_place (backup, "nor this");
  g_assert_cmpint (g_unlink (notes), ==, 0);
  run_for (4 * DOSSIER_LIBRARY_WATCHER_DELAY_MS);
  g_assert_cmpuint (t->n_changed, ==, 0);

  g_free (library_test_write_case (t->lib.folder, "a.case.xml", "A case", "walrus", 1));
  wait_for_changed (t);
  g_assert_cmpuint (t->n_changed, ==, 1);
}

/* Ten files saved at once: one signal, not ten (two at most, should the
 * machine stall between the files longer than the delay). */
static void
test_settle (WatchTest     *t,
             gconstpointer  data)
{
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.case.xml", i);

      g_free (library_test_write_case (t->lib.folder, name, "A case", "walrus", 1));
    }
  wait_for_changed (t);
  run_for (4 * DOSSIER_LIBRARY_WATCHER_DELAY_MS);
  g_assert_cmpuint (t->n_changed, >=, 1);
  g_assert_cmpuint (t->n_changed, <=, 2);
  g_assert_cmpuint (library_test_n_cases (t->lib.store), ==, 10);
}

/* Given other folders, the watcher forgets the old ones. */
static void
test_set_folders (WatchTest     *t,
                  gconstpointer  data)
{
  g_autofree char *other = g_build_filename (t->lib.dir, "other", NULL);
  g_autofree char *missing = g_build_filename (t->lib.dir, "missing", NULL);
  const char *folders[] = { other, missing, NULL };

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  dossier_library_watcher_set_folders (t->watcher, folders);
  /* The missing folder is not watched. */
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 1);

  g_free (library_test_write_case (t->lib.folder, "a.case.xml", "Not watched", "walrus", 1));
  run_for (4 * DOSSIER_LIBRARY_WATCHER_DELAY_MS);
  g_assert_cmpuint (t->n_changed, ==, 0);

  g_free (library_test_write_case (other, "b.case.xml", "Watched", "walrus", 1));
  wait_for_changed (t);
  g_assert_cmpuint (t->n_changed, ==, 1);

  dossier_library_watcher_set_folders (t->watcher, NULL);
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 0);
}

/* A case file kept as an entry of its own (a case opened in Dossier):
 * watched as that one file, whatever happens beside it. */
static void
test_case_file_entry (WatchTest     *t,
                      gconstpointer  data)
{
  DossierLibraryStore *store = t->lib.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = library_test_write_case (t->lib.dir, "opened.case.xml", "Opened",
                                                     "walrus", 2);
  g_autofree char *edited = library_test_case_xml ("opened", "Opened and edited", "walrus", 3);
  const char *folders[] = { opened, NULL };

  g_assert_true (dossier_library_store_add_folder (store, opened, &error));
  g_assert_no_error (error);
  dossier_library_watcher_set_folders (t->watcher, folders);
  g_assert_cmpuint (dossier_library_watcher_get_n_watched (t->watcher), ==, 1);

  /* Another case beside it is not the library's. */
  g_free (library_test_write_case (t->lib.dir, "beside.case.xml", "Beside", "walrus", 1));
  run_for (4 * DOSSIER_LIBRARY_WATCHER_DELAY_MS);
  g_assert_cmpuint (t->n_changed, ==, 0);

  write_in_place (opened, edited);
  wait_for_changed (t);
  assert_title (store, opened, "Opened and edited");

  g_free (library_test_write_case (t->lib.dir, "opened.case.xml", "Saved by rename", "walrus", 1));
  wait_for_changed (t);
  assert_title (store, opened, "Saved by rename");

  g_assert_cmpint (g_unlink (opened), ==, 0);
  wait_for_changed (t);
  g_assert_null (library_test_find_case (store, opened));
}

#define FIXTURE(path, func) \
  g_test_add (path, WatchTest, NULL, watch_test_setup, func, watch_test_teardown)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE ("/library-watcher/case-file-changes", test_case_file_changes);
  FIXTURE ("/library-watcher/new-folders", test_new_folders);
  FIXTURE ("/library-watcher/other-files", test_other_files);
  FIXTURE ("/library-watcher/settle", test_settle);
  FIXTURE ("/library-watcher/set-folders", test_set_folders);
  FIXTURE ("/library-watcher/case-file-entry", test_case_file_entry);

  return g_test_run ();
}
