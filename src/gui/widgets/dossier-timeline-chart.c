/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-timeline-chart.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dossier-chart-widget-style.h"
#include "dossier-frame-bench.h"
#include "dossier-safe-writer.h"

/* Zoom limits: an hour across the chart, and ten times the fitted range. */
#define MIN_SPAN 3600.0
#define MAX_SPAN_FACTOR 10.0
#define ZOOM_STEP 1.5
/* Below this width the legend is in the toolbar's popover only (it is
 * there at every width). */
#define LEGEND_MIN_WIDTH 560

struct _DossierTimelineChart
{
  GtkWidget           parent_instance;

  GtkWidget          *toolbar;
  GtkWidget          *legend_button;

  DossierChartModel  *model;
  DossierChartModel  *bench_model;   /* the model the last benchmark line named */
  DossierFrameBench  *frame_bench;   /* with DOSSIER_BENCH_FRAMES=1 */
  int                 allocated_width, allocated_height;
  DossierChartLayout *layout;        /* of the last frame; NULL when stale */
  GskRenderNode      *legend_node;   /* kept between frames; NULL when stale */
  /* The lanes, the axis and the marks of the last frame; kept while only
   * the rings change. */
  GskRenderNode      *marks_node;
  DossierChartStyle   marks_style;   /* what it was drawn with */
  char               *marks_font;
  double              t0, t1;        /* visible range */
  double              fit_t0, fit_t1;
  gboolean            fitted;

  int                 selected;
  int                 focused;
  int                 highlighted;
  int                 hovered;

  double              pointer_x;     /* chart coordinates, -1 when away */
  double              pointer_y;

  double              drag_t0, drag_t1;
  double              pinch_t0, pinch_t1;
  double              pinch_x;

  char               *a11y_label;
  char               *a11y_description;

  GCancellable       *cancellable;   /* of exports; cancelled in dispose */
};

G_DEFINE_FINAL_TYPE (DossierTimelineChart, dossier_timeline_chart, GTK_TYPE_WIDGET)

