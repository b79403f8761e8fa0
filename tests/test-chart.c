/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "dossier-chart.h"
#include "dossier-chart-export.h"
#include "dossier-core.h"
#include "dossier-export-command.h"

/* The timeline chart's core: what each date form looks like, the ticks
 * of every zoom, the lanes, the clusters and the exports. */

#define DAY 86400

static DossierCase *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cases", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierCase *dcase = dossier_case_load (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dcase);
  return dcase;
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

typedef struct
{
  const char        *text;
  DossierChartShape  shape;
  guint              flags;
  gint64             start;
  gint64             end;     /* the last second */
  gint64             at;
} MarkCase;

static void
test_mark_every_form (void)
{
  const gint64 nov24 = utc (2014, 11, 24, 0, 0);
  const MarkCase cases[] = {
    { "2014", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 1, 1, 0, 0), utc (2015, 1, 1, 0, 0) - 1, 0 },
    { "2014-11", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 11, 1, 0, 0), utc (2014, 12, 1, 0, 0) - 1, 0 },
    { "2014-11-24", DOSSIER_CHART_SHAPE_POINT, 0, nov24, nov24 + DAY - 1, nov24 + DAY / 2 },
    { "2014-11-24T23:00Z", DOSSIER_CHART_SHAPE_POINT, 0,
      nov24 + 23 * 3600, nov24 + 23 * 3600 + 59, nov24 + 23 * 3600 },
    { "2014-11-24T23:00:30Z", DOSSIER_CHART_SHAPE_POINT, 0,
      nov24 + 23 * 3600 + 30, nov24 + 23 * 3600 + 30, nov24 + 23 * 3600 + 30 },
    { "2014-11-24T18:00-05:00", DOSSIER_CHART_SHAPE_POINT, 0,
      nov24 + 23 * 3600, nov24 + 23 * 3600 + 59, nov24 + 23 * 3600 },
    { "2014-21", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 3, 21, 0, 0), utc (2014, 6, 21, 0, 0) - 1, 0 },
    { "2014-22", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 6, 21, 0, 0), utc (2014, 9, 23, 0, 0) - 1, 0 },
    { "2014-23", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 9, 23, 0, 0), utc (2014, 12, 21, 0, 0) - 1, 0 },
    { "2014-24", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 12, 21, 0, 0), utc (2015, 3, 21, 0, 0) - 1, 0 },
    { "2014-10?", DOSSIER_CHART_SHAPE_BAR, DOSSIER_CHART_MARK_DASHED,
      utc (2014, 10, 1, 0, 0), utc (2014, 11, 1, 0, 0) - 1, 0 },
    { "2014-10~", DOSSIER_CHART_SHAPE_BAR, DOSSIER_CHART_MARK_FADE_START | DOSSIER_CHART_MARK_FADE_END,
      utc (2014, 10, 1, 0, 0), utc (2014, 11, 1, 0, 0) - 1, 0 },
    { "2014-10%", DOSSIER_CHART_SHAPE_BAR,
      DOSSIER_CHART_MARK_FADE_START | DOSSIER_CHART_MARK_FADE_END | DOSSIER_CHART_MARK_DASHED,
      utc (2014, 10, 1, 0, 0), utc (2014, 11, 1, 0, 0) - 1, 0 },
    { "2014-12-01~", DOSSIER_CHART_SHAPE_POINT, DOSSIER_CHART_MARK_FADE_START | DOSSIER_CHART_MARK_FADE_END,
      utc (2014, 12, 1, 0, 0), utc (2014, 12, 2, 0, 0) - 1, utc (2014, 12, 1, 12, 0) },
    { "2014-10-10/2014-12-25", DOSSIER_CHART_SHAPE_BAR, 0,
      utc (2014, 10, 10, 0, 0), utc (2014, 12, 26, 0, 0) - 1, 0 },
    { "2014-11-24T10:00Z/2014-11-24T23:00Z", DOSSIER_CHART_SHAPE_BAR, 0,
      nov24 + 10 * 3600, nov24 + 23 * 3600 + 59, 0 },
    /* An interval approximate or uncertain at one end only. */
    { "2014-10~/2014-12-25", DOSSIER_CHART_SHAPE_BAR, DOSSIER_CHART_MARK_FADE_START,
      utc (2014, 10, 1, 0, 0), utc (2014, 12, 26, 0, 0) - 1, 0 },
    { "2014-10-10/2014-12~", DOSSIER_CHART_SHAPE_BAR, DOSSIER_CHART_MARK_FADE_END,
      utc (2014, 10, 10, 0, 0), utc (2015, 1, 1, 0, 0) - 1, 0 },
    { "2014-10-10/2014-12?", DOSSIER_CHART_SHAPE_BAR, DOSSIER_CHART_MARK_DASHED,
      utc (2014, 10, 10, 0, 0), utc (2015, 1, 1, 0, 0) - 1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierDate) date = dossier_date_parse (cases[i].text, &error);
      DossierChartMark mark;
      gint64 at;

      g_assert_no_error (error);
      dossier_chart_mark_from_date (date, &mark);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (mark.shape, ==, cases[i].shape);
      g_assert_cmphex (mark.flags, ==, cases[i].flags);
      g_assert_cmpint (mark.start, ==, cases[i].start);
      g_assert_cmpint (mark.end, ==, cases[i].end);
      /* A bar is placed by its middle. */
      at = cases[i].at != 0 ? cases[i].at : cases[i].start + (cases[i].end - cases[i].start) / 2;
      g_assert_cmpint (mark.at, ==, at);
    }
}

