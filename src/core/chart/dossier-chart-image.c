/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-image.h"

#include <cairo-svg.h>
#include <string.h>

#include "dossier-chart-draw.h"
#include "dossier-chart-layout.h"

static void
image_frame (DossierChartModel *model,
             double             width,
             DossierChartFrame *frame)
{
  *frame = (DossierChartFrame) { width, 0, 1, FALSE };
  if (!dossier_chart_frame_fit (frame, model))
    {
      const DossierDate *updated = dossier_case_get_updated (dossier_chart_model_get_case (model));

      frame->t0 = updated != NULL ? (double) dossier_date_get_sort_key (updated) : 0;
      frame->t1 = frame->t0 + 86400;
    }
}

double
dossier_chart_image_get_height (DossierChartModel *model,
                                double             width)
{
  DossierChartFrame frame;
  DossierChartStyle style;

  g_return_val_if_fail (model != NULL, 0);

  image_frame (model, width, &frame);
  dossier_chart_style_init (&style, FALSE);
  return dossier_chart_get_height (model, &frame, &style);
}

void
dossier_chart_image_draw (DossierChartModel *model,
                          double             width,
                          gboolean           background,
                          cairo_t           *cr)
{
  g_autoptr(DossierChartLayout) layout = NULL;
  DossierChartFrame frame;
  DossierChartStyle style;

  g_return_if_fail (model != NULL);
  g_return_if_fail (cr != NULL);

  image_frame (model, width, &frame);
  layout = dossier_chart_layout_new (model, &frame);
  dossier_chart_style_init (&style, FALSE);
  style.draw_background = background;
  cairo_save (cr);
  dossier_chart_draw (model, layout, &style, cr);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
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
dossier_chart_image_to_bytes (DossierChartModel        *model,
                              DossierChartExportFormat  format,
                              double                    width,
                              cairo_status_t           *status_out)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double height;

  g_return_val_if_fail (model != NULL, NULL);

  height = dossier_chart_image_get_height (model, width);
  if (format == DOSSIER_CHART_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes_cb, bytes, width, height);
      cr = cairo_create (surface);
      dossier_chart_image_draw (model, width, TRUE, cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      number_svg_group (bytes);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width * 2,
                                            (int) (height * 2 + 0.5));
      cairo_surface_set_device_scale (surface, 2, 2);
      cr = cairo_create (surface);
      dossier_chart_image_draw (model, width, TRUE, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, bytes);
    }
  cairo_surface_destroy (surface);

  if (status_out != NULL)
    *status_out = status;
  if (status != CAIRO_STATUS_SUCCESS)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