enum
{
  ITEM_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
toolbar_height (DossierTimelineChart *self)
{
  int height = 0;

  if (gtk_widget_get_visible (self->toolbar))
    gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

static gboolean
is_rtl (DossierTimelineChart *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static void
get_frame (DossierTimelineChart *self,
           DossierChartFrame    *frame)
{
  frame->width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 2 * DOSSIER_CHART_PAD + 1);
  frame->t0 = self->t0;
  frame->t1 = self->t1;
  frame->rtl = is_rtl (self);
}

static void
invalidate (DossierTimelineChart *self)
{
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const DossierChartLayout *
ensure_layout (DossierTimelineChart *self)
{
  DossierChartFrame frame;

  if (self->model == NULL)
    return NULL;

  get_frame (self, &frame);
  if (self->layout != NULL && self->layout->frame.width == frame.width &&
      self->layout->frame.t0 == frame.t0 && self->layout->frame.t1 == frame.t1 &&
      self->layout->frame.rtl == frame.rtl)
    return self->layout;

  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  self->layout = dossier_chart_layout_new (self->model, &frame);
  return self->layout;
}

static void
set_range (DossierTimelineChart *self,
           double                t0,
           double                t1)
{
  double span = t1 - t0;
  double max_span = MAX ((self->fit_t1 - self->fit_t0) * MAX_SPAN_FACTOR, MIN_SPAN);

  if (span < MIN_SPAN)
    {
      double mid = (t0 + t1) / 2;

      t0 = mid - MIN_SPAN / 2;
      t1 = mid + MIN_SPAN / 2;
    }
  else if (span > max_span)
    {
      double mid = (t0 + t1) / 2;

      t0 = mid - max_span / 2;
      t1 = mid + max_span / 2;
    }

  if (t0 == self->t0 && t1 == self->t1)
    return;
  self->t0 = t0;
  self->t1 = t1;
  invalidate (self);
}

/* Zooms by @factor (>1 in) keeping the time at @x (chart coordinates)
 * where it is. */
static void
zoom_at (DossierTimelineChart *self,
         double                factor,
         double                x)
{
  DossierChartFrame frame;
  double t, f, span;

  if (self->model == NULL)
    return;

  get_frame (self, &frame);
  t = dossier_chart_frame_time_at_x (&frame, x);
  f = (t - self->t0) / (self->t1 - self->t0);
  span = (self->t1 - self->t0) / factor;
  span = CLAMP (span, MIN_SPAN, MAX ((self->fit_t1 - self->fit_t0) * MAX_SPAN_FACTOR, MIN_SPAN));
  set_range (self, t - f * span, t - f * span + span);
}

static void
pan_by (DossierTimelineChart *self,
        double                fraction)
{
  double dt = (self->t1 - self->t0) * fraction * (is_rtl (self) ? -1 : 1);

  set_range (self, self->t0 + dt, self->t1 + dt);
}

static void
fit_all (DossierTimelineChart *self)
{
  if (!self->fitted)
    return;
  set_range (self, self->fit_t0, self->fit_t1);
}

static char *
item_date_text (DossierTimelineChart *self,
                guint                 item)
{
  return dossier_date_format (dossier_chart_model_get_item (self->model, item)->date);
}

static char *
item_description (DossierTimelineChart *self,
                  guint                 item)
{
  const DossierChartItem *it = dossier_chart_model_get_item (self->model, item);
  g_autofree char *date = item_date_text (self, item);
  const char *kind = dossier_chart_model_get_kind_label (self->model, item);

  if (it->certainty != DOSSIER_CERTAINTY_NONE)
    /* Translators: a chart item's date, certainty and kind:
     * "24 November 2014 · Confirmed · Event" */
    return g_strdup_printf (_("%s · %s · %s"), date, dossier_certainty_get_label (it->certainty), kind);
  /* Translators: a chart item's date and kind: "24 November 2014 · Breach" */
  return g_strdup_printf (_("%s · %s"), date, kind);
}

static void
update_accessible (DossierTimelineChart *self)
{
  g_clear_pointer (&self->a11y_label, g_free);
  g_clear_pointer (&self->a11y_description, g_free);

  if (self->model != NULL && self->focused >= 0)
    {
      self->a11y_label = dossier_chart_model_dup_title (self->model, self->focused);
      self->a11y_description = item_description (self, self->focused);
    }
  else
    {
      guint n = self->model != NULL ? dossier_chart_model_get_n_items (self->model) : 0;

      self->a11y_label = g_strdup (_("Timeline chart"));
      self->a11y_description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u dated item; Left and Right move between items, Enter selects",
                                      "%u dated items; Left and Right move between items, Enter selects", n),
                         n);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->a11y_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->a11y_description,
                                  -1);
}

/* Pans (never zooms) so that @item's mark is in view. */
static void
show_item (DossierTimelineChart *self,
           int                   item)
{
  const DossierChartItem *it;
  double span, margin;

  if (self->model == NULL || item < 0)
    return;

  it = dossier_chart_model_get_item (self->model, item);
  span = self->t1 - self->t0;
  margin = span * 0.05;
  if (it->mark.at >= self->t0 + margin && it->mark.at <= self->t1 - margin)
    return;
  set_range (self, it->mark.at - span / 2, it->mark.at + span / 2);
}

static void
set_focused (DossierTimelineChart *self,
             int                   item)
{
  if (self->focused == item)
    return;
  self->focused = item;
  show_item (self, item);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_item (DossierTimelineChart *self,
             int                   item,
             gboolean              notify)
{
  self->selected = item;
  set_focused (self, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (notify && item >= 0)
    g_signal_emit (self, signals[ITEM_SELECTED], 0,
                   dossier_chart_model_get_item (self->model, item)->date);
}

/* Goes to the item in its own tab, as the list's rows do. */
static void
reveal_item (DossierTimelineChart *self,
             int                   item)
{
  const DossierChartItem *it;

  if (self->model == NULL || item < 0)
    return;

  it = dossier_chart_model_get_item (self->model, item);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-place", "(ssi)",
                              dossier_section_to_string (it->section),
                              it->item_id != NULL ? it->item_id : "",
                              it->item_index);
}

static void
zoom_into_cluster (DossierTimelineChart    *self,
                   const DossierChartGlyph *cluster)
{
  double span = MAX ((double) (cluster->last_at - cluster->first_at), MIN_SPAN);
  double margin = span * 0.25;

  set_range (self, cluster->first_at - margin, cluster->first_at + span + margin);
}

static double
zoom_anchor_x (DossierTimelineChart *self)
{
  DossierChartFrame frame;

  if (self->pointer_x >= 0)
    return self->pointer_x;

  get_frame (self, &frame);
  if (self->focused >= 0)
    {
      const DossierChartItem *it = dossier_chart_model_get_item (self->model, self->focused);
      double x = dossier_chart_frame_x_at_time (&frame, (double) it->mark.at);

      if (x >= 0 && x <= frame.width)
        return x;
    }
  return frame.width / 2;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);

  zoom_at (self, ZOOM_STEP, zoom_anchor_x (self));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);

