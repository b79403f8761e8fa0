/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "library-test.h"

/* Keeping a library fresh, one update at a time, on a real SQLite file in
 * a temporary folder and real case files: what a user who adds, edits,
 * renames, breaks, mends and deletes case files sees in the library after
 * the next update — and what the update had to read to get there. */

#define FIXTURE(path, func) \
  g_test_add (path, LibraryTest, NULL, library_test_setup, func, library_test_teardown)

static void
assert_update (DossierLibraryStore *store,
               guint                n_files,
               guint                n_read,
               guint                n_unchanged,
               guint                n_removed,
               guint                n_failed)
{
  DossierLibraryUpdate update = { 0, };

  library_test_update (store, &update);
  g_assert_cmpuint (update.n_files, ==, n_files);
  g_assert_cmpuint (update.n_read, ==, n_read);
  g_assert_cmpuint (update.n_unchanged, ==, n_unchanged);
  g_assert_cmpuint (update.n_removed, ==, n_removed);
  g_assert_cmpuint (update.n_failed, ==, n_failed);
}

static void
assert_case (DossierLibraryStore *store,
             const char          *path,
             const char          *title,
             guint                n_notes)
{
  g_autoptr(DossierLibraryCaseInfo) info = library_test_find_case (store, path);

  g_assert_nonnull (info);
  g_assert_cmpstr (info->title, ==, title);
  g_assert_null (info->problem);
  g_assert_cmpuint (info->n_notes, ==, n_notes);
  /* Each note, and the case's overview. */
  g_assert_cmpuint (info->n_items, ==, n_notes + 1);
}

/* A new file is read once; a second update reads nothing. */
static void
test_add (LibraryTest   *t,
          gconstpointer  data)
{
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);

  assert_update (t->store, 1, 1, 0, 0, 0);
  assert_case (t->store, a, "Case of the tusks", 3);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", a), ==, 3);

  assert_update (t->store, 1, 0, 0, 0, 0);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 3);
}

/* An edited file is read again: its new title and words replace the old
 * ones, the other case is not read. */
static void
test_change (LibraryTest   *t,
             gconstpointer  data)
{
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);
  g_autofree char *b = library_test_write_case (t->folder, "b.case.xml", "Case of the river", "otter", 2);

  assert_update (t->store, 2, 2, 0, 0, 0);
  g_free (library_test_write_case (t->folder, "a.case.xml", "Case of the horn", "narwhal", 5));
  assert_update (t->store, 2, 1, 0, 0, 0);

  assert_case (t->store, a, "Case of the horn", 5);
  assert_case (t->store, b, "Case of the river", 2);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 0);
  g_assert_cmpuint (library_test_n_hits (t->store, "narwhal", a), ==, 5);
  g_assert_cmpuint (library_test_n_hits (t->store, "otter", b), ==, 2);
}

/* A deleted file drops out with its items. */
static void
test_delete (LibraryTest   *t,
             gconstpointer  data)
{
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);
  g_autofree char *b = library_test_write_case (t->folder, "b.case.xml", "Case of the river", "otter", 2);

  assert_update (t->store, 2, 2, 0, 0, 0);
  g_assert_cmpint (g_unlink (a), ==, 0);
  assert_update (t->store, 1, 0, 0, 1, 0);

  g_assert_null (library_test_find_case (t->store, a));
  g_assert_cmpuint (library_test_n_cases (t->store), ==, 1);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 0);
  g_assert_cmpuint (library_test_n_hits (t->store, "otter", b), ==, 2);
}

/* A renamed file, into a new subfolder too: listed and found under its
 * new name only. */
static void
test_rename (LibraryTest   *t,
             gconstpointer  data)
{
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);
  g_autofree char *sub = g_build_filename (t->folder, "2014", NULL);
  g_autofree char *renamed = g_build_filename (sub, "renamed.case.xml", NULL);
  g_autofree char *aside = g_build_filename (sub, "renamed.case.xml.bak", NULL);

  assert_update (t->store, 1, 1, 0, 0, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_rename (a, renamed), ==, 0);
  assert_update (t->store, 1, 1, 0, 1, 0);

  g_assert_null (library_test_find_case (t->store, a));
  assert_case (t->store, renamed, "Case of the tusks", 3);
  g_assert_cmpuint (library_test_n_cases (t->store), ==, 1);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", renamed), ==, 3);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 3);

  /* A file renamed to another suffix is no case file any more. */
  g_assert_cmpint (g_rename (renamed, aside), ==, 0);
  assert_update (t->store, 0, 0, 0, 1, 0);
  g_assert_cmpuint (library_test_n_cases (t->store), ==, 0);
}

/* A case that stops loading is listed with its first problem and line
 * and found no more; the rest of the library stays searchable; mended,
 * it is found again. */
