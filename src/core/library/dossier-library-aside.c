/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "dossier-library-private.h"

/* A file that is not a usable library is never used nor deleted: it is
 * renamed beside itself, with its journal. */

char *
dossier_library_set_aside (const char  *path,
                           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  char *aside = g_strdup_printf ("%s.set-aside-%s", path, stamp);

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.set-aside-%s-%u", path, stamp, n);
    }
  if (g_rename (path, aside) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                   "%s: %s", path, g_strerror (saved));
      g_free (aside);
      return NULL;
    }
  /* The journal of the old file belongs to it. */
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return aside;
}
