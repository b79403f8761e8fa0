/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-window.h"
#include "dossier-source-panel.h"
#include "dossier-core.h"
#include "window-test.h"

static DossierWindow *window;

static GtkLabel *
find_label_linking (GtkWidget  *widget,
                    const char *href)
{
  g_autofree char *needle = g_strdup_printf ("href=\"%s\"", href);

  if (GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_linking (child, href);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_place_buttons (GtkWidget *widget,
                       GPtrArray *out)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.show-place") == 0)
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_place_buttons (child, out);
}

static gboolean
has_css_class_below (GtkWidget  *widget,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_css_class_below (child, css_class))
      return TRUE;

  return FALSE;
}

/* The highlight comes once the revealed place is laid out, a frame or
 * more after the tab switch (more under a sanitizer). */
static gboolean
breach_is_highlighted (gpointer data)
{
  return has_css_class_below (dossier_window_get_view (DOSSIER_WINDOW (data), "breach"),
                              "highlighted");
}

static gboolean
activate_link (GtkLabel   *label,
               const char *uri)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  return handled;
}

static void
test_citation_opens_panel (void)
{
  GtkWidget *overview = dossier_window_get_view (window, "overview");
  GtkLabel *label;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  settle ();
  g_assert_null (dossier_window_get_source_panel_source_id (window));

  /* A citation marker in the summary is a link to its source. */
  label = find_label_linking (overview, "cite:article");
  g_assert_nonnull (label);
  assert_shows (gtk_label_get_label (label), "<sup>[1]</sup>");
  g_assert_true (activate_link (label, "cite:article"));
  settle ();

  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "article");
  /* The reader stays where they were. */
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "overview");

  wait_for_text (dossier_window_get_side_panel (window), "North Korea And Kim Jong-un Might Be Kind Of Pissed About");
  text = shown_text (dossier_window_get_side_panel (window));
  assert_shows (text, "North Korea And Kim Jong-un Might Be Kind Of Pissed About");
  assert_shows (text, "F — Reliability cannot be judged");
  assert_shows (text, "3 — Possibly true");
}

static void
test_source_backlinks (void)
{
  DossierCase *dcase = dossier_window_get_case (window);
  DossierSource *source = dossier_case_get_source (dcase, "fbi-update");
  GPtrArray *citations = dossier_source_get_citations (source);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  const DossierPlace *place;
  guint breach_button = G_MAXUINT;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-source", "s", "fbi-update");
  settle ();
  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "fbi-update");

  wait_for_text (dossier_window_get_side_panel (window), "Update on Sony Investigation");
  text = shown_text (dossier_window_get_side_panel (window));
  assert_shows (text, "Update on Sony Investigation");
  assert_shows (text, "FBI National Press Office");
  assert_shows (text, "A — Completely reliable");
  assert_shows (text, "19 December 2014");
  assert_shows (text, "https://www.fbi.gov/news/press-releases/update-on-sony-investigation");

  /* Every citing place is one button, in reading order. */
  collect_place_buttons (dossier_window_get_side_panel (window), buttons);
  g_assert_cmpuint (citations->len, >, 1);
  g_assert_cmpuint (buttons->len, ==, citations->len);
  place = g_ptr_array_index (citations, 0);
  first = dossier_place_describe (dcase, place);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (g_ptr_array_index (buttons, 0)))), ==, first);
  g_assert_true (g_str_has_prefix (first, "[5] Overview"));

  /* One click on a place in the breach goes there. */
  for (guint i = 0; i < citations->len && breach_button == G_MAXUINT; i++)
    if (((DossierPlace *) g_ptr_array_index (citations, i))->section == DOSSIER_SECTION_BREACH)
      breach_button = i;
  g_assert_cmpuint (breach_button, !=, G_MAXUINT);
  g_signal_emit_by_name (g_ptr_array_index (buttons, breach_button), "clicked");
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "breach");
  /* The place is highlighted for a moment (1.5 s): watch for it at once,
   * since a slow build can spend that long settling. */
  g_assert_true (wait_until (breach_is_highlighted, window));
  settle ();

  /* Alt+Left: back to the overview with the panel as it was. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  settle ();
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "overview");
  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "fbi-update");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  settle ();
  g_assert_cmpstr (dossier_window_get_source_panel_source_id (window), ==, "article");
}

static void
test_mention_opens_entity (void)
{
  GtkLabel *label = find_label_linking (dossier_window_get_view (window, "overview"), "entity:north-korea");
  g_autofree char *text = NULL;

  g_assert_nonnull (label);
  g_assert_true (activate_link (label, "entity:north-korea"));
  settle ();

  g_assert_cmpstr (dossier_window_get_entity_panel_entity_id (window), ==, "north-korea");
  g_assert_null (dossier_window_get_source_panel_source_id (window));
  wait_for_text (dossier_window_get_side_panel (window), "Mentioned ");
  text = shown_text (dossier_window_get_side_panel (window));
  assert_shows (text, "North Korea");
  assert_shows (text, "Mentioned ");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_links_policy (void)
{
  GtkLabel *label = find_label_linking (dossier_window_get_view (window, "overview"), "cite:article");
  AdwMessageDialog *dialog;

  /* Nothing but http(s) ever gets as far as asking. */
  g_assert_true (activate_link (label, "javascript:alert(1)"));
  g_assert_true (activate_link (label, "file:///etc/passwd"));
  g_assert_true (activate_link (label, "https://user@example.com/"));
  settle ();
  g_assert_null (find_message_dialog ());

  /* A web link names its host before it opens. */
  g_assert_true (activate_link (label, "https://www.fbi.gov/news/press-releases/update-on-sony-investigation"));
  settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Open Link?");
  assert_shows (adw_message_dialog_get_body (dialog), "www.fbi.gov");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);
  window = open_case ("data/cases/sony-pictures-2014.case.xml", NULL);

  g_test_add_func ("/citations/opens-source-panel", test_citation_opens_panel);
  g_test_add_func ("/citations/backlinks-and-back", test_source_backlinks);
  g_test_add_func ("/citations/mention-opens-entity", test_mention_opens_entity);
  g_test_add_func ("/citations/link-policy", test_links_policy);

  status = g_test_run ();
  close_all_windows ();
  return status;
}
