/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "dossier-core.h"
#include "dossier-loader.h"

/* Loads a case file N times and prints how long each phase took (the
 * best of the runs): reading, the byte checks, the SAX parse that builds
 * the model, the checks after it, and the whole load; beside them, a SAX
 * pass that builds nothing, as the floor the parser sets.
 *
 *   bench-load [FILE] [N]
 *
 * Without FILE, the sample case. Prints figures; never fails on time. */

static double
ms (gint64 us)
{
  return us / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *default_path = NULL;
  const char *path;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  DossierLoadTimings best = { G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64 };
  gint64 best_sax = G_MAXINT64;
  gsize length;
  guint n = 5;

  setlocale (LC_ALL, "");

  if (argc > 1)
    path = argv[1];
  else
    {
      const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

      default_path = g_build_filename (root != NULL ? root : ".", "data", "cases",
                                       "sony-pictures-2014.case.xml", NULL);
      path = default_path;
    }
  if (argc > 2)
    n = MAX (1, atoi (argv[2]));

  file = g_file_new_for_commandline_arg (path);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      fprintf (stderr, "bench-load: cannot read %s\n", path);
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierCase) self = NULL;
      DossierLoadTimings timings;
      gint64 start;
      gboolean ok;

      self = dossier_case_load (file, NULL, NULL, NULL, &error);
      if (self == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      dossier_loader_get_last_timings (&timings);
      best.read = MIN (best.read, timings.read);
      best.prescan = MIN (best.prescan, timings.prescan);
      best.parse = MIN (best.parse, timings.parse);
      best.check = MIN (best.check, timings.check);
      best.total = MIN (best.total, timings.total);

      start = g_get_monotonic_time ();
      ok = dossier_loader_sax_only_pass (contents, length);
      best_sax = MIN (best_sax, g_get_monotonic_time () - start);
      if (!ok)
        {
          fprintf (stderr, "bench-load: the SAX-only pass failed\n");
          return 1;
        }
    }

  printf ("file            %s (%.1f MB)\n", path, length / 1e6);
  printf ("runs            %u (best of)\n", n);
  printf ("read            %8.1f ms\n", ms (best.read));
  printf ("byte checks     %8.1f ms\n", ms (best.prescan));
  printf ("parse + model   %8.1f ms\n", ms (best.parse));
  printf ("checks          %8.1f ms\n", ms (best.check));
  printf ("whole load      %8.1f ms\n", ms (best.total));
  printf ("SAX only        %8.1f ms  (libxml2 with no work in the callbacks)\n", ms (best_sax));
  printf ("load / SAX      %8.2f x\n", (double)best.total / MAX (best_sax, 1));

  return 0;
}
