/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Search All Cases" in a window: a real library (SQLite, in the test's
 * own XDG_DATA_HOME) of a folder with two cases; the toggle runs the
 * text typed over both, grouped by case with the open case first; a hit
 * in the other case opens it at the item in a second window; turning
 * the toggle off brings the case's own results back. The expected hits
 * come from the library client and the core search run on the same
 * files, never from numbers written here. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "dossier-library-client.h"
#include "dossier-library-result.h"
#include "dossier-library-row.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"
#include "window-test.h"

#define SAMPLE_CASE "data/cases/sony-pictures-2014.case.xml"
#define OTHER_CASE "tests/cases/good/search-basic.case.xml"
#define QUERY "passports"
#define HOSTILE_CASE "tests/cases/good/hostile-text.case.xml"

static char *library_dir;
static char *hostile_dir;

static void
copy_into (const char *relative,
           const char *dir)
{
  g_autofree char *source = case_path (relative);
  g_autofree char *name = g_path_get_basename (relative);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

static char *
library_case (const char *relative)
{
  g_autofree char *name = g_path_get_basename (relative);

  return g_build_filename (library_dir, name, NULL);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Adds @dir to the library and waits until its cases are indexed. */
static void
add_folder_and_index (const char *dir)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();

  add_library_folder (client, dir);
  dossier_library_client_wait_idle (client);
}

/* Whether the library lists the case at @path. */
static gboolean
library_lists (gpointer path)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  dossier_library_client_list_cases_async (client, NULL, store_result_cb, &result);
  wait_for (result_arrived, &result);
  cases = dossier_library_client_list_cases_finish (client, result, NULL);
  g_assert_nonnull (cases);
  for (guint i = 0; i < cases->len; i++)
    if (g_str_equal (((DossierLibraryCaseInfo *) cases->pdata[i])->path, path))
      return TRUE;
  return FALSE;
}

static void
remove_library_entry (const char *path)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  dossier_library_client_remove_folder_async (client, path, NULL, store_result_cb, &result);
  wait_for (result_arrived, &result);
  g_assert_true (dossier_library_client_change_folder_finish (client, result, &error));
  g_assert_no_error (error);
  dossier_library_client_wait_idle (client);
}

/* What the library finds for @text in the case at @path. */
static guint
library_hits_in (const char *text,
                 const char *path)
{
  DossierLibraryClient *client = dossier_library_client_get_default ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  dossier_library_client_search_async (client, text, 0, NULL, store_result_cb, &result);
  wait_for (result_arrived, &result);
  hits = dossier_library_client_search_finish (client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (((DossierLibraryHit *) hits->pdata[i])->path, path))
      n++;

  return n;
}

static guint
case_hits (DossierCase *dcase,
           const char  *text)
{
  g_autoptr(DossierSearchIndex) index = dossier_search_index_new (dcase);
  g_autoptr(GError) error = NULL;
  DossierSearchQuery *query = dossier_search_query_parse (text, &error);
  g_autoptr(GPtrArray) hits = NULL;
  guint total = 0;

  g_assert_no_error (error);
  hits = dossier_search_index_run (index, query, 0, &total, NULL, &error);
  g_assert_no_error (error);
  dossier_search_query_unref (query);

  return total;
}

static GtkWidget *
panel_child (GtkWidget  *panel,
             const char *name)
{
  GObject *object = gtk_widget_get_template_child (panel, DOSSIER_TYPE_SEARCH_PANEL, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GListModel *
shown_model (GtkWidget *panel)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (panel_child (panel, "list_view"))));
}

static const char *
visible_page (GtkWidget *panel)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (panel_child (panel, "results_stack")));
}

static void
type_and_wait (GtkWidget  *panel,
               const char *text)
{
  PanelWait wait = { DOSSIER_SEARCH_PANEL (panel), text };

  gtk_editable_set_text (GTK_EDITABLE (panel_child (panel, "search_entry")), text);
  wait_for (search_panel_answered, &wait);
  settle ();
}

static void
toggle_and_wait (GtkWidget *panel,
                 gboolean   active)
{
  PanelWait wait = { DOSSIER_SEARCH_PANEL (panel), dossier_search_panel_get_query (DOSSIER_SEARCH_PANEL (panel)) };

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (panel_child (panel, "all_cases_button")), active);
  g_assert_cmpint (dossier_search_panel_get_search_all (DOSSIER_SEARCH_PANEL (panel)), ==, active);
  wait_for (search_panel_answered, &wait);
  settle ();
}

static DossierWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DossierWindow *window = DOSSIER_WINDOW (dossier_application_open_file (app, file, NULL, NULL));

  wait_for (window_settled, window);
  settle ();
  return window;
}

