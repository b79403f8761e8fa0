/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-cache.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

char *
dossier_library_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "dossier", "team-cases", NULL);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* The file's name for the copy: its base name, never a path. */
static char *
copy_name (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  if (strcmp (name, ".") == 0 || strcmp (name, "..") == 0 || strcmp (name, G_DIR_SEPARATOR_S) == 0)
    return g_strdup ("case.case.xml");
  return g_steal_pointer (&name);
}

static gboolean
copy_is_good (const char *file_path,
              const char *sha256)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (file_path, FALSE, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *have = NULL;

  if (mapped == NULL)
    return FALSE;
  bytes = g_mapped_file_get_bytes (mapped);
  have = sha256_of (bytes);
  return strcmp (have, sha256) == 0;
}

GFile *
dossier_library_cache_put (GBytes      *bytes,
                           const char  *sha256,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *root = dossier_library_cache_dir ();
  g_autofree char *folder = NULL;
  g_autofree char *name = copy_name (path);
  g_autofree char *file_path = NULL;
  g_autofree char *temp_path = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* The name of a folder: nothing but a SHA-256 in hex. */
  if (!is_sha256 (sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The team library's copy of %s is not the file it indexed "
                     "(its SHA-256 differs)"), name);
      return NULL;
    }

  folder = g_build_filename (root, sha256, NULL);
  file_path = g_build_filename (folder, name, NULL);
  if (copy_is_good (file_path, sha256))
    return g_file_new_for_path (file_path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot make the folder %s: %s"), folder, g_strerror (saved));
      return NULL;
    }
  temp_path = g_strdup_printf ("%s.part-%u", file_path, g_random_int ());
  if (!g_file_set_contents_full (temp_path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0444, error))
    return NULL;
  if (g_rename (temp_path, file_path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), file_path, g_strerror (saved));
      return NULL;
    }
  return g_file_new_for_path (file_path);
}

gboolean
dossier_library_cache_holds (GFile *file)
{
  g_autofree char *root = dossier_library_cache_dir ();
  g_autoptr(GFile) cache = g_file_new_for_path (root);

  return g_file_has_prefix (file, cache);
}