static void
test_invalid_and_back (LibraryTest   *t,
                       gconstpointer  data)
{
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);
  g_autofree char *b = library_test_write_case (t->folder, "b.case.xml", "Case of the river", "otter", 2);
  g_autofree char *xml = library_test_case_xml ("a", "Case of the tusks", "walrus", 3);
  g_autofree char *broken = NULL;
  g_autoptr(DossierLibraryCaseInfo) info = NULL;
  char *cut;

  assert_update (t->store, 2, 2, 0, 0, 0);

  /* The <title> line taken out: the <case> on line 2 has no title. */
  cut = strstr (xml, "  <title>");
  broken = g_strdup (xml);
  memmove (broken + (cut - xml), strchr (cut, '\n') + 1, strlen (strchr (cut, '\n') + 1) + 1);
  library_test_write_file (a, broken);
  assert_update (t->store, 2, 1, 0, 0, 1);

  info = library_test_find_case (t->store, a);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->problem, ==, "error: <case> has no <title>");
  g_assert_cmpuint (info->problem_line, ==, 2);
  g_assert_cmpuint (info->n_items, ==, 0);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 0);
  g_assert_cmpuint (library_test_n_hits (t->store, "otter", b), ==, 2);

  library_test_write_file (a, xml);
  assert_update (t->store, 2, 1, 0, 0, 0);
  assert_case (t->store, a, "Case of the tusks", 3);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", a), ==, 3);
}

/* A touch changes the time, not the content: the file is read once to
 * learn that (n_unchanged), its case is not stored again, and the next
 * update reads nothing. */
static void
test_touch (LibraryTest   *t,
            gconstpointer  data)
{
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);
  g_autoptr(DossierLibraryCaseInfo) before = NULL;
  g_autoptr(DossierLibraryCaseInfo) after = NULL;
  struct utimbuf times = { 1418000000, 1418000000 };

  assert_update (t->store, 1, 1, 0, 0, 0);
  before = library_test_find_case (t->store, a);
  g_assert_cmpint (utime (a, &times), ==, 0);

  assert_update (t->store, 1, 0, 1, 0, 0);
  after = library_test_find_case (t->store, a);
  g_assert_cmpint (after->stamp.mtime, ==, (gint64) 1418000000 * G_USEC_PER_SEC);
  g_assert_cmpstr (after->stamp.sha256, ==, before->stamp.sha256);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", a), ==, 3);

  assert_update (t->store, 1, 0, 0, 0, 0);
}

/* Removing a folder drops its cases, except those another folder of the
 * library holds. */