static gboolean
shows_results (gpointer data)
{
  return !dossier_search_panel_is_busy (data) &&
         g_strcmp0 (visible_page (data), "results") == 0;
}

/* Before any folder is added the toggle says how to add one; once one
 * is, the text typed finds its cases. */
static void
test_empty_library (void)
{
  DossierWindow *window = open_case (SAMPLE_CASE, NULL);
  GtkWidget *panel = dossier_window_get_search_panel (window);
  g_autofree char *shown = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  type_and_wait (panel, QUERY);
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), >, 0);

  /* The toggle is off at first, and Alt+A (its mnemonic) turns it on. */
  {
    GtkWidget *toggle = panel_child (panel, "all_cases_button");
    GtkWidget *label = find_first_of_type (toggle, GTK_TYPE_LABEL);

    g_assert_false (dossier_search_panel_get_search_all (DOSSIER_SEARCH_PANEL (panel)));
    g_assert_nonnull (label);
    g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), ==, GDK_KEY_a);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Search All Cases in the Library");
  }

  toggle_and_wait (panel, TRUE);
  /* The library is listed in a thread: the page follows when it is known. */
  wait_for_text (panel, "No Other Cases in the Library");
  shown = shown_text (panel);
  assert_shows (shown, "No Other Cases in the Library");
  assert_shows (shown, "Add Folder…");
  assert_shows (shown, "dossier --library-add=FOLDER");
  g_assert_cmpstr (visible_page (panel), ==, "no-cases");
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, 0);

  /* A query error is shown as in the case, before the library is asked. */
  type_and_wait (panel, "colour:red");
  g_assert_cmpstr (visible_page (panel), ==, "error");
  g_clear_pointer (&shown, g_free);
  shown = shown_text (panel);
  assert_shows (shown, "unknown filter 'colour:'");

  /* A folder added while the toggle is on: the text runs again over it. */
  type_and_wait (panel, QUERY);
  g_assert_cmpstr (visible_page (panel), ==, "no-cases");
  add_folder_and_index (library_dir);
  wait_for (shows_results, panel);
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), >, 0);

  /* The open file is in no folder of the library (its copy is): its
   * hits still come first, from its own index, as this case. */
  {
    g_autofree char *open = case_path (SAMPLE_CASE);
    g_autofree char *copy = library_case (SAMPLE_CASE);
    g_autofree char *other = library_case (OTHER_CASE);
    guint in_case = case_hits (dossier_window_get_case (window), QUERY);
    g_autoptr(DossierLibraryResult) first = g_list_model_get_item (shown_model (panel), 0);
    g_autoptr(DossierLibraryResult) next = g_list_model_get_item (shown_model (panel), in_case + 1);

    g_assert_true (dossier_library_result_is_open_case (first));
    g_assert_cmpstr (dossier_library_result_get_path (first), ==, open);
    g_assert_cmpuint (dossier_library_result_get_n_hits (first), ==, in_case);
    g_assert_true (dossier_library_result_is_case (next));
    g_assert_false (dossier_library_result_is_open_case (next));
    g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==,
                      in_case + library_hits_in (QUERY, copy) +
                      library_hits_in (QUERY, other));

    /* Dossier puts every case it opens into the library (a moment after
     * it has loaded). Taken out again, the next test's library holds
     * only the folder's cases. */
    wait_for (library_lists, open);
    remove_library_entry (open);
    g_assert_false (library_lists (open));
  }

  close_all_windows ();
}

typedef struct
{
  const char *path;
  const char *view;
} OpenedWait;

static DossierWindow *
window_of (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      GFile *file = DOSSIER_IS_WINDOW (l->data) ? dossier_window_get_file (l->data) : NULL;
      g_autofree char *file_path = file != NULL ? g_file_get_path (file) : NULL;

      if (g_strcmp0 (file_path, path) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
opened_at (gpointer data)
{
  OpenedWait *wait = data;
  DossierWindow *window = window_of (wait->path);

  return window != NULL && window_settled (window) &&
         g_strcmp0 (dossier_window_get_visible_view_name (window), wait->view) == 0;
}

static gboolean
search_closed (gpointer data)
{
  return !dossier_window_is_search_open (DOSSIER_WINDOW (data));
}

/* The position in @model of the first hit of the case at @path. */
static guint
first_hit_of (GListModel *model,
              const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierLibraryResult) result = g_list_model_get_item (model, i);

      if (!dossier_library_result_is_case (result) &&
          g_str_equal (dossier_library_result_get_path (result), path))
        return i;
    }

  g_assert_not_reached ();
  return 0;
}

