/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-core.h"

#include "dossier-error-page.h"
#include "window-test.h"

/* A STIX bundle opens in the window like a case file: its report's
 * title, its entities counted on the overview, the other reports named in a
 * warning, relationships on the entity panel; a broken bundle shows its
 * FILE:LINE:COLUMN on the error page. */

static void
test_open_bundle (void)
{
  DossierWindow *window = open_case ("tests/cases/stix/several-reports.json", NULL);
  g_autofree char *overview = NULL;
  g_autofree char *entities = NULL;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "case");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Operation Glass Harbour");
  g_assert_nonnull (dossier_window_get_case (window));

  /* The overview says which reports it does not show. */
  overview = shown_text (GTK_WIDGET (window));
  assert_shows (overview, "Operation Glass Harbour");
  assert_shows (overview, "A spear-phishing campaign against shipping firms.");
  assert_shows (overview, "Glass Harbour: the loader");
  assert_shows (overview, "Glass Harbour: infrastructure");

  /* Whole-file warnings have no line. */
  g_assert_null (strstr (overview, "Line 0"));
  /* The entities, named and counted on the overview; their sightings
   * on the timeline. */
  assert_shows (overview, "Also in this bundle: Harbour Crew, GlassLoader, Northsea Shipping, Freedonia.");
  assert_shows (overview, "People and organizations\n4\n");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "timeline");
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "timeline");
  wait_for_text (dossier_window_get_view (window, "timeline"), "First seen: Harbour Crew");
  entities = shown_text (dossier_window_get_view (window, "timeline"));
  assert_shows (entities, "First seen: Harbour Crew");

  close_all_windows ();
}

static void
test_relationships_on_entity_panel (void)
{
  DossierWindow *window = open_case ("tests/cases/stix/several-reports.json", NULL);
  const char *actor = "threat-actor--1a2b3c4d-0000-4000-8000-000000000010";
  g_autofree char *text = NULL;
  GtkWidget *panel;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-entity", "s", actor);
  settle ();
  g_assert_cmpstr (dossier_window_get_entity_panel_entity_id (window), ==, actor);
  panel = dossier_window_get_side_panel (window);
  wait_for_text (panel, "Uses GlassLoader");
  text = shown_text (panel);
  assert_shows (text, "Harbour Crew");
  assert_shows (text, "Uses GlassLoader");
  assert_shows (text, "Targets Northsea Shipping: through its freight-booking portal");
  assert_shows (text, "Located at Freedonia");

  close_all_windows ();
}

static void
test_broken_bundle (void)
{
  DossierWindow *window = open_case ("tests/cases/stix/truncated.json", NULL);
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "error");
  g_assert_null (dossier_window_get_case (window));

  problems = dossier_error_page_get_text (DOSSIER_ERROR_PAGE (dossier_window_get_error_page (window)));
  assert_shows (problems, "truncated.json:9:1: error: ");

  text = shown_text (GTK_WIDGET (window));
  assert_shows (text, "This File Cannot Be Opened");
  assert_shows (text, "“truncated.json” cannot be opened. The file is not a STIX 2.1 bundle that Dossier can read.");
  assert_shows (text, "1 problem");
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);

  g_test_add_func ("/window-stix/open-bundle", test_open_bundle);
  g_test_add_func ("/window-stix/relationships-on-entity-panel", test_relationships_on_entity_panel);
  g_test_add_func ("/window-stix/broken-bundle", test_broken_bundle);

  return g_test_run ();
}
