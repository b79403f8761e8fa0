/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-export.h"

#include <glib/gi18n-lib.h>

#include "dossier-export-private.h"

/* The chart on its own as an export: the items the export options
 * select, drawn by core/chart as SVG or PNG. */

gboolean
dossier_chart_export_format_from_string (const char               *str,
                                         DossierChartExportFormat *out)
{
  if (g_strcmp0 (str, "timeline-svg") == 0)
    *out = DOSSIER_CHART_EXPORT_SVG;
  else if (g_strcmp0 (str, "timeline-png") == 0)
    *out = DOSSIER_CHART_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

const char *
dossier_chart_export_format_get_extension (DossierChartExportFormat format)
{
  return format == DOSSIER_CHART_EXPORT_PNG ? "png" : "svg";
}

DossierChartModel *
dossier_chart_model_new_for_export (DossierCase                *dcase,
                                    const DossierExportOptions *options,
                                    GCancellable               *cancellable,
                                    GError                    **error)
{
  g_autoptr(GHashTable) note_ids = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!dossier_export_select_notes (dcase, options, &note_ids, cancellable, error))
    return NULL;
  return dossier_export_chart_model_new (dcase, options, note_ids);
}

GBytes *
dossier_chart_export_to_bytes (DossierCase                *dcase,
                               const DossierExportOptions *options,
                               DossierChartExportFormat    format,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr(DossierChartModel) model = NULL;
  GBytes *bytes;
  cairo_status_t status;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  model = dossier_chart_model_new_for_export (dcase, options, cancellable, error);
  if (model == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  bytes = dossier_chart_image_to_bytes (model, format, DOSSIER_CHART_EXPORT_WIDTH, &status);
  if (bytes == NULL)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not draw the timeline chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return bytes;
}

gboolean
dossier_chart_export_to_stream (DossierCase                *dcase,
                                const DossierExportOptions *options,
                                DossierChartExportFormat    format,
                                GOutputStream              *stream,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = dossier_chart_export_to_bytes (dcase, options, format, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}
