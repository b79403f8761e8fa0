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

#include "dossier-error-page.h"

static char *
error_text (DossierWindow *window)
{
  return dossier_error_page_get_text (DOSSIER_ERROR_PAGE (dossier_window_get_error_page (window)));
}

static void
test_not_well_formed (void)
{
  DossierWindow *window = open_case ("tests/cases/bad/mismatched-tag.case.xml", NULL);
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "error");
  g_assert_null (dossier_window_get_case (window));

  /* The problem with its file and line, selectable in the window. */
  problems = error_text (window);
  assert_shows (problems, "mismatched-tag.case.xml:6:");
  assert_shows (problems, "error:");

  text = shown_text (GTK_WIDGET (window));
  assert_shows (text, "This File Cannot Be Opened");
  assert_shows (text, "“mismatched-tag.case.xml” cannot be opened.");
  assert_shows (text, problems);
  close_all_windows ();
}

static void
test_newer_format (void)
{
  DossierWindow *window = open_case ("tests/cases/bad/format-2.case.xml", NULL);
  g_autofree char *problems = NULL;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "error");
  problems = error_text (window);
  assert_shows (problems, "format-2.case.xml:2:");
  assert_shows (problems, "format 2 is newer than this Dossier supports (1)");
  close_all_windows ();
}

static void
test_every_problem_listed (void)
{
  DossierWindow *window = open_case ("tests/cases/bad/dangling-cite.case.xml", NULL);
  g_autofree char *problems = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "error");
  problems = error_text (window);
  lines = g_strsplit (problems, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_assert_true (g_str_has_prefix (lines[i], "dangling-cite.case.xml:") ||
                     strstr (lines[i], "/dangling-cite.case.xml:") != NULL);
  close_all_windows ();
}

static void
test_missing_file (void)
{
  DossierWindow *window = open_case ("tests/cases/bad/no-such-file.case.xml", NULL);
  g_autofree char *problems = NULL;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "error");
  problems = error_text (window);
  assert_shows (problems, "no-such-file.case.xml");
  close_all_windows ();
}

static void
test_error_then_good_file (void)
{
  DossierWindow *window = open_case ("tests/cases/bad/wrong-root.case.xml", NULL);
  g_autofree char *path = case_path ("tests/cases/good/minimal.case.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *again;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "error");

  /* A window showing an error takes the next file itself. */
  again = dossier_application_open_file (app, file, GTK_WINDOW (window), NULL);
  g_assert_true (again == GTK_WINDOW (window));
  g_assert_true (wait_until (window_settled, window));
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Minimal case");
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);

  g_test_add_func ("/errors/not-well-formed", test_not_well_formed);
  g_test_add_func ("/errors/newer-format", test_newer_format);
  g_test_add_func ("/errors/every-problem-listed", test_every_problem_listed);
  g_test_add_func ("/errors/missing-file", test_missing_file);
  g_test_add_func ("/errors/then-good-file", test_error_then_good_file);

  return g_test_run ();
}
