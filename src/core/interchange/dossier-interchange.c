/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-interchange.h"

#include <string.h>

#include "dossier-export.h"
#include "dossier-interchange-private.h"

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [DOSSIER_INTERCHANGE_STIX] = { "stix", "json", "application/stix+json" },
  [DOSSIER_INTERCHANGE_CSL_JSON] = { "csl-json", "json", "application/vnd.citationstyles.csl+json" },
  [DOSSIER_INTERCHANGE_TIMESKETCH] = { "timesketch", "jsonl", "application/jsonl" },
  [DOSSIER_INTERCHANGE_TIMESKETCH_CSV] = { "timesketch-csv", "csv", "text/csv" },
};

const char *
dossier_interchange_format_to_string (DossierInterchangeFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].name;
}

gboolean
dossier_interchange_format_from_string (const char               *str,
                                        DossierInterchangeFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (str, formats[i].name))
      {
        *out = (DossierInterchangeFormat) i;
        return TRUE;
      }

  return FALSE;
}

const char *
dossier_interchange_format_get_extension (DossierInterchangeFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

const char *
dossier_interchange_format_get_mime_type (DossierInterchangeFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

gboolean
dossier_interchange_to_stream (DossierCase                    *dcase,
                               DossierInterchangeFormat        format,
                               DossierInterchangeProgressFunc  progress,
                               gpointer                        progress_data,
                               GOutputStream                  *stream,
                               GCancellable                   *cancellable,
                               GError                        **error)
{
  g_autoptr(DossierJsonSink) sink = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  sink = dossier_json_sink_new (stream, cancellable, progress, progress_data);
  switch (format)
    {
    case DOSSIER_INTERCHANGE_STIX:
      ok = dossier_stix_export (dcase, sink, error);
      break;
    case DOSSIER_INTERCHANGE_CSL_JSON:
      ok = dossier_csl_export (dcase, sink, error);
      break;
    case DOSSIER_INTERCHANGE_TIMESKETCH:
      ok = dossier_timesketch_export (dcase, sink, FALSE, error);
      break;
    case DOSSIER_INTERCHANGE_TIMESKETCH_CSV:
      ok = dossier_timesketch_export (dcase, sink, TRUE, error);
      break;
    default:
      g_assert_not_reached ();
    }

  return ok && dossier_json_sink_finish (sink, error);
}

GBytes *
dossier_interchange_to_bytes (DossierCase               *dcase,
                              DossierInterchangeFormat   format,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);

  stream = g_memory_output_stream_new_resizable ();
  if (!dossier_interchange_to_stream (dcase, format, NULL, NULL, stream, cancellable, error) ||
      !g_output_stream_close (stream, cancellable, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

char *
dossier_interchange_suggest_filename (DossierCase              *dcase,
                                      DossierInterchangeFormat  format)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  /* The summary's safe name, its extension replaced: "NAME.stix.json",
   * "NAME.csl.json", "NAME.timeline.jsonl", "NAME.timeline.csv". */
  base = dossier_export_suggest_filename (dcase, DOSSIER_EXPORT_TEXT);
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';

  switch (format)
    {
    case DOSSIER_INTERCHANGE_STIX:
      return g_strconcat (base, ".stix.json", NULL);
    case DOSSIER_INTERCHANGE_CSL_JSON:
      return g_strconcat (base, ".csl.json", NULL);
    case DOSSIER_INTERCHANGE_TIMESKETCH:
      return g_strconcat (base, ".timeline.jsonl", NULL);
    case DOSSIER_INTERCHANGE_TIMESKETCH_CSV:
    default:
      return g_strconcat (base, ".timeline.csv", NULL);
    }
}