static void
test_grouped_results_and_open_at (void)
{
  g_autofree char *sample = library_case (SAMPLE_CASE);
  g_autofree char *other = library_case (OTHER_CASE);
  DossierWindow *window;
  DossierWindow *other_window;
  GtkWidget *panel;
  GListModel *model;
  guint in_case;
  guint n_sample;
  guint n_other;
  guint position;
  g_autofree char *shown = NULL;
  g_autoptr(DossierLibraryResult) first = NULL;
  g_autoptr(DossierLibraryResult) hit = NULL;
  g_autoptr(DossierLibraryResult) other_header = NULL;
  OpenedWait opened = { NULL, NULL };

  add_folder_and_index (library_dir);
  n_sample = library_hits_in (QUERY, sample);
  n_other = library_hits_in (QUERY, other);
  g_assert_cmpuint (n_sample, >, 0);
  g_assert_cmpuint (n_other, >, 0);

  window = open_path (sample);
  panel = dossier_window_get_search_panel (window);
  in_case = case_hits (dossier_window_get_case (window), QUERY);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  type_and_wait (panel, QUERY);
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, in_case);

  /* On: every case's hits, a header before each case, this case first. */
  toggle_and_wait (panel, TRUE);
  g_assert_cmpstr (visible_page (panel), ==, "results");
  /* This case's hits come from its own index, as in the case. */
  g_assert_cmpuint (n_sample, ==, in_case);
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, in_case + n_other);
  model = shown_model (panel);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, in_case + n_other + 2);
  first = g_list_model_get_item (model, 0);
  g_assert_true (dossier_library_result_is_case (first));
  g_assert_true (dossier_library_result_is_open_case (first));
  g_assert_cmpstr (dossier_library_result_get_path (first), ==, sample);
  g_assert_cmpuint (dossier_library_result_get_n_hits (first), ==, in_case);
  other_header = g_list_model_get_item (model, in_case + 1);
  g_assert_true (dossier_library_result_is_case (other_header));
  g_assert_false (dossier_library_result_is_open_case (other_header));
  g_assert_cmpstr (dossier_library_result_get_path (other_header), ==, other);
  g_assert_cmpstr (dossier_library_result_get_case_title (other_header), ==,
                   "Search fixture: the Sony Pictures hack");

  shown = shown_text (panel);
  assert_shows (shown, "The Sony Pictures hack, November 2014");
  assert_shows (shown, "sony-pictures-2014.case.xml");
  assert_shows (shown, "This Case");
  assert_shows (shown, "in 2 cases");

  /* Each hit's snippet marks the words found. */
  position = first_hit_of (model, other);
  hit = g_list_model_get_item (model, position);
  {
    GArray *marks = dossier_library_result_get_snippet_marks (hit);
    const char *snippet = dossier_library_result_get_snippet (hit);
    g_auto(GStrv) terms = dossier_library_result_dup_terms (hit);
    g_autofree char *marked = NULL;

    g_assert_cmpuint (marks->len, >, 0);
    g_assert_null (strchr (snippet, DOSSIER_LIBRARY_MARK_OPEN[0]));
    marked = g_utf8_casefold (snippet + g_array_index (marks, DossierSearchRange, 0).start,
                              g_array_index (marks, DossierSearchRange, 0).end -
                              g_array_index (marks, DossierSearchRange, 0).start);
    g_assert_true (g_str_has_prefix (marked, "passport"));
    g_assert_nonnull (terms[0]);
  }

  /* A hit whose title holds the word has it marked there, and its
   * snippet does not repeat the title. */
  {
    gboolean title_marked = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(DossierLibraryResult) result = g_list_model_get_item (model, i);
        const DossierLibraryHit *h = dossier_library_result_get_hit (result);
        g_autofree char *title = h != NULL && h->title != NULL ? g_utf8_casefold (h->title, -1) : NULL;

        if (title == NULL || !g_str_has_prefix (title, "passport"))
          continue;
        g_assert_cmpuint (dossier_library_result_get_title_marks (result)->len, >, 0);
        /* In-case search's snippet is the title itself when it matched
         * there; the row then shows the title alone. */
        if (!dossier_library_result_is_open_case (result))
          g_assert_false (g_str_has_prefix (dossier_library_result_get_snippet (result), h->title));
        title_marked = TRUE;
      }
    g_assert_true (title_marked);
  }

  /* A hit in the other case opens it at the item, in a second window. */
  g_signal_emit_by_name (panel_child (panel, "list_view"), "activate", position);
  opened.path = other;
  opened.view = dossier_section_to_string (dossier_library_result_get_hit (hit)->section);
  wait_for (opened_at, &opened);
  other_window = window_of (other);
  g_assert_true (other_window != window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  /* Off: the case's own results for the same text. */
  toggle_and_wait (panel, FALSE);
  g_assert_cmpstr (visible_page (panel), ==, "results");
  g_assert_cmpuint (dossier_search_panel_get_n_results (DOSSIER_SEARCH_PANEL (panel)), ==, in_case);
  g_assert_true (g_list_model_get_item_type (shown_model (panel)) != DOSSIER_TYPE_LIBRARY_RESULT);
  g_clear_pointer (&shown, g_free);
  shown = shown_text (panel);
  g_assert_null (strstr (shown, "This Case"));

  /* On again, Enter at once, before the answer: when it comes, the
   * first hit (this case's) is revealed here, as the case's own are. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (panel_child (panel, "all_cases_button")), TRUE);
  g_assert_true (dossier_search_panel_is_busy (DOSSIER_SEARCH_PANEL (panel)));
  g_signal_emit_by_name (panel_child (panel, "search_entry"), "activate");
  wait_for (search_closed, window);
  {
    g_autoptr(DossierLibraryResult) own = g_list_model_get_item (shown_model (panel), 1);
    OpenedWait here = { sample, dossier_section_to_string (dossier_library_result_get_hit (own)->section) };

    g_assert_true (dossier_library_result_is_open_case (own));
    g_assert_cmpstr (here.view, !=, "overview");
    wait_for (opened_at, &here);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  }

  close_all_windows ();
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (DOSSIER_IS_LIBRARY_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* Texts typed in a burst show only the last one's hits, and a case's
 * title with markup in it is shown as written, without the invisible
 * characters it hides behind. */
static void
test_stale_answers_and_hostile_text (void)
{
  g_autofree char *sample = library_case (SAMPLE_CASE);
  g_autofree char *name = g_path_get_basename (HOSTILE_CASE);
  g_autofree char *hostile = g_build_filename (hostile_dir, name, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  DossierWindow *window;
  GtkWidget *panel;
  GListModel *model;
  PanelWait wait = { NULL, "huge" };
  gboolean seen_markup = FALSE;

  add_folder_and_index (library_dir);
  add_folder_and_index (hostile_dir);
  g_assert_cmpuint (library_hits_in ("huge", hostile), >, 0);

  window = open_path (sample);
  panel = dossier_window_get_search_panel (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  toggle_and_wait (panel, TRUE);

  /* The main loop never runs between them: only "huge" may be shown. */
  wait.panel = DOSSIER_SEARCH_PANEL (panel);
  dossier_search_panel_set_query (wait.panel, QUERY);
  dossier_search_panel_set_query (wait.panel, "hu");
  dossier_search_panel_set_query (wait.panel, "huge");
  wait_for (search_panel_answered, &wait);
  settle ();
  g_assert_cmpuint (dossier_search_panel_get_n_results (wait.panel), ==, library_hits_in ("huge", hostile));
  model = shown_model (panel);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierLibraryResult) result = g_list_model_get_item (model, i);

      g_assert_cmpstr (dossier_library_result_get_path (result), ==, hostile);
    }

  /* "<b>fdp.exe</b>" in the case's title is text, not bold. */
  collect_rows (panel, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *labels[] = { "case_title_label", "title_label", "snippet_label" };

      for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
        {
          GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (rows->pdata[i],
                                                                      DOSSIER_TYPE_LIBRARY_ROW,
                                                                      labels[j]));

          g_assert_false (gtk_label_get_use_markup (label));
          /* No right-to-left override turns "fdp.exe" into "exe.pdf". */
          g_assert_null (strstr (gtk_label_get_text (label), "\u202E"));
          if (strstr (gtk_label_get_text (label), "<b>fdp.exe</b>") != NULL)
            seen_markup = TRUE;
        }
    }
  g_assert_true (seen_markup);

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setup_application (&argc, &argv);

  library_dir = g_dir_make_tmp ("dossier-library-XXXXXX", NULL);
  copy_into (SAMPLE_CASE, library_dir);
  copy_into (OTHER_CASE, library_dir);
  hostile_dir = g_dir_make_tmp ("dossier-hostile-XXXXXX", NULL);
  copy_into (HOSTILE_CASE, hostile_dir);

  g_test_add_func ("/search-all/empty-library", test_empty_library);
  g_test_add_func ("/search-all/grouped-results-and-open-at", test_grouped_results_and_open_at);
  g_test_add_func ("/search-all/stale-answers-and-hostile-text", test_stale_answers_and_hostile_text);

  status = g_test_run ();

  {
    g_autofree char *sample = library_case (SAMPLE_CASE);
    g_autofree char *other = library_case (OTHER_CASE);

    g_autofree char *name = g_path_get_basename (HOSTILE_CASE);
    g_autofree char *hostile = g_build_filename (hostile_dir, name, NULL);

    g_remove (sample);
    g_remove (other);
    g_remove (hostile);
    g_rmdir (library_dir);
    g_rmdir (hostile_dir);
  }
  g_free (library_dir);
  g_free (hostile_dir);
  return status;
}
