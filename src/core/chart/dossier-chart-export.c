/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-export.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-chart-draw.h"
#include "dossier-chart-layout.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"

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

/* The ids of the notes @options selects, in a set; NULL for every note
 * and for none (then the section bit decides). */
static gboolean
wanted_notes (DossierCase                *dcase,
              const DossierExportOptions *options,
              GHashTable                **ids_out,
              GCancellable               *cancellable,
              GError                    **error)
{
  g_autoptr(GHashTable) ids = NULL;
  GListModel *notes = dossier_case_get_notes (dcase);
  guint n = g_list_model_get_n_items (notes);

  *ids_out = NULL;
  if (options->notes == DOSSIER_EXPORT_NOTES_ALL || options->notes == DOSSIER_EXPORT_NOTES_NONE)
    return TRUE;

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (options->notes == DOSSIER_EXPORT_NOTES_TAG)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);

          if (options->notes_arg != NULL && dossier_note_has_tag (note, options->notes_arg))
            g_hash_table_add (ids, (gpointer) dossier_note_get_id (note));
        }
    }
  else
    {
      g_autoptr(DossierSearchQuery) query = NULL;
      g_autoptr(DossierSearchIndex) index = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) local_error = NULL;

      query = dossier_search_query_parse (options->notes_arg != NULL ? options->notes_arg : "",
                                          &local_error);
      if (query == NULL)
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                       _("Cannot select notes by “%s”: %s"), options->notes_arg, local_error->message);
          return FALSE;
        }
      index = dossier_search_index_new (dcase);
      hits = dossier_search_index_run (index, query, 0, NULL, cancellable, error);
      if (hits == NULL)
        return FALSE;
      for (guint i = 0; i < hits->len; i++)
        {
          DossierSearchHit *hit = g_ptr_array_index (hits, i);
          GObject *object;

          if (hit->section != DOSSIER_SECTION_NOTES || hit->item_id == NULL)
            continue;
          /* Keys borrowed from the case's notes, which outlive the set. */
          object = dossier_case_lookup (dcase, hit->item_id);
          if (DOSSIER_IS_NOTE (object))
            g_hash_table_add (ids, (gpointer) dossier_note_get_id (DOSSIER_NOTE (object)));
        }
    }

  *ids_out = g_steal_pointer (&ids);
  return TRUE;
}

DossierChartModel *
dossier_chart_model_new_for_export (DossierCase                *dcase,
                                    const DossierExportOptions *options,
                                    GCancellable               *cancellable,
                                    GError                    **error)
{
  g_autoptr(GHashTable) note_ids = NULL;
  guint sections;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  sections = options->sections;
  if (options->notes == DOSSIER_EXPORT_NOTES_NONE)
    sections &= ~(1u << DOSSIER_SECTION_NOTES);
  if (!wanted_notes (dcase, options, &note_ids, cancellable, error))
    return NULL;

  return dossier_chart_model_new (dcase, sections, note_ids);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_chart (DossierChartModel        *model,
            const DossierChartLayout *layout,
            cairo_t                  *cr)
{
  DossierChartStyle style;

  dossier_chart_style_init (&style, FALSE);
  dossier_chart_draw (model, layout, &style, cr);
}

/* cairo names the drawing's group after the surface's serial number,
 * which counts every surface the process made before: the same chart
 * exported twice in one run would differ by it. */
static void
number_svg_group (GByteArray *bytes)
{
  static const char prefix[] = "<g id=\"surface";
  const char *data = (const char *) bytes->data;
  const char *found = g_strstr_len (data, bytes->len, prefix);
  gsize start, end;

  if (found == NULL)
    return;
  start = found - data + strlen (prefix);
  for (end = start; end < bytes->len && g_ascii_isdigit (data[end]); end++)
    ;
  if (end == start)
    return;
  bytes->data[start] = '1';
  g_byte_array_remove_range (bytes, start + 1, end - start - 1);
}

GBytes *
dossier_chart_export_to_bytes (DossierCase                *dcase,
                               const DossierExportOptions *options,
                               DossierChartExportFormat    format,
                               GCancellable               *cancellable,
                               GError                    **error)
{
  g_autoptr(DossierChartModel) model = NULL;
  g_autoptr(DossierChartLayout) layout = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  DossierChartFrame frame = { DOSSIER_CHART_EXPORT_WIDTH, 0, 1, FALSE };
  DossierChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double height;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  model = dossier_chart_model_new_for_export (dcase, options, cancellable, error);
  if (model == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!dossier_chart_frame_fit (&frame, model))
    {
      /* Nothing dated: an empty axis around the case's last update (or
       * 1970 when it has none: the bytes must not depend on today). */
      const DossierDate *updated = dossier_case_get_updated (dcase);

      frame.t0 = updated != NULL ? (double) dossier_date_get_sort_key (updated) : 0;
      frame.t1 = frame.t0 + 86400;
    }
  layout = dossier_chart_layout_new (model, &frame);
  dossier_chart_style_init (&style, FALSE);
  height = dossier_chart_get_height (model, &frame, &style);

  if (format == DOSSIER_CHART_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, frame.width, height);
      cr = cairo_create (surface);
      draw_chart (model, layout, cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      number_svg_group (bytes);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) frame.width * 2,
                                            (int) (height * 2 + 0.5));
      cairo_surface_set_device_scale (surface, 2, 2);
      cr = cairo_create (surface);
      draw_chart (model, layout, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not draw the timeline chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
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