  zoom_at (self, 1 / ZOOM_STEP, zoom_anchor_x (self));
}

static void
fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fit_all (DOSSIER_TIMELINE_CHART (widget));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  int step = g_variant_get_int32 (parameter);
  const guint *order;
  int n;
  int next;

  if (self->model == NULL)
    return;
  n = (int) dossier_chart_model_get_n_items (self->model);
  if (n == 0)
    return;

  /* Keys name directions on screen: in a right-to-left chart, Left goes
   * forward in time. Large steps are Home and End. */
  if (is_rtl (self))
    step = -step;
  order = dossier_chart_model_get_date_order (self->model);
  if (step <= -n)
    next = 0;
  else if (step >= n)
    next = n - 1;
  else if (self->focused < 0)
    next = step > 0 ? 0 : n - 1;
  else
    next = CLAMP ((int) dossier_chart_model_get_date_rank (self->model, self->focused) + step, 0, n - 1);

  set_focused (self, (int) order[next]);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pan_by (DOSSIER_TIMELINE_CHART (widget), g_variant_get_int32 (parameter) / 10.0);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);

  if (self->focused < 0)
    return;
  if (self->focused == self->selected)
    reveal_item (self, self->selected);
  else
    select_item (self, self->focused, TRUE);
}

/* Export */

