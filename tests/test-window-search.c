/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search flow in the window: Ctrl+F, type, see results, Enter lands on
 * the item, Escape returns. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-core.h"
#include "dossier-search-index.h"
#include "dossier-search-panel.h"
#include "dossier-search-query.h"
#include "dossier-window.h"
#include "window-test.h"

/* The first label below @widget whose words carry search marks. */
static GtkLabel *
find_marked_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_attributes (GTK_LABEL (widget)) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_marked_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_marked_label (gpointer data)
{
  return find_marked_label (GTK_WIDGET (data)) != NULL;
}

static gboolean
has_highlight (gpointer data)
{
  return find_highlighted (GTK_WIDGET (data)) != NULL;
}

static gboolean
search_closed (gpointer data)
{
  return !dossier_window_is_search_open (DOSSIER_WINDOW (data));
}

typedef struct
{
  DossierWindow *window;
  const char    *view;
} ViewWait;

static gboolean
view_is (gpointer data)
{
  ViewWait *wait = data;

  return g_strcmp0 (dossier_window_get_visible_view_name (wait->window), wait->view) == 0;
}

/* What the core search says the first hit of @query is. */
static DossierSearchHit *
expected_first_hit (DossierCase *dcase,
                    const char  *query_text,
                    guint       *total)
{
  g_autoptr(DossierSearchIndex) index = dossier_search_index_new (dcase);
  g_autoptr(GError) error = NULL;
  DossierSearchQuery *query = dossier_search_query_parse (query_text, &error);
  g_autoptr(GPtrArray) hits = NULL;
  DossierSearchHit *first;

  g_assert_no_error (error);
  hits = dossier_search_index_run (index, query, 0, total, NULL, &error);
  g_assert_no_error (error);
  dossier_search_query_unref (query);
  g_assert_cmpuint (hits->len, >, 0);

  first = g_ptr_array_steal_index (hits, 0);
  return first;
}

static void
test_type_enter_lands_on_item (void)
{
  DossierWindow *window = open_case ("data/cases/sony-pictures-2014.case.xml", "overview");
  DossierCase *dcase = dossier_window_get_case (window);
  GtkWidget *panel = dossier_window_get_search_panel (window);
  GtkWidget *entry;
  GtkWidget *view;
  GtkWidget *highlighted;
  DossierSearchHit *hit;
  guint total = 0;
  PanelWait panel_wait = { DOSSIER_SEARCH_PANEL (panel), "ambassador letter" };
  ViewWait view_wait = { window, NULL };
  g_autofree char *shown = NULL;
  g_autofree char *folded = NULL;

  g_assert_nonnull (dcase);
  g_assert_false (dossier_window_is_search_open (window));

  /* Ctrl+F opens the bar with the focus in the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  settle ();
  g_assert_true (dossier_window_is_search_open (window));
  entry = find_first_of_type (panel, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), panel));

  /* Typing shows as many results as the core finds. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ambassador letter");
  g_assert_true (wait_until (search_panel_answered, &panel_wait));
  hit = expected_first_hit (dcase, "ambassador letter", &total);
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, total);
  shown = shown_text (panel);
  assert_shows (shown, hit->label);

  /* Enter goes to the first hit's tab, closes the bar and highlights the
   * item, which holds the words searched for. */
  g_signal_emit_by_name (entry, "activate");
  view_wait.view = dossier_section_to_string (hit->section);
  g_assert_true (wait_until (view_is, &view_wait));
  view = dossier_window_get_view (window, view_wait.view);
  /* The highlight lasts 1.5 s: look for it before anything else. */
  g_assert_true (wait_until (has_highlight, view));
  highlighted = find_highlighted (view);
  g_assert_true (wait_until (search_closed, window));
  g_clear_pointer (&shown, g_free);
  shown = shown_text (highlighted);
  folded = g_utf8_casefold (shown, -1);
  assert_shows (folded, "ambassador");
  assert_shows (folded, "letter");

  /* The searched words are marked where they stand in the item. */
  g_assert_true (wait_until (has_marked_label, highlighted));
  {
    GtkLabel *label = find_marked_label (highlighted);
    PangoAttrIterator *iter = pango_attr_list_get_iterator (gtk_label_get_attributes (label));
    const char *text = gtk_label_get_text (label);
    gboolean marked_word = FALSE;

    do
      {
        int start, end;

        pango_attr_iterator_range (iter, &start, &end);
        if (pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND) != NULL)
          {
            g_autofree char *word = g_utf8_casefold (text + start, end - start);

            g_assert_true (g_str_equal (word, "ambassador") || g_str_equal (word, "letter"));
            marked_word = TRUE;
          }
      }
    while (pango_attr_iterator_next (iter));
    pango_attr_iterator_destroy (iter);
    g_assert_true (marked_word);
  }

  dossier_search_hit_free (hit);
}

static void
test_escape_returns (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  DossierWindow *window = DOSSIER_WINDOW (windows->data);
  GtkWidget *panel = dossier_window_get_search_panel (window);
  GtkWidget *entry = find_first_of_type (panel, GTK_TYPE_SEARCH_ENTRY);
  PanelWait panel_wait = { DOSSIER_SEARCH_PANEL (panel), "zzzqqqxxx" };
  g_autofree char *shown = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "breach");
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  settle ();
  g_assert_true (dossier_window_is_search_open (window));

  /* No results gives a hint. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzqqqxxx");
  g_assert_true (wait_until (search_panel_answered, &panel_wait));
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, 0);
  shown = shown_text (panel);
  assert_shows (shown, "No Results");

  /* Escape closes the bar and leaves the reader where they were. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_true (wait_until (search_closed, window));
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, "breach");
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), panel));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);

  g_test_add_func ("/window-search/type-enter-lands-on-item", test_type_enter_lands_on_item);
  g_test_add_func ("/window-search/escape-returns", test_escape_returns);

  status = g_test_run ();
  close_all_windows ();
  return status;
}