typedef struct
{
  double                t0, t1;
  DossierChartTickUnit  unit;
  guint                 step;
  const char           *first_label;
  const char           *major_label;    /* a major tick's label, or NULL */
} TickCase;

static void
test_ticks_every_zoom (void)
{
  const TickCase cases[] = {
    /* a century on 1000 pixels: decades */
    { utc (1950, 6, 1, 0, 0), utc (2050, 6, 1, 0, 0), DOSSIER_CHART_TICK_DECADE, 1, "1960", "2000" },
    /* ten years: years */
    { utc (2005, 6, 1, 0, 0), utc (2015, 6, 1, 0, 0), DOSSIER_CHART_TICK_YEAR, 1, "2006", "2010" },
    /* a year: months, January written as its year */
    { utc (2014, 2, 15, 0, 0), utc (2015, 2, 15, 0, 0), DOSSIER_CHART_TICK_MONTH, 1, "Mar 2014", "2015" },
    /* a month: weeks from Monday */
    { utc (2014, 11, 10, 12, 0), utc (2014, 12, 10, 12, 0), DOSSIER_CHART_TICK_DAY, 7, "17 Nov 2014", "1 Dec" },
    /* 25 days: every other day, from the 1st of each month */
    { utc (2014, 11, 10, 12, 0), utc (2014, 12, 5, 12, 0), DOSSIER_CHART_TICK_DAY, 2, "11 Nov 2014", "1 Dec" },
    /* a day: hours, midnight written as the day */
    { utc (2014, 11, 24, 6, 30), utc (2014, 11, 25, 6, 30), DOSSIER_CHART_TICK_HOUR, 2, "24 Nov 2014, 08:00 UTC", "25 Nov" },
    /* three hours: every hour */
    { utc (2014, 11, 24, 20, 30), utc (2014, 11, 24, 23, 30), DOSSIER_CHART_TICK_HOUR, 1, "24 Nov 2014, 21:00 UTC", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierChartTicks) ticks = dossier_chart_ticks_new (cases[i].t0, cases[i].t1, 1000, 70);
      const char *major = NULL;
      double px = 1000 / (cases[i].t1 - cases[i].t0);

      g_test_message ("case %u", i);
      g_assert_cmpint (ticks->unit, ==, cases[i].unit);
      g_assert_cmpuint (ticks->step, ==, cases[i].step);
      g_assert_cmpuint (ticks->ticks->len, >=, 2);
      g_assert_cmpstr (g_array_index (ticks->ticks, DossierChartTick, 0).label, ==, cases[i].first_label);

      for (guint k = 0; k < ticks->ticks->len; k++)
        {
          const DossierChartTick *tick = &g_array_index (ticks->ticks, DossierChartTick, k);

          g_assert_cmpfloat (tick->time, >=, cases[i].t0);
          g_assert_cmpfloat (tick->time, <=, cases[i].t1);
          if (k > 0)
            g_assert_cmpfloat ((tick->time - g_array_index (ticks->ticks, DossierChartTick, k - 1).time) * px,
                               >=, 70 * 0.9);
          if (tick->major && major == NULL)
            major = tick->label;
        }
      g_assert_cmpstr (major, ==, cases[i].major_label);
    }
}

