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


static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_highlighted (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "highlighted"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_highlighted (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  DossierSearchPanel *panel;
  const char         *query;
} PanelWait;

static gboolean
panel_has_answer (gpointer data)
{
  PanelWait *wait = data;

  return !dossier_search_panel_is_busy (wait->panel) &&
         g_strcmp0 (dossier_search_panel_get_query (wait->panel), wait->query) == 0;
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
  entry = find_descendant (panel, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), panel));

  /* Typing shows as many results as the core finds. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ambassador letter");
  g_assert_true (wait_until (panel_has_answer, &panel_wait));
  hit = expected_first_hit (dcase, "ambassador letter", &total);
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, total);
  shown = shown_text (panel);
  assert_shows (shown, hit->label);

  /* Enter goes to the first hit's tab, closes the bar and highlights the
   * item, which holds the words searched for. */
  g_signal_emit_by_name (entry, "activate");
  view_wait.view = dossier_section_to_string (hit->section);
  g_assert_true (wait_until (view_is, &view_wait));
  g_assert_true (wait_until (search_closed, window));
  settle ();
  view = dossier_window_get_view (window, view_wait.view);
  g_assert_true (wait_until (has_highlight, view));
  highlighted = find_highlighted (view);
  g_clear_pointer (&shown, g_free);
  shown = shown_text (highlighted);
  folded = g_utf8_casefold (shown, -1);
  assert_shows (folded, "ambassador");
  assert_shows (folded, "letter");

  dossier_search_hit_free (hit);
}

static void
test_escape_returns (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  DossierWindow *window = DOSSIER_WINDOW (windows->data);
  GtkWidget *panel = dossier_window_get_search_panel (window);
  GtkWidget *entry = find_descendant (panel, GTK_TYPE_SEARCH_ENTRY);
  PanelWait panel_wait = { DOSSIER_SEARCH_PANEL (panel), "zzzqqqxxx" };
  g_autofree char *shown = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "breach");
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  settle ();
  g_assert_true (dossier_window_is_search_open (window));

  /* No results gives a hint. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzqqqxxx");
  g_assert_true (wait_until (panel_has_answer, &panel_wait));
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