typedef struct
{
  DossierCase              *dcase;
  DossierExportOptions      options;
  DossierChartExportFormat  format;
  GFile                    *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->dcase);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = dossier_chart_export_to_bytes (job->dcase, &job->options, job->format, cancellable, &error);
  if (bytes == NULL ||
      !dossier_safe_write_bytes (job->file, dossier_case_get_file (job->dcase), bytes,
                                 DOSSIER_SAFE_WRITER_REPLACE, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_toast (DossierTimelineChart *self,
            const char           *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_timeline_chart_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = NULL;

    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Timeline chart saved as “%s”"), name);
    show_toast (self, text);
  }
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     DossierTimelineChart *self)
{
  DossierChartExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    dossier_timeline_chart_export_async (self, file, format, self->cancellable, export_done_cb,
                                         g_object_ref (file));
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  DossierChartExportFormat format;
  GtkFileChooserNative *chooser;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->model == NULL)
    return;
  format = g_strcmp0 (g_variant_get_string (parameter, NULL), "png") == 0 ? DOSSIER_CHART_EXPORT_PNG
                                                                          : DOSSIER_CHART_EXPORT_SVG;

  chooser = gtk_file_chooser_native_new (_("Export the Timeline Chart"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  base = dossier_export_suggest_filename (dossier_chart_model_get_case (self->model), DOSSIER_EXPORT_TEXT);
  dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  name = g_strdup_printf ("%s-timeline.%s", base, dossier_chart_export_format_get_extension (format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DossierTimelineChart     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (self->model == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    dossier_timeline_chart_pointer_zoomed (self, self->pointer_x >= 0 ? self->pointer_x
                                                                      : zoom_anchor_x (self), dy);
  else
    pan_by (self, (fabs (dx) > fabs (dy) ? dx : dy) * 0.1);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DossierTimelineChart     *self)
{
  dossier_timeline_chart_pointer_moved (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          DossierTimelineChart     *self)
{
  self->pointer_x = -1;
  self->pointer_y = -1;
  if (self->hovered >= 0)
    {
      self->hovered = -1;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pressed_cb (GtkGestureClick      *gesture,
            int                   n_press,
            double                x,
            double                y,
            DossierTimelineChart *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  dossier_timeline_chart_pointer_clicked (self, n_press, x, y);
  /* A click on a cluster zooms: a drag that follows starts from there. */
  self->drag_t0 = self->t0;
  self->drag_t1 = self->t1;
}

static void
drag_begin_cb (GtkGestureDrag       *gesture,
               double                x,
               double                y,
               DossierTimelineChart *self)
{
  self->drag_t0 = self->t0;
  self->drag_t1 = self->t1;
}

static void
drag_update_cb (GtkGestureDrag       *gesture,
                double                offset_x,
                double                offset_y,
                DossierTimelineChart *self)
{
  double plot = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 2 * DOSSIER_CHART_PAD, 1);
  double dt = -offset_x / plot * (self->drag_t1 - self->drag_t0);

  /* A hand that trembles while clicking does not pan. */
  if (fabs (offset_x) < 3 && fabs (offset_y) < 3)
    return;
  if (is_rtl (self))
    dt = -dt;
  set_range (self, self->drag_t0 + dt, self->drag_t1 + dt);
}

static void
pinch_begin_cb (GtkGesture           *gesture,
                GdkEventSequence     *sequence,
                DossierTimelineChart *self)
{
  double x, y;

  self->pinch_t0 = self->t0;
  self->pinch_t1 = self->t1;
  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->pinch_x = x;
  else
    self->pinch_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
}

static void
pinch_scale_cb (GtkGestureZoom       *gesture,
                double                scale,
                DossierTimelineChart *self)
{
  if (scale <= 0)
    return;
  set_range (self, self->pinch_t0, self->pinch_t1);
  zoom_at (self, scale, self->pinch_x);
}

static char *
glyph_tooltip (DossierTimelineChart    *self,
               const DossierChartGlyph *glyph)
{
  g_autofree char *text = NULL;

  if (glyph->kind == DOSSIER_CHART_GLYPH_MARK)
    {
      g_autofree char *title = dossier_chart_model_dup_title (self->model, glyph->item);
      g_autofree char *description = item_description (self, glyph->item);

      text = g_strdup_printf ("%s\n%s", title, description);
    }
  else
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (glyph->first_at);
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (glyph->last_at);
      g_autofree char *from = g_date_time_format (first, C_("day", "%-d %B %Y"));
      g_autofree char *to = g_date_time_format (last, C_("day", "%-d %B %Y"));

      if (g_strcmp0 (from, to) == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u item on %s; click or zoom in to see it",
                                             "%u items on %s; click or zoom in to see them",
                                             glyph->count),
                                glyph->count, from);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u item from %s to %s; click or zoom in to see it",
                                             "%u items from %s to %s; click or zoom in to see them",
                                             glyph->count),
                                glyph->count, from, to);
    }

  return g_steal_pointer (&text);
}

static gboolean
dossier_timeline_chart_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard,
                                      GtkTooltip *tooltip)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  const DossierChartLayout *layout = ensure_layout (self);
  const DossierChartGlyph *glyph = NULL;
  g_autofree char *text = NULL;

  if (layout == NULL)
    return FALSE;

  if (!keyboard)
    {
      text = dossier_timeline_chart_dup_tooltip_text (self, x, y);
    }
  else if (self->focused >= 0)
    {
      glyph = dossier_chart_layout_find_item (layout, self->model, self->focused);
      text = glyph != NULL ? glyph_tooltip (self, glyph) : NULL;
    }
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The style in use, with what the chart marks. */
static void
get_style (DossierTimelineChart *self,
           DossierChartStyle    *style,
           char                **font)
{
  dossier_chart_style_init_from_widget (style, GTK_WIDGET (self), font);
  style->selected = self->selected;
  style->focused = gtk_widget_has_visible_focus (GTK_WIDGET (self)) ? self->focused : -1;
  style->highlighted = self->highlighted;
  style->hovered = self->hovered;
  style->show_legend = gtk_widget_get_width (GTK_WIDGET (self)) >= LEGEND_MIN_WIDTH;
}

/* The legend changes with the width and the style only: it is drawn
 * once and its node given again to every frame. */
static GskRenderNode *
ensure_legend_node (DossierTimelineChart    *self,
                    const DossierChartStyle *style,
                    const DossierChartFrame *frame,
                    double                   height)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  cairo_t *cr;

  if (self->legend_node != NULL)
    return self->legend_node;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, frame->width, MAX (height, 1)));
  dossier_chart_draw_legend (self->model, frame, style, cr);
  cairo_destroy (cr);
  self->legend_node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return self->legend_node;
}

/* Whether the marks' node was drawn with what @style says, but for
 * the rings. */
static gboolean
marks_style_equal (DossierTimelineChart    *self,
                   const DossierChartStyle *style)
{
  const DossierChartStyle *old = &self->marks_style;

  return memcmp (&old->colors, &style->colors, sizeof style->colors) == 0 &&
         g_strcmp0 (self->marks_font, style->font) == 0 &&
         old->highlighted == style->highlighted &&
         old->high_contrast == style->high_contrast;
}

/* The lanes, the axis and the marks, in a node given again to every
 * frame until the range, the size or the style changes: hovering,
 * selecting and focusing redraw only the rings. */
