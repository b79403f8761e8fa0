/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-core.h"

#include "dossier-error-page.h"
#include "window-test.h"

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
