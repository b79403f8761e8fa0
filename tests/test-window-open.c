/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-core.h"

#define WAIT_TIMEOUT_MS 10000

static DossierApplication *app;

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main context until @condition holds, for at most
 * WAIT_TIMEOUT_MS; never a fixed sleep. */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }

  return TRUE;
}

static gboolean
window_settled (gpointer data)
{
  DossierWindow *window = data;

  return !dossier_window_is_loading (window) &&
         g_strcmp0 (dossier_window_get_page_name (window), "loading") != 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* A few more frames so that lazily built widgets are laid out. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static char *
case_path (const char *relative)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

static DossierWindow *
open_case (const char *relative,
           const char *view)
{
  g_autofree char *path = case_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window;

  window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, view));
  g_assert_true (wait_until (window_settled, window));
  settle ();

  return window;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/* Everything a reader sees in @widget right now, one label a line. */
static char *
shown_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

#define assert_shows(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("expected to see “%s” in:\n%s", (needle), (text)); \
  } G_STMT_END

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  settle ();
}

static void
setup_application (int    *argc,
                   char ***argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("dossier-test-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  /* The recent-files list of the test is its own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (argc, argv, NULL);

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* Panels and pages appear at once instead of sliding in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

typedef struct
{
  GtkWidget  *widget;
  const char *needle;
} ShownText;

static gboolean
text_is_shown (gpointer data)
{
  ShownText *shown = data;
  g_autofree char *text = shown_text (shown->widget);

  return strstr (text, shown->needle) != NULL;
}

/* Waits until @widget shows @needle (a panel is laid out on the next
 * frame); on timeout the caller's assertion shows what is there. */
G_GNUC_UNUSED static void
wait_for_text (GtkWidget  *widget,
               const char *needle)
{
  ShownText shown = { widget, needle };

  wait_until (text_is_shown, &shown);
}

static gboolean
page_is_welcome (gpointer data)
{
  return g_strcmp0 (dossier_window_get_page_name (data), "welcome") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_welcome (void)
{
  GtkWindow *window;
  g_autofree char *text = NULL;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DOSSIER_IS_WINDOW (window));
  g_assert_true (wait_until (page_is_welcome, window));

  text = shown_text (GTK_WIDGET (window));
  assert_shows (text, "Open Case…");
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Dossier");
  close_all_windows ();
}

static void
test_open_sample (void)
{
  DossierWindow *window = open_case ("data/cases/sony-pictures-2014.case.xml", NULL);
  g_autofree char *path = case_path ("data/cases/sony-pictures-2014.case.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *again;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "The Sony Pictures hack, November 2014");
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "overview");

  /* Opening it again raises the same window. */
  again = dossier_application_open_file (app, file, NULL, NULL);
  g_assert_true (again == GTK_WINDOW (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The tabs through their actions (Alt+1..8 are bound to these). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "timeline");
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "timeline");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "no-such-tab");
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "timeline");

  close_all_windows ();
}

static void
test_initial_view (void)
{
  DossierWindow *window = open_case ("data/cases/sony-pictures-2014.case.xml", "threat");

  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "threat");
  close_all_windows ();
}

static void
test_cancel (void)
{
  g_autofree char *path = case_path ("data/cases/sony-pictures-2014.case.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window;

  window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, NULL));
  g_assert_true (dossier_window_is_loading (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL);
  g_assert_true (wait_until (window_settled, window));

  /* Nothing half-loaded: back to the welcome page. */
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "welcome");
  g_assert_null (dossier_window_get_case (window));
  g_assert_null (dossier_window_get_file (window));
  close_all_windows ();
}

static gboolean
title_changed (gpointer data)
{
  return g_strcmp0 (gtk_window_get_title (data), "Edited title") == 0;
}

static gboolean
reload_failed (gpointer data)
{
  return dossier_window_get_reload_error (data) != NULL;
}

static void
test_reload (void)
{
  g_autofree char *sample = case_path ("data/cases/sony-pictures-2014.case.xml");
  g_autofree char *dir = g_dir_make_tmp ("dossier-reload-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "sony.case.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  gsize length;

  g_assert_true (g_file_get_contents (sample, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));

  file = g_file_new_for_path (copy);
  window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, "breach"));
  g_assert_true (wait_until (window_settled, window));
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "breach");

  /* A changed file reloads, on the same tab. */
  edited = g_string_new (contents);
  g_assert_cmpint (g_string_replace (edited, "The Sony Pictures hack, November 2014", "Edited title", 1), ==, 1);
  g_assert_true (g_file_set_contents (copy, edited->str, edited->len, &error));
  g_assert_true (wait_until (title_changed, window));
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "breach");
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");

  /* A broken version leaves the last good one on screen, and says why. */
  g_assert_true (g_file_set_contents (copy, contents, length / 2, &error));
  g_assert_true (wait_until (reload_failed, window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Edited title");
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "breach");

  close_all_windows ();
  g_unlink (copy);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);

  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/initial-view", test_initial_view);
  g_test_add_func ("/window/reload-keeps-tab", test_reload);
  g_test_add_func ("/window/cancel-loading", test_cancel);

  return g_test_run ();
}
