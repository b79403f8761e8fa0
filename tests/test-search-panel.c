/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dossier-core.h"
#include "dossier-search-index.h"
#include "dossier-search-panel.h"

/*
 * The search panel alone in a window with the sample case: indexing,
 * results as typed, the count, the highlighted words, query errors, the
 * empty state, activation and stale searches. Expected hits come from
 * the core search API run on the same case, never from numbers written
 * here.
 */

#define SAMPLE_CASE "data/cases/sony-pictures-2014.case.xml"
#define HOSTILE_CASE "tests/cases/good/hostile-text.case.xml"
#define MAX_SHOWN 200

typedef struct
{
  DossierCase        *dcase;
  DossierSearchIndex *index;
  GtkWidget          *window;
  DossierSearchPanel *panel;
} Fixture;

typedef struct
{
  guint  count;
  char  *section;
  char  *item_id;
  int    item_index;
  GStrv  terms;
} Activation;

static DossierCase *
load_case (const char *relative)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DossierCase *dcase;

  g_assert_nonnull (root);
  path = g_build_filename (root, relative, NULL);
  file = g_file_new_for_path (path);
  dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dcase);

  return dcase;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer user_data);

/* Runs the main loop until @condition holds; fails after 20 s. */
static void
wait_for (Condition condition,
          gpointer  user_data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
is_idle (gpointer user_data)
{
  return !dossier_search_panel_is_busy (user_data);
}

/* Waits until what the panel shows belongs to the text typed, then lets
 * every callback already queued (a cancelled search, say) run too. */
static void
wait_idle (DossierSearchPanel *panel)
{
  wait_for (is_idle, panel);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (dossier_search_panel_is_busy (panel));
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->panel),
                                                   DOSSIER_TYPE_SEARCH_PANEL, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (child (fixture, "results_stack"));
}

static void
fixture_open (Fixture    *fixture,
              const char *relative)
{
  fixture->dcase = load_case (relative);
  fixture->index = dossier_search_index_new (fixture->dcase);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  fixture->panel = DOSSIER_SEARCH_PANEL (dossier_search_panel_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->panel));
  gtk_window_present (GTK_WINDOW (fixture->window));

  dossier_search_panel_set_case (fixture->panel, fixture->dcase);
  wait_idle (fixture->panel);
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->index);
  g_clear_object (&fixture->dcase);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The hits the core finds for @text, as many as the panel shows. */
static GPtrArray *
expected_hits (Fixture    *fixture,
               const char *text,
               guint      *out_total)
{
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  query = dossier_search_query_parse (text, &error);
  g_assert_no_error (error);
  hits = dossier_search_index_run (fixture->index, query, MAX_SHOWN, out_total, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

static char *
expected_count (guint shown,
                guint total)
{
  if (total > shown)
    return g_strdup_printf ("The first %u of %u results", shown, total);
  if (total == 1)
    return g_strdup ("1 result");
  return g_strdup_printf ("%u results", total);
}

/* The rows the list has made, in order: their box (title, place,
 * snippet labels). */
static GPtrArray *
shown_rows (Fixture *fixture)
{
  GtkWidget *list_view = child (fixture, "list_view");
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *box = gtk_widget_get_first_child (item);

      if (GTK_IS_BOX (box) && GTK_IS_LABEL (gtk_widget_get_first_child (box)))
        g_ptr_array_add (rows, box);
    }

  return rows;
}

static gboolean
has_rows (gpointer user_data)
{
  g_autoptr(GPtrArray) rows = shown_rows (user_data);

  return rows->len > 0 &&
         gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (rows->pdata[0])))[0] != '\0';
}

static const char *
row_title (GtkWidget *row)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row)));
}

static GtkLabel *
row_snippet (GtkWidget *row)
{
  return GTK_LABEL (gtk_widget_get_last_child (row));
}

/* TRUE when @attrs make bytes @start..@end of @text bold. */
static gboolean
is_marked (PangoAttrList *attrs,
           guint          start,
           guint          end)
{
  g_autoptr(PangoAttrIterator) iter = NULL;

  if (attrs == NULL)
    return FALSE;

  iter = pango_attr_list_get_iterator (attrs);
  do
    {
      int range_start;
      int range_end;
      PangoAttribute *weight;
      PangoAttribute *background;

      pango_attr_iterator_range (iter, &range_start, &range_end);
      if ((guint) range_start > start || (guint) range_end < end)
        continue;

      weight = pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
      background = pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND);
      return weight != NULL && ((PangoAttrInt *) weight)->value == PANGO_WEIGHT_BOLD &&
             background != NULL;
    }
  while (pango_attr_iterator_next (iter));

  return FALSE;
}

