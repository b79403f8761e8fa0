/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chart-draw.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "dossier-chart-ticks.h"

#define LEGEND_LINE_HEIGHT 20.0
#define LEGEND_SAMPLE_WIDTH 24.0
#define TICK_MIN_SPACING 84.0
#define DEFAULT_FONT "Sans 9"

/* Where fading or open ends are, on screen: the start of time is on the
 * right in a right-to-left chart. */
typedef enum
{
  SIDE_FADE_LEFT  = 1 << 0,
  SIDE_FADE_RIGHT = 1 << 1,
  SIDE_OPEN_LEFT  = 1 << 2,
  SIDE_OPEN_RIGHT = 1 << 3,
} Sides;

static const DossierChartColor light_palette[] = {
  { 0, 0, 0, 0.8 },                          /* foreground: window_fg_color */
  { 1, 1, 1, 1 },                            /* background: view_bg_color */
  { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 },   /* accent_color */
  { 0, 0, 0, 0.45 },                         /* no certainty */
  { 0x1b / 255., 0x85 / 255., 0x53 / 255., 1 },   /* success_color */
  { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1 },   /* accent_color */
  { 0x9c / 255., 0x6e / 255., 0x03 / 255., 1 },   /* warning_color */
  { 0xc0 / 255., 0x1c / 255., 0x28 / 255., 1 },   /* error_color */
  { 0, 0, 0, 0.65 },                         /* unverified: dimmed text */
};

static const DossierChartColor dark_palette[] = {
  { 1, 1, 1, 1 },
  { 0x1e / 255., 0x1e / 255., 0x1e / 255., 1 },
  { 0x78 / 255., 0xae / 255., 0xed / 255., 1 },
  { 1, 1, 1, 0.45 },
  { 0x8f / 255., 0xf0 / 255., 0xa4 / 255., 1 },
  { 0x78 / 255., 0xae / 255., 0xed / 255., 1 },
  { 0xf8 / 255., 0xe4 / 255., 0x5c / 255., 1 },
  { 0xff / 255., 0x7b / 255., 0x63 / 255., 1 },
  { 1, 1, 1, 0.7 },
};

void
dossier_chart_colors_init (DossierChartColors *colors,
                           gboolean            dark)
{
  const DossierChartColor *p = dark ? dark_palette : light_palette;

  g_return_if_fail (colors != NULL);

  colors->foreground = p[0];
  colors->background = p[1];
  colors->accent = p[2];
  for (guint i = 0; i <= DOSSIER_CERTAINTY_UNVERIFIED; i++)
    colors->certainty[i] = p[3 + i];
}

void
dossier_chart_style_init (DossierChartStyle *style,
                          gboolean           dark)
{
  g_return_if_fail (style != NULL);

  dossier_chart_colors_init (&style->colors, dark);
  style->font = NULL;
  style->selected = -1;
  style->focused = -1;
  style->highlighted = -1;
  style->hovered = -1;
  style->show_legend = TRUE;
  style->high_contrast = FALSE;
  style->draw_background = TRUE;
}

