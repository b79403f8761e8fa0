/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "dossier-core.h"
#include "dossier-export.h"

/* Exports a large case in every format and prints each time beside the
 * time it took to load the case. The goal is an export under twice the
 * load time. A benchmark: it prints figures and never fails on time.
 *
 *   python3 build-aux/generate-large-case.py --notes 100000 /tmp/large.case.xml
 *   build/tests/bench-export /tmp/large.case.xml [FORMAT...]
 *
 * FORMATs (markdown, html, text, pdf) after the file limit the run to
 * them: the PDF takes far longer than the others.
 *
 * Without an argument it uses /tmp/large.case.xml and makes it first
 * when missing (needs DOSSIER_SOURCE_ROOT, which meson sets). */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static gboolean
ensure_case (const char *path)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (root == NULL)
    {
      fprintf (stderr, "%s is missing; make it with build-aux/generate-large-case.py\n", path);
      return FALSE;
    }

  script = g_build_filename (root, "build-aux", "generate-large-case.py", NULL);
  {
    const char *argv[] = { "python3", script, "--notes", "100000", path, NULL };

    printf ("generating %s ...\n", path);
    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                       NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        fprintf (stderr, "cannot generate %s: %s\n", path, error->message);
        return FALSE;
      }
  }

  return TRUE;
}

static gboolean
format_is_wanted (DossierExportFormat   format,
                  int                   argc,
                  char                **argv)
{
  if (argc <= 2)
    return TRUE;

  for (int i = 2; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], dossier_export_format_to_string (format)) == 0)
        return TRUE;
    }

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "/tmp/large.case.xml";
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  gint64 start;
  double load_time;

  if (!ensure_case (path))
    return 1;

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  load_time = seconds_since (start);
  if (dcase == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  printf ("case: %s (%" G_GSIZE_FORMAT " bytes, %u notes)\n", path, dossier_case_get_size (dcase),
          g_list_model_get_n_items (dossier_case_get_notes (dcase)));
  printf ("%-10s %8.3f s\n", "load", load_time);

  for (DossierExportFormat format = DOSSIER_EXPORT_MARKDOWN; format <= DOSSIER_EXPORT_PDF; format++)
    {
      DossierExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      double export_time;

      if (!format_is_wanted (format, argc, argv))
        continue;

      dossier_export_options_init (&options);
      options.format = format;
      options.notes = DOSSIER_EXPORT_NOTES_ALL;
      options.paper = DOSSIER_PAPER_A4;

      start = g_get_monotonic_time ();
      bytes = dossier_export_to_bytes (dcase, &options, NULL, &error);
      export_time = seconds_since (start);
      if (bytes == NULL)
        {
          fprintf (stderr, "%s: %s\n", dossier_export_format_to_string (format), error->message);
          return 1;
        }

      printf ("%-10s %8.3f s  %5.2f× load  %10" G_GSIZE_FORMAT " bytes  %s\n",
              dossier_export_format_to_string (format), export_time, export_time / load_time,
              g_bytes_get_size (bytes), export_time < 2 * load_time ? "within goal" : "over goal (2× load)");
    }

  return 0;
}