static GskRenderNode *
ensure_marks_node (DossierTimelineChart     *self,
                   const DossierChartLayout *layout,
                   const DossierChartStyle  *style,
                   double                    height)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  cairo_t *cr;

  if (self->marks_node != NULL && marks_style_equal (self, style))
    return self->marks_node;

  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, layout->frame.width, height));
  dossier_chart_draw_layers (self->model, layout, style,
                             DOSSIER_CHART_LAYER_LANES | DOSSIER_CHART_LAYER_AXIS |
                             DOSSIER_CHART_LAYER_MARKS, cr);
  cairo_destroy (cr);
  self->marks_node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  self->marks_style = *style;
  g_free (self->marks_font);
  self->marks_font = g_strdup (style->font);
  self->marks_style.font = NULL;
  return self->marks_node;
}

/* The rings over the marks, each in a node of its own size: a change of
 * hover, selection or focus redraws only them. */
static void
snapshot_rings (DossierTimelineChart     *self,
                const DossierChartLayout *layout,
                const DossierChartStyle  *style,
                GtkSnapshot              *snapshot,
                double                    top)
{
  int items[] = { style->hovered, style->selected, style->focused };
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, DOSSIER_CHART_AXIS_HEIGHT - 6, layout->frame.width,
                                             layout->lanes_bottom - DOSSIER_CHART_AXIS_HEIGHT + 6);
  graphene_rect_t bounds;
  gboolean any = FALSE;
  cairo_t *cr;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const DossierChartGlyph *g;
      graphene_rect_t box;

      if (items[i] < 0 || (g = dossier_chart_layout_find_item (layout, self->model, items[i])) == NULL)
        continue;
      /* The widest ring: 4 pixels out, 2 wide. */
      graphene_rect_init (&box, g->x0 - 6, g->y0 - 6, g->x1 - g->x0 + 12, g->y1 - g->y0 + 12);
      if (any)
        graphene_rect_union (&bounds, &box, &bounds);
      else
        bounds = box;
      any = TRUE;
    }
  if (!any || !graphene_rect_intersection (&bounds, &area, &bounds))
    return;

  graphene_rect_round_extents (&bounds, &bounds);
  bounds.origin.y += top;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, 0, top);
  dossier_chart_draw_layers (self->model, layout, style, DOSSIER_CHART_LAYER_RINGS, cr);
  cairo_destroy (cr);
}

static void
dossier_timeline_chart_realize (GtkWidget *widget)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);

  GTK_WIDGET_CLASS (dossier_timeline_chart_parent_class)->realize (widget);
  self->frame_bench = dossier_frame_bench_new (widget, "chart");
}

static void
dossier_timeline_chart_unrealize (GtkWidget *widget)
{
  g_clear_pointer (&DOSSIER_TIMELINE_CHART (widget)->frame_bench, dossier_frame_bench_free);
  GTK_WIDGET_CLASS (dossier_timeline_chart_parent_class)->unrealize (widget);
}

static void
dossier_timeline_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  const DossierChartLayout *layout = ensure_layout (self);
  DossierChartStyle style;
  g_autofree char *font = NULL;
  double top = toolbar_height (self);
  int height = gtk_widget_get_height (widget);
  gboolean show_legend;

  /* For tests/bench-chart-frames.py: when a new model is first drawn
   * (bench_model is compared, never dereferenced). */
  if (layout != NULL && self->model != self->bench_model && self->frame_bench != NULL)
    {
      self->bench_model = self->model;
      g_print ("chart-model-us %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (),
               dossier_chart_model_get_n_items (self->model));
    }

  if (layout != NULL && height > top)
    {
      dossier_frame_bench_drawn (self->frame_bench);
      get_style (self, &style, &font);
      show_legend = style.show_legend;
      style.show_legend = FALSE;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, top));
      gtk_snapshot_append_node (snapshot, ensure_marks_node (self, layout, &style, layout->lanes_bottom + 4));
      gtk_snapshot_restore (snapshot);
      snapshot_rings (self, layout, &style, snapshot, top);

      if (show_legend)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (0, top + layout->lanes_bottom + DOSSIER_CHART_LEGEND_GAP));
          gtk_snapshot_append_node (snapshot,
                                    ensure_legend_node (self, &style, &layout->frame,
                                                        height - top - layout->lanes_bottom -
                                                        DOSSIER_CHART_LEGEND_GAP));
          gtk_snapshot_restore (snapshot);
        }
    }

  gtk_widget_snapshot_child (widget, self->toolbar, snapshot);
}

