/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "library-test.h"

#include <glib/gstdio.h>
#include <string.h>

void
library_test_setup (LibraryTest   *t,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  DossierLibrarySqlite *sqlite;

  t->dir = g_dir_make_tmp ("dossier-library-XXXXXX", &error);
  g_assert_no_error (error);
  t->folder = g_build_filename (t->dir, "cases", NULL);
  t->db_path = g_build_filename (t->dir, "db", "library.sqlite3", NULL);
  g_assert_cmpint (g_mkdir (t->folder, 0700), ==, 0);

  sqlite = dossier_library_sqlite_open (t->db_path, &notice, &error);
  g_assert_no_error (error);
  g_assert_null (notice);
  t->store = DOSSIER_LIBRARY_STORE (sqlite);
  g_assert_true (dossier_library_add_folder (t->store, t->folder, &error));
  g_assert_no_error (error);
}

void
library_test_teardown (LibraryTest   *t,
                       gconstpointer  data)
{
  g_clear_object (&t->store);
  library_test_remove_tree (t->dir);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->folder, g_free);
  g_clear_pointer (&t->db_path, g_free);
}

char *
library_test_case_xml (const char *id,
                       const char *title,
                       const char *word,
                       guint       n_notes)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append_printf (xml, "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"%s\">\n"
                               "  <title>%s</title>\n"
                               "  <notes>\n", id, title);
  for (guint i = 1; i <= n_notes; i++)
    g_string_append_printf (xml, "    <note id=\"n%u\" created=\"2014-12-%02u\">"
                                 "<title>Note %u about %s</title>"
                                 "<p>The %s report, part %u.</p></note>\n",
                            i, 1 + (i - 1) % 28, i, word, word, i);
  g_string_append (xml, "  </notes>\n</case>\n");
  return g_string_free (xml, FALSE);
}

void
library_test_write_file (const char *path,
                         const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

char *
library_test_write_case (const char *folder,
                         const char *name,
                         const char *title,
                         const char *word,
                         guint       n_notes)
{
  g_autofree char *id = g_strndup (name, strcspn (name, "."));
  g_autofree char *xml = library_test_case_xml (id, title, word, n_notes);
  char *path = g_build_filename (folder, name, NULL);

  library_test_write_file (path, xml);
  return path;
}

void
library_test_update (DossierLibraryStore  *store,
                     DossierLibraryUpdate *out_update)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_library_update (store, NULL, NULL, out_update, NULL, &error));
  g_assert_no_error (error);
}

DossierLibraryCaseInfo *
library_test_find_case (DossierLibraryStore *store,
                        const char          *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = dossier_library_store_list_cases (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);

      if (strcmp (info->path, path) == 0)
        return g_ptr_array_steal_index (cases, i);
    }
  return NULL;
}

guint
library_test_n_cases (DossierLibraryStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = dossier_library_store_list_cases (store, &error);

  g_assert_no_error (error);
  return cases->len;
}

guint
library_test_n_hits (DossierLibraryStore *store,
                     const char          *query_text,
                     const char          *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (query_text, &error);
  g_autoptr(GPtrArray) hits = NULL;
  guint n = 0;

  g_assert_no_error (error);
  hits = dossier_library_store_search (store, query, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierLibraryHit *hit = g_ptr_array_index (hits, i);

      if (path == NULL || strcmp (hit->path, path) == 0)
        n++;
    }
  return n;
}

void
library_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      library_test_remove_tree (child);
    }
  g_rmdir (path);
}