/* Checks that the panel shows exactly the core's hits for @text. */
static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *count = NULL;
  guint total = 0;

  hits = expected_hits (fixture, text, &total);
  g_ptr_array_set_free_func (hits, (GDestroyNotify) dossier_search_hit_free);
  g_assert_cmpuint (hits->len, >, 0);

  g_assert_cmpstr (dossier_search_panel_get_query (fixture->panel), ==, text);
  g_assert_cmpstr (visible_page (fixture), ==, "results");
  g_assert_false (gtk_widget_get_visible (child (fixture, "error_label")));
  count = expected_count (hits->len, total);
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "count_label")), ==, count);
  g_assert_cmpuint (dossier_search_panel_get_n_results (fixture->panel), ==, hits->len);

  wait_for (has_rows, fixture);
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, <=, hits->len);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierSearchHit *hit = hits->pdata[i];

      g_assert_cmpstr (row_title (rows->pdata[i]), ==, hit->label);
    }
}

static void
on_result_activated_cb (DossierSearchPanel *panel,
                        const char         *section,
                        const char         *item_id,
                        int                 item_index,
                        GStrv               terms,
                        Activation         *activation)
{
  activation->count++;
  g_free (activation->section);
  g_free (activation->item_id);
  g_strfreev (activation->terms);
  activation->section = g_strdup (section);
  activation->item_id = g_strdup (item_id);
  activation->item_index = item_index;
  activation->terms = g_strdupv (terms);
}

static void
activation_clear (Activation *activation)
{
  g_clear_pointer (&activation->section, g_free);
  g_clear_pointer (&activation->item_id, g_free);
  g_clear_pointer (&activation->terms, g_strfreev);
  activation->count = 0;
}

static void
on_closed_cb (DossierSearchPanel *panel,
              guint              *count)
{
  (*count)++;
}

static void
test_indexing_then_results (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DossierSearchHit *first;
  GtkLabel *snippet;
  guint total;

  fixture.dcase = load_case (SAMPLE_CASE);
  fixture.index = dossier_search_index_new (fixture.dcase);
  fixture.window = gtk_window_new ();
  fixture.panel = DOSSIER_SEARCH_PANEL (dossier_search_panel_new ());
  gtk_window_set_child (GTK_WINDOW (fixture.window), GTK_WIDGET (fixture.panel));
  gtk_window_present (GTK_WINDOW (fixture.window));

  /* Typed before the case is there: nothing to show, nothing running. */
  dossier_search_panel_set_query (fixture.panel, "passports");
  g_assert_false (dossier_search_panel_is_busy (fixture.panel));
  g_assert_cmpstr (visible_page (&fixture), ==, "none");

  /* The index is built in a thread: the panel says so meanwhile. */
  dossier_search_panel_set_case (fixture.panel, fixture.dcase);
  g_assert_true (dossier_search_panel_is_busy (fixture.panel));
  g_assert_cmpstr (visible_page (&fixture), ==, "indexing");

  /* Then the query typed so far runs by itself. */
  wait_idle (fixture.panel);
  assert_shows (&fixture, "passports");

  /* The first row names the core's best hit and marks the words found
   * in its snippet, in plain text with attributes, never markup. */
  hits = expected_hits (&fixture, "passports", &total);
  g_ptr_array_set_free_func (hits, (GDestroyNotify) dossier_search_hit_free);
  rows = shown_rows (&fixture);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierSearchHit *hit = hits->pdata[i];

      snippet = row_snippet (rows->pdata[i]);
      g_assert_false (gtk_label_get_use_markup (snippet));
      if (!gtk_widget_get_visible (GTK_WIDGET (snippet)))
        continue;
      g_assert_cmpstr (gtk_label_get_text (snippet), ==, hit->snippet);
      g_assert_cmpuint (hit->snippet_marks->len, >, 0);
      for (guint j = 0; j < hit->snippet_marks->len; j++)
        {
          const DossierSearchRange *range = &g_array_index (hit->snippet_marks, DossierSearchRange, j);

          g_assert_true (is_marked (gtk_label_get_attributes (snippet), range->start, range->end));
        }
    }

  /* The title's own marks, shifted to where the title stands in
   * "Kind id — Title". */
  first = hits->pdata[0];
  if (first->title_marks->len > 0 && g_str_has_suffix (first->label, first->title))
    {
      const DossierSearchRange *range = &g_array_index (first->title_marks, DossierSearchRange, 0);
      guint offset = strlen (first->label) - strlen (first->title);
      GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (rows->pdata[0]));

      g_assert_true (is_marked (gtk_label_get_attributes (title),
                                offset + range->start, offset + range->end));
    }

  /* Clearing the entry clears the results. */
  dossier_search_panel_set_query (fixture.panel, "");
  wait_idle (fixture.panel);
  g_assert_cmpstr (visible_page (&fixture), ==, "none");
  g_assert_cmpuint (dossier_search_panel_get_n_results (fixture.panel), ==, 0);

  fixture_close (&fixture);
}