static GtkSizeRequestMode
dossier_timeline_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_timeline_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  int bar_min, bar_nat;

  gtk_widget_measure (self->toolbar, orientation, -1, &bar_min, &bar_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (bar_min, 200);
      *natural = MAX (bar_nat, 600);
      return;
    }

  *minimum = *natural = bar_nat;
  if (self->model != NULL)
    {
      DossierChartFrame frame = { for_size > 0 ? for_size : 600, 0, 1, is_rtl (self) };
      DossierChartStyle style;
      g_autofree char *font = NULL;
      double height;

      get_style (self, &style, &font);
      style.show_legend = frame.width >= LEGEND_MIN_WIDTH;
      height = dossier_chart_get_height (self->model, &frame, &style);
      *minimum = *natural = bar_nat + (int) ceil (height);
    }
}

static void
dossier_timeline_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (widget);
  int bar_height;

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, width, NULL, &bar_height, NULL, NULL);
  gtk_widget_allocate (self->toolbar, width, bar_height, -1, NULL);
  /* The window laid out again around the chart leaves its drawing. */
  if (width == self->allocated_width && height == self->allocated_height)
    return;
  self->allocated_width = width;
  self->allocated_height = height;
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  invalidate (self);
}

static void
dossier_timeline_chart_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dossier_timeline_chart_parent_class)->css_changed (widget, change);
  g_clear_pointer (&DOSSIER_TIMELINE_CHART (widget)->legend_node, gsk_render_node_unref);
  g_clear_pointer (&DOSSIER_TIMELINE_CHART (widget)->marks_node, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

static void
dossier_timeline_chart_direction_changed (GtkWidget        *widget,
                                          GtkTextDirection  previous)
{
  g_clear_pointer (&DOSSIER_TIMELINE_CHART (widget)->legend_node, gsk_render_node_unref);
  invalidate (DOSSIER_TIMELINE_CHART (widget));
}

static gboolean
dossier_timeline_chart_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  /* One stop in the Tab chain: the chart; its toolbar by the mouse or by
   * its keys. */
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static GtkWidget *
toolbar_new (DossierTimelineChart *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *label;

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_add_css_class (box, "dossier-chart-toolbar");

  self->legend_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->legend_button), "dialog-information-symbolic");
  gtk_widget_set_tooltip_text (self->legend_button, _("What the marks mean"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the marks mean"), -1);
  gtk_widget_add_css_class (self->legend_button, "flat");
  popover = gtk_popover_new ();
  label = gtk_label_new (_("A point is a day or an instant; a bar is a month, a season, a year "
                           "or a span. Soft, fading ends: the date is approximate (~). "
                           "A dashed outline: it is uncertain (?). A counted band gathers "
                           "items too close to tell apart: zoom in to open it. The colour "
                           "is the certainty: green confirmed, blue reported, yellow alleged, "
                           "red disputed, grey unverified or not given."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->legend_button), popover);
  gtk_box_append (GTK_BOX (box), self->legend_button);

  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Export as _SVG…"), "chart.export('svg')");
    g_menu_append (menu, _("Export as _PNG…"), "chart.export('png')");
    button = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-as-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    gtk_widget_set_tooltip_text (button, _("Export the Chart"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Export the Chart"), -1);
    gtk_widget_add_css_class (button, "flat");
    gtk_box_append (GTK_BOX (box), button);
  }

  button = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chart.zoom-out");
  gtk_widget_set_tooltip_text (button, _("Zoom Out"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom Out"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chart.zoom-in");
  gtk_widget_set_tooltip_text (button, _("Zoom In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom In"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_with_mnemonic (_("_Fit All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chart.fit-all");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_set_focusable (box, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focus_on_click (child, FALSE);

  return box;
}

static void
dossier_timeline_chart_dispose (GObject *object)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  g_clear_pointer (&self->marks_node, gsk_render_node_unref);
  g_clear_pointer (&self->model, dossier_chart_model_unref);

  G_OBJECT_CLASS (dossier_timeline_chart_parent_class)->dispose (object);
}

static void
dossier_timeline_chart_finalize (GObject *object)
{
  DossierTimelineChart *self = DOSSIER_TIMELINE_CHART (object);

  g_free (self->a11y_label);
  g_free (self->a11y_description);
  g_free (self->marks_font);

  G_OBJECT_CLASS (dossier_timeline_chart_parent_class)->finalize (object);
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action,
         const char      *format,
         int              value)
{
  if (format != NULL)
    gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, format, value);
  else
    gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
dossier_timeline_chart_class_init (DossierTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_chart_dispose;
  object_class->finalize = dossier_timeline_chart_finalize;
  widget_class->snapshot = dossier_timeline_chart_snapshot;
  widget_class->realize = dossier_timeline_chart_realize;
  widget_class->unrealize = dossier_timeline_chart_unrealize;
  widget_class->get_request_mode = dossier_timeline_chart_get_request_mode;
  widget_class->measure = dossier_timeline_chart_measure;
  widget_class->size_allocate = dossier_timeline_chart_size_allocate;
  widget_class->query_tooltip = dossier_timeline_chart_query_tooltip;
  widget_class->css_changed = dossier_timeline_chart_css_changed;
  widget_class->direction_changed = dossier_timeline_chart_direction_changed;
  widget_class->focus = dossier_timeline_chart_focus;

  signals[ITEM_SELECTED] = g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "chart.fit-all", NULL, fit_all_action);
  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "chart.pan", "i", pan_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);

  add_key (widget_class, GDK_KEY_plus, 0, "chart.zoom-in", NULL, 0);
  add_key (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "chart.zoom-in", NULL, 0);
  add_key (widget_class, GDK_KEY_equal, 0, "chart.zoom-in", NULL, 0);
  add_key (widget_class, GDK_KEY_KP_Add, 0, "chart.zoom-in", NULL, 0);
  add_key (widget_class, GDK_KEY_minus, 0, "chart.zoom-out", NULL, 0);
  add_key (widget_class, GDK_KEY_KP_Subtract, 0, "chart.zoom-out", NULL, 0);
  add_key (widget_class, GDK_KEY_0, 0, "chart.fit-all", NULL, 0);
  add_key (widget_class, GDK_KEY_KP_0, 0, "chart.fit-all", NULL, 0);
  add_key (widget_class, GDK_KEY_Right, 0, "chart.move", "i", 1);
  add_key (widget_class, GDK_KEY_KP_Right, 0, "chart.move", "i", 1);
  add_key (widget_class, GDK_KEY_Left, 0, "chart.move", "i", -1);
  add_key (widget_class, GDK_KEY_KP_Left, 0, "chart.move", "i", -1);
  add_key (widget_class, GDK_KEY_Home, 0, "chart.move", "i", G_MININT32 / 2);
  add_key (widget_class, GDK_KEY_End, 0, "chart.move", "i", G_MAXINT32 / 2);
  add_key (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "chart.pan", "i", 1);
  add_key (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "chart.pan", "i", -1);
  add_key (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL, 0);
  add_key (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL, 0);
  add_key (widget_class, GDK_KEY_space, 0, "chart.activate", NULL, 0);

  gtk_widget_class_set_css_name (widget_class, "dossier-timeline-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_timeline_chart_init (DossierTimelineChart *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->selected = -1;
  self->focused = -1;
  self->highlighted = -1;
  self->hovered = -1;
  self->pointer_x = -1;
  self->pointer_y = -1;
  self->t0 = 0;
  self->t1 = 86400;
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->toolbar = toolbar_new (self);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_accessible (self);
}

GtkWidget *
dossier_timeline_chart_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_CHART, NULL);
}

void
dossier_timeline_chart_set_model (DossierTimelineChart *self,
                                  DossierChartModel    *model)
{
  DossierChartFrame frame = { 1000, 0, 1, FALSE };

  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  if (model == self->model)
    return;

  g_clear_pointer (&self->model, dossier_chart_model_unref);
  self->model = model != NULL ? dossier_chart_model_ref (model) : NULL;
  self->selected = self->focused = self->highlighted = self->hovered = -1;

  self->fitted = model != NULL && dossier_chart_frame_fit (&frame, model);
  if (self->fitted)
    {
      self->fit_t0 = frame.t0;
      self->fit_t1 = frame.t1;
      self->t0 = frame.t0;
      self->t1 = frame.t1;
    }

  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  update_accessible (self);
  invalidate (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

DossierChartModel *
dossier_timeline_chart_get_model (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), NULL);
  return self->model;
}

void
dossier_timeline_chart_select_date (DossierTimelineChart *self,
                                    const DossierDate    *date)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  if (self->model == NULL)
    return;
  select_item (self, dossier_chart_model_find_date (self->model, date), FALSE);
}

void
dossier_timeline_chart_set_highlighted (DossierTimelineChart *self,
                                        const DossierDate    *date)
{
  int item;

  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  item = self->model != NULL ? dossier_chart_model_find_date (self->model, date) : -1;
  if (item == self->highlighted)
    return;
  self->highlighted = item;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
dossier_timeline_chart_get_selected (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), -1);
  return self->selected;
}

int
dossier_timeline_chart_get_highlighted (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), -1);
  return self->highlighted;
}