static void
test_model_lanes_and_order (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  g_autoptr(DossierChartModel) model = NULL;
  g_autoptr(DossierChartModel) with_notes = NULL;
  guint n;
  g_autofree char *title = NULL;
  int position;

  model = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS & ~(1u << DOSSIER_SECTION_NOTES), NULL);
  with_notes = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS, NULL);
  n = dossier_chart_model_get_n_items (model);

  /* Every lane but notes; the note only when asked. */
  g_assert_cmphex (dossier_chart_model_get_lanes (model), ==,
                   (1u << DOSSIER_CHART_N_LANES) - 1 - (1u << DOSSIER_CHART_LANE_NOTES));
  g_assert_cmpuint (dossier_chart_model_get_n_items (with_notes), ==, n + 1);
  g_assert_cmpstr (dossier_chart_lane_get_label (DOSSIER_CHART_LANE_EVENTS), ==, "Events");
  g_assert_cmpstr (dossier_chart_lane_get_label (DOSSIER_CHART_LANE_THREAT), ==, "Threat Screen");

  /* Date order, as the list; every item once. */
  {
    const guint *order = dossier_chart_model_get_date_order (model);
    g_autofree guint8 *seen = g_new0 (guint8, n);

    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpuint (order[i], <, n);
        g_assert_false (seen[order[i]]);
        seen[order[i]] = TRUE;
        g_assert_cmpuint (dossier_chart_model_get_date_rank (model, order[i]), ==, i);
        if (i > 0)
          g_assert_cmpint (dossier_date_compare (dossier_chart_model_get_item (model, order[i - 1])->date,
                                                 dossier_chart_model_get_item (model, order[i])->date), <=, 0);
      }
    /* The year 2014 (an event) before the breach's month of October. */
    g_assert_cmpint (dossier_chart_model_get_item (model, order[0])->section, ==, DOSSIER_SECTION_TIMELINE);
  }

  /* The breach's discovery names the list's row by its date. */
  position = dossier_chart_model_find_date (model,
                                            dossier_breach_get_discovered (dossier_case_get_breach (dcase)));
  g_assert_cmpint (position, >=, 0);
  title = dossier_chart_model_dup_title (model, position);
  g_assert_cmpstr (title, ==, "The breach was discovered");
  g_assert_cmpstr (dossier_chart_model_get_kind_label (model, position), ==, "Breach");
  g_assert_cmpint (dossier_chart_model_get_item (model, position)->section, ==, DOSSIER_SECTION_BREACH);
}

/* A lane of 2,100 events is sorted by radix: in time order, ties in
 * the order of the file, the bars by their start likewise; and the date
 * order is the list's. */
