/* SPDX-License-Identifier: GPL-3.0-or-later */
/* renameat2 () and RENAME_NOREPLACE are GNU extensions. */
#define _GNU_SOURCE 1
#include "config.h"

#include "dossier-safe-writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_ATTEMPTS 100

struct _DossierSafeWriter
{
  GFile             *target;
  GFile             *protected_file;
  GFile             *temp;
  GOutputStream     *stream;
  char              *path;
  char              *temp_path;
  DossierSafeWriterFlags flags;
  gboolean           committed;
};

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write %s: %s"), path, g_strerror (saved_errno));
}

/* The checks made before writing and again just before the rename. */
static gboolean
check_target (const char              *path,
              GFile                   *target,
              GFile                   *protected_file,
              DossierSafeWriterFlags   flags,
              GError                 **error)
{
  struct stat st;

  if (protected_file != NULL && g_file_equal (target, protected_file))
    goto is_case_file;

  if (lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      set_errno_error (error, saved_errno, path);
      return FALSE;
    }

  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s is a symbolic link; Dossier does not write through links, choose another name"),
                   path);
      return FALSE;
    }

  if (protected_file != NULL)
    {
      g_autofree char *protected_path = g_file_get_path (protected_file);
      struct stat pst;

      if (protected_path != NULL && stat (protected_path, &pst) == 0 &&
          pst.st_dev == st.st_dev && pst.st_ino == st.st_ino)
        goto is_case_file;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder; choose a file name"), path);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is not a regular file"), path);
      return FALSE;
    }

  if ((flags & DOSSIER_SAFE_WRITER_REPLACE) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists; use --force to replace it"), path);
      return FALSE;
    }

  return TRUE;

is_case_file:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("%s is the case file being exported; choose another name"), path);
  return FALSE;
}

static void
remove_temp (DossierSafeWriter *self)
{
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);
  g_clear_object (&self->temp);
}

/* Makes sure the bytes are on the disk before the rename makes them the
 * target: a crash then leaves the old file or the new, never a hole. */
static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (directory ? O_DIRECTORY : 0));

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      /* Some file systems cannot sync a folder; the file is what matters. */
      if (directory)
        return TRUE;
      set_errno_error (error, saved_errno, path);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

DossierSafeWriter *
dossier_safe_writer_new (GFile                   *target,
                         GFile                   *protected_file,
                         DossierSafeWriterFlags   flags,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autoptr(DossierSafeWriter) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (protected_file == NULL || G_IS_FILE (protected_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (DossierSafeWriter, 1);
  self->target = g_object_ref (target);
  self->protected_file = protected_file != NULL ? g_object_ref (protected_file) : NULL;
  self->flags = flags;
  self->path = g_file_get_path (target);
  if (self->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file; exports are written to local files only"), uri);
      return NULL;
    }

  if (!check_target (self->path, target, protected_file, flags, error))
    return NULL;

  dir = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);
  if (strlen (base) > 100)
    base[100] = '\0';

  for (guint attempt = 0; attempt < TEMP_ATTEMPTS; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;
      GFileOutputStream *stream;
      char suffix[7];

      for (guint i = 0; i < 6; i++)
        suffix[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)];
      suffix[6] = '\0';
      name = g_strdup_printf (".%s.%s.part", base, suffix);
      self->temp_path = g_build_filename (dir, name, NULL);
      self->temp = g_file_new_for_path (self->temp_path);

      /* O_CREAT | O_EXCL: never an existing file, never through a link. */
      stream = g_file_create (self->temp, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream != NULL)
        {
          self->stream = G_OUTPUT_STREAM (stream);
          return g_steal_pointer (&self);
        }

      g_clear_pointer (&self->temp_path, g_free);
      g_clear_object (&self->temp);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Cannot write in %s: %s"), dir, local_error->message);
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Cannot create a temporary file in %s"), dir);
  return NULL;
}

GOutputStream *
dossier_safe_writer_get_stream (DossierSafeWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

GFile *
dossier_safe_writer_get_temp_file (DossierSafeWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp;
}

gboolean
dossier_safe_writer_commit (DossierSafeWriter  *self,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autofree char *dir = NULL;
  int result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);
  g_return_val_if_fail (self->temp_path != NULL, FALSE);

  if (!g_output_stream_close (self->stream, cancellable, error) ||
      !sync_path (self->temp_path, FALSE, error) ||
      /* The target may have changed while the export ran. */
      !check_target (self->path, self->target, self->protected_file, self->flags, error))
    {
      remove_temp (self);
      return FALSE;
    }

  if (self->flags & DOSSIER_SAFE_WRITER_REPLACE)
    result = rename (self->temp_path, self->path);
  else
    {
      result = renameat2 (AT_FDCWD, self->temp_path, AT_FDCWD, self->path, RENAME_NOREPLACE);
      if (result != 0 && (errno == EINVAL || errno == ENOSYS))
        {
          /* No RENAME_NOREPLACE on this file system: link() refuses an
           * existing name as well. */
          result = link (self->temp_path, self->path);
          if (result == 0)
            g_unlink (self->temp_path);
        }
    }

  if (result != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("%s already exists; use --force to replace it"), self->path);
      else
        set_errno_error (error, saved_errno, self->path);
      remove_temp (self);
      return FALSE;
    }

  g_clear_pointer (&self->temp_path, g_free);
  g_clear_object (&self->temp);
  self->committed = TRUE;

  dir = g_path_get_dirname (self->path);
  sync_path (dir, TRUE, NULL);

  return TRUE;
}

void
dossier_safe_writer_free (DossierSafeWriter *self)
{
  if (self == NULL)
    return;

  if (!self->committed)
    remove_temp (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->target);
  g_clear_object (&self->protected_file);
  g_clear_object (&self->temp);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

gboolean
dossier_safe_write_bytes (GFile                   *target,
                          GFile                   *protected_file,
                          GBytes                  *bytes,
                          DossierSafeWriterFlags   flags,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_autoptr(DossierSafeWriter) writer = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  writer = dossier_safe_writer_new (target, protected_file, flags, cancellable, error);
  if (writer == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!g_output_stream_write_all (writer->stream, data, size, NULL, cancellable, error))
    return FALSE;

  return dossier_safe_writer_commit (writer, cancellable, error);
}