int
dossier_timeline_chart_get_focused (DossierTimelineChart *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), -1);
  return self->focused;
}

void
dossier_timeline_chart_get_range (DossierTimelineChart *self,
                                  double               *t0,
                                  double               *t1)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  if (t0 != NULL)
    *t0 = self->t0;
  if (t1 != NULL)
    *t1 = self->t1;
}

double
dossier_timeline_chart_time_at_x (DossierTimelineChart *self,
                                  double                x)
{
  DossierChartFrame frame;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), 0);

  get_frame (self, &frame);
  return dossier_chart_frame_time_at_x (&frame, x);
}

gboolean
dossier_timeline_chart_get_item_point (DossierTimelineChart *self,
                                       guint                 item,
                                       double               *x,
                                       double               *y)
{
  const DossierChartLayout *layout;
  const DossierChartGlyph *glyph;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), FALSE);

  layout = ensure_layout (self);
  if (layout == NULL)
    return FALSE;
  glyph = dossier_chart_layout_find_item (layout, self->model, item);
  if (glyph == NULL)
    return FALSE;

  /* A bar's point is where its middle is in view. */
  *x = CLAMP ((glyph->x0 + glyph->x1) / 2, MAX (glyph->x0, 0), MIN (glyph->x1, layout->frame.width));
  *y = (glyph->y0 + glyph->y1) / 2 + toolbar_height (self);
  return TRUE;
}