static void
test_query_error (void)
{
  Fixture fixture = { 0 };
  const char *bad = "sony \"act of";
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label;

  fixture_open (&fixture, SAMPLE_CASE);
  error_label = child (&fixture, "error_label");

  query = dossier_search_query_parse (bad, &error);
  g_assert_null (query);
  g_assert_error (error, DOSSIER_SEARCH_ERROR, DOSSIER_SEARCH_ERROR_SYNTAX);

  dossier_search_panel_set_query (fixture.panel, "fbi");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "fbi");

  /* The parser's message, under the entry; the results of "fbi" are not
   * the answer to this text and go away. */
  dossier_search_panel_set_query (fixture.panel, bad);
  wait_idle (fixture.panel);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, error->message);
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  g_assert_cmpstr (visible_page (&fixture), ==, "error");
  g_assert_false (gtk_widget_is_drawable (child (&fixture, "list_view")));
  g_assert_cmpuint (dossier_search_panel_get_n_results (fixture.panel), ==, 0);

  /* Closing the quote brings results back and the message away. */
  dossier_search_panel_set_query (fixture.panel, "\"act of war\"");
  wait_idle (fixture.panel);
  g_assert_false (gtk_widget_get_visible (error_label));
  assert_shows (&fixture, "\"act of war\"");

  /* An unknown filter, too. */
  g_clear_error (&error);
  query = dossier_search_query_parse ("colour:red", &error);
  g_assert_null (query);
  dossier_search_panel_set_query (fixture.panel, "colour:red");
  wait_idle (fixture.panel);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, error->message);
  g_assert_cmpstr (visible_page (&fixture), ==, "error");

  fixture_close (&fixture);
}

static void
test_no_results (void)
{
  Fixture fixture = { 0 };
  const char *text = "zqxwv";
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  AdwStatusPage *page;
  guint total = 1;

  fixture_open (&fixture, SAMPLE_CASE);
  query = dossier_search_query_parse (text, NULL);
  hits = dossier_search_index_run (fixture.index, query, 0, &total, NULL, NULL);
  g_assert_cmpuint (total, ==, 0);

  dossier_search_panel_set_query (fixture.panel, text);
  wait_idle (fixture.panel);
  g_assert_cmpstr (visible_page (&fixture), ==, "no-results");
  page = child (&fixture, "no_results_page");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Results");
  g_assert_cmpstr (adw_status_page_get_description (page), ==,
                   "Try fewer words, a prefix, or remove a filter like tag:");
  g_assert_cmpuint (dossier_search_panel_get_n_results (fixture.panel), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (&fixture, "error_label")));

  fixture_close (&fixture);
}

