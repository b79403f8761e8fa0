/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The source and entity panels beside the views: their title, what they
 * list in order, the buttons to the places citing or mentioning what
 * they show, and the button that closes them. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-entity-panel.h"
#include "dossier-side-panel.h"
#include "dossier-source-panel.h"
#include "window-test.h"

static DossierWindow *window;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_buttons (GtkWidget  *widget,
                 const char *action_name,
                 GPtrArray  *out)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, action_name, out);
}

/* Each of @needles is shown, in this order. */
static void
assert_shows_in_order (const char         *text,
                       const char * const *needles)
{
  const char *from = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *at = strstr (from, needles[i]);

      if (at == NULL)
        g_error ("expected to see “%s” after “%s” in:\n%s",
                 needles[i], i > 0 ? needles[i - 1] : "the start", text);
      from = at + strlen (needles[i]);
    }
}

static void
test_source_panel (void)
{
  DossierCase *dcase = dossier_window_get_case (window);
  DossierSource *source = dossier_case_get_source (dcase, "fbi-update");
  GPtrArray *citations = dossier_source_get_citations (source);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  g_autoptr(GPtrArray) close_buttons = g_ptr_array_new ();
  g_autofree char *cited = g_strdup_printf ("Cited %u Times", citations->len);
  g_autofree char *text = NULL;
  GtkWidget *panel;
  GtkWidget *frame;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s", "fbi-update");
  settle ();

  panel = dossier_window_get_side_panel (window);
  g_assert_true (DOSSIER_IS_SOURCE_PANEL (panel));
  frame = find_descendant (panel, DOSSIER_TYPE_SIDE_PANEL);
  g_assert_nonnull (frame);
  g_assert_cmpstr (dossier_side_panel_get_title (DOSSIER_SIDE_PANEL (frame)), ==, "Source");

  wait_for_text (panel, cited);
  text = shown_text (panel);
  assert_shows_in_order (text, (const char *[]) {
                           "Source",
                           dossier_source_kind_get_label (dossier_source_get_kind (source)),
                           "Update on Sony Investigation",
                           "Publisher", "FBI National Press Office",
                           "Published", "19 December 2014",
                           "Reliability of the source", "A — Completely reliable",
                           "Link", "https://www.fbi.gov/news/press-releases/update-on-sony-investigation",
                           cited,
                           NULL });

  /* One button a citing place, under the count. */
  collect_buttons (panel, "win.show-place", places);
  g_assert_cmpuint (places->len, ==, citations->len);

  /* The close button of the header closes the panel. */
  collect_buttons (panel, "win.close-panel", close_buttons);
  g_assert_cmpuint (close_buttons->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (close_buttons, 0), "clicked");
  settle ();
  g_assert_null (dossier_window_get_source_panel_source_id (window));
}

static void
test_entity_panel (void)
{
  DossierCase *dcase = dossier_window_get_case (window);
  DossierEntity *entity = dossier_case_get_entity (dcase, "north-korea");
  GPtrArray *mentions = dossier_entity_get_mentions (entity);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  g_autofree char *mentioned = g_strdup_printf ("Mentioned %u Times", mentions->len);
  g_autofree char *text = NULL;
  GtkWidget *panel;
  GtkWidget *frame;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-entity", "s", "north-korea");
  settle ();
  g_assert_cmpstr (dossier_window_get_entity_panel_entity_id (window), ==, "north-korea");

  panel = dossier_window_get_side_panel (window);
  g_assert_true (DOSSIER_IS_ENTITY_PANEL (panel));
  frame = find_descendant (panel, DOSSIER_TYPE_SIDE_PANEL);
  g_assert_nonnull (frame);
  g_assert_cmpstr (dossier_side_panel_get_title (DOSSIER_SIDE_PANEL (frame)), ==, "Entity");

  g_assert_cmpuint (mentions->len, >, 1);
  wait_for_text (panel, mentioned);
  text = shown_text (panel);
  assert_shows_in_order (text, (const char *[]) {
                           "Entity",
                           dossier_entity_kind_get_label (dossier_entity_get_kind (entity)),
                           "North Korea",
                           mentioned,
                           NULL });

  collect_buttons (panel, "win.show-place", places);
  g_assert_cmpuint (places->len, ==, mentions->len);
}

/* An id the case does not have leaves the panel as it was. */
static void
test_unknown_ids (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s", "article");
  settle ();
  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "article");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s", "no-such-source");
  settle ();
  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "article");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-entity", "s", "no-such-entity");
  settle ();
  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "article");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);
  window = open_case ("data/cases/sony-pictures-2014.case.xml", NULL);

  g_test_add_func ("/side-panels/source", test_source_panel);
  g_test_add_func ("/side-panels/entity", test_entity_panel);
  g_test_add_func ("/side-panels/unknown-ids", test_unknown_ids);

  status = g_test_run ();
  close_all_windows ();
  return status;
}