static void
set_color (cairo_t                 *cr,
           const DossierChartColor *color,
           double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* In high contrast, dimmed text is not dimmed and faint lines are not
 * faint. */
static double
contrast (const DossierChartStyle *style,
          double                   alpha)
{
  if (!style->high_contrast)
    return alpha;
  return alpha >= 0.5 ? 1.0 : MIN (alpha * 2.5, 0.6);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A horizontal gradient of @color that is transparent at the fading
 * ends. */
static cairo_pattern_t *
bar_pattern (const DossierChartColor *color,
             double                   alpha,
             double                   x0,
             double                   x1,
             guint                    sides)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (x0, 0, x1, 0);
  double w = MAX (x1 - x0, 1);
  double a = color->alpha * alpha;
  double fade = MIN (14.0, w / 3) / w;
  double open = MIN (60.0, w / 2) / w;
  double left = 0, right = 1;

  if (sides & SIDE_OPEN_LEFT)
    left = open;
  else if (sides & SIDE_FADE_LEFT)
    left = fade;
  if (sides & SIDE_OPEN_RIGHT)
    right = 1 - open;
  else if (sides & SIDE_FADE_RIGHT)
    right = 1 - fade;

  cairo_pattern_add_color_stop_rgba (pattern, 0, color->red, color->green, color->blue,
                                     left > 0 ? 0 : a);
  cairo_pattern_add_color_stop_rgba (pattern, left, color->red, color->green, color->blue, a);
  cairo_pattern_add_color_stop_rgba (pattern, right, color->red, color->green, color->blue, a);
  cairo_pattern_add_color_stop_rgba (pattern, 1, color->red, color->green, color->blue,
                                     right < 1 ? 0 : a);
  return pattern;
}

static void
stroke_outline (cairo_t *cr,
                gboolean dashed,
                double   line_width)
{
  static const double dashes[] = { 3.0, 2.0 };

  cairo_set_line_width (cr, line_width);
  if (dashed)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* One fill and one stroke a mark, whatever its style: the exports and
 * their tests count on it. */
static void
draw_bar (cairo_t                 *cr,
          double                   x0,
          double                   x1,
          double                   cy,
          const DossierChartColor *color,
          guint                    sides,
          gboolean                 dashed,
          double                   line_width)
{
  double h = DOSSIER_CHART_BAR_HEIGHT;
  cairo_pattern_t *pattern;

  x1 = MAX (x1, x0 + 3);
  cairo_new_path (cr);
  rounded_rect (cr, x0, cy - h / 2, x1 - x0, h, 2.5);
  pattern = bar_pattern (color, dashed ? 0.3 : 0.75, x0, x1, sides);
  cairo_set_source (cr, pattern);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (pattern);

  pattern = bar_pattern (color, 1.0, x0, x1, sides);
  cairo_set_source (cr, pattern);
  stroke_outline (cr, dashed, line_width);
  cairo_pattern_destroy (pattern);
}

static void
draw_point (cairo_t                 *cr,
            double                   cx,
            double                   cy,
            const DossierChartColor *color,
            gboolean                 soft,
            gboolean                 dashed,
            double                   line_width)
{
  double r = DOSSIER_CHART_POINT_RADIUS;

  cairo_new_path (cr);
  if (soft)
    {
      /* Approximate: a halo that fades out around the point. */
      cairo_pattern_t *pattern = cairo_pattern_create_radial (cx, cy, 0, cx, cy, r * 1.9);
      double a = color->alpha * (dashed ? 0.45 : 0.9);

      cairo_pattern_add_color_stop_rgba (pattern, 0, color->red, color->green, color->blue, a);
      cairo_pattern_add_color_stop_rgba (pattern, 0.4, color->red, color->green, color->blue, a);
      cairo_pattern_add_color_stop_rgba (pattern, 1, color->red, color->green, color->blue, 0);
      cairo_arc (cr, cx, cy, r * 1.9, 0, 2 * G_PI);
      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      set_color (cr, color, dashed ? 1.0 : 0.35);
      stroke_outline (cr, dashed, line_width);
      return;
    }

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_color (cr, color, dashed ? 0.3 : 0.85);
  cairo_fill_preserve (cr);
  set_color (cr, color, 1.0);
  stroke_outline (cr, dashed, line_width);
}

static guint
mark_sides (const DossierChartMark *mark,
            gboolean                rtl)
{
  guint sides = 0;
  gboolean fade_start = (mark->flags & DOSSIER_CHART_MARK_FADE_START) != 0;
  gboolean fade_end = (mark->flags & DOSSIER_CHART_MARK_FADE_END) != 0;
  gboolean open_start = (mark->flags & DOSSIER_CHART_MARK_OPEN_START) != 0;
  gboolean open_end = (mark->flags & DOSSIER_CHART_MARK_OPEN_END) != 0;

  if (rtl)
    {
      gboolean t;

      t = fade_start, fade_start = fade_end, fade_end = t;
      t = open_start, open_start = open_end, open_end = t;
    }
  if (fade_start)
    sides |= SIDE_FADE_LEFT;
  if (fade_end)
    sides |= SIDE_FADE_RIGHT;
  if (open_start)
    sides |= SIDE_OPEN_LEFT;
  if (open_end)
    sides |= SIDE_OPEN_RIGHT;
  return sides;
}

static PangoLayout *
create_layout (cairo_t                 *cr,
               const DossierChartStyle *style,
               double                   scale,
               gboolean                 bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (style->font != NULL ? style->font
                                                                                      : DEFAULT_FONT);

  if (scale != 1.0)
    pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * scale));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

/* Text centred on @x (clamped into the chart), top at @y, unless it
 * would run into the text already written on the axis (@taken, of
 * pairs of left and right edges): the first and the major ticks are
 * written first, and keep their place. */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           GArray      *taken)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  x = CLAMP (x - w / 2.0, 2, MAX (2, width - w - 2));
  for (guint i = 0; i + 1 < taken->len; i += 2)
    if (x < g_array_index (taken, double, i + 1) + 8 && x + w + 8 > g_array_index (taken, double, i))
      return;
  g_array_append_val (taken, x);
  x += w;
  g_array_append_val (taken, x);
  cairo_move_to (cr, x - w, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axis (const DossierChartLayout *layout,
           const DossierChartStyle  *style,
           cairo_t                  *cr,
           double                    bottom)
{
  const DossierChartFrame *frame = &layout->frame;
  g_autoptr(DossierChartTicks) ticks = NULL;
  g_autoptr(PangoLayout) text = create_layout (cr, style, 1.0, FALSE);
  g_autoptr(PangoLayout) bold = create_layout (cr, style, 1.0, TRUE);
  g_autoptr(GArray) taken = NULL;
  double plot = frame->width - 2 * DOSSIER_CHART_PAD;

  if (plot <= 0)
    return;

  ticks = dossier_chart_ticks_new (frame->t0, frame->t1, plot, TICK_MIN_SPACING);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < ticks->ticks->len; i++)
    {
      const DossierChartTick *tick = &g_array_index (ticks->ticks, DossierChartTick, i);
      double x = round (dossier_chart_frame_x_at_time (frame, (double) tick->time)) + 0.5;

      set_color (cr, &style->colors.foreground, contrast (style, tick->major ? 0.28 : 0.12));
      cairo_move_to (cr, x, DOSSIER_CHART_AXIS_HEIGHT - 6);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }

  /* Labels: the first (it names the year or the day), the major ones,
   * then the others where there is room. */
  taken = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ticks->ticks->len; i++)
      {
        const DossierChartTick *tick = &g_array_index (ticks->ticks, DossierChartTick, i);
        gboolean early = i == 0 || tick->major;

        if (early != (pass == 0))
          continue;
        set_color (cr, &style->colors.foreground, contrast (style, tick->major ? 0.9 : 0.7));
        show_text (cr, tick->major ? bold : text, tick->label,
                   round (dossier_chart_frame_x_at_time (frame, (double) tick->time)) + 0.5, 4,
                   frame->width, taken);
      }
}

