/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "dossier-timeline-chart.h"
#include "dossier-timeline-view.h"
#include "window-test.h"

/*
 * The Timeline tab's chart in a real window: zoom keeps the time under
 * the pointer, a click selects and scrolls the list, Enter twice goes to
 * the item's own tab, the keyboard walks the items in date order and
 * tells the accessibility layer. Input goes through the chart's actions
 * (the keys are bound to them) and through the entry points its event
 * controllers call: GTK 4.8 cannot synthesize input events.
 */

static GtkWidget *
find_chart (GtkWidget *widget)
{
  if (DOSSIER_IS_TIMELINE_CHART (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chart (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
chart_laid_out (gpointer data)
{
  GtkWidget *chart = data;

  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) > 300 &&
         dossier_timeline_chart_get_model (DOSSIER_TIMELINE_CHART (chart)) != NULL;
}

static DossierTimelineChart *
open_chart (const char     *relative,
            DossierWindow **window_out)
{
  DossierWindow *window = open_case (relative, "timeline");
  GtkWidget *view = dossier_window_get_view (window, "timeline");
  GtkWidget *chart = find_chart (view);

  g_assert_nonnull (chart);
  g_assert_true (wait_until (chart_laid_out, chart));
  settle ();
  if (window_out != NULL)
    *window_out = window;
  return DOSSIER_TIMELINE_CHART (chart);
}

static void
test_zoom_keeps_pointer (void)
{
  DossierTimelineChart *chart = open_chart ("data/cases/sony-pictures-2014.case.xml", NULL);
  double width = gtk_widget_get_width (GTK_WIDGET (chart));
  double fit0, fit1, t0, t1, before, after;
  double x = width * 0.3;

  dossier_timeline_chart_get_range (chart, &fit0, &fit1);

  /* "+" with the pointer at 30%: the time there stays there. */
  before = dossier_timeline_chart_time_at_x (chart, x);
  dossier_timeline_chart_pointer_moved (chart, x, 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-in", NULL));
  after = dossier_timeline_chart_time_at_x (chart, x);
  dossier_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpfloat (t1 - t0, <, (fit1 - fit0) * 0.7);
  g_assert_cmpfloat (fabs (after - before), <, 1.0);

  /* Ctrl+scroll, three notches in, elsewhere. */
  x = width * 0.8;
  before = dossier_timeline_chart_time_at_x (chart, x);
  dossier_timeline_chart_pointer_zoomed (chart, x, -3);
  g_assert_cmpfloat (fabs (dossier_timeline_chart_time_at_x (chart, x) - before), <, 1.0);

  /* "-" zooms out about the pointer, still at 30%. */
  before = dossier_timeline_chart_time_at_x (chart, width * 0.3);
  dossier_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-out", NULL));
  g_assert_cmpfloat (fabs (dossier_timeline_chart_time_at_x (chart, width * 0.3) - before), <, 1.0);
  {
    double z0, z1;

    dossier_timeline_chart_get_range (chart, &z0, &z1);
    g_assert_cmpfloat (z1 - z0, >, (t1 - t0) * 1.4);
  }

  /* "0": everything again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.fit-all", NULL));
  dossier_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpfloat (t0, ==, fit0);
  g_assert_cmpfloat (t1, ==, fit1);

  close_all_windows ();
}

static gboolean
row_highlighted (gpointer data)
{
  GtkWidget *widget = data;
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_highlighted (child))
      return TRUE;

  if (!gtk_widget_has_css_class (widget, "highlighted"))
    return FALSE;
  text = shown_text (widget);
  return strstr (text, "A day") != NULL;
}

static void
test_click_selects (void)
{
  DossierWindow *window = NULL;
  DossierTimelineChart *chart = open_chart ("tests/cases/good/chart-spread.case.xml", &window);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  GtkWidget *view = dossier_window_get_view (window, "timeline");
  g_autofree char *title = NULL;
  double x, y;

  /* Item 1 in date order is "A day" (2014-02-10). */
  title = dossier_chart_model_dup_title (model, 1);
  g_assert_cmpstr (title, ==, "A day");
  g_assert_true (dossier_timeline_chart_get_item_point (chart, 1, &x, &y));

  dossier_timeline_chart_pointer_clicked (chart, 1, x, y);
  g_assert_cmpint (dossier_timeline_chart_get_selected (chart), ==, 1);
  /* Hovering says what it is, in words. */
  {
    g_autofree char *tip = dossier_timeline_chart_dup_tooltip_text (chart, x, y);
    g_autofree char *empty = dossier_timeline_chart_dup_tooltip_text (chart, 3, 3);

    g_assert_cmpstr (tip, ==, "A day\n10 February 2014 · Reported · Event");
    g_assert_null (empty);
  }

  /* The list scrolls to the row and flashes it. */
  g_assert_true (wait_until (row_highlighted, view));

  /* A click on empty space keeps the selection. */
  dossier_timeline_chart_pointer_clicked (chart, 1, 3, 3);
  g_assert_cmpint (dossier_timeline_chart_get_selected (chart), ==, 1);

  close_all_windows ();
}

static gboolean
view_is_breach (gpointer data)
{
  return g_strcmp0 (dossier_window_get_visible_view_name (data), "breach") == 0;
}

static void
test_enter_reveals (void)
{
  DossierWindow *window = NULL;
  DossierTimelineChart *chart = open_chart ("data/cases/sony-pictures-2014.case.xml", &window);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  int breach = -1;

  for (guint i = 0; i < dossier_chart_model_get_n_items (model) && breach < 0; i++)
    if (dossier_chart_model_get_item (model, i)->section == DOSSIER_SECTION_BREACH)
      breach = (int) i;
  g_assert_cmpint (breach, >=, 0);

  /* Walk to the breach's first date with Right, then Enter: selected. */
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  for (int i = 0; i <= (int) dossier_chart_model_get_date_rank (model, breach); i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", 1));
  g_assert_cmpint (dossier_timeline_chart_get_focused (chart), ==, breach);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL));
  g_assert_cmpint (dossier_timeline_chart_get_selected (chart), ==, breach);
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "timeline");

  /* The second Enter goes to the Breach tab. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL));
  g_assert_true (wait_until (view_is_breach, window));

  close_all_windows ();
}

static void
test_double_click_reveals (void)
{
  DossierWindow *window = NULL;
  DossierTimelineChart *chart = open_chart ("data/cases/sony-pictures-2014.case.xml", &window);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  double x, y;
  int breach = -1;

  for (guint i = 0; i < dossier_chart_model_get_n_items (model) && breach < 0; i++)
    if (dossier_chart_model_get_item (model, i)->section == DOSSIER_SECTION_BREACH)
      breach = (int) i;
  g_assert_true (dossier_timeline_chart_get_item_point (chart, breach, &x, &y));

  /* GtkGestureClick reports a double click as a press of 1, then of 2. */
  dossier_timeline_chart_pointer_clicked (chart, 1, x, y);
  dossier_timeline_chart_pointer_clicked (chart, 2, x, y);
  g_assert_true (wait_until (view_is_breach, window));

  close_all_windows ();
}

static void
test_keyboard_date_order (void)
{
  DossierTimelineChart *chart = open_chart ("tests/cases/good/chart-spread.case.xml", NULL);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  guint n = dossier_chart_model_get_n_items (model);
  const char *label, *description;
  const char *expected[] = { "A year", "A day", "About a month", "Perhaps a month", "A summer",
                             "An interval", "An instant", "About a day", "Perhaps a day" };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  dossier_timeline_chart_get_accessible_text (chart, &label, &description);
  g_assert_cmpstr (label, ==, "Timeline chart");
  g_assert_cmpstr (description, ==, "9 dated items; Left and Right move between items, Enter selects");

  gtk_widget_grab_focus (GTK_WIDGET (chart));
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", 1));
      g_assert_cmpint (dossier_timeline_chart_get_focused (chart), ==,
                       (int) dossier_chart_model_get_date_order (model)[i]);
      dossier_timeline_chart_get_accessible_text (chart, &label, &description);
      g_assert_cmpstr (label, ==, expected[i]);
    }
  dossier_timeline_chart_get_accessible_text (chart, &label, &description);
  g_assert_cmpstr (description, ==, "1 March 2015 (uncertain) · Confirmed · Event");

  /* Right at the end stays; Left goes back; Home to the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", 1));
  g_assert_cmpint (dossier_timeline_chart_get_focused (chart), ==, (int) n - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", -1));
  g_assert_cmpint (dossier_timeline_chart_get_focused (chart), ==, (int) n - 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", G_MININT32 / 2));
  g_assert_cmpint (dossier_timeline_chart_get_focused (chart), ==, 0);
  dossier_timeline_chart_get_accessible_text (chart, &label, &description);
  g_assert_cmpstr (description, ==, "2013 · Confirmed · Event");

  /* Right to left: time runs leftwards, so Right goes back in time, and
   * the earliest item is on the right. */
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", -1));
  g_assert_cmpint (dossier_timeline_chart_get_focused (chart), ==, 1);
  {
    double x_first, x_last, y;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.fit-all", NULL));
    g_assert_true (dossier_timeline_chart_get_item_point (chart, 1, &x_first, &y));
    g_assert_true (dossier_timeline_chart_get_item_point (chart, n - 1, &x_last, &y));
    g_assert_cmpfloat (x_first, >, x_last);
  }

  close_all_windows ();
}

static void
test_cluster_opens (void)
{
  DossierTimelineChart *chart = open_chart ("data/cases/sony-pictures-2014.case.xml", NULL);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  double x, y, x2, y2, t0, t1, f0, f1;
  int shown = -1, deadline = -1;

  /* The threat screen appeared on 24 November, its deadline 23:00 UTC
   * that day: one counted band at the zoom that shows the year. */
  for (guint i = 0; i < dossier_chart_model_get_n_items (model); i++)
    if (dossier_chart_model_get_item (model, i)->lane == DOSSIER_CHART_LANE_THREAT)
      {
        if (shown < 0)
          shown = (int) i;
        else
          deadline = (int) i;
      }
  g_assert_cmpint (deadline, >, shown);
  g_assert_true (dossier_timeline_chart_get_item_point (chart, shown, &x, &y));
  g_assert_true (dossier_timeline_chart_get_item_point (chart, deadline, &x2, &y2));
  g_assert_cmpfloat (x, ==, x2);
  {
    g_autofree char *tip = dossier_timeline_chart_dup_tooltip_text (chart, x, y);

    g_assert_cmpstr (tip, ==, "2 items on 24 November 2014; click or zoom in to see them");
  }

  dossier_timeline_chart_get_range (chart, &f0, &f1);
  dossier_timeline_chart_pointer_clicked (chart, 1, x, y);
  dossier_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpfloat (t1 - t0, <, (f1 - f0) / 10);
  g_assert_cmpint (dossier_timeline_chart_get_selected (chart), ==, -1);

  /* Zoomed in, they are two marks. */
  g_assert_true (dossier_timeline_chart_get_item_point (chart, shown, &x, &y));
  g_assert_true (dossier_timeline_chart_get_item_point (chart, deadline, &x2, &y2));
  g_assert_cmpfloat (x2 - x, >, 2 * DOSSIER_CHART_POINT_RADIUS);

  close_all_windows ();
}

static gboolean
chart_flashes (gpointer data)
{
  return dossier_timeline_chart_get_highlighted (data) >= 0;
}

static gboolean
chart_flash_over (gpointer data)
{
  return dossier_timeline_chart_get_highlighted (data) < 0;
}

static void
test_reveal_shows_on_chart (void)
{
  DossierWindow *window = NULL;
  DossierTimelineChart *chart = open_chart ("tests/cases/good/chart-spread.case.xml", &window);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  GtkWidget *view = dossier_window_get_view (window, "timeline");
  int instant;
  double t0, t1;

  /* Zoomed in on 2013, far from the instant of December 2014. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move", "i", 1));
  for (int i = 0; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-in", NULL));

  /* What a search hit or a link does: the timeline reveals the item. */
  g_assert_true (dossier_view_reveal (DOSSIER_VIEW (view),
                                      &(DossierPlace) { .section = DOSSIER_SECTION_TIMELINE,
                                                        .item_id = (char *) "ev-instant",
                                                        .item_index = -1 }));
  instant = dossier_timeline_chart_get_selected (chart);
  g_assert_cmpint (instant, >=, 0);
  g_assert_cmpstr (dossier_chart_model_get_item (model, instant)->item_id, ==, "ev-instant");

  /* The chart pans to it and flashes it with the list's row. */
  dossier_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpfloat (dossier_chart_model_get_item (model, instant)->mark.at, >=, t0);
  g_assert_cmpfloat (dossier_chart_model_get_item (model, instant)->mark.at, <=, t1);
  g_assert_true (wait_until (chart_flashes, chart));
  g_assert_cmpint (dossier_timeline_chart_get_highlighted (chart), ==, instant);
  g_assert_true (wait_until (chart_flash_over, chart));
  g_assert_cmpint (dossier_timeline_chart_get_selected (chart), ==, instant);

  close_all_windows ();
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Moving the keyboard focus through the list's rows moves the chart's
 * selection with it: each row's item is selected on the chart. */
static void
test_list_focus_selects (void)
{
  DossierWindow *window = NULL;
  DossierTimelineChart *chart = open_chart ("tests/cases/good/chart-spread.case.xml", &window);
  DossierChartModel *model = dossier_timeline_chart_get_model (chart);
  GtkWidget *list = find_list_view (dossier_window_get_view (window, "timeline"));
  guint n_checked = 0;
  int last = -1;

  g_assert_nonnull (list);
  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *outer = gtk_widget_get_first_child (item);
      GtkWidget *heading, *row, *text_box, *title;
      g_autofree char *chart_title = NULL;
      int selected;

      if (outer == NULL || !GTK_IS_BOX (outer) || !gtk_widget_get_visible (item))
        continue;
      heading = gtk_widget_get_first_child (outer);
      if (gtk_widget_get_visible (heading))
        continue;   /* a year */
      row = gtk_widget_get_next_sibling (heading);
      text_box = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
      title = gtk_widget_get_next_sibling (gtk_widget_get_first_child (text_box));

      /* Where the arrow keys put the focus: on the row's list item
       * (set on the window directly: GTK 4.8 cannot synthesize keys). */
      gtk_root_set_focus (GTK_ROOT (window), item);
      settle ();
      selected = dossier_timeline_chart_get_selected (chart);
      g_assert_cmpint (selected, >=, 0);
      g_assert_cmpint (selected, !=, last);
      chart_title = dossier_chart_model_dup_title (model, selected);
      g_assert_cmpstr (chart_title, ==, gtk_label_get_text (GTK_LABEL (title)));
      last = selected;
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 3);

  close_all_windows ();
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  dossier_timeline_chart_export_finish (DOSSIER_TIMELINE_CHART (source), result, error);
  g_object_set_data (source, "exported", GINT_TO_POINTER (TRUE));
}

static gboolean
exported (gpointer data)
{
  return g_object_get_data (data, "exported") != NULL;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_export_from_the_chart (void)
{
  DossierWindow *window = NULL;
  DossierTimelineChart *chart = open_chart ("tests/cases/good/chart-spread.case.xml", &window);
  GtkWidget *view = dossier_window_get_view (window, "timeline");
  g_autofree char *dir = g_dir_make_tmp ("dossier-chart-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* What the chart shows: nine events, the note left out. */
  dossier_timeline_chart_export_async (chart, svg, DOSSIER_CHART_EXPORT_SVG, NULL, export_done_cb, &error);
  g_assert_true (wait_until (exported, chart));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpuint (count (contents, "stroke-width:1.25;"), ==, 9);

  /* With the notes in, the note too; the file chooser agreed to replace. */
  dossier_timeline_view_set_include_notes (DOSSIER_TIMELINE_VIEW (view), TRUE);
  chart = DOSSIER_TIMELINE_CHART (find_chart (view));
  g_object_set_data (G_OBJECT (chart), "exported", NULL);
  dossier_timeline_chart_export_async (chart, svg, DOSSIER_CHART_EXPORT_SVG, NULL, export_done_cb, &error);
  g_assert_true (wait_until (exported, chart));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_cmpuint (count (contents, "stroke-width:1.25;"), ==, 10);

  g_object_set_data (G_OBJECT (chart), "exported", NULL);
  dossier_timeline_chart_export_async (chart, png, DOSSIER_CHART_EXPORT_PNG, NULL, export_done_cb, &error);
  g_assert_true (wait_until (exported, chart));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (png_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  g_unlink (svg_path);
  g_unlink (png_path);
  g_rmdir (dir);
  close_all_windows ();
}

static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* More notes than the view lists at once: the chart's items with the
 * notes are made in a thread as soon as the tab has the case, so the
 * switch shows them at once, and turning it off again shows the items
 * kept from before. */
static void
test_notes_made_ahead (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many-notes.case.xml", NULL);
  g_autofree char *fixture = case_path ("tests/cases/good/chart-spread.case.xml");
  g_autofree char *spread = NULL;
  g_autoptr(GString) xml = NULL;
  g_autoptr(GFile) file = NULL;
  const char *notes;
  DossierWindow *window;
  GtkWidget *view;
  DossierTimelineChart *chart;
  DossierChartModel *without;

  g_assert_true (g_file_get_contents (fixture, &spread, NULL, NULL));
  notes = strstr (spread, "<notes>");
  g_assert_nonnull (notes);
  xml = g_string_new_len (spread, notes - spread + strlen ("<notes>"));
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (xml, "<note id=\"n-%u\" created=\"2014-%02u-%02u\"><title>Note %u</title>"
                            "<p>Dated.</p></note>\n", i, 1 + i % 12, 1 + i % 28, i);
  g_string_append (xml, strstr (notes, "</notes>"));
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  file = g_file_new_for_path (path);
  window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, "timeline"));
  g_assert_true (wait_until (window_settled, window));
  view = dossier_window_get_view (window, "timeline");
  chart = DOSSIER_TIMELINE_CHART (find_chart (view));
  g_assert_true (wait_until (chart_laid_out, chart));
  without = dossier_timeline_chart_get_model (chart);
  g_assert_cmpuint (dossier_chart_model_get_n_items (without), ==, 9);

  /* A few milliseconds of a thread; waited for generously. */
  run_main_loop_for (2000);

  dossier_timeline_view_set_include_notes (DOSSIER_TIMELINE_VIEW (view), TRUE);
  g_assert_cmpuint (dossier_chart_model_get_n_items (dossier_timeline_chart_get_model (chart)), ==, 9 + 5000);
  dossier_timeline_view_set_include_notes (DOSSIER_TIMELINE_VIEW (view), FALSE);
  g_assert_true (dossier_timeline_chart_get_model (chart) == without);

  close_all_windows ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);

  g_test_add_func ("/timeline-chart/zoom-keeps-the-pointer-still", test_zoom_keeps_pointer);
  g_test_add_func ("/timeline-chart/click-selects-and-scrolls-the-list", test_click_selects);
  g_test_add_func ("/timeline-chart/enter-twice-reveals", test_enter_reveals);
  g_test_add_func ("/timeline-chart/double-click-reveals", test_double_click_reveals);
  g_test_add_func ("/timeline-chart/keyboard-in-date-order", test_keyboard_date_order);
  g_test_add_func ("/timeline-chart/cluster-opens-on-click", test_cluster_opens);
  g_test_add_func ("/timeline-chart/reveal-shows-on-chart", test_reveal_shows_on_chart);
  g_test_add_func ("/timeline-chart/list-focus-selects", test_list_focus_selects);
  g_test_add_func ("/timeline-chart/export-from-the-chart", test_export_from_the_chart);
  g_test_add_func ("/timeline-chart/notes-made-ahead", test_notes_made_ahead);

  return g_test_run ();
}
