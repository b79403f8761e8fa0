/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-layout.h"

#include <math.h>

double
dossier_chart_frame_x_at_time (const DossierChartFrame *frame,
                               double                   t)
{
  double plot = frame->width - 2 * DOSSIER_CHART_PAD;
  double f = (t - frame->t0) / (frame->t1 - frame->t0);

  if (frame->rtl)
    f = 1.0 - f;
  return DOSSIER_CHART_PAD + f * plot;
}

double
dossier_chart_frame_time_at_x (const DossierChartFrame *frame,
                               double                   x)
{
  double plot = frame->width - 2 * DOSSIER_CHART_PAD;
  double f = (x - DOSSIER_CHART_PAD) / plot;

  if (frame->rtl)
    f = 1.0 - f;
  return frame->t0 + f * (frame->t1 - frame->t0);
}

gboolean
dossier_chart_frame_fit (DossierChartFrame *frame,
                         DossierChartModel *model)
{
  gint64 start, end;
  double span, margin;

  g_return_val_if_fail (frame != NULL, FALSE);

  if (!dossier_chart_model_get_extent (model, &start, &end))
    return FALSE;

  span = MAX ((double) (end - start), 86400.0);
  margin = span * 0.04;
  frame->t0 = (double) start - margin;
  frame->t1 = (double) start + span + margin;
  return TRUE;
}

typedef struct
{
  DossierChartLayout *layout;
  GArray             *clusters;
  DossierChartLane    lane;
  double              y;
  /* the group being gathered */
  guint               count;
  guint               first_item;
  double              first_cx, last_cx;
  gint64              first_at, last_at;
} Sweep;

static void
flush_group (Sweep *s)
{
  DossierChartGlyph glyph = { 0 };
  double r = DOSSIER_CHART_POINT_RADIUS;

  if (s->count == 0)
    return;

  glyph.lane = s->lane;
  glyph.item = s->first_item;
  glyph.count = s->count;
  glyph.first_at = s->first_at;
  glyph.last_at = s->last_at;
  glyph.x0 = MIN (s->first_cx, s->last_cx) - r;
  glyph.x1 = MAX (s->first_cx, s->last_cx) + r;
  if (s->count == 1)
    {
      glyph.kind = DOSSIER_CHART_GLYPH_MARK;
      glyph.y0 = s->y - r;
      glyph.y1 = s->y + r;
      g_array_append_val (s->layout->glyphs, glyph);
    }
  else
    {
      double mid = (glyph.x0 + glyph.x1) / 2;

      /* Wide enough to hold its count. */
      glyph.x0 = MIN (glyph.x0, mid - DOSSIER_CHART_CLUSTER_MIN_WIDTH / 2);
      glyph.x1 = MAX (glyph.x1, mid + DOSSIER_CHART_CLUSTER_MIN_WIDTH / 2);
      glyph.kind = DOSSIER_CHART_GLYPH_CLUSTER;
      glyph.y0 = s->y - 8;
      glyph.y1 = s->y + 8;
      g_array_append_val (s->clusters, glyph);
    }
  s->count = 0;
}

static void
add_point (Sweep  *s,
           guint   item,
           double  cx,
           gint64  at)
{
  double r = DOSSIER_CHART_POINT_RADIUS;

  if (s->count > 0 &&
      (fabs (cx - s->last_cx) >= 2 * r + DOSSIER_CHART_CLUSTER_GAP ||
       fabs (cx - s->first_cx) > DOSSIER_CHART_BAND_WIDTH))
    flush_group (s);

  if (s->count == 0)
    {
      s->first_item = item;
      s->first_cx = cx;
      s->first_at = at;
    }
  s->count++;
  s->last_cx = cx;
  s->last_at = at;
}

enum
{
  PLACED = 1,     /* a bar in a row of its own */
  GATHERED = 2,   /* a bar that found no row: gathered with the points */
};

/* Bars go in the first row where they fit, from the earliest start (in
 * time, so the same in both directions). A bar that fits in no row would
 * hide others: it is gathered with the points near its middle instead,
 * into a counted cluster. Returns how many were placed in a row. */