static void
test_model_big_lane_order (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("chart-many.case.xml");
  g_autoptr(DossierChartModel) model = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS, NULL);
  const guint *order, *date_order;
  guint n, n_bars = 0, ties = 0;

  order = dossier_chart_model_get_lane_items (model, DOSSIER_CHART_LANE_EVENTS, &n);
  g_assert_cmpuint (n, ==, 2100);
  for (guint k = 1; k < n; k++)
    {
      gint64 a = dossier_chart_model_get_item (model, order[k - 1])->mark.at;
      gint64 b = dossier_chart_model_get_item (model, order[k])->mark.at;

      g_assert_cmpint (a, <=, b);
      if (a == b)
        {
          g_assert_cmpuint (order[k - 1], <, order[k]);
          ties++;
        }
    }
  g_assert_cmpuint (ties, >, 100);

  order = dossier_chart_model_get_lane_bars (model, DOSSIER_CHART_LANE_EVENTS, &n_bars);
  g_assert_cmpuint (n_bars, ==, 1500);
  for (guint k = 1; k < n_bars; k++)
    {
      gint64 a = dossier_chart_model_get_item (model, order[k - 1])->mark.start;
      gint64 b = dossier_chart_model_get_item (model, order[k])->mark.start;

      g_assert_cmpint (a, <=, b);
      if (a == b)
        g_assert_cmpuint (order[k - 1], <, order[k]);
    }

  /* The times a frame reads are the items' own, in the same order. */
  {
    const gint64 *times = dossier_chart_model_get_lane_times (model, DOSSIER_CHART_LANE_EVENTS);
    const DossierChartSpan *spans = dossier_chart_model_get_lane_spans (model, DOSSIER_CHART_LANE_EVENTS);
    const guint *items = dossier_chart_model_get_lane_items (model, DOSSIER_CHART_LANE_EVENTS, NULL);

    for (guint k = 0; k < n; k++)
      g_assert_cmpint (times[k], ==, dossier_chart_model_get_item (model, items[k])->mark.at);
    for (guint k = 0; k < n_bars; k++)
      {
        const DossierChartItem *item = dossier_chart_model_get_item (model, order[k]);

        g_assert_cmpint (spans[k].start, ==, item->mark.start);
        g_assert_cmpint (spans[k].end, ==, item->mark.end);
      }
  }

  date_order = dossier_chart_model_get_date_order (model);
  for (guint k = 1; k < n; k++)
    g_assert_cmpint (dossier_date_compare (dossier_chart_model_get_item (model, date_order[k - 1])->date,
                                           dossier_chart_model_get_item (model, date_order[k])->date), <=, 0);
}

static void
test_layout_rtl_mirrors (void)
{
  DossierChartFrame ltr = { 800, 1000, 2000, FALSE };
  DossierChartFrame rtl = { 800, 1000, 2000, TRUE };

  g_assert_cmpfloat (dossier_chart_frame_x_at_time (&ltr, 1000), ==, DOSSIER_CHART_PAD);
  g_assert_cmpfloat (dossier_chart_frame_x_at_time (&rtl, 1000), ==, 800 - DOSSIER_CHART_PAD);
  for (double t = 1000; t <= 2000; t += 125)
    {
      g_assert_cmpfloat_with_epsilon (dossier_chart_frame_x_at_time (&ltr, t) +
                                      dossier_chart_frame_x_at_time (&rtl, t), 800, 1e-9);
      g_assert_cmpfloat_with_epsilon (dossier_chart_frame_time_at_x (&rtl, dossier_chart_frame_x_at_time (&rtl, t)),
                                      t, 1e-6);
    }
}

static void
count_glyphs (DossierChartLayout *layout,
              guint              *marks,
              guint              *clusters,
              guint              *items)
{
  *marks = *clusters = *items = 0;
  for (guint i = 0; i < layout->glyphs->len; i++)
    {
      const DossierChartGlyph *g = &g_array_index (layout->glyphs, DossierChartGlyph, i);

      if (g->kind == DOSSIER_CHART_GLYPH_MARK)
        (*marks)++;
      else
        (*clusters)++;
      *items += g->count;
      if (g->kind == DOSSIER_CHART_GLYPH_CLUSTER)
        {
          g_assert_cmpuint (g->count, >=, 2);
          /* A band, not a smear across the lane. */
          g_assert_cmpfloat (g->x1 - g->x0, <=, DOSSIER_CHART_BAND_WIDTH + 2 * DOSSIER_CHART_POINT_RADIUS + 1e-9);
        }
    }
  g_assert_cmpuint (*marks, ==, layout->n_marks);
  g_assert_cmpuint (*clusters, ==, layout->n_clusters);
}