static void
test_activate (void)
{
  Fixture fixture = { 0 };
  Activation activation = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  DossierSearchHit *hit;
  guint closed = 0;
  guint total;

  fixture_open (&fixture, SAMPLE_CASE);
  g_signal_connect (fixture.panel, "result-activated", G_CALLBACK (on_result_activated_cb), &activation);
  g_signal_connect (fixture.panel, "closed", G_CALLBACK (on_closed_cb), &closed);

  hits = expected_hits (&fixture, "ambassador", &total);
  g_ptr_array_set_free_func (hits, (GDestroyNotify) dossier_search_hit_free);
  g_assert_cmpuint (hits->len, >=, 2);

  dossier_search_panel_set_query (fixture.panel, "ambassador");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "ambassador");

  /* Enter in the entry opens the first result. */
  g_signal_emit_by_name (child (&fixture, "search_entry"), "activate");
  hit = hits->pdata[0];
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_cmpstr (activation.section, ==, dossier_section_to_string (hit->section));
  g_assert_cmpstr (activation.item_id, ==, hit->item_id);
  g_assert_cmpint (activation.item_index, ==, hit->item_index);
  g_assert_nonnull (activation.terms);
  g_assert_cmpuint (g_strv_length (activation.terms), >=, 1);
  for (guint i = 0; activation.terms[i] != NULL; i++)
    g_assert_cmpint (g_ascii_strcasecmp (activation.terms[i], "ambassador"), ==, 0);

  /* A row activated in the list (Enter or a click) opens that row. */
  gtk_widget_activate_action (child (&fixture, "list_view"), "list.activate-item", "u", 1);
  hit = hits->pdata[1];
  g_assert_cmpuint (activation.count, ==, 2);
  g_assert_cmpstr (activation.section, ==, dossier_section_to_string (hit->section));
  g_assert_cmpstr (activation.item_id, ==, hit->item_id);
  g_assert_cmpint (activation.item_index, ==, hit->item_index);

  /* Escape closes. */
  g_assert_cmpuint (closed, ==, 0);
  g_signal_emit_by_name (child (&fixture, "search_entry"), "stop-search");
  g_assert_cmpuint (closed, ==, 1);

  /* Enter on an error or on no results opens nothing. */
  dossier_search_panel_set_query (fixture.panel, "\"unclosed");
  wait_idle (fixture.panel);
  g_signal_emit_by_name (child (&fixture, "search_entry"), "activate");
  dossier_search_panel_set_query (fixture.panel, "zqxwv");
  wait_idle (fixture.panel);
  g_signal_emit_by_name (child (&fixture, "search_entry"), "activate");
  g_assert_cmpuint (activation.count, ==, 2);

  activation_clear (&activation);
  fixture_close (&fixture);
}

static void
test_enter_before_results (void)
{
  Fixture fixture = { 0 };
  Activation activation = { 0 };
  g_autoptr(GPtrArray) hits = NULL;
  DossierSearchHit *hit;
  guint total;

  fixture_open (&fixture, SAMPLE_CASE);
  g_signal_connect (fixture.panel, "result-activated", G_CALLBACK (on_result_activated_cb), &activation);

  dossier_search_panel_set_query (fixture.panel, "fbi");
  wait_idle (fixture.panel);

  /* Enter right after typing, before the thread answers: the result
   * opened is the first of the new text, not of the old one. */
  dossier_search_panel_set_query (fixture.panel, "ambassador");
  g_signal_emit_by_name (child (&fixture, "search_entry"), "activate");
  wait_idle (fixture.panel);

  hits = expected_hits (&fixture, "ambassador", &total);
  g_ptr_array_set_free_func (hits, (GDestroyNotify) dossier_search_hit_free);
  hit = hits->pdata[0];
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_cmpstr (activation.section, ==, dossier_section_to_string (hit->section));
  g_assert_cmpstr (activation.item_id, ==, hit->item_id);

  activation_clear (&activation);
  fixture_close (&fixture);
}

static void
test_no_stale_results (void)
{
  Fixture fixture = { 0 };

  fixture_open (&fixture, SAMPLE_CASE);

  /* Two texts in a row, the main loop never running between them: only
   * the second may ever be shown. */
  dossier_search_panel_set_query (fixture.panel, "passports");
  dossier_search_panel_set_query (fixture.panel, "ambassador");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "ambassador");

  /* A burst, as typed, ending on a word of its own. */
  dossier_search_panel_set_query (fixture.panel, "f");
  dossier_search_panel_set_query (fixture.panel, "fb");
  dossier_search_panel_set_query (fixture.panel, "fbi");
  dossier_search_panel_set_query (fixture.panel, "fbi ");
  dossier_search_panel_set_query (fixture.panel, "fbi l");
  dossier_search_panel_set_query (fixture.panel, "threat");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "threat");

  fixture_close (&fixture);
}

