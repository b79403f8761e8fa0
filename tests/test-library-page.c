/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Library page of a window with no case, on a real library (SQLite,
 * in the test's own XDG_DATA_HOME) of a folder with two good cases and
 * one that does not load: the list shows the cases and the bad one's
 * problem, sorts and filters; typing searches every case, the hits
 * grouped by case; Enter on a hit opens its case at the item; the
 * application's library-search action shows the page with the terms.
 * The library starts as a damaged file, which is set aside with a
 * message the page shows once; a large library's first listing comes
 * in two steps and shows every case. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-core.h"
#include "dossier-library-client.h"
#include "dossier-welcome-page.h"
#include "dossier-window.h"
#include "window-test.h"

#define SONY_TITLE "The Sony Pictures hack, November 2014"
#define FIXTURE_TITLE "Search fixture: the Sony Pictures hack"
#define BAD_PROBLEM "Line 9: error: the id 'sony' on line 9 is already used on line 6"

static char *folder;

static void
copy_case (const char *relative)
{
  g_free (copy_case_into (relative, folder));
}

/* The library of the test: a folder of three case files, indexed. */
static void
make_library (void)
{
  g_autofree char *location = g_build_filename (g_get_user_data_dir (), "dossier", "library.sqlite3", NULL);
  g_autofree char *dir = g_path_get_dirname (location);
  DossierLibraryClient *client;
  g_autoptr(GError) error = NULL;

  /* Not a database: it is set aside and a new library made. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (location, "this is not a database\n", -1, &error);
  g_assert_no_error (error);
  client = dossier_library_client_get_default ();

  /* The window uses the test's library, never the user's. */
  g_assert_cmpstr (dossier_library_client_get_location (client), ==, location);

  folder = g_build_filename (g_get_user_data_dir (), "cases", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  copy_case ("data/cases/sony-pictures-2014.case.xml");
  copy_case ("tests/cases/good/search-basic.case.xml");
  copy_case ("tests/cases/bad/duplicate-id.case.xml");

  add_library_folder (client, folder);
  dossier_library_client_wait_idle (client);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *first;
  const char *second;   /* shown after @first, or NULL */
  const char *absent;   /* not shown, or NULL */
} Order;

/* @widget shows @first, then @second, and not @absent. */
static gboolean
shows_in_order (gpointer data)
{
  Order *order = data;
  g_autofree char *text = shown_text (order->widget);
  const char *first = strstr (text, order->first);

  if (first == NULL)
    return FALSE;
  if (order->absent != NULL && strstr (text, order->absent) != NULL)
    return FALSE;

  return order->second == NULL || strstr (first + strlen (order->first), order->second) != NULL;
}

static void
wait_shows (GtkWidget  *widget,
            const char *first,
            const char *second,
            const char *absent)
{
  Order order = { widget, first, second, absent };

  if (!wait_until (shows_in_order, &order))
    {
      g_autofree char *text = shown_text (widget);

      g_error ("expected “%s” then “%s”, without “%s”, in:\n%s", first,
               second != NULL ? second : "", absent != NULL ? absent : "", text);
    }
}

static DossierWindow *
open_library_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DOSSIER_IS_WINDOW (window));
  g_assert_true (wait_until (window_settled, window));
  g_assert_cmpstr (dossier_window_get_page_name (DOSSIER_WINDOW (window)), ==, "welcome");

  return DOSSIER_WINDOW (window);
}

static void
test_lists_cases (void)
{
  DossierWindow *window = open_library_window ();
  GtkWidget *page = dossier_window_get_welcome_page (window);
  GtkWidget *filter = find_widget (page, GTK_TYPE_ENTRY);
  GtkWidget *sort = find_widget (page, GTK_TYPE_DROP_DOWN);

  /* Every case by title, the one that does not load with its problem
   * and line; the count of them. */
  wait_shows (page, "3 cases", NULL, NULL);
  wait_shows (page, "is damaged; it was set aside as", NULL, NULL);
  wait_shows (page, "duplicate-id.case.xml", BAD_PROBLEM, NULL);
  wait_shows (page, BAD_PROBLEM, FIXTURE_TITLE, NULL);
  wait_shows (page, FIXTURE_TITLE, SONY_TITLE, NULL);
  wait_shows (page, SONY_TITLE, "15 notes, 2 events, 7 sources, 16 entities", NULL);

  /* Newest first: the sample case was updated last; the bad one has no
   * date and comes last. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 1);
  wait_shows (page, SONY_TITLE, FIXTURE_TITLE, NULL);
  wait_shows (page, FIXTURE_TITLE, "duplicate-id.case.xml", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 0);

  /* The filter keeps the cases whose title or folder holds its words. */
  g_assert_nonnull (filter);
  gtk_editable_set_text (GTK_EDITABLE (filter), "FIXTURE sony");
  wait_shows (page, "1 of 3 cases", FIXTURE_TITLE, SONY_TITLE);
  gtk_editable_set_text (GTK_EDITABLE (filter), "");
  wait_shows (page, "3 cases", NULL, NULL);

  close_all_windows ();
}