static void
test_layout_clusters (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("chart-dense.case.xml");
  g_autoptr(DossierChartModel) model = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS, NULL);
  DossierChartFrame frame = { 1200, 0, 1, FALSE };
  guint marks, clusters, items;

  g_assert_cmpuint (dossier_chart_model_get_n_items (model), ==, 40);

  /* Forty days on 1176 pixels: 28 pixels a day, every mark alone. */
  g_assert_true (dossier_chart_frame_fit (&frame, model));
  {
    g_autoptr(DossierChartLayout) layout = dossier_chart_layout_new (model, &frame);

    count_glyphs (layout, &marks, &clusters, &items);
    g_assert_cmpuint (marks, ==, 40);
    g_assert_cmpuint (clusters, ==, 0);
  }

  /* A year on 600 pixels: 1.6 pixels a day; gathered in bands of at
   * most 44 pixels, 28 days: 28 + 12. */
  frame.width = 600;
  frame.t0 = utc (2014, 6, 1, 0, 0);
  frame.t1 = frame.t0 + 365.0 * DAY;
  {
    g_autoptr(DossierChartLayout) layout = dossier_chart_layout_new (model, &frame);
    const DossierChartGlyph *first;

    count_glyphs (layout, &marks, &clusters, &items);
    g_assert_cmpuint (marks, ==, 0);
    g_assert_cmpuint (clusters, ==, 2);
    g_assert_cmpuint (items, ==, 40);
    first = &g_array_index (layout->glyphs, DossierChartGlyph, 0);
    g_assert_cmpuint (first->count, ==, 28);
    /* The 10th item is in the first cluster; the 35th in the second. */
    g_assert_true (dossier_chart_layout_find_item (layout, model, 9) == first);
    g_assert_true (dossier_chart_layout_find_item (layout, model, 34) ==
                   &g_array_index (layout->glyphs, DossierChartGlyph, 1));
  }

  /* Seven days on 600 pixels: four of the forty are in view. */
  frame.t0 = utc (2014, 11, 10, 0, 0);
  frame.t1 = frame.t0 + 7.0 * DAY;
  {
    g_autoptr(DossierChartLayout) layout = dossier_chart_layout_new (model, &frame);
    guint in_view = 0;

    count_glyphs (layout, &marks, &clusters, &items);
    g_assert_cmpuint (clusters, ==, 0);
    for (guint i = 0; i < layout->glyphs->len; i++)
      {
        const DossierChartGlyph *g = &g_array_index (layout->glyphs, DossierChartGlyph, i);

        if (g->x1 >= 0 && g->x0 <= frame.width)
          in_view++;
      }
    g_assert_cmpuint (in_view, ==, 7);
  }
}

static void
test_layout_hit (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("chart-spread.case.xml");
  g_autoptr(DossierChartModel) model = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS, NULL);
  DossierChartFrame frame = { 1000, 0, 1, FALSE };
  g_autoptr(DossierChartLayout) layout = NULL;

  dossier_chart_frame_fit (&frame, model);
  layout = dossier_chart_layout_new (model, &frame);
  for (guint i = 0; i < dossier_chart_model_get_n_items (model); i++)
    {
      const DossierChartGlyph *g = dossier_chart_layout_find_item (layout, model, i);
      const DossierChartGlyph *hit;

      g_assert_nonnull (g);
      g_assert_cmpint (g->kind, ==, DOSSIER_CHART_GLYPH_MARK);
      hit = dossier_chart_layout_hit (layout, (g->x0 + g->x1) / 2, (g->y0 + g->y1) / 2);
      g_assert_true (hit == g);
    }
  g_assert_null (dossier_chart_layout_hit (layout, 500, 2));
}

/* The paths of the SVG drawn with the marks' line width: one a mark. */
/* The picture of @layers drawn in turn, each a drawing of its own, on
 * one surface, as PNG bytes. */
static GBytes *
draw_in_layers (DossierChartModel        *model,
                const DossierChartLayout *layout,
                const DossierChartStyle  *style,
                const guint              *layers,
                guint                     n_layers)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->frame.width, 400);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  for (guint i = 0; i < n_layers; i++)
    dossier_chart_draw_layers (model, layout, style, layers[i], cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * 400);
  cairo_surface_destroy (surface);
  return bytes;
}

/* The widget keeps the marks between frames and draws the rings over
 * them: the layers drawn in turn make the picture the whole drawing
 * makes, pixel for pixel. */
