/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-core.h"
#include "window-test.h"

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

  /* The page (the Library) shows once the library is read. */
  wait_for_text (GTK_WIDGET (window), "Open Case…");
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
