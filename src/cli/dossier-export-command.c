/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-command.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "dossier-chart-export.h"
#include "dossier-export.h"
#include "dossier-interchange.h"
#include "dossier-case-open.h"
#include "dossier-safe-writer.h"

static int
fail (FILE       *err,
      int         status,
      const char *message)
{
  fprintf (err, "dossier: %s\n", message);
  return status;
}

/* --export=stix, csl-json, timesketch, timesketch-csv: the whole case as
 * data for other tools, through the same safe writer. */
static int
export_interchange (const char               *path,
                    DossierInterchangeFormat  format,
                    const char               *output,
                    gboolean                  force,
                    FILE                     *out,
                    FILE                     *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(DossierCase) dcase = dossier_case_open_file (file, NULL, NULL, NULL, NULL, NULL, &error);

  if (dcase == NULL)
    {
      fprintf (err, "%s\n", error->message);
      return 1;
    }

  if (output == NULL || g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = dossier_interchange_to_bytes (dcase, format, NULL, &error);
      gsize size;
      const void *data;

      if (bytes == NULL)
        return fail (err, 1, error->message);
      data = g_bytes_get_data (bytes, &size);
      if (fwrite (data, 1, size, out) != size || fflush (out) != 0)
        return fail (err, 1, _("could not write to the standard output"));
      return 0;
    }
  else
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);
      g_autoptr(DossierSafeWriter) writer = NULL;

      writer = dossier_safe_writer_new (target, file,
                                        force ? DOSSIER_SAFE_WRITER_REPLACE : DOSSIER_SAFE_WRITER_NONE,
                                        NULL, &error);
      if (writer == NULL)
        return fail (err, 1, error->message);
      if (!dossier_interchange_to_stream (dcase, format, NULL, NULL,
                                          dossier_safe_writer_get_stream (writer), NULL, &error) ||
          !dossier_safe_writer_commit (writer, NULL, &error))
        return fail (err, 1, error->message);
      return 0;
    }
}

int
dossier_export_command (const char *path,
                        const char *format,
                        const char *output,
                        const char *sections,
                        const char *notes,
                        gboolean    force,
                        FILE       *out,
                        FILE       *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  DossierExportOptions options;
  DossierChartExportFormat chart_format;
  gboolean chart;
  DossierInterchangeFormat interchange;
  gboolean to_out;

  g_return_val_if_fail (out != NULL, 2);
  g_return_val_if_fail (err != NULL, 2);

  dossier_export_options_init (&options);

  if (format != NULL && dossier_interchange_format_from_string (format, &interchange))
    {
      if (sections != NULL || notes != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("--sections and --notes do not apply to %s: it always holds the whole case"),
                                                      format);
          return fail (err, 2, message);
        }
      if (path == NULL)
        return fail (err, 2, _("--export needs a case FILE"));
      return export_interchange (path, interchange, output, force, out, err);
    }
  /* The timeline chart is drawn, not written: its own formats. */
  chart = dossier_chart_export_format_from_string (format, &chart_format);
  if (format == NULL || (!chart && !dossier_export_format_from_string (format, &options.format)))
    {
      g_autofree char *message = g_strdup_printf (_("unknown export format “%s”; use markdown, html, text, pdf, timeline-svg, timeline-png, stix, csl-json, timesketch or timesketch-csv"),
                                                  format != NULL ? format : "");
      return fail (err, 2, message);
    }
  if (sections != NULL && !dossier_export_parse_sections (sections, &options.sections, &error))
    return fail (err, 2, error->message);
  if (notes != NULL && !dossier_export_parse_notes (notes, &options.notes, &options.notes_arg, &error))
    return fail (err, 2, error->message);
  if (path == NULL)
    return fail (err, 2, _("--export needs a case FILE"));

  to_out = output == NULL || g_strcmp0 (output, "-") == 0;
  if (to_out && options.format == DOSSIER_EXPORT_PDF && isatty (fileno (out)))
    return fail (err, 2, _("will not write a PDF to a terminal; use --output=FILE or a pipe"));
  if (to_out && chart && chart_format == DOSSIER_CHART_EXPORT_PNG && isatty (fileno (out)))
    return fail (err, 2, _("will not write a PNG to a terminal; use --output=FILE or a pipe"));

  file = g_file_new_for_commandline_arg (path);
  dcase = dossier_case_open_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  if (dcase == NULL)
    {
      fprintf (err, "%s\n", error->message);
      return 1;
    }

  if (to_out)
    {
      g_autoptr(GBytes) bytes = chart ? dossier_chart_export_to_bytes (dcase, &options, chart_format, NULL, &error)
                                      : dossier_export_to_bytes (dcase, &options, NULL, &error);
      gsize size;
      const void *data;

      if (bytes == NULL)
        return fail (err, 1, error->message);
      data = g_bytes_get_data (bytes, &size);
      if (fwrite (data, 1, size, out) != size || fflush (out) != 0)
        return fail (err, 1, _("could not write to the standard output"));
      return 0;
    }
  else
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (output);
      g_autoptr(DossierSafeWriter) writer = NULL;

      writer = dossier_safe_writer_new (target, file,
                                        force ? DOSSIER_SAFE_WRITER_REPLACE : DOSSIER_SAFE_WRITER_NONE,
                                        NULL, &error);
      if (writer == NULL)
        return fail (err, 1, error->message);
      if (!(chart ? dossier_chart_export_to_stream (dcase, &options, chart_format,
                                                    dossier_safe_writer_get_stream (writer), NULL, &error)
                  : dossier_export_to_stream (dcase, &options, dossier_safe_writer_get_stream (writer),
                                              NULL, &error)) ||
          !dossier_safe_writer_commit (writer, NULL, &error))
        return fail (err, 1, error->message);
      return 0;
    }
}
