/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-safe-writer.h"

/* Hostile inputs, item 16: exports go to a temporary file beside the
 * target and are renamed; an existing file is replaced only when asked;
 * the case file is never the target; a symbolic link is not written
 * through; nothing is left behind. */

typedef struct
{
  char  *dir;
  GFile *folder;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-safe-writer-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_file_new_for_path (f->dir);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->folder);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the folder, sorted, joined by spaces. */
static char *
list_folder (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static gboolean
write_bytes (GFile                   *target,
             GFile                   *protected_file,
             const char              *text,
             DossierSafeWriterFlags   flags,
             GError                 **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return dossier_safe_write_bytes (target, protected_file, bytes, flags, NULL, error);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = path_in (f, "summary.md");
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (write_bytes (target, NULL, "# Summary\n", DOSSIER_SAFE_WRITER_NONE, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "# Summary\n");
  /* No temporary file left. */
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "summary.md");
}

static void
test_temp_file_beside_target (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = path_in (f, "summary.md");
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSafeWriter) writer = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *listing = NULL;
  GFile *temp;

  writer = dossier_safe_writer_new (target, NULL, DOSSIER_SAFE_WRITER_NONE, NULL, &error);
  g_assert_no_error (error);
  temp = dossier_safe_writer_get_temp_file (writer);
  parent = g_file_get_parent (temp);
  g_assert_true (g_file_equal (parent, f->folder));
  temp_name = g_file_get_basename (temp);
  g_assert_true (g_str_has_prefix (temp_name, ".summary.md."));
  g_assert_true (g_str_has_suffix (temp_name, ".part"));

  g_assert_true (g_output_stream_write_all (dossier_safe_writer_get_stream (writer), "abc", 3, NULL, NULL, &error));
  /* Nothing at the target until the commit. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (dossier_safe_writer_commit (writer, NULL, &error));
  g_assert_no_error (error);
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "summary.md");
}

static void
test_replace_needs_flag (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = path_in (f, "summary.md");
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  write_file (path, "old");
  g_assert_false (write_bytes (target, NULL, "new", DOSSIER_SAFE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  expected = g_strdup_printf ("%s already exists; use --force to replace it", path);
  g_assert_cmpstr (error->message, ==, expected);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "old");
  g_clear_error (&error);

  g_assert_true (write_bytes (target, NULL, "new", DOSSIER_SAFE_WRITER_REPLACE, &error));
  g_assert_no_error (error);
  g_free (contents);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "new");
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "summary.md");
}

/* A file that appears while the export runs is not replaced either. */
static void
test_target_appears_meanwhile (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = path_in (f, "summary.md");
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSafeWriter) writer = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  writer = dossier_safe_writer_new (target, NULL, DOSSIER_SAFE_WRITER_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (dossier_safe_writer_get_stream (writer), "new", 3, NULL, NULL, &error));
  write_file (path, "someone else's");

  g_assert_false (dossier_safe_writer_commit (writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "someone else's");
  /* The temporary file is gone after the failure. */
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "summary.md");
}

static void
test_symlink_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *victim = path_in (f, "victim.txt");
  g_autofree char *link = path_in (f, "summary.md");
  g_autoptr(GFile) target = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  write_file (victim, "precious");
  g_assert_cmpint (symlink (victim, link), ==, 0);

  /* Not even with the replace flag. */
  g_assert_false (write_bytes (target, NULL, "overwritten", DOSSIER_SAFE_WRITER_REPLACE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  expected = g_strdup_printf ("%s is a symbolic link; Dossier does not write through links, choose another name", link);
  g_assert_cmpstr (error->message, ==, expected);
  contents = read_file (victim);
  g_assert_cmpstr (contents, ==, "precious");
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "summary.md victim.txt");
}

static void
test_dangling_symlink_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *link = path_in (f, "summary.md");
  g_autofree char *missing = path_in (f, "created-through-link");
  g_autoptr(GFile) target = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (missing, link), ==, 0);
  g_assert_false (write_bytes (target, NULL, "x", DOSSIER_SAFE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_case_file_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *case_path = path_in (f, "sony.case.xml");
  g_autofree char *hard_link = path_in (f, "hard-link.md");
  g_autoptr(GFile) case_file = g_file_new_for_path (case_path);
  g_autoptr(GFile) same = g_file_new_for_path (case_path);
  g_autoptr(GFile) other_name = g_file_new_for_path (hard_link);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  write_file (case_path, "<case/>");

  /* By path, with or without the replace flag. */
  g_assert_false (write_bytes (same, case_file, "export", DOSSIER_SAFE_WRITER_REPLACE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  expected = g_strdup_printf ("%s is the case file being exported; choose another name", case_path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* By device and inode: another name for the same file. */
  g_assert_cmpint (link (case_path, hard_link), ==, 0);
  g_assert_false (write_bytes (other_name, case_file, "export", DOSSIER_SAFE_WRITER_REPLACE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  contents = read_file (case_path);
  g_assert_cmpstr (contents, ==, "<case/>");
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "hard-link.md sony.case.xml");
}

static void
test_directory_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sub = path_in (f, "folder");
  g_autoptr(GFile) target = g_file_new_for_path (sub);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_false (write_bytes (target, NULL, "x", DOSSIER_SAFE_WRITER_REPLACE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  expected = g_strdup_printf ("%s is a folder; choose a file name", sub);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_abandoned_writer_cleans_up (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = path_in (f, "summary.pdf");
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *during = NULL;
  DossierSafeWriter *writer;

  writer = dossier_safe_writer_new (target, NULL, DOSSIER_SAFE_WRITER_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (dossier_safe_writer_get_stream (writer), "%PDF", 4, NULL, NULL, &error));
  during = list_folder (f);
  g_assert_true (g_str_has_prefix (during, ".summary.pdf."));

  /* An export that failed half-way: the writer is dropped. */
  dossier_safe_writer_free (writer);
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "summary.md", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (write_bytes (target, NULL, "x", DOSSIER_SAFE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  listing = list_folder (f);
  g_assert_cmpstr (listing, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, setup, func, teardown)
  ADD ("/safe-writer/new-file", test_new_file);
  ADD ("/safe-writer/temp-file-beside-target", test_temp_file_beside_target);
  ADD ("/safe-writer/replace-needs-flag", test_replace_needs_flag);
  ADD ("/safe-writer/target-appears-meanwhile", test_target_appears_meanwhile);
  ADD ("/safe-writer/symlink-refused", test_symlink_refused);
  ADD ("/safe-writer/dangling-symlink-refused", test_dangling_symlink_refused);
  ADD ("/safe-writer/case-file-refused", test_case_file_refused);
  ADD ("/safe-writer/directory-refused", test_directory_refused);
  ADD ("/safe-writer/abandoned-writer-cleans-up", test_abandoned_writer_cleans_up);
  ADD ("/safe-writer/missing-folder", test_missing_folder);
#undef ADD

  return g_test_run ();
}