static void
test_draw_layers_make_the_whole (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("chart-dense.case.xml");
  g_autoptr(DossierChartModel) model = dossier_chart_model_new (dcase, DOSSIER_EXPORT_ALL_SECTIONS, NULL);
  DossierChartFrame frame = { 800, 0, 1, FALSE };
  g_autoptr(DossierChartLayout) layout = NULL;
  DossierChartStyle style;
  const guint whole[] = { DOSSIER_CHART_LAYER_ALL };
  const guint parts[] = { DOSSIER_CHART_LAYER_LANES | DOSSIER_CHART_LAYER_AXIS | DOSSIER_CHART_LAYER_MARKS,
                          DOSSIER_CHART_LAYER_RINGS, DOSSIER_CHART_LAYER_LEGEND };
  const guint no_rings[] = { DOSSIER_CHART_LAYER_ALL & ~DOSSIER_CHART_LAYER_RINGS };
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;

  g_assert_true (dossier_chart_frame_fit (&frame, model));
  layout = dossier_chart_layout_new (model, &frame);
  g_assert_cmpuint (layout->n_marks, >, 3);
  dossier_chart_style_init (&style, FALSE);
  style.hovered = (int) g_array_index (layout->glyphs, DossierChartGlyph, 0).item;
  style.selected = (int) g_array_index (layout->glyphs, DossierChartGlyph, 1).item;
  style.focused = (int) g_array_index (layout->glyphs, DossierChartGlyph, 2).item;
  style.highlighted = (int) g_array_index (layout->glyphs, DossierChartGlyph, 3).item;

  a = draw_in_layers (model, layout, &style, whole, 1);
  b = draw_in_layers (model, layout, &style, parts, G_N_ELEMENTS (parts));
  c = draw_in_layers (model, layout, &style, no_rings, 1);
  g_assert_true (g_bytes_equal (a, b));
  /* The rings are there, and only in the rings' layer. */
  g_assert_false (g_bytes_equal (a, c));
}

static guint
count_mark_paths (xmlNode *node)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || xmlStrcmp (node->name, BAD_CAST "defs") == 0)
        continue;
      if (xmlStrcmp (node->name, BAD_CAST "path") == 0)
        {
          xmlChar *style = xmlGetProp (node, BAD_CAST "style");

          if (style != NULL && strstr ((const char *) style, "stroke-width:1.25;") != NULL)
            n++;
          xmlFree (style);
        }
      n += count_mark_paths (node->children);
    }
  return n;
}

static guint
svg_marks (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, (int) size, "chart.svg", NULL, XML_PARSE_NONET);
  xmlNode *root;
  guint n;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  n = count_mark_paths (root->children);
  xmlFreeDoc (doc);
  return n;
}

