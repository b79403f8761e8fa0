/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-core.h"

/* The window in German: run with LANGUAGE=de against the catalogue the
 * build compiled from po/de.po (BUILD/po/de/LC_MESSAGES/dossier.mo), so it
 * needs nothing installed.
 *
 * GNU gettext ignores LANGUAGE only in the "C" or "POSIX" locale; glibc's
 * C.UTF-8 is enough for the messages. Month names come from the locale
 * (g_date_time_format uses nl_langinfo), so the test prefers a real German
 * locale: an installed de_DE.UTF-8, or else one it compiles itself with
 * localedef into BUILD/tests/locale and points LOCPATH at (no root needed;
 * the locale sources come from Debian's `locales` package). Without either it still checks every
 * message and the German date order, and says it skipped the month names. */

#define WAIT_TIMEOUT_MS 10000
#define SAMPLE "data/cases/sony-pictures-2014.case.xml"

static DossierApplication *app;
static gboolean german_months;

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

#define assert_not_shows(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("did not expect to see “%s” in:\n%s", (needle), (text)); \
  } G_STMT_END

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  settle ();
}

static DossierWindow *
open_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SOURCE_ROOT"), SAMPLE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window = dossier_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  dossier_window_open (window, file);
  g_assert_true (wait_until (window_settled, window));
  settle ();
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");

  return window;
}

/* Shows the tab @name and returns what it shows. */
static char *
view_text (DossierWindow *window,
           const char    *name)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", name);
  settle ();
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, name);
  view = dossier_window_get_view (window, name);
  g_assert_nonnull (view);

  return shown_text (view);
}

/* The catalogue itself: a few strings from each part of the program. */
static void
test_catalogue (void)
{
  g_assert_cmpstr (_("Release History"), ==, "Veröffentlichungsgeschichte");
  g_assert_cmpstr (C_("section", "Overview"), ==, "Übersicht");
  g_assert_cmpstr (C_("certainty", "Alleged"), ==, "Behauptet");
  g_assert_cmpstr (ngettext ("%u problem", "%u problems", 1), ==, "%u Problem");
  g_assert_cmpstr (ngettext ("%u problem", "%u problems", 3), ==, "%u Probleme");
}

static void
test_tabs (void)
{
  static const struct { const char *name, *title; } tabs[] = {
    { "overview",  "Übersicht" },
    { "breach",    "Angriff" },
    { "threat",    "Drohbildschirm" },
    { "reactions", "Reaktionen" },
    { "release",   "Veröffentlichung" },
    { "sources",   "Quellen" },
    { "notes",     "Notizen" },
    { "timeline",  "Zeitleiste" },
  };
  DossierWindow *window = open_sample ();
  g_autofree char *text = shown_text (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *view = dossier_window_get_view (window, tabs[i].name);
      GtkWidget *stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
      AdwViewStackPage *page;

      g_assert_nonnull (stack);
      page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), view);
      g_assert_nonnull (page);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, tabs[i].title);
    }

  /* The view switcher in the header bar shows them. */
  assert_shows (text, "Übersicht");
  assert_shows (text, "Zeitleiste");
  assert_not_shows (text, "Overview");

  close_all_windows ();
}

static void
test_overview (void)
{
  DossierWindow *window = open_sample ();
  g_autofree char *text = view_text (window, "overview");

  /* Headings and labels. */
  assert_shows (text, "Auf einen Blick");
  assert_shows (text, "Entdeckt");
  assert_not_shows (text, "At a Glance");
  /* The day the breach was discovered, in German order (the case's own
   * English text says "24 November 2014" too, so that cannot be absent). */
  assert_shows (text, "Entdeckt\n24. November 2014\n");

  close_all_windows ();
}

static void
test_threat_deadline (void)
{
  DossierWindow *window = open_sample ();
  g_autofree char *text = view_text (window, "threat");

  /* The deadline 2014-11-24T23:00Z, as an instant in UTC. */
  assert_shows (text, "24. November 2014, 23:00 UTC");
  assert_shows (text, "Frist");

  close_all_windows ();
}