static void
draw_lanes (DossierChartModel        *model,
            const DossierChartLayout *layout,
            const DossierChartStyle  *style,
            cairo_t                  *cr)
{
  g_autoptr(PangoLayout) caption = create_layout (cr, style, 0.8, TRUE);
  gboolean odd = FALSE;

  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    {
      double y = layout->lane_y[lane];
      int w, h;

      if (y < 0)
        continue;

      if (odd)
        {
          set_color (cr, &style->colors.foreground, contrast (style, 0.035));
          cairo_rectangle (cr, 0, y, layout->frame.width, DOSSIER_CHART_LANE_HEIGHT);
          cairo_fill (cr);
        }
      odd = !odd;

      pango_layout_set_text (caption, dossier_chart_lane_get_label (lane), -1);
      pango_layout_get_pixel_size (caption, &w, &h);
      set_color (cr, &style->colors.foreground, contrast (style, 0.62));
      cairo_move_to (cr, layout->frame.rtl ? layout->frame.width - DOSSIER_CHART_PAD - w
                                           : DOSSIER_CHART_PAD, y + 2);
      pango_cairo_show_layout (cr, caption);
    }
}

static void
draw_glyph_mark (DossierChartModel        *model,
                 const DossierChartLayout *layout,
                 const DossierChartStyle  *style,
                 const DossierChartGlyph  *g,
                 cairo_t                  *cr)
{
  const DossierChartItem *item = dossier_chart_model_get_item (model, g->item);
  const DossierChartColor *color = &style->colors.certainty[item->certainty];
  gboolean dashed = (item->mark.flags & DOSSIER_CHART_MARK_DASHED) != 0;
  double cy = (g->y0 + g->y1) / 2;

  if ((int) g->item == style->highlighted)
    {
      set_color (cr, &style->colors.accent, 0.25);
      rounded_rect (cr, g->x0 - 6, g->y0 - 6, g->x1 - g->x0 + 12, g->y1 - g->y0 + 12, 6);
      cairo_fill (cr);
    }

  if (item->mark.shape == DOSSIER_CHART_SHAPE_BAR && g->x1 - g->x0 > 2 * DOSSIER_CHART_POINT_RADIUS)
    draw_bar (cr, g->x0, g->x1, cy, color, mark_sides (&item->mark, layout->frame.rtl), dashed,
              DOSSIER_CHART_MARK_LINE_WIDTH);
  else if (item->mark.shape == DOSSIER_CHART_SHAPE_BAR)
    draw_bar (cr, (g->x0 + g->x1) / 2 - 2, (g->x0 + g->x1) / 2 + 2, cy, color, 0, dashed,
              DOSSIER_CHART_MARK_LINE_WIDTH);
  else
    draw_point (cr, (g->x0 + g->x1) / 2, cy, color,
                (item->mark.flags & (DOSSIER_CHART_MARK_FADE_START | DOSSIER_CHART_MARK_FADE_END)) != 0,
                dashed, DOSSIER_CHART_MARK_LINE_WIDTH);
}