static void
test_new_case (void)
{
  Fixture fixture = { 0 };
  g_autoptr(DossierCase) other = NULL;

  fixture_open (&fixture, SAMPLE_CASE);
  dossier_search_panel_set_query (fixture.panel, "sony");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "sony");

  /* Another case: the old results go at once, the index is rebuilt and
   * the same text runs on the new case. */
  other = load_case (HOSTILE_CASE);
  dossier_search_panel_set_case (fixture.panel, other);
  g_assert_cmpstr (visible_page (&fixture), ==, "indexing");
  g_assert_cmpuint (dossier_search_panel_get_n_results (fixture.panel), ==, 0);
  g_assert_true (dossier_search_panel_get_case (fixture.panel) == other);

  g_clear_object (&fixture.index);
  g_set_object (&fixture.dcase, other);
  fixture.index = dossier_search_index_new (other);
  dossier_search_panel_set_query (fixture.panel, "note");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "note");

  /* No case: nothing to search, nothing shown. */
  dossier_search_panel_set_case (fixture.panel, NULL);
  wait_idle (fixture.panel);
  g_assert_cmpstr (visible_page (&fixture), ==, "none");
  g_assert_cmpuint (dossier_search_panel_get_n_results (fixture.panel), ==, 0);

  fixture_close (&fixture);
}

static void
test_hostile_text_is_plain (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  gboolean seen_tag = FALSE;

  fixture_open (&fixture, HOSTILE_CASE);

  /* Titles such as "<b>Note</b>" are shown as written, not as markup. */
  dossier_search_panel_set_query (fixture.panel, "note");
  wait_idle (fixture.panel);
  assert_shows (&fixture, "note");

  rows = shown_rows (&fixture);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (rows->pdata[i]));

      g_assert_false (gtk_label_get_use_markup (title));
      if (strstr (gtk_label_get_text (title), "<b>") != NULL)
        seen_tag = TRUE;
    }
  g_assert_true (seen_tag);

  fixture_close (&fixture);
}

/* Every example of the help popover is a query that works on the
 * sample case. */
static void
test_help_examples (void)
{
  Fixture fixture = { 0 };
  GtkWidget *grid;
  GtkWidget *button;
  guint n_examples = 0;

  fixture_open (&fixture, SAMPLE_CASE);
  button = child (&fixture, "help_button");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Search Help");

  grid = child (&fixture, "help_grid");
  for (int row = 0; ; row++)
    {
      GtkWidget *example = gtk_grid_get_child_at (GTK_GRID (grid), 0, row);
      GtkWidget *description = gtk_grid_get_child_at (GTK_GRID (grid), 1, row);
      const char *text;
      g_autoptr(DossierSearchQuery) query = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      g_autoptr(GError) error = NULL;
      guint total = 0;

      if (example == NULL)
        break;

      g_assert_nonnull (description);
      text = gtk_label_get_text (GTK_LABEL (example));
      query = dossier_search_query_parse (text, &error);
      g_assert_no_error (error);
      hits = dossier_search_index_run (fixture.index, query, 1, &total, NULL, &error);
      g_assert_no_error (error);
      if (total == 0)
        g_error ("the help's example %s finds nothing in the sample case", text);
      g_ptr_array_set_free_func (hits, (GDestroyNotify) dossier_search_hit_free);
      n_examples++;
    }

  /* Words, phrase, -word, OR and the seven filters. */
  g_assert_cmpuint (n_examples, ==, 11);

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/search-panel/indexing-then-results", test_indexing_then_results);
  g_test_add_func ("/search-panel/query-error", test_query_error);
  g_test_add_func ("/search-panel/no-results", test_no_results);
  g_test_add_func ("/search-panel/activate", test_activate);
  g_test_add_func ("/search-panel/enter-before-results", test_enter_before_results);
  g_test_add_func ("/search-panel/no-stale-results", test_no_stale_results);
  g_test_add_func ("/search-panel/new-case", test_new_case);
  g_test_add_func ("/search-panel/hostile-text-is-plain", test_hostile_text_is_plain);
  g_test_add_func ("/search-panel/help-examples", test_help_examples);

  return g_test_run ();
}
