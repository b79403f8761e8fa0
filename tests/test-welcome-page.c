/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The welcome page (the Library) of a window with no case, on an empty
 * library: it offers to add a folder, its Open button and the recent
 * cases, one of which opens in that same window. The Library itself is
 * in test-library-page.c. */
#include "config.h"

#include <adwaita.h>

#include "dossier-welcome-page.h"
#include "window-test.h"

static gboolean
page_is_welcome (gpointer data)
{
  return g_strcmp0 (dossier_window_get_page_name (data), "welcome") == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
sample_row_shown (gpointer data)
{
  GtkWidget *row = find_row_titled (data, "sony-pictures-2014.case.xml");

  return row != NULL && gtk_widget_get_mapped (row);
}

static gboolean
shows_a_case (gpointer data)
{
  return window_settled (data) &&
         g_strcmp0 (dossier_window_get_page_name (data), "case") == 0;
}

static GtkWidget *
find_open_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_open_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_recent_case_opens_here (void)
{
  g_autofree char *path = case_path ("data/cases/sony-pictures-2014.case.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *welcome;
  GtkWidget *row;
  GtkWindow *window;

  g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DOSSIER_IS_WINDOW (window));
  g_assert_true (wait_until (page_is_welcome, window));

  welcome = dossier_window_get_welcome_page (DOSSIER_WINDOW (window));
  g_assert_true (DOSSIER_IS_WELCOME_PAGE (welcome));

  /* With no folder in the library yet: Add Folder… and the Open button,
   * which asks the window for a file. */
  wait_for_text (welcome, "Add Folder…");
  g_assert_nonnull (find_open_button (welcome));

  /* The recent case is listed by its file name... */
  g_assert_true (wait_until (sample_row_shown, welcome));
  row = find_row_titled (welcome, "sony-pictures-2014.case.xml");

  /* ...and activating it opens it in this window, not in a new one. */
  gtk_widget_activate (row);
  g_assert_true (wait_until (shows_a_case, window));
  g_assert_true (g_file_equal (dossier_window_get_file (DOSSIER_WINDOW (window)), file));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "The Sony Pictures hack, November 2014");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);

  g_test_add_func ("/welcome-page/recent-case-opens-here", test_recent_case_opens_here);

  return g_test_run ();
}