static void
draw_glyph_cluster (const DossierChartLayout *layout,
                    const DossierChartStyle  *style,
                    const DossierChartGlyph  *g,
                    double                    max_count,
                    PangoLayout              *text,
                    cairo_t                  *cr)
{
  /* Denser bands are darker: the lane reads as a histogram. */
  double density = 0.12 + 0.3 * log1p (g->count) / log1p (MAX (max_count, 2));
  char count[16];
  int w, h;

  rounded_rect (cr, g->x0, g->y0, g->x1 - g->x0, g->y1 - g->y0, 8);
  set_color (cr, &style->colors.foreground, density);
  cairo_fill_preserve (cr);
  set_color (cr, &style->colors.foreground, contrast (style, 0.45));
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  g_snprintf (count, sizeof count, "%u", g->count);
  pango_layout_set_text (text, count, -1);
  pango_layout_get_pixel_size (text, &w, &h);
  if (w + 4 <= g->x1 - g->x0)
    {
      set_color (cr, &style->colors.foreground, 1.0);
      cairo_move_to (cr, (g->x0 + g->x1 - w) / 2, (g->y0 + g->y1 - h) / 2);
      pango_cairo_show_layout (cr, text);
    }
}

static void
draw_ring (cairo_t                 *cr,
           const DossierChartGlyph *g,
           const DossierChartColor *color,
           double                   inset,
           gboolean                 dashed)
{
  rounded_rect (cr, g->x0 - inset, g->y0 - inset,
                g->x1 - g->x0 + 2 * inset, g->y1 - g->y0 + 2 * inset, 4 + inset);
  set_color (cr, color, 1.0);
  stroke_outline (cr, dashed, 2.0);
}

static void
draw_glyphs (DossierChartModel        *model,
             const DossierChartLayout *layout,
             const DossierChartStyle  *style,
             cairo_t                  *cr)
{
  g_autoptr(PangoLayout) text = create_layout (cr, style, 0.85, TRUE);
  double max_count[DOSSIER_CHART_N_LANES] = { 0 };
  const DossierChartGlyph *glyphs = (const DossierChartGlyph *) (gpointer) layout->glyphs->data;

  /* Bars under points, marks under clusters. */
  for (guint i = 0; i < layout->n_marks; i++)
    if (dossier_chart_model_get_item (model, glyphs[i].item)->mark.shape == DOSSIER_CHART_SHAPE_BAR)
      draw_glyph_mark (model, layout, style, &glyphs[i], cr);
  for (guint i = 0; i < layout->n_marks; i++)
    if (dossier_chart_model_get_item (model, glyphs[i].item)->mark.shape == DOSSIER_CHART_SHAPE_POINT)
      draw_glyph_mark (model, layout, style, &glyphs[i], cr);

  for (guint i = layout->n_marks; i < layout->glyphs->len; i++)
    max_count[glyphs[i].lane] = MAX (max_count[glyphs[i].lane], glyphs[i].count);
  for (guint i = layout->n_marks; i < layout->glyphs->len; i++)
    draw_glyph_cluster (layout, style, &glyphs[i], max_count[glyphs[i].lane], text, cr);
}

/* The rings of the hovered, the selected and the focused item, over
 * the glyphs. */
