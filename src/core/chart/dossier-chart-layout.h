/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-chart-model.h"

G_BEGIN_DECLS

/* The chart's geometry in pixels, shared by the drawing, the widget's
 * hit tests and the exports. */
#define DOSSIER_CHART_PAD          12.0
#define DOSSIER_CHART_AXIS_HEIGHT  26.0
#define DOSSIER_CHART_LANE_HEIGHT  54.0
#define DOSSIER_CHART_MARK_Y       24.0   /* the points' line, from the lane's top */
#define DOSSIER_CHART_BAR_HEIGHT   8.0
#define DOSSIER_CHART_BAR_ROWS     2
#define DOSSIER_CHART_ROW_OFFSET   10.5   /* bar rows below the points */
#define DOSSIER_CHART_POINT_RADIUS 5.0
/* Marks closer than this (edge to edge) are gathered into a cluster, and
 * a cluster grows no wider than the band width: a dense lane becomes a
 * histogram of counted bands. */
#define DOSSIER_CHART_CLUSTER_GAP  3.0
#define DOSSIER_CHART_BAND_WIDTH   44.0
#define DOSSIER_CHART_CLUSTER_MIN_WIDTH 20.0

/**
 * DossierChartFrame:
 * @width: of the whole chart, in pixels.
 * @t0: the time at the start edge of the plot (seconds since the epoch).
 * @t1: the time at the end edge.
 * @rtl: time runs from right to left.
 *
 * What one frame shows.
 */
typedef struct
{
  double   width;
  double   t0;
  double   t1;
  gboolean rtl;
} DossierChartFrame;

double dossier_chart_frame_x_at_time (const DossierChartFrame *frame,
                                      double                   t);
double dossier_chart_frame_time_at_x (const DossierChartFrame *frame,
                                      double                   x);
/* A range that shows every item of @model with a margin (a day around a
 * single item). FALSE when there are no items. */
gboolean dossier_chart_frame_fit (DossierChartFrame *frame,
                                  DossierChartModel *model);

typedef enum
{
  DOSSIER_CHART_GLYPH_MARK,
  DOSSIER_CHART_GLYPH_CLUSTER,
} DossierChartGlyphKind;

/**
 * DossierChartGlyph:
 * @kind: one item's mark, or a counted cluster of several.
 * @lane: its lane.
 * @row: for a bar, its row in the lane (0 or 1), below the points.
 * @x0, @x1, @y0, @y1: its box in pixels.
 * @item: the item (a cluster's earliest).
 * @count: 1 for a mark, the number of items for a cluster.
 * @first_at, @last_at: the @at of the first and last item it holds.
 */
typedef struct
{
  DossierChartGlyphKind kind;
  DossierChartLane      lane;
  guint                 row;
  double                x0, x1, y0, y1;
  guint                 item;
  guint                 count;
  gint64                first_at, last_at;
} DossierChartGlyph;

typedef struct
{
  DossierChartFrame  frame;
  /* The top of each lane, or -1 for a lane not shown. */
  double             lane_y[DOSSIER_CHART_N_LANES];
  /* The bottom of the last lane. */
  double             lanes_bottom;
  /* Of DossierChartGlyph: the marks, then the clusters, of visible items. */
  GArray            *glyphs;
  guint              n_marks;
  guint              n_clusters;
} DossierChartLayout;

DossierChartLayout      *dossier_chart_layout_new       (DossierChartModel        *model,
                                                         const DossierChartFrame  *frame);
void                     dossier_chart_layout_free      (DossierChartLayout       *layout);
/* The glyph under (@x, @y), marks before clusters, or NULL. */
const DossierChartGlyph *dossier_chart_layout_hit       (const DossierChartLayout *layout,
                                                         double                    x,
                                                         double                    y);
/* The glyph that shows @item (its mark or the cluster holding it), or
 * NULL when it is out of view. */
const DossierChartGlyph *dossier_chart_layout_find_item (const DossierChartLayout *layout,
                                                         DossierChartModel        *model,
                                                         guint                     item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartLayout, dossier_chart_layout_free)

G_END_DECLS
