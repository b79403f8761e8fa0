/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reading the bytes of a case file: a regular file only, never blocking
 * on a FIFO, under the size cap. */

/* Bytes read at a time. */
#define READ_CHUNK     (4 * 1024 * 1024)

static gsize max_file_size = DOSSIER_CASE_MAX_FILE_SIZE;

void
dossier_loader_set_max_file_size_for_testing (gsize max_size)
{
  max_file_size = max_size != 0 ? max_size : DOSSIER_CASE_MAX_FILE_SIZE;
}

gsize
dossier_loader_get_max_file_size (void)
{
  return max_file_size;
}

/* The number is formatted outside _(): xgettext cannot see through the
 * G_GSIZE_FORMAT macro, so "%" G_GSIZE_FORMAT " MiB" never reached the
 * translators. */
static char *
format_limit (gsize size)
{
  g_autofree char *number = NULL;

  if (size >= 1024 * 1024 && size % (1024 * 1024) == 0)
    {
      number = g_strdup_printf ("%" G_GSIZE_FORMAT, size / (1024 * 1024));
      /* Translators: a size limit, e.g. "512 MiB". */
      return g_strdup_printf (_("%s MiB"), number);
    }

  number = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
  /* Translators: a size limit in bytes, e.g. "1048576 bytes". */
  return g_strdup_printf (_("%s bytes"), number);
}

void
dossier_load_add_too_large (DossierLoadProblems *problems)
{
  g_autofree char *limit = format_limit (max_file_size);

  dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                             _("the file is larger than the %s limit"), limit);
}

static void
add_not_regular (DossierLoadProblems *problems,
                 GFileType            type)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               "%s", _("this is a folder, not a case file"));
  else if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               "%s", _("the symbolic link leads nowhere"));
  else
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               "%s", _("this is not a regular file (it is a device, a pipe or a socket)"));
}

static void
add_io_error (DossierLoadProblems *problems,
              const GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s",
                               _("the file does not exist"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0, "%s",
                               _("permission to read the file was denied"));
  else
    dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                               _("the file cannot be read: %s"), error->message);
}

/* Reads a local file with plain system calls: opening with O_NONBLOCK
 * never hangs on a FIFO that appeared after the check, and fstat() on the
 * open descriptor is what counts. */
static GBytes *
read_local_file (const char          *path,
                 GCancellable        *cancellable,
                 DossierLoadProblems *problems)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize capacity;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved),
                                                     g_strerror (saved));

      if (saved == ENXIO)
        add_not_regular (problems, G_FILE_TYPE_SPECIAL);
      else
        add_io_error (problems, error);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                                 _("the file cannot be read: %s"), g_strerror (saved));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      add_not_regular (problems, S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL);
      close (fd);
      return NULL;
    }

  if ((guint64)st.st_size > max_file_size)
    {
      dossier_load_add_too_large (problems);
      close (fd);
      return NULL;
    }

  /* The size is a hint: the file may grow or shrink while read. */
  capacity = (gsize)st.st_size + 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > max_file_size)
            break;
          capacity = MIN (capacity * 2, max_file_size + 1);
          buffer = g_realloc (buffer, capacity);
        }

      if (g_cancellable_is_cancelled (cancellable))
        {
          close (fd);
          return NULL;
        }

      n = read (fd, buffer + length, MIN (capacity - length, READ_CHUNK));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          dossier_load_problems_add (problems, DOSSIER_CASE_ERROR_IO, 0, 0,
                                     _("the file cannot be read: %s"), g_strerror (saved));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  close (fd);

  if (length > max_file_size)
    {
      dossier_load_add_too_large (problems);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* Other GIO files (through GVfs): the same bounds through a stream. */
static GBytes *
read_stream (GFile               *file,
             GCancellable        *cancellable,
             DossierLoadProblems *problems)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guchar chunk[64 * 1024];

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_io_error (problems, error);
      return NULL;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk,
                                      MIN (sizeof chunk, max_file_size + 1 - buffer->len),
                                      cancellable, &error);
      if (n < 0)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            add_io_error (problems, error);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > max_file_size)
        {
          dossier_load_add_too_large (problems);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
dossier_load_read_file (GFile               *file,
                        GCancellable        *cancellable,
                        DossierLoadProblems *problems)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  GFileType type;

  /* Following symbolic links: what counts is what the link leads to (a
   * link to /dev/zero is a device). */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_io_error (problems, error);
      return NULL;
    }

  type = g_file_info_get_file_type (info);
  if (type != G_FILE_TYPE_REGULAR)
    {
      add_not_regular (problems, type);
      return NULL;
    }

  if ((guint64)g_file_info_get_size (info) > max_file_size)
    {
      dossier_load_add_too_large (problems);
      return NULL;
    }

  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local_file (path, cancellable, problems);

  return read_stream (file, cancellable, problems);
}