static void
draw_rings (DossierChartModel        *model,
            const DossierChartLayout *layout,
            const DossierChartStyle  *style,
            cairo_t                  *cr)
{
  if (style->hovered >= 0 && style->hovered != style->selected)
    {
      const DossierChartGlyph *g = dossier_chart_layout_find_item (layout, model, style->hovered);

      if (g != NULL)
        draw_ring (cr, g, &style->colors.foreground, 2, FALSE);
    }
  if (style->selected >= 0)
    {
      const DossierChartGlyph *g = dossier_chart_layout_find_item (layout, model, style->selected);

      if (g != NULL)
        draw_ring (cr, g, &style->colors.accent, 3, FALSE);
    }
  if (style->focused >= 0 && style->focused != style->selected)
    {
      const DossierChartGlyph *g = dossier_chart_layout_find_item (layout, model, style->focused);

      if (g != NULL)
        draw_ring (cr, g, &style->colors.accent, 4, TRUE);
    }
}

typedef enum
{
  SAMPLE_POINT,
  SAMPLE_BAR,
  SAMPLE_SOFT,
  SAMPLE_DASHED,
  SAMPLE_OPEN,
  SAMPLE_CLUSTER,
  SAMPLE_CERTAINTY,
} Sample;

typedef struct
{
  Sample           sample;
  DossierCertainty certainty;
  const char      *text;
} LegendEntry;

static guint
legend_entries (DossierChartModel *model,
                LegendEntry       *entries)
{
  guint n = 0;
  gboolean open = dossier_chart_model_has_open_ends (model);

  entries[n++] = (LegendEntry) { SAMPLE_POINT, 0, _("a day or an instant") };
  entries[n++] = (LegendEntry) { SAMPLE_BAR, 0, _("a month, season, year or span") };
  entries[n++] = (LegendEntry) { SAMPLE_SOFT, 0, _("soft ends: approximate (~)") };
  entries[n++] = (LegendEntry) { SAMPLE_DASHED, 0, _("dashed: uncertain (?)") };
  if (open)
    entries[n++] = (LegendEntry) { SAMPLE_OPEN, 0, _("fading out: no end given") };
  entries[n++] = (LegendEntry) { SAMPLE_CLUSTER, 0, _("items gathered: zoom in") };
  for (DossierCertainty c = DOSSIER_CERTAINTY_CONFIRMED; c <= DOSSIER_CERTAINTY_UNVERIFIED; c++)
    entries[n++] = (LegendEntry) { SAMPLE_CERTAINTY, c, dossier_certainty_get_label (c) };
  entries[n++] = (LegendEntry) { SAMPLE_CERTAINTY, DOSSIER_CERTAINTY_NONE, _("certainty not given") };
  return n;
}

static void
draw_sample (cairo_t                 *cr,
             const DossierChartStyle *style,
             const LegendEntry       *entry,
             double                   x,
             double                   cy,
             gboolean                 rtl)
{
  const DossierChartColor *neutral = &style->colors.foreground;
  double x1 = x + LEGEND_SAMPLE_WIDTH;

  switch (entry->sample)
    {
    case SAMPLE_POINT:
      draw_point (cr, x + LEGEND_SAMPLE_WIDTH / 2, cy, neutral, FALSE, FALSE, 1.0);
      break;
    case SAMPLE_BAR:
      draw_bar (cr, x, x1, cy, neutral, 0, FALSE, 1.0);
      break;
    case SAMPLE_SOFT:
      draw_bar (cr, x, x1, cy, neutral, SIDE_FADE_LEFT | SIDE_FADE_RIGHT, FALSE, 1.0);
      break;
    case SAMPLE_DASHED:
      draw_bar (cr, x, x1, cy, neutral, 0, TRUE, 1.0);
      break;
    case SAMPLE_OPEN:
      draw_bar (cr, x, x1, cy, neutral, rtl ? SIDE_OPEN_LEFT : SIDE_OPEN_RIGHT, FALSE, 1.0);
      break;
    case SAMPLE_CLUSTER:
      rounded_rect (cr, x, cy - 7, LEGEND_SAMPLE_WIDTH, 14, 7);
      set_color (cr, neutral, 0.25);
      cairo_fill (cr);
      break;
    case SAMPLE_CERTAINTY:
    default:
      rounded_rect (cr, x + 6, cy - 6, 12, 12, 3);
      set_color (cr, &style->colors.certainty[entry->certainty], 0.85);
      cairo_fill (cr);
      break;
    }
}

/* Lays the legend out in lines across the chart's width and, with @draw,
 * draws it; returns its height. */
