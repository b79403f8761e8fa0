/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "dossier-chart-layout.h"
#include "dossier-chart-model.h"

G_BEGIN_DECLS

/* The line width of every item's outline, and of nothing else: an export
 * can be checked mark by mark. */
#define DOSSIER_CHART_MARK_LINE_WIDTH 1.25
/* Between the last lane and the legend. */
#define DOSSIER_CHART_LEGEND_GAP 12.0

typedef struct
{
  double red, green, blue, alpha;
} DossierChartColor;

/**
 * DossierChartColors:
 * @foreground: text, axis and neutral marks.
 * @background: behind the chart.
 * @accent: selection and search hits.
 * @certainty: per #DossierCertainty, the colours of the certainty labels
 *   elsewhere (success, accent, warning, error, dimmed text).
 */
typedef struct
{
  DossierChartColor foreground;
  DossierChartColor background;
  DossierChartColor accent;
  DossierChartColor certainty[DOSSIER_CERTAINTY_UNVERIFIED + 1];
} DossierChartColors;

/* Adwaita's named colours of the light or the dark style. */
void dossier_chart_colors_init (DossierChartColors *colors,
                                gboolean            dark);

/**
 * DossierChartStyle:
 * @colors: the palette.
 * @font: a Pango font description ("Cantarell 11"); NULL for "Sans 9".
 * @selected: the selected item, or -1.
 * @focused: the item with the keyboard focus, or -1.
 * @highlighted: an item to flash (a search hit), or -1.
 * @hovered: the item under the pointer, or -1.
 * @show_legend: draw the legend below the lanes.
 * @draw_background: paint @colors.background first.
 * @high_contrast: full-strength text and stronger lines.
 */
typedef struct
{
  DossierChartColors  colors;
  const char         *font;
  int                 selected;
  int                 focused;
  int                 highlighted;
  int                 hovered;
  gboolean            show_legend;
  gboolean            draw_background;
  gboolean            high_contrast;
} DossierChartStyle;

void   dossier_chart_style_init (DossierChartStyle *style,
                                 gboolean           dark);

/* The height the chart needs at @frame's width: the axis, the lanes
 * and, with @style->show_legend, the legend wrapped to the width. Cheap:
 * no layout of the items. */
double dossier_chart_get_height (DossierChartModel        *model,
                                 const DossierChartFrame  *frame,
                                 const DossierChartStyle  *style);

/* Draws the chart, its top left corner at the origin of @cr. */
void   dossier_chart_draw       (DossierChartModel        *model,
                                 const DossierChartLayout *layout,
                                 const DossierChartStyle  *style,
                                 cairo_t                  *cr);

/**
 * DossierChartLayers:
 * @DOSSIER_CHART_LAYER_LANES: the background (with @draw_background),
 *   the lanes' stripes and captions.
 * @DOSSIER_CHART_LAYER_AXIS: the ticks and their labels.
 * @DOSSIER_CHART_LAYER_MARKS: the items' marks and clusters, with the
 *   highlighted item's halo.
 * @DOSSIER_CHART_LAYER_RINGS: the rings of the hovered, the selected and
 *   the focused item.
 * @DOSSIER_CHART_LAYER_LEGEND: the legend (with @show_legend).
 *
 * The parts of a drawing, bottom to top: a widget keeps the lower ones
 * between frames when only the rings change.
 */
typedef enum
{
  DOSSIER_CHART_LAYER_LANES  = 1 << 0,
  DOSSIER_CHART_LAYER_AXIS   = 1 << 1,
  DOSSIER_CHART_LAYER_MARKS  = 1 << 2,
  DOSSIER_CHART_LAYER_RINGS  = 1 << 3,
  DOSSIER_CHART_LAYER_LEGEND = 1 << 4,
  DOSSIER_CHART_LAYER_ALL    = 0x1f,
} DossierChartLayers;

/* Draws the @layers (of #DossierChartLayers) of the chart, as
 * dossier_chart_draw() draws them all. */
void   dossier_chart_draw_layers (DossierChartModel        *model,
                                  const DossierChartLayout *layout,
                                  const DossierChartStyle  *style,
                                  guint                     layers,
                                  cairo_t                  *cr);

/* Draws only the legend, its top left corner at the origin of @cr, as
 * dossier_chart_draw() places it @DOSSIER_CHART_LEGEND_GAP below the
 * lanes (a widget keeps it between frames); returns its height. */
double dossier_chart_draw_legend (DossierChartModel       *model,
                                  const DossierChartFrame *frame,
                                  const DossierChartStyle *style,
                                  cairo_t                 *cr);

G_END_DECLS