void
dossier_timeline_chart_get_accessible_text (DossierTimelineChart *self,
                                            const char          **label,
                                            const char          **description)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  if (label != NULL)
    *label = self->a11y_label;
  if (description != NULL)
    *description = self->a11y_description;
}

void
dossier_timeline_chart_export_async (DossierTimelineChart     *self,
                                     GFile                    *file,
                                     DossierChartExportFormat  format,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_timeline_chart_export_async);
  if (self->model == NULL)
    {
      g_task_return_new_error (task, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                               "%s", _("There is no chart to export"));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->dcase = g_object_ref (dossier_chart_model_get_case (self->model));
  dossier_export_options_init (&job->options);
  job->options.sections = DOSSIER_EXPORT_ALL_SECTIONS;
  /* What the chart shows: the notes when they are in. */
  job->options.notes = (dossier_chart_model_get_lanes (self->model) & (1u << DOSSIER_CHART_LANE_NOTES))
                       ? DOSSIER_EXPORT_NOTES_ALL : DOSSIER_EXPORT_NOTES_NONE;
  job->format = format;
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dossier_timeline_chart_export_finish (DossierTimelineChart  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
dossier_timeline_chart_dup_tooltip_text (DossierTimelineChart *self,
                                         double                x,
                                         double                y)
{
  const DossierChartLayout *layout;
  const DossierChartGlyph *glyph;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_CHART (self), NULL);

  layout = ensure_layout (self);
  if (layout == NULL)
    return NULL;
  glyph = dossier_chart_layout_hit (layout, x, y - toolbar_height (self));
  return glyph != NULL ? glyph_tooltip (self, glyph) : NULL;
}

void
dossier_timeline_chart_pointer_moved (DossierTimelineChart *self,
                                      double                x,
                                      double                y)
{
  const DossierChartLayout *layout;
  const DossierChartGlyph *glyph = NULL;
  int hovered;

  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  self->pointer_x = x;
  self->pointer_y = y;

  /* A ring and a hand over what a click would open. */
  layout = ensure_layout (self);
  if (layout != NULL)
    glyph = dossier_chart_layout_hit (layout, x, y - toolbar_height (self));
  hovered = glyph != NULL ? (int) glyph->item : -1;
  if (hovered == self->hovered)
    return;
  self->hovered = hovered;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hovered >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_chart_pointer_clicked (DossierTimelineChart *self,
                                        int                   n_press,
                                        double                x,
                                        double                y)
{
  const DossierChartLayout *layout;
  const DossierChartGlyph *glyph;

  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  layout = ensure_layout (self);
  if (layout == NULL)
    return;
  glyph = dossier_chart_layout_hit (layout, x, y - toolbar_height (self));
  if (glyph == NULL)
    return;

  if (glyph->kind == DOSSIER_CHART_GLYPH_CLUSTER)
    zoom_into_cluster (self, glyph);
  else if (n_press >= 2 && (int) glyph->item == self->selected)
    reveal_item (self, glyph->item);
  else
    select_item (self, glyph->item, TRUE);
}

void
dossier_timeline_chart_pointer_zoomed (DossierTimelineChart *self,
                                       double                x,
                                       double                dy)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_CHART (self));

  /* Scrolling up (negative) zooms in, by a step per notch. */
  zoom_at (self, pow (ZOOM_STEP, -dy), x);
}
