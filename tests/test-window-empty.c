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
