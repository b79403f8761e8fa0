/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Going to a place (a search hit's Enter, a citation's place button):
 * in every tab, at the window's default size, the item lands inside the
 * visible part of its scrolled window, flashes, and no text gets
 * selected on the way; also when the tab was never built before. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-core.h"
#include "dossier-search-panel.h"
#include "dossier-window.h"
#include "window-test.h"

#define SAMPLE_CASE "data/cases/sony-pictures-2014.case.xml"
#define FULL_CASE "tests/cases/good/full.case.xml"

/* The window's size when nothing was remembered (the schema's default). */
#define DEFAULT_WIDTH 1000
#define DEFAULT_HEIGHT 700

typedef struct
{
  const char *view;        /* the tab, and the section of the place */
  const char *case_file;
  const char *item_id;     /* NULL for items without an id */
  int         item_index;
  const char *needle;      /* words the item shows, and only that item */
  gboolean    from_end;    /* the item is near the top: start at the end */
} Reveal;

/* In each tab an item that is not in sight when the tab opens: the last
 * one, or (where the tab has only one kind of place near its top) the
 * first with the tab scrolled to its end. */
static const Reveal reveals[] = {
  { "overview", SAMPLE_CASE, NULL, -1, "Summary", TRUE },
  { "breach", SAMPLE_CASE, "h-other-hackers", -1, "Another group of", FALSE },
  { "threat", FULL_CASE, NULL, 1, "javascript:alert(1)", FALSE },
  { "reactions", SAMPLE_CASE, "r-kcna-statement", -1, "merciless counter-measure", FALSE },
  { "release", FULL_CASE, NULL, 4, "Leaked", FALSE },
  { "sources", SAMPLE_CASE, "fbi-update", -1, "Update on Sony Investigation", FALSE },
  { "notes", SAMPLE_CASE, "note-release", -1, "Only the release plan the article knew", FALSE },
  { "timeline", SAMPLE_CASE, "ev-fbi-attribution", -1, "The FBI attributes the attack", FALSE },
};

static gboolean
shows_text (GtkWidget  *widget,
            const char *needle)
{
  g_autofree char *text = shown_text (widget);
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');

  return strstr (flat, needle) != NULL;
}

/* Where @widget stands in the part of its scrolled window in sight:
 * TRUE when its top is in sight and, unless it is taller than the view,
 * its bottom too. */
static gboolean
is_in_sight (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page;

  if (scrolled == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;

  /* The scrolled window's child (a viewport, or a scrollable list) has
   * the size of the part in sight; what it holds moves under it. */
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  if (viewport == NULL || page <= 0 || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return FALSE;

  if (bounds.origin.y < -0.5 || bounds.origin.y >= page)
    return FALSE;

  return bounds.size.height > page || bounds.origin.y + bounds.size.height <= page + 0.5;
}

/* The first label below @widget that is in sight and shows @needle. */
static GtkWidget *
find_label_in_sight (GtkWidget  *widget,
                     const char *needle)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && shows_text (widget, needle) && is_in_sight (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_in_sight (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label below @widget with some of its text selected, or NULL. */
static GtkLabel *
find_selection (GtkWidget *widget)
{
  int start, end;

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_selection_bounds (GTK_LABEL (widget), &start, &end) && start != end)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_selection (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
scroll_to_end (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_to_end (child);
}

typedef struct
{
  DossierWindow *window;
  const Reveal  *reveal;
} Landing;

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->widget) <= wait->width;
}

/* The item is highlighted, shows its words and stands in sight. */
static gboolean
item_landed (gpointer data)
{
  Landing *landing = data;
  GtkWidget *view = dossier_window_get_view (landing->window, landing->reveal->view);
  GtkWidget *highlighted = view != NULL ? find_highlighted (view) : NULL;

  return highlighted != NULL &&
         g_strcmp0 (dossier_window_get_visible_view_name (landing->window), landing->reveal->view) == 0 &&
         shows_text (highlighted, landing->reveal->needle) &&
         is_in_sight (highlighted);
}

static gboolean
item_out_of_sight (gpointer data)
{
  Landing *landing = data;
  GtkWidget *view = dossier_window_get_view (landing->window, landing->reveal->view);

  return find_label_in_sight (view, landing->reveal->needle) == NULL;
}

static void
assert_landed (DossierWindow *window,
               const Reveal  *reveal)
{
  Landing landing = { window, reveal };
  GtkWidget *view = dossier_window_get_view (window, reveal->view);
  GtkLabel *selected;

  if (!wait_until (item_landed, &landing))
    {
      GtkWidget *highlighted = find_highlighted (view);
      g_autofree char *text = highlighted != NULL ? shown_text (highlighted) : NULL;

      g_error ("“%s” did not land in sight in %s; highlighted: %s (in sight: %d)",
               reveal->needle, reveal->view, text != NULL ? text : "nothing",
               highlighted != NULL && is_in_sight (highlighted));
    }

  /* Nothing selected on the way, neither at once nor once the focus
   * has settled. */
  for (int round = 0; round < 2; round++)
    {
      selected = find_selection (GTK_WIDGET (window));
      if (selected != NULL)
        g_error ("a reveal in %s selected text of the label “%s”",
                 reveal->view, gtk_label_get_text (selected));
      settle ();
    }
}

/* What a search hit's Enter does: the bar is open with the focus in its
 * entry, and the panel hands the place to the window. */
static void
activate_place (DossierWindow *window,
                const Reveal  *reveal)
{
  GtkWidget *panel = dossier_window_get_search_panel (window);
  const char *terms[] = { NULL };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (dossier_window_is_search_open (window));
  g_signal_emit_by_name (panel, "result-activated",
                         reveal->view, reveal->item_id, reveal->item_index, terms);
}

static void
assert_default_size (DossierWindow *window)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, DEFAULT_WIDTH);
  g_assert_cmpint (height, ==, DEFAULT_HEIGHT);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
}

static void
test_reveal_below_the_fold (gconstpointer data)
{
  const Reveal *reveal = data;
  DossierWindow *window;
  GtkWidget *view;
  Landing landing = { NULL, reveal };

  close_all_windows ();
  window = open_case (reveal->case_file, reveal->view);
  landing.window = window;
  assert_default_size (window);
  view = dossier_window_get_view (window, reveal->view);
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, reveal->view);

  if (reveal->from_end)
    scroll_to_end (view);
  /* The item is out of sight before: the test would catch a reveal that
   * does nothing. */
  g_assert_true (wait_until (item_out_of_sight, (gpointer) &landing));

  activate_place (window, reveal);
  assert_landed (window, reveal);
}