static void
test_remove_folder (LibraryTest   *t,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (t->folder, "sub", NULL);
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);
  g_autofree char *b = NULL;
  g_autofree char *sub_slash = g_strconcat (sub, "/", NULL);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  b = library_test_write_case (sub, "b.case.xml", "Case of the river", "otter", 2);
  g_assert_true (dossier_library_add_folder (t->store, sub, &error));
  assert_update (t->store, 2, 2, 0, 0, 0);

  g_assert_true (dossier_library_remove_folder (t->store, t->folder, &error));
  g_assert_no_error (error);
  g_assert_null (library_test_find_case (t->store, a));
  assert_case (t->store, b, "Case of the river", 2);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 0);

  /* Not a folder of the library (any more): an error, nothing changes. */
  g_assert_false (dossier_library_remove_folder (t->store, t->folder, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_IN_LIBRARY);
  g_clear_error (&error);
  g_assert_cmpuint (library_test_n_cases (t->store), ==, 1);

  /* As typed, with a slash at the end. */
  g_assert_true (dossier_library_remove_folder (t->store, sub_slash, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (library_test_n_cases (t->store), ==, 0);
  assert_update (t->store, 0, 0, 0, 0, 0);

  /* A case file kept as an entry of its own (a case opened in Dossier)
   * goes with its entry. */
  g_assert_true (dossier_library_store_add_folder (t->store, a, &error));
  assert_update (t->store, 1, 1, 0, 0, 0);
  assert_case (t->store, a, "Case of the tusks", 3);
  g_assert_true (dossier_library_remove_folder (t->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (library_test_n_cases (t->store), ==, 0);
}

/* A store that hands every call on to a real SQLite store and, when a
 * case is stored, changes its file as an editor saving at that very
 * moment would: the file changed while it was indexed. */
#define TEST_TYPE_EDITING_STORE (test_editing_store_get_type ())
G_DECLARE_FINAL_TYPE (TestEditingStore, test_editing_store, TEST, EDITING_STORE, GObject)

struct _TestEditingStore
{
  GObject              parent_instance;
  DossierLibraryStore *real;
  guint                n_puts;
  guint                n_edits;   /* edit the file at this many puts */
};

static void test_editing_store_iface_init (DossierLibraryStoreInterface *iface);

G_DEFINE_TYPE_WITH_CODE (TestEditingStore, test_editing_store, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_LIBRARY_STORE,
                                                test_editing_store_iface_init))

#define REAL(store) (TEST_EDITING_STORE (store)->real)

static gboolean
editing_add_folder (DossierLibraryStore *store, const char *path, GError **error)
{
  return dossier_library_store_add_folder (REAL (store), path, error);
}

static gboolean
editing_remove_folder (DossierLibraryStore *store, const char *path, GError **error)
{
  return dossier_library_store_remove_folder (REAL (store), path, error);
}

static GStrv
editing_list_folders (DossierLibraryStore *store, GError **error)
{
  return dossier_library_store_list_folders (REAL (store), error);
}

static gboolean
editing_get_stamp (DossierLibraryStore *store, const char *path, DossierLibraryStamp *stamp)
{
  return dossier_library_store_get_stamp (REAL (store), path, stamp);
}

static gboolean
editing_touch_case (DossierLibraryStore *store, const char *path,
                    const DossierLibraryStamp *stamp, GError **error)
{
  return dossier_library_store_touch_case (REAL (store), path, stamp, error);
}

static gboolean
editing_put_case (DossierLibraryStore *store, const DossierLibraryCaseInfo *info,
                  GPtrArray *items, GError **error)
{
  TestEditingStore *self = TEST_EDITING_STORE (store);

  self->n_puts++;
  if (self->n_puts <= self->n_edits)
    {
      /* A new version, longer each time: its size tells it apart. */
      g_autofree char *title = g_strdup_printf ("Saved %u times", self->n_puts);
      g_autofree char *folder = g_path_get_dirname (info->path);
      g_autofree char *name = g_path_get_basename (info->path);

      g_free (library_test_write_case (folder, name, title, "seal", 2 + self->n_puts));
    }
  return dossier_library_store_put_case (REAL (store), info, items, error);
}

static gboolean
editing_remove_case (DossierLibraryStore *store, const char *path, GError **error)
{
  return dossier_library_store_remove_case (REAL (store), path, error);
}

static GPtrArray *
editing_list_cases (DossierLibraryStore *store, GError **error)
{
  return dossier_library_store_list_cases (REAL (store), error);
}

static GPtrArray *
editing_search (DossierLibraryStore *store, DossierSearchQuery *query,
                guint max_results, GError **error)
{
  return dossier_library_store_search (REAL (store), query, max_results, error);
}

static void
test_editing_store_iface_init (DossierLibraryStoreInterface *iface)
{
  iface->add_folder = editing_add_folder;
  iface->remove_folder = editing_remove_folder;
  iface->list_folders = editing_list_folders;
  iface->get_stamp = editing_get_stamp;
  iface->touch_case = editing_touch_case;
  iface->put_case = editing_put_case;
  iface->remove_case = editing_remove_case;
  iface->list_cases = editing_list_cases;
  iface->search = editing_search;
}

static void
test_editing_store_finalize (GObject *object)
{
  g_clear_object (&TEST_EDITING_STORE (object)->real);
  G_OBJECT_CLASS (test_editing_store_parent_class)->finalize (object);
}

static void
test_editing_store_class_init (TestEditingStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_editing_store_finalize;
}

static void
test_editing_store_init (TestEditingStore *self)
{
}

/* Saved once while it was indexed: read again, and the library holds
 * what the file holds now. */
static void
test_changed_while_read (LibraryTest   *t,
                         gconstpointer  data)
{
  g_autoptr(TestEditingStore) store = g_object_new (TEST_TYPE_EDITING_STORE, NULL);
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);

  store->real = g_object_ref (t->store);
  store->n_edits = 1;
  assert_update (DOSSIER_LIBRARY_STORE (store), 1, 1, 0, 0, 0);
  g_assert_cmpuint (store->n_puts, ==, 2);

  assert_case (t->store, a, "Saved 1 times", 3);
  g_assert_cmpuint (library_test_n_hits (t->store, "walrus", NULL), ==, 0);
  g_assert_cmpuint (library_test_n_hits (t->store, "seal", a), ==, 3);
  assert_update (t->store, 1, 0, 0, 0, 0);
}

/* Saved again at every read: after three reads the update stores the
 * last one read and goes on; the next update sees the file changed and
 * brings it up to date. */
static void
test_changing_all_the_time (LibraryTest   *t,
                            gconstpointer  data)
{
  g_autoptr(TestEditingStore) store = g_object_new (TEST_TYPE_EDITING_STORE, NULL);
  g_autofree char *a = library_test_write_case (t->folder, "a.case.xml", "Case of the tusks", "walrus", 3);

  store->real = g_object_ref (t->store);
  store->n_edits = 3;
  assert_update (DOSSIER_LIBRARY_STORE (store), 1, 1, 0, 0, 0);
  g_assert_cmpuint (store->n_puts, ==, 3);
  /* The third read was of what the second save wrote. */
  assert_case (t->store, a, "Saved 2 times", 4);

  assert_update (t->store, 1, 1, 0, 0, 0);
  assert_case (t->store, a, "Saved 3 times", 5);
  g_assert_cmpuint (library_test_n_hits (t->store, "seal", a), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  FIXTURE ("/library-update/add", test_add);
  FIXTURE ("/library-update/change", test_change);
  FIXTURE ("/library-update/delete", test_delete);
  FIXTURE ("/library-update/rename", test_rename);
  FIXTURE ("/library-update/invalid-and-back", test_invalid_and_back);
  FIXTURE ("/library-update/touch", test_touch);
  FIXTURE ("/library-update/remove-folder", test_remove_folder);
  FIXTURE ("/library-update/changed-while-read", test_changed_while_read);
  FIXTURE ("/library-update/changing-all-the-time", test_changing_all_the_time);

  return g_test_run ();
}