static void
test_export_svg_one_mark_per_item (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("chart-spread.case.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) svg_notes = NULL;
  g_autoptr(GBytes) svg_events = NULL;
  DossierExportOptions options;

  dossier_export_options_init (&options);
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS;

  svg = dossier_chart_export_to_bytes (dcase, &options, DOSSIER_CHART_EXPORT_SVG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (svg_marks (svg), ==, 9);

  /* Notes as --notes says, as the other exports. */
  options.notes = DOSSIER_EXPORT_NOTES_TAG;
  options.notes_arg = "chart";
  svg_notes = dossier_chart_export_to_bytes (dcase, &options, DOSSIER_CHART_EXPORT_SVG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (svg_marks (svg_notes), ==, 10);

  options.notes_arg = "nothing-has-this-tag";
  g_clear_pointer (&svg_notes, g_bytes_unref);
  svg_notes = dossier_chart_export_to_bytes (dcase, &options, DOSSIER_CHART_EXPORT_SVG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (svg_marks (svg_notes), ==, 9);

  /* --sections: the events alone, without the notes. */
  options.notes = DOSSIER_EXPORT_NOTES_ALL;
  g_assert_true (dossier_export_parse_sections ("timeline", &options.sections, &error));
  svg_events = dossier_chart_export_to_bytes (dcase, &options, DOSSIER_CHART_EXPORT_SVG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (svg_marks (svg_events), ==, 9);
}

static void
test_export_sample_counts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases",
                                                 "sony-pictures-2014.case.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DossierCase) dcase = dossier_case_load (file, NULL, NULL, NULL, NULL);
  g_autoptr(DossierChartModel) model = NULL;
  g_autoptr(DossierChartLayout) layout = NULL;
  g_autoptr(GBytes) svg = NULL;
  DossierExportOptions options;
  DossierChartFrame frame = { DOSSIER_CHART_EXPORT_WIDTH, 0, 1, FALSE };
  guint marks, clusters, items;

  g_assert_nonnull (dcase);
  dossier_export_options_init (&options);
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS;
  model = dossier_chart_model_new_for_export (dcase, &options, NULL, NULL);
  dossier_chart_frame_fit (&frame, model);
  layout = dossier_chart_layout_new (model, &frame);
  count_glyphs (layout, &marks, &clusters, &items);

  /* Every dated item drawn, alone or counted in a cluster, and the SVG
   * holds exactly the marks. */
  g_assert_cmpuint (items, ==, dossier_chart_model_get_n_items (model));
  svg = dossier_chart_export_to_bytes (dcase, &options, DOSSIER_CHART_EXPORT_SVG, NULL, NULL);
  g_assert_cmpuint (svg_marks (svg), ==, marks);
}

static void
test_export_deterministic (void)
{
  g_autoptr(DossierCase) dcase = load_fixture ("full.case.xml");
  DossierExportOptions options;
  const DossierChartExportFormat formats[] = { DOSSIER_CHART_EXPORT_SVG, DOSSIER_CHART_EXPORT_PNG };

  dossier_export_options_init (&options);
  options.sections = DOSSIER_EXPORT_ALL_SECTIONS;
  options.notes = DOSSIER_EXPORT_NOTES_ALL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) a = dossier_chart_export_to_bytes (dcase, &options, formats[i], NULL, NULL);
      g_autoptr(GBytes) b = dossier_chart_export_to_bytes (dcase, &options, formats[i], NULL, NULL);
      gsize size;
      const guint8 *data = g_bytes_get_data (a, &size);

      g_assert_nonnull (a);
      g_assert_true (g_bytes_equal (a, b));
      if (formats[i] == DOSSIER_CHART_EXPORT_PNG)
        {
          g_assert_cmpuint (size, >, 8);
          g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
        }
    }
}

static void
test_export_command (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-chart-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *case_path = g_test_build_filename (G_TEST_DIST, "cases", "good", "chart-spread.case.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err_text = NULL;
  gsize length, err_length;
  FILE *err = open_memstream (&err_text, &err_length);
  int status;

  status = dossier_export_command (case_path, "timeline-svg", out_path, NULL, "all", FALSE, stdout, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (contents, length);

    g_assert_cmpuint (svg_marks (bytes), ==, 10);
  }

  /* The safe writer's rules hold: no silent overwrite. */
  status = dossier_export_command (case_path, "timeline-png", out_path, NULL, NULL, FALSE, stdout, err);
  fflush (err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err_text, "already exists"));

  status = dossier_export_command (case_path, "timeline-png", out_path, NULL, NULL, TRUE, stdout, err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);

  fclose (err);
  g_unlink (out_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/mark/every-date-form", test_mark_every_form);
  g_test_add_func ("/chart/ticks/every-zoom", test_ticks_every_zoom);
  g_test_add_func ("/chart/model/lanes-and-date-order", test_model_lanes_and_order);
  g_test_add_func ("/chart/model/big-lane-order", test_model_big_lane_order);
  g_test_add_func ("/chart/layout/rtl-mirrors", test_layout_rtl_mirrors);
  g_test_add_func ("/chart/layout/clusters", test_layout_clusters);
  g_test_add_func ("/chart/layout/hit", test_layout_hit);
  g_test_add_func ("/chart/draw/layers-make-the-whole", test_draw_layers_make_the_whole);
  g_test_add_func ("/chart/export/svg-one-mark-per-item", test_export_svg_one_mark_per_item);
  g_test_add_func ("/chart/export/sample-every-item-drawn", test_export_sample_counts);
  g_test_add_func ("/chart/export/deterministic", test_export_deterministic);
  g_test_add_func ("/chart/export/command", test_export_command);

  return g_test_run ();
}
