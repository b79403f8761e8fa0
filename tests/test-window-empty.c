/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-breach-view.h"
#include "dossier-threat-view.h"
#include "dossier-sources-view.h"
#include "dossier-core.h"
#include "window-test.h"

static DossierWindow *window;

static GtkWidget *
go_to (const char *view)
{
  GtkWidget *widget;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", view);
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, view);
  settle ();

  widget = dossier_window_get_view (window, view);
  g_assert_true (gtk_widget_get_mapped (widget));
  return widget;
}

static gboolean
shows_status_page (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (ADW_IS_STATUS_PAGE (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_status_page (child))
      return TRUE;

  return FALSE;
}

static void
test_overview (void)
{
  g_autofree char *text = shown_text (go_to ("overview"));

  assert_shows (text, "Minimal case");
  assert_shows (text, "Sources\n0");
  assert_shows (text, "Notes\n0");
  g_assert_null (strstr (text, "At a Glance"));
  g_assert_null (strstr (text, "Warnings"));
}

static void
test_breach (void)
{
  GtkWidget *view = go_to ("breach");
  g_autofree char *text = shown_text (view);

  g_assert_true (dossier_breach_view_is_empty (DOSSIER_BREACH_VIEW (view)));
  g_assert_true (shows_status_page (view));
  assert_shows (text, "No Breach Recorded");
}

static void
test_threat (void)
{
  GtkWidget *view = go_to ("threat");
  g_autofree char *text = shown_text (view);

  g_assert_true (dossier_threat_view_is_empty (DOSSIER_THREAT_VIEW (view)));
  assert_shows (text, "No Threat Screen Recorded");
}

static void
test_sources (void)
{
  GtkWidget *view = go_to ("sources");
  g_autofree char *text = shown_text (view);

  g_assert_true (dossier_sources_view_is_empty (DOSSIER_SOURCES_VIEW (view)));
  assert_shows (text, "No Sources Listed");
}

static void
test_other_views (void)
{
  const char *views[] = { "reactions", "release", "notes", "timeline" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (shows_status_page (go_to (views[i])));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);
  window = open_case ("tests/cases/good/minimal.case.xml", NULL);
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");

  g_test_add_func ("/empty/overview", test_overview);
  g_test_add_func ("/empty/breach", test_breach);
  g_test_add_func ("/empty/threat", test_threat);
  g_test_add_func ("/empty/sources", test_sources);
  g_test_add_func ("/empty/other-views", test_other_views);

  status = g_test_run ();
  close_all_windows ();
  return status;
}