static guint
pack_bars (DossierChartLayout *self,
           DossierChartModel  *model,
           DossierChartLane    lane,
           guint8             *state,
           double              y)
{
  const DossierChartFrame *frame = &self->frame;
  double per_pixel = (frame->t1 - frame->t0) / MAX (frame->width - 2 * DOSSIER_CHART_PAD, 1);
  double row_end[DOSSIER_CHART_BAR_ROWS];
  double t_lo = frame->t0 - DOSSIER_CHART_BAND_WIDTH * per_pixel;
  double t_hi = frame->t1 + DOSSIER_CHART_BAND_WIDTH * per_pixel;
  const DossierChartSpan *spans = dossier_chart_model_get_lane_spans (model, lane);
  const guint *bars;
  guint n, placed = 0;

  for (guint r = 0; r < DOSSIER_CHART_BAR_ROWS; r++)
    row_end[r] = -G_MAXDOUBLE;

  bars = dossier_chart_model_get_lane_bars (model, lane, &n);
  for (guint k = 0; k < n; k++)
    {
      double start = (double) spans[k].start, end = (double) spans[k].end + 1;
      DossierChartGlyph glyph = { 0 };
      double xs, xe;
      int row = -1;

      if (start > t_hi)
        break;
      if (end < t_lo || (end - start) / per_pixel < 2 * DOSSIER_CHART_POINT_RADIUS + 2)
        continue;

      for (guint r = 0; r < DOSSIER_CHART_BAR_ROWS; r++)
        if (row_end[r] + 2 * per_pixel <= start)
          {
            row = (int) r;
            break;
          }
      if (row < 0)
        {
          state[bars[k]] = GATHERED;
          continue;
        }
      row_end[row] = end;
      state[bars[k]] = PLACED;
      placed++;

      xs = dossier_chart_frame_x_at_time (frame, start);
      xe = dossier_chart_frame_x_at_time (frame, end);
      glyph.kind = DOSSIER_CHART_GLYPH_MARK;
      glyph.lane = lane;
      glyph.row = row;
      glyph.x0 = MIN (xs, xe);
      glyph.x1 = MAX (xs, xe);
      glyph.y0 = y + (row + 1) * DOSSIER_CHART_ROW_OFFSET - DOSSIER_CHART_BAR_HEIGHT / 2;
      glyph.y1 = glyph.y0 + DOSSIER_CHART_BAR_HEIGHT;
      glyph.item = bars[k];
      glyph.count = 1;
      glyph.first_at = glyph.last_at = dossier_chart_model_get_item (model, bars[k])->mark.at;
      g_array_append_val (self->glyphs, glyph);
    }
  return placed;
}