static GtkWidget *
find_search_entry (GtkWidget *page)
{
  GtkWidget *entry = find_widget (page, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

static void
test_search_groups_hits (void)
{
  DossierWindow *window = open_library_window ();
  GtkWidget *page = dossier_window_get_welcome_page (window);
  GtkWidget *entry = find_search_entry (page);
  g_autofree char *sony_path = g_build_filename (folder, "sony-pictures-2014.case.xml", NULL);

  /* The message about the damaged library showed once, in the first
   * window. */
  wait_shows (page, "3 cases", NULL, "was set aside");

  /* Typed as a user types: the field searches after its short delay.
   * Each case's hits come under a header with its title and file. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "kcna");
  wait_shows (page, "in 2 cases", FIXTURE_TITLE, NULL);
  wait_shows (page, FIXTURE_TITLE, "Statement carried by KCNA", NULL);
  wait_shows (page, "Statement carried by KCNA", SONY_TITLE, NULL);
  wait_shows (page, SONY_TITLE, sony_path, NULL);
  wait_shows (page, sony_path, "The KCNA statement is undated here", NULL);

  /* Only the last query's answer is shown: the first is dropped. */
  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (page), "kcna");
  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (page), "\"release plan\"");
  wait_shows (page, "1 result in 1 case", "Only the release plan the article knew", "KCNA");

  /* Nothing found, and a query that cannot be understood. */
  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (page), "zebrafinch");
  wait_shows (page, "No Results Found", NULL, "Only the release plan");
  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (page), "in:nowhere");
  wait_shows (page, "The Search Could Not Be Understood", "unknown section 'nowhere'", NULL);

  /* An empty field shows the cases again. */
  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (page), "");
  wait_shows (page, "3 cases", SONY_TITLE, "Could Not Be Understood");

  close_all_windows ();
}

static gboolean
note_revealed (gpointer data)
{
  DossierWindow *window = data;
  GtkWidget *view = dossier_window_get_view (window, "notes");
  GtkWidget *highlighted = view != NULL ? find_highlighted (view) : NULL;
  g_autofree char *text = highlighted != NULL ? shown_text (highlighted) : NULL;

  return window_settled (window) &&
         g_strcmp0 (dossier_window_get_page_name (window), "case") == 0 &&
         g_strcmp0 (dossier_window_get_visible_view_name (window), "notes") == 0 &&
         text != NULL && strstr (text, "Only the release plan the article knew") != NULL;
}

/* Ctrl+F (win.find) with no case open goes to the Library's search,
 * keeping what was typed. */
static void
test_find_focuses_search (void)
{
  DossierWindow *window = open_library_window ();
  GtkWidget *page = dossier_window_get_welcome_page (window);
  GtkWidget *entry = find_search_entry (page);
  GtkWidget *focus;

  wait_shows (page, "3 cases", NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "kcna");
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "kcna");
  wait_shows (page, "in 2 cases", FIXTURE_TITLE, NULL);

  close_all_windows ();
}

static void
test_enter_opens_hit (void)
{
  DossierWindow *window = open_library_window ();
  GtkWidget *page = dossier_window_get_welcome_page (window);
  GtkWidget *entry = find_search_entry (page);
  g_autofree char *sony_path = g_build_filename (folder, "sony-pictures-2014.case.xml", NULL);
  g_autoptr(GFile) sony = g_file_new_for_path (sony_path);

  dossier_welcome_page_set_search_text (DOSSIER_WELCOME_PAGE (page), "in:notes \"release plan\"");
  wait_shows (page, "1 result in 1 case", "Notes · Only the release plan the article knew", NULL);

  /* Enter opens the first hit's case in this window, at the note. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (wait_until (note_revealed, window));
  g_assert_true (g_file_equal (dossier_window_get_file (window), sony));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_all_windows ();
}

static void
test_library_search_action (void)
{
  GtkWindow *window;
  GtkWidget *page;

  g_action_group_activate_action (G_ACTION_GROUP (app), "library-search", g_variant_new_string ("kcna"));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DOSSIER_IS_WINDOW (window));
  g_assert_true (wait_until (window_settled, window));

  page = dossier_window_get_welcome_page (DOSSIER_WINDOW (window));
  g_assert_cmpstr (dossier_welcome_page_get_search_text (DOSSIER_WELCOME_PAGE (page)), ==, "kcna");
  wait_shows (page, "in 2 cases", "Statement carried by KCNA", NULL);

  close_all_windows ();
}

/* The list of cases (the page's first list; the sort menu has its own). */
static GListModel *
find_cases_model (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "library-list"))
    return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GListModel *found = find_cases_model (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
lists_63 (gpointer data)
{
  return g_list_model_get_n_items (data) == 63;
}

/* More cases than the first frame shows: the list gets them all. */
static void
test_many_cases (void)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autofree char *minimal = case_path ("tests/cases/good/minimal.case.xml");
  g_autofree char *many = g_build_filename (g_get_user_data_dir (), "many", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  GtkWidget *page;
  GListModel *shown;

  g_file_get_contents (minimal, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (many, 0700), ==, 0);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("minimal-%02u.case.xml", i);
      g_autofree char *path = g_build_filename (many, name, NULL);

      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }
  add_library_folder (client, many);
  dossier_library_client_wait_idle (client);

  window = open_library_window ();
  page = dossier_window_get_welcome_page (window);
  wait_shows (page, "63 cases", "Minimal case", NULL);
  shown = find_cases_model (page);
  g_assert_nonnull (shown);
  g_assert_true (wait_until (lists_63, shown));

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  setup_application (&argc, &argv);
  make_library ();

  g_test_add_func ("/library-page/lists-cases", test_lists_cases);
  g_test_add_func ("/library-page/search-groups-hits", test_search_groups_hits);
  g_test_add_func ("/library-page/find-focuses-search", test_find_focuses_search);
  g_test_add_func ("/library-page/enter-opens-hit", test_enter_opens_hit);
  g_test_add_func ("/library-page/library-search-action", test_library_search_action);
  g_test_add_func ("/library-page/many-cases", test_many_cases);

  return g_test_run ();
}
