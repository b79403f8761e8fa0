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

static gboolean
is_wide_bar (const DossierChartItem *item,
             double                  xs,
             double                  xe)
{
  return item->mark.shape == DOSSIER_CHART_SHAPE_BAR &&
         fabs (xe - xs) >= 2 * DOSSIER_CHART_POINT_RADIUS + 2;
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

static int
compare_x0 (gconstpointer a,
            gconstpointer b)
{
  const DossierChartGlyph *ga = a;
  const DossierChartGlyph *gb = b;

  if (ga->x0 != gb->x0)
    return ga->x0 < gb->x0 ? -1 : 1;
  return (ga->item > gb->item) - (ga->item < gb->item);
}

/* Bars go in the first row where they fit, from the earliest start; when
 * every row is taken they share the last one (drawn translucent). */
static void
pack_bars (DossierChartLayout *self,
           GArray             *bars,
           double              y)
{
  double row_end[DOSSIER_CHART_BAR_ROWS];

  for (guint r = 0; r < DOSSIER_CHART_BAR_ROWS; r++)
    row_end[r] = -G_MAXDOUBLE;

  g_array_sort (bars, compare_x0);
  for (guint i = 0; i < bars->len; i++)
    {
      DossierChartGlyph *glyph = &g_array_index (bars, DossierChartGlyph, i);
      guint row = DOSSIER_CHART_BAR_ROWS - 1;

      for (guint r = 0; r < DOSSIER_CHART_BAR_ROWS; r++)
        if (row_end[r] + 2 <= glyph->x0)
          {
            row = r;
            break;
          }
      row_end[row] = MAX (row_end[row], glyph->x1);

      glyph->row = row;
      glyph->y0 = y + row * DOSSIER_CHART_ROW_OFFSET - DOSSIER_CHART_BAR_HEIGHT / 2;
      glyph->y1 = glyph->y0 + DOSSIER_CHART_BAR_HEIGHT;
    }
  g_array_append_vals (self->glyphs, bars->data, bars->len);
}

static void
layout_lane (DossierChartLayout *self,
             DossierChartModel  *model,
             DossierChartLane    lane,
             GArray             *clusters,
             GArray             *bars)
{
  const DossierChartFrame *frame = &self->frame;
  Sweep s = { self, clusters, lane, self->lane_y[lane] + DOSSIER_CHART_MARK_Y, 0 };
  double left = -DOSSIER_CHART_BAND_WIDTH, right = frame->width + DOSSIER_CHART_BAND_WIDTH;
  const guint *order;
  guint n;

  g_array_set_size (bars, 0);
  order = dossier_chart_model_get_lane_items (model, lane, &n);
  for (guint k = 0; k < n; k++)
    {
      const DossierChartItem *item = dossier_chart_model_get_item (model, order[k]);
      double xs = dossier_chart_frame_x_at_time (frame, (double) item->mark.start);
      double xe = dossier_chart_frame_x_at_time (frame, (double) item->mark.end + 1);
      double x0 = MIN (xs, xe), x1 = MAX (xs, xe);

      if (x1 < left || x0 > right)
        continue;

      if (is_wide_bar (item, xs, xe))
        {
          DossierChartGlyph glyph = { 0 };

          glyph.kind = DOSSIER_CHART_GLYPH_MARK;
          glyph.lane = lane;
          glyph.x0 = x0;
          glyph.x1 = x1;
          glyph.item = order[k];
          glyph.count = 1;
          glyph.first_at = glyph.last_at = item->mark.at;
          g_array_append_val (bars, glyph);
          continue;
        }

      add_point (&s, order[k], dossier_chart_frame_x_at_time (frame, (double) item->mark.at),
                 item->mark.at);
    }
  flush_group (&s);
  pack_bars (self, bars, s.y);
}

DossierChartLayout *
dossier_chart_layout_new (DossierChartModel       *model,
                          const DossierChartFrame *frame)
{
  DossierChartLayout *self;
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(GArray) bars = NULL;
  guint lanes;
  double y = DOSSIER_CHART_AXIS_HEIGHT;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (frame != NULL && frame->t1 > frame->t0, NULL);

  self = g_new0 (DossierChartLayout, 1);
  self->frame = *frame;
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (DossierChartGlyph));
  clusters = g_array_new (FALSE, FALSE, sizeof (DossierChartGlyph));
  bars = g_array_new (FALSE, FALSE, sizeof (DossierChartGlyph));

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
      layout_lane (self, model, lane, clusters, bars);
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

  g_return_val_if_fail (layout != NULL, NULL);

  if (it == NULL)
    return NULL;

  for (guint i = 0; i < layout->glyphs->len; i++)
    {
      const DossierChartGlyph *g = &g_array_index (layout->glyphs, DossierChartGlyph, i);

      if (g->lane != it->lane)
        continue;
      if (g->kind == DOSSIER_CHART_GLYPH_MARK && g->item == item)
        return g;
      if (g->kind == DOSSIER_CHART_GLYPH_CLUSTER &&
          it->mark.at >= g->first_at && it->mark.at <= g->last_at)
        {
          double xs = dossier_chart_frame_x_at_time (&layout->frame, (double) it->mark.start);
          double xe = dossier_chart_frame_x_at_time (&layout->frame, (double) it->mark.end + 1);

          if (!is_wide_bar (it, xs, xe))
            return g;
        }
    }

  return NULL;
}