/* The first of @n times in order that is not before @t. */
static guint
first_at_or_after (const gint64 *times,
                   guint         n,
                   double        t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((double) times[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* No sorting per frame: the model keeps each lane by @at and its bars
 * by @start, with their times side by side, so a frame is two passes
 * over what is in view that touch no item but the ones drawn. */
static void
layout_lane (DossierChartLayout *self,
             DossierChartModel  *model,
             DossierChartLane    lane,
             GArray             *clusters,
             guint8             *state)
{
  const DossierChartFrame *frame = &self->frame;
  Sweep s = { self, clusters, lane, self->lane_y[lane] + DOSSIER_CHART_MARK_Y, 0 };
  double per_pixel = (frame->t1 - frame->t0) / MAX (frame->width - 2 * DOSSIER_CHART_PAD, 1);
  double t_lo = frame->t0 - (DOSSIER_CHART_PAD + DOSSIER_CHART_BAND_WIDTH) * per_pixel;
  double t_hi = frame->t1 + (DOSSIER_CHART_PAD + DOSSIER_CHART_BAND_WIDTH) * per_pixel;
  const gint64 *times = dossier_chart_model_get_lane_times (model, lane);
  const guint *order;
  gboolean placed;
  guint n;

  placed = pack_bars (self, model, lane, state, s.y) > 0;

  order = dossier_chart_model_get_lane_items (model, lane, &n);
  for (guint k = first_at_or_after (times, n, t_lo); k < n; k++)
    {
      if ((double) times[k] > t_hi)
        break;
      if (placed && state[order[k]] == PLACED)
        continue;
      add_point (&s, order[k], dossier_chart_frame_x_at_time (frame, (double) times[k]), times[k]);
    }
  flush_group (&s);
}

DossierChartLayout *
dossier_chart_layout_new (DossierChartModel       *model,
                          const DossierChartFrame *frame)
{
  DossierChartLayout *self;
  g_autoptr(GArray) clusters = NULL;
  g_autofree guint8 *state = NULL;
  guint lanes;
  double y = DOSSIER_CHART_AXIS_HEIGHT;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (frame != NULL && frame->t1 > frame->t0, NULL);

  self = g_new0 (DossierChartLayout, 1);
  self->frame = *frame;
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (DossierChartGlyph));
  clusters = g_array_new (FALSE, FALSE, sizeof (DossierChartGlyph));
  state = g_malloc0 (MAX (dossier_chart_model_get_n_items (model), 1));

  lanes = dossier_chart_model_get_lanes (model);
  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      if ((lanes & (1u << lane)) == 0)
        {
          self->lane_y[lane] = -1;
          continue;
        }
      self->lane_y[lane] = y;
      y += DOSSIER_CHART_LANE_HEIGHT;
      layout_lane (self, model, lane, clusters, state);
    }
  self->lanes_bottom = y;

  /* Marks first (counted below), clusters after: drawn on top. */
  self->n_marks = self->glyphs->len;
  self->n_clusters = clusters->len;
  g_array_append_vals (self->glyphs, clusters->data, clusters->len);

  return self;
}

void
dossier_chart_layout_free (DossierChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_array_unref (layout->glyphs);
  g_free (layout);
}

const DossierChartGlyph *
dossier_chart_layout_hit (const DossierChartLayout *layout,
                          double                    x,
                          double                    y)
{
  const DossierChartGlyph *best = NULL;
  double best_distance = G_MAXDOUBLE;
  const double slop = 3;

  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->glyphs->len; i++)
    {
      const DossierChartGlyph *g = &g_array_index (layout->glyphs, DossierChartGlyph, i);
      double cx, cy, distance;

      if (x < g->x0 - slop || x > g->x1 + slop || y < g->y0 - slop || y > g->y1 + slop)
        continue;

      /* Points sit on bars: the nearest centre wins, and a point's centre
       * is nearer than a long bar's. */
      cx = CLAMP (x, g->x0 + DOSSIER_CHART_POINT_RADIUS, MAX (g->x0 + DOSSIER_CHART_POINT_RADIUS,
                                                               g->x1 - DOSSIER_CHART_POINT_RADIUS));
      cy = (g->y0 + g->y1) / 2;
      distance = hypot (x - cx, y - cy) + (g->x1 - g->x0) / 1000.0;
      if (distance < best_distance)
        {
          best = g;
          best_distance = distance;
        }
    }

  return best;
}

const DossierChartGlyph *
dossier_chart_layout_find_item (const DossierChartLayout *layout,
                                DossierChartModel        *model,
                                guint                     item)
{
  const DossierChartItem *it = dossier_chart_model_get_item (model, item);
  const DossierChartGlyph *glyphs;

  g_return_val_if_fail (layout != NULL, NULL);

  if (it == NULL)
    return NULL;

  /* Its own mark, or else the cluster of its lane around its time. */
  glyphs = (const DossierChartGlyph *) (gpointer) layout->glyphs->data;
  for (guint i = 0; i < layout->n_marks; i++)
    if (glyphs[i].item == item)
      return &glyphs[i];
  for (guint i = layout->n_marks; i < layout->glyphs->len; i++)
    if (glyphs[i].lane == it->lane && it->mark.at >= glyphs[i].first_at && it->mark.at <= glyphs[i].last_at)
      return &glyphs[i];

  return NULL;
}