static void
test_sources_dates (void)
{
  DossierWindow *window = open_sample ();
  g_autofree char *text = view_text (window, "sources");

  if (!german_months)
    {
      g_test_skip ("no German locale could be set up, so month names stay English "
                   "(install Debian's locales package)");
      close_all_windows ();
      return;
    }

  /* The first source, the article, was published about 1 December 2014
   * (2014-12-01~): German month name, German order, "about" in German.
   * (Only the top of the list is checked: rows below the fold do not
   * exist until they scroll into view.) */
  assert_shows (text, "etwa 1. Dezember 2014");
  assert_not_shows (text, "December 2014\n");
  assert_shows (text, "Zuverlässigkeit");

  close_all_windows ();
}

static void
test_empty_state (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SOURCE_ROOT"),
                                            "tests", "cases", "good", "minimal.case.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  DossierWindow *window = dossier_window_new (GTK_APPLICATION (app));

  /* A case with none of the optional sections: the designed empty states. */
  gtk_window_present (GTK_WINDOW (window));
  dossier_window_open (window, file);
  g_assert_true (wait_until (window_settled, window));
  settle ();
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");

  text = view_text (window, "reactions");
  assert_shows (text, "Keine Reaktionen erfasst");
  g_free (text);
  text = view_text (window, "release");
  assert_shows (text, "Keine Veröffentlichungsgeschichte");

  close_all_windows ();
}

static void
test_welcome (void)
{
  DossierWindow *window = dossier_window_new (GTK_APPLICATION (app));
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "welcome");
  text = shown_text (GTK_WIDGET (window));
  assert_shows (text, "Einen Fall lesen");
  assert_shows (text, "Fall öffnen …");

  close_all_windows ();
}

/* The keyboard shortcuts window (ui/gtk/help-overlay.ui, loaded by
 * GtkApplication from the resources) in German. */
static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_shortcuts_window (void)
{
  DossierWindow *window = dossier_window_new (GTK_APPLICATION (app));
  GtkShortcutsWindow *overlay;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (wait_until (is_mapped, overlay));
  settle ();
  text = shown_text (GTK_WIDGET (overlay));
  assert_shows (text, "Allgemein");
  assert_shows (text, "Einen Fall öffnen");
  assert_shows (text, "Zum ersten bis achten Reiter wechseln");
  assert_not_shows (text, "Open a case");

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  close_all_windows ();
}

/* Tries de_DE.UTF-8 as installed, then compiled by localedef into
 * BUILD/tests/locale (kept there: the next run reuses it). */
static gboolean
set_up_german_locale (void)
{
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", NULL, NULL };

  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    return TRUE;

  dir = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (),
                          "locale", NULL);
  target = g_build_filename (dir, "de_DE.UTF-8", NULL);
  g_setenv ("LOCPATH", dir, TRUE);
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    return TRUE;

  g_mkdir_with_parents (dir, 0755);
  argv[5] = target;
  /* localedef may exit with 1 for mere warnings: judge by setlocale. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &errors, &status, &error))
    g_printerr ("# localedef: %s\n", error->message);
  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    return TRUE;

  g_printerr ("# no German locale: %s\n", errors != NULL ? errors : "");
  g_unsetenv ("LOCPATH");
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("dossier-test-XXXXXX", NULL);
  g_autofree char *po_dir = NULL;
  g_autofree char *mo = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything reads the locale: GTK's own setlocale (LC_ALL, "")
   * at start-up sees the same variables. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  german_months = set_up_german_locale ();
  if (german_months)
    g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  else
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
    }

  g_test_init (&argc, &argv, NULL);

  /* The catalogue meson compiled from po/de.po, in the build tree. */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  mo = g_build_filename (po_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: build the po target first", mo);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/i18n/catalogue", test_catalogue);
  g_test_add_func ("/i18n/welcome", test_welcome);
  g_test_add_func ("/i18n/tabs", test_tabs);
  g_test_add_func ("/i18n/overview", test_overview);
  g_test_add_func ("/i18n/threat-deadline", test_threat_deadline);
  g_test_add_func ("/i18n/source-dates", test_sources_dates);
  g_test_add_func ("/i18n/empty-states", test_empty_state);
  g_test_add_func ("/i18n/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();

  g_clear_object (&app);
  g_rmdir (data_home);
  return status;
}