static double
legend (DossierChartModel        *model,
        const DossierChartFrame  *frame,
        const DossierChartStyle  *style,
        cairo_t                  *cr,
        double                    top,
        gboolean                  draw)
{
  LegendEntry entries[16];
  guint n = legend_entries (model, entries);
  double width = frame->width - 2 * DOSSIER_CHART_PAD;
  g_autoptr(PangoLayout) text = create_layout (cr, style, 1.0, FALSE);
  double x = 0, y = 0;
  gboolean rtl = frame->rtl;

  for (guint i = 0; i < n; i++)
    {
      int w, h;
      double entry_width;
      double left;

      pango_layout_set_text (text, entries[i].text, -1);
      pango_layout_get_pixel_size (text, &w, &h);
      entry_width = LEGEND_SAMPLE_WIDTH + 6 + w;
      if (x > 0 && x + entry_width > width)
        {
          x = 0;
          y += LEGEND_LINE_HEIGHT;
        }

      left = rtl ? DOSSIER_CHART_PAD + width - x - entry_width : DOSSIER_CHART_PAD + x;
      if (draw)
        {
          double cy = top + y + LEGEND_LINE_HEIGHT / 2;

          draw_sample (cr, style, &entries[i], rtl ? left + w + 6 : left, cy, rtl);
          set_color (cr, &style->colors.foreground, contrast (style, 0.8));
          cairo_move_to (cr, rtl ? left : left + LEGEND_SAMPLE_WIDTH + 6, cy - h / 2.0);
          pango_cairo_show_layout (cr, text);
        }
      x += entry_width + 16;
    }

  return y + LEGEND_LINE_HEIGHT;
}

static guint
count_lanes (DossierChartModel *model)
{
  guint lanes = dossier_chart_model_get_lanes (model);
  guint n = 0;

  for (guint lane = 0; lane < DOSSIER_CHART_N_LANES; lane++)
    if (lanes & (1u << lane))
      n++;
  return n;
}

double
dossier_chart_get_height (DossierChartModel        *model,
                          const DossierChartFrame  *frame,
                          const DossierChartStyle  *style)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (model != NULL, 0);
  g_return_val_if_fail (frame != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  height = DOSSIER_CHART_AXIS_HEIGHT + DOSSIER_CHART_LANE_HEIGHT * count_lanes (model);
  if (!style->show_legend)
    return height;

  /* Pango measures on a cairo context; a scratch one will do. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  height += DOSSIER_CHART_LEGEND_GAP + legend (model, frame, style, cr, 0, FALSE) + 4;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
dossier_chart_draw_layers (DossierChartModel        *model,
                           const DossierChartLayout *layout,
                           const DossierChartStyle  *style,
                           guint                     layers,
                           cairo_t                  *cr)
{
  g_return_if_fail (model != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (style->draw_background && (layers & DOSSIER_CHART_LAYER_LANES))
    {
      set_color (cr, &style->colors.background, 1.0);
      cairo_paint (cr);
    }

  if (layers & DOSSIER_CHART_LAYER_LANES)
    draw_lanes (model, layout, style, cr);
  if (layers & DOSSIER_CHART_LAYER_AXIS)
    draw_axis (layout, style, cr, layout->lanes_bottom);

  if (layers & (DOSSIER_CHART_LAYER_MARKS | DOSSIER_CHART_LAYER_RINGS))
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, DOSSIER_CHART_AXIS_HEIGHT - 6, layout->frame.width,
                       layout->lanes_bottom - DOSSIER_CHART_AXIS_HEIGHT + 6);
      cairo_clip (cr);
      if (layers & DOSSIER_CHART_LAYER_MARKS)
        draw_glyphs (model, layout, style, cr);
      if (layers & DOSSIER_CHART_LAYER_RINGS)
        draw_rings (model, layout, style, cr);
      cairo_restore (cr);
    }

  if (style->show_legend && (layers & DOSSIER_CHART_LAYER_LEGEND))
    legend (model, &layout->frame, style, cr, layout->lanes_bottom + DOSSIER_CHART_LEGEND_GAP, TRUE);
  cairo_restore (cr);
}

void
dossier_chart_draw (DossierChartModel        *model,
                    const DossierChartLayout *layout,
                    const DossierChartStyle  *style,
                    cairo_t                  *cr)
{
  dossier_chart_draw_layers (model, layout, style, DOSSIER_CHART_LAYER_ALL, cr);
}

double
dossier_chart_draw_legend (DossierChartModel       *model,
                           const DossierChartFrame *frame,
                           const DossierChartStyle *style,
                           cairo_t                 *cr)
{
  double height;

  g_return_val_if_fail (model != NULL, 0);
  g_return_val_if_fail (frame != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  height = legend (model, frame, style, cr, 0, TRUE);
  cairo_restore (cr);
  return height;
}
