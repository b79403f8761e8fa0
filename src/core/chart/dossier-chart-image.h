/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "dossier-chart-model.h"

G_BEGIN_DECLS

/* The formats the chart is written in on its own. */
typedef enum
{
  DOSSIER_CHART_EXPORT_SVG,
  DOSSIER_CHART_EXPORT_PNG,
} DossierChartExportFormat;

/* The width of an exported chart, in pixels (SVG user units); a PNG has
 * twice as many pixels each way. */
#define DOSSIER_CHART_EXPORT_WIDTH 1200.0

/* The whole chart as one picture @width wide: every item in view, the
 * legend, the light style. What the SVG and PNG exports are, and what the
 * HTML and PDF exports show at the top of their timeline. With nothing
 * dated, an empty axis of one day from the case's last update (or from
 * 1970 when it has none: the picture must not depend on today). */
double   dossier_chart_image_get_height (DossierChartModel        *model,
                                         double                    width);
/* Draws it, its top left corner at the origin of @cr; the background is
 * painted only with @background. */
void     dossier_chart_image_draw       (DossierChartModel        *model,
                                         double                    width,
                                         gboolean                  background,
                                         cairo_t                  *cr);
/* The picture as SVG or PNG bytes; the same model always gives the same
 * bytes. NULL and @status_out when cairo fails. */
GBytes  *dossier_chart_image_to_bytes   (DossierChartModel        *model,
                                         DossierChartExportFormat  format,
                                         double                    width,
                                         cairo_status_t           *status_out);

G_END_DECLS