/* The tab is built by the reveal itself: the window opened on another
 * tab a moment ago and nothing else happened since. */
static void
test_reveal_in_new_window (gconstpointer data)
{
  const Reveal *reveal = data;
  const char *first_view = g_str_equal (reveal->view, "overview") ? "sources" : "overview";
  g_autofree char *path = case_path (reveal->case_file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window;

  close_all_windows ();
  window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, first_view));
  g_assert_true (wait_until (window_settled, window));
  g_assert_cmpstr (dossier_window_get_visible_view_name (window), ==, first_view);

  activate_place (window, reveal);
  assert_landed (window, reveal);
  assert_default_size (window);
}

/* As a reader does it: Ctrl+F, "blasted", Enter. The one hit is the
 * sixth source, below the fold of a tab not built yet. */
static void
test_typed_search_lands_on_source (void)
{
  static const Reveal thewrap = {
    "sources", SAMPLE_CASE, "thewrap", -1, "Blasted by North Korea", FALSE
  };
  DossierWindow *window;
  GtkWidget *panel;
  GtkWidget *entry;
  PanelWait panel_wait = { NULL, "blasted" };

  close_all_windows ();
  window = open_case (SAMPLE_CASE, NULL);
  assert_default_size (window);
  panel = dossier_window_get_search_panel (window);
  panel_wait.panel = DOSSIER_SEARCH_PANEL (panel);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  entry = find_first_of_type (panel, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "blasted");
  g_assert_true (wait_until (search_panel_answered, &panel_wait));
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, 1);

  g_signal_emit_by_name (entry, "activate");
  assert_landed (window, &thewrap);
}

/* A phone-sized window: the tabs move to the bottom bar, the notes show
 * the list or the note, and the reveal still lands in sight. */
static void
test_reveal_in_narrow_window (gconstpointer data)
{
  const Reveal *reveal = data;
  DossierWindow *window;
  WidthWait wait = { NULL, 360 };

  close_all_windows ();
  window = open_case (reveal->case_file, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait.widget = GTK_WIDGET (window);
  g_assert_true (wait_until (has_width, &wait));
  settle ();

  activate_place (window, reveal);
  assert_landed (window, reveal);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (reveals); i++)
    {
      g_autofree char *below = g_strdup_printf ("/window-reveal/%s/below-the-fold", reveals[i].view);
      g_autofree char *fresh = g_strdup_printf ("/window-reveal/%s/in-a-new-window", reveals[i].view);
      g_autofree char *narrow = g_strdup_printf ("/window-reveal/%s/in-a-narrow-window", reveals[i].view);

      g_test_add_data_func (below, &reveals[i], test_reveal_below_the_fold);
      g_test_add_data_func (fresh, &reveals[i], test_reveal_in_new_window);
      g_test_add_data_func (narrow, &reveals[i], test_reveal_in_narrow_window);
    }
  g_test_add_func ("/window-reveal/sources/typed-search", test_typed_search_lands_on_source);

  status = g_test_run ();
  close_all_windows ();
  return status;
}
