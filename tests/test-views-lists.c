/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-core.h"
#include "dossier-notes-view.h"
#include "dossier-reactions-view.h"
#include "dossier-release-view.h"
#include "dossier-timeline-view.h"
#include "window-test.h"

/*
 * The reactions, release history, notes and timeline views, each alone in
 * a window with the sample case: what they show, in which order, what the
 * filters leave, and the empty states of a case without those sections.
 * Expected values come from the case through the core API.
 */

#define SAMPLE_CASE "data/cases/sony-pictures-2014.case.xml"
#define MINIMAL_CASE "tests/cases/good/minimal.case.xml"

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

/* What "win.show-place" hands the view: an item by id, or by index. */
static gboolean
reveal_place (DossierView *view,
              const char  *item_id,
              int          item_index)
{
  DossierPlace place = { .item_id = (char *) item_id, .item_index = item_index };

  return dossier_view_reveal (view, &place);
}

static gboolean
is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
has_highlight (gpointer user_data)
{
  return gtk_widget_has_css_class (user_data, "highlighted");
}

/* Lets a few frames pass so that lists lay out and bind their rows:
 * real frames of the window (settle), not 20 ms each, which a slow
 * machine does not fit a frame into. */
static void
run_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    settle ();
}

static GtkWidget *
show_in_window (GtkWidget *view,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, view);

  return window;
}

/* The words a reader sees in @widget: every shown label, one a line. */
static void
append_texts (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_texts (child, out);
}

static char *
widget_texts (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  append_texts (widget, out);
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static GObject *
child (GtkWidget  *view,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (view, type, name);

  if (object == NULL)
    g_error ("%s has no template child “%s”", g_type_name (type), name);
  return object;
}

static int
compare_reactions (gconstpointer a,
                   gconstpointer b)
{
  DossierReaction *ra = *(DossierReaction * const *) a;
  DossierReaction *rb = *(DossierReaction * const *) b;

  return dossier_date_compare (dossier_reaction_get_date (ra), dossier_reaction_get_date (rb));
}

static guint
count_visible_rows (GtkWidget *list_box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_box);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row))
      n++;

  return n;
}

static const char *
dropdown_string (GtkDropDown *dropdown,
                 guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (dropdown),
                                                          position);

  g_assert_nonnull (item);
  /* The model keeps the string. */
  return gtk_string_object_get_string (item);
}

static void
test_reactions_order (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *reactions = dossier_case_get_reactions (dcase);
  guint n_reactions = g_list_model_get_n_items (reactions);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *view = dossier_reactions_view_new ();
  GtkWidget *window = show_in_window (view, 900, 800);
  GtkWidget *list_box;
  GtkWidget *row;
  guint i = 0;

  g_assert_cmpuint (n_reactions, >=, 2);
  for (guint r = 0; r < n_reactions; r++)
    g_ptr_array_add (expected, g_list_model_get_item (reactions, r));
  /* GLib's sort is stable: ties keep file order, as the view must. */
  g_ptr_array_sort (expected, compare_reactions);

  dossier_view_set_case (DOSSIER_VIEW (view), dcase);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "stack"))),
                   ==, "content");

  list_box = GTK_WIDGET (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "list_box"));
  for (row = gtk_widget_get_first_child (list_box); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      DossierReaction *reaction = g_ptr_array_index (expected, i);
      g_autofree char *texts = widget_texts (row);
      g_autofree char *date = dossier_date_format (dossier_reaction_get_date (reaction));
      const char *name = dossier_case_get_entity_name (dcase, dossier_reaction_get_actor (reaction));

      g_assert_cmpuint (i, <, n_reactions);
      /* The date line comes first, as written with its precision. */
      g_assert_true (g_str_has_prefix (texts, date));
      assert_contains (texts, name);
      assert_contains (texts, dossier_stance_get_label (dossier_reaction_get_stance (reaction)));
      if (dossier_reaction_get_certainty (reaction) != DOSSIER_CERTAINTY_NONE)
        assert_contains (texts,
                         dossier_certainty_get_label (dossier_reaction_get_certainty (reaction)));
      if (dossier_reaction_get_quote (reaction) != NULL)
        {
          g_autofree char *plain = dossier_inline_to_plain (dossier_reaction_get_quote (reaction));
          g_autofree char *quoted = g_strdup_printf ("“%s”", plain);

          assert_contains (texts, quoted);
        }
    }
  g_assert_cmpuint (i, ==, n_reactions);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reactions_filters (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *reactions = dossier_case_get_reactions (dcase);
  guint n_reactions = g_list_model_get_n_items (reactions);
  GtkWidget *view = dossier_reactions_view_new ();
  GtkWidget *window = show_in_window (view, 900, 800);
  GtkWidget *list_box;
  GtkDropDown *actors;
  GtkDropDown *stances;
  GtkStack *list_stack;
  guint n_actor_items;
  guint n_stance_items;
  gboolean empty_combination_seen = FALSE;

  dossier_view_set_case (DOSSIER_VIEW (view), dcase);
  list_box = GTK_WIDGET (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "list_box"));
  actors = GTK_DROP_DOWN (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "actor_dropdown"));
  stances = GTK_DROP_DOWN (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "stance_dropdown"));
  list_stack = GTK_STACK (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "list_stack"));

  g_assert_cmpstr (dropdown_string (actors, 0), ==, "All actors");
  g_assert_cmpstr (dropdown_string (stances, 0), ==, "All stances");
  g_assert_cmpuint (count_visible_rows (list_box), ==, n_reactions);

  n_actor_items = g_list_model_get_n_items (gtk_drop_down_get_model (actors));
  n_stance_items = g_list_model_get_n_items (gtk_drop_down_get_model (stances));
  g_assert_cmpuint (n_actor_items, >=, 3);

  /* Every actor and stance of the menus, alone and together. */
  for (guint a = 0; a < n_actor_items; a++)
    for (guint s = 0; s < n_stance_items; s++)
      {
        const char *actor_name = dropdown_string (actors, a);
        const char *stance_label = dropdown_string (stances, s);
        guint expected = 0;

        for (guint r = 0; r < n_reactions; r++)
          {
            g_autoptr(DossierReaction) reaction = g_list_model_get_item (reactions, r);
            const char *name = dossier_case_get_entity_name (dcase,
                                                             dossier_reaction_get_actor (reaction));
            const char *label = dossier_stance_get_label (dossier_reaction_get_stance (reaction));

            if ((a == 0 || strcmp (name, actor_name) == 0) &&
                (s == 0 || strcmp (label, stance_label) == 0))
              expected++;
          }

        gtk_drop_down_set_selected (actors, a);
        gtk_drop_down_set_selected (stances, s);
        g_assert_cmpuint (count_visible_rows (list_box), ==, expected);
        if (a != 0 && s == 0)
          g_assert_cmpuint (expected, <, n_reactions);
        g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==,
                         expected > 0 ? "list" : "none");
        if (expected == 0)
          empty_combination_seen = TRUE;
      }

  /* The sample has two actors with one stance each. */
  g_assert_true (empty_combination_seen);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reactions_reveal (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *reactions = dossier_case_get_reactions (dcase);
  guint last = g_list_model_get_n_items (reactions) - 1;
  g_autoptr(DossierReaction) reaction = g_list_model_get_item (reactions, last);
  GtkWidget *view = dossier_reactions_view_new ();
  GtkWidget *window = show_in_window (view, 900, 400);
  GtkWidget *list_box;
  GtkWidget *card = NULL;
  GtkDropDown *actors;

  dossier_view_set_case (DOSSIER_VIEW (view), dcase);
  list_box = GTK_WIDGET (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "list_box"));
  actors = GTK_DROP_DOWN (child (view, DOSSIER_TYPE_REACTIONS_VIEW, "actor_dropdown"));

  g_assert_false (reveal_place (DOSSIER_VIEW (view), "no-such-id", -1));

  /* Hide the reaction behind another actor's filter: revealing it must
   * show it anyway. */
  for (guint a = 1; a < g_list_model_get_n_items (gtk_drop_down_get_model (actors)); a++)
    if (strcmp (dropdown_string (actors, a),
                dossier_case_get_entity_name (dcase, dossier_reaction_get_actor (reaction))) != 0)
      {
        gtk_drop_down_set_selected (actors, a);
        break;
      }
  g_assert_cmpuint (gtk_drop_down_get_selected (actors), !=, 0);

  g_assert_true (reveal_place (DOSSIER_VIEW (view),
                                                dossier_reaction_get_id (reaction), -1));
  g_assert_cmpuint (gtk_drop_down_get_selected (actors), ==, 0);

  for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *texts = widget_texts (row);
      g_autofree char *plain = dossier_inline_to_plain (dossier_reaction_get_quote (reaction));

      if (strstr (texts, plain) != NULL)
        card = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
    }
  g_assert_nonnull (card);
  wait_for (has_highlight, card);

  /* By file position as well. */
  g_assert_true (reveal_place (DOSSIER_VIEW (view), NULL, 0));
  g_assert_false (reveal_place (DOSSIER_VIEW (view), NULL, last + 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_release_history (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *releases = dossier_case_get_releases (dcase);
  guint n_releases = g_list_model_get_n_items (releases);
  GtkWidget *view = dossier_release_view_new ();
  GtkWidget *window = show_in_window (view, 900, 800);
  GtkWidget *list_box;
  GtkLabel *work_label;
  g_autoptr(DossierRelease) previous = NULL;
  guint i = 0;
  gboolean later_seen = FALSE;

  g_assert_cmpuint (n_releases, ==, 2);
  dossier_view_set_case (DOSSIER_VIEW (view), dcase);

  work_label = GTK_LABEL (child (view, DOSSIER_TYPE_RELEASE_VIEW, "work_label"));
  g_assert_cmpstr (gtk_label_get_text (work_label), ==,
                   dossier_case_get_entity_name (dcase, dossier_case_get_release_work (dcase)));

  list_box = GTK_WIDGET (child (view, DOSSIER_TYPE_RELEASE_VIEW, "list_box"));
  for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      g_autoptr(DossierRelease) release = g_list_model_get_item (releases, i);
      g_autofree char *texts = widget_texts (row);
      g_autofree char *date = dossier_date_format (dossier_release_get_date (release));
      g_autofree char *plan = g_strdup_printf ("Plan %u of %u", i + 1, n_releases);

      g_assert_nonnull (release);
      assert_contains (texts, plan);
      assert_contains (texts, date);
      assert_contains (texts,
                       dossier_release_status_get_label (dossier_release_get_status (release)));

      if (previous != NULL)
        {
          gint64 delta = dossier_date_get_sort_key (dossier_release_get_date (release)) -
                         dossier_date_get_sort_key (dossier_release_get_date (previous));
          g_autofree char *duration = dossier_format_duration (delta > 0 ? delta : -delta);
          g_autofree char *move = g_strdup_printf (delta > 0
                                                   ? "Moved %s later than the previous plan"
                                                   : "Moved %s earlier than the previous plan",
                                                   duration);

          assert_contains (texts, move);
          if (delta > 0)
            later_seen = TRUE;
        }
      else
        {
          g_assert_null (strstr (texts, "Moved "));
        }

      g_set_object (&previous, release);
    }
  g_assert_cmpuint (i, ==, n_releases);

  /* The sample: the first plan was postponed, the second moved later. */
  {
    g_autoptr(DossierRelease) first = g_list_model_get_item (releases, 0);
    g_autofree char *texts = widget_texts (gtk_widget_get_first_child (list_box));

    g_assert_cmpint (dossier_release_get_status (first), ==, DOSSIER_RELEASE_POSTPONED);
    assert_contains (texts, "Postponed");
  }
  g_assert_true (later_seen);

  g_assert_true (reveal_place (DOSSIER_VIEW (view), NULL, 1));
  wait_for (has_highlight,
            gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 1)));
  g_assert_false (reveal_place (DOSSIER_VIEW (view), NULL, 2));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
notes_settled (gpointer user_data)
{
  return !dossier_notes_view_is_filtering (user_data);
}

typedef struct
{
  DossierNotesView *view;
  const char       *text;
} FilterWait;

static gboolean
filter_text_applied (gpointer user_data)
{
  FilterWait *wait = user_data;

  return g_strcmp0 (dossier_notes_view_get_filter_text (wait->view), wait->text) == 0 &&
         !dossier_notes_view_is_filtering (wait->view);
}

/* The rule the view documents: every word, ignoring case, in the title,
 * author, tags or text. */
static gboolean
note_has_words (DossierNote *note,
                const char  *query)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = dossier_blocks_to_plain (dossier_note_get_body (note));
  const char * const *tags = dossier_note_get_tags (note);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = g_strsplit (query, " ", -1);

  dossier_inline_append_plain (dossier_note_get_title (note), text);
  g_string_append_printf (text, "\n%s\n", dossier_note_get_author (note) != NULL
                                          ? dossier_note_get_author (note) : "");
  for (guint i = 0; tags[i] != NULL; i++)
    g_string_append_printf (text, "%s ", tags[i]);
  g_string_append_printf (text, "\n%s", body);
  folded = g_utf8_casefold (text->str, -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (*word != '\0' && strstr (folded, word) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
test_notes_filters (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *notes = dossier_case_get_notes (dcase);
  guint n_notes = g_list_model_get_n_items (notes);
  GtkWidget *view = dossier_notes_view_new ();
  DossierNotesView *notes_view = DOSSIER_NOTES_VIEW (view);
  GtkWidget *window = show_in_window (view, 1000, 800);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *tag = NULL;
  guint tag_count = 0;
  guint expected_words = 0;
  guint expected_both = 0;
  const char *query = "North Korea";
  GtkLabel *count_label;
  GtkWidget *chip_box;
  GtkEditable *entry;
  gboolean chip_seen = FALSE;
  g_autofree char *count_text = NULL;
  FilterWait wait;

  g_assert_cmpuint (n_notes, >, 2);
  dossier_view_set_case (DOSSIER_VIEW (notes_view), dcase);
  wait_for (notes_settled, view);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, n_notes);

  count_label = GTK_LABEL (child (view, DOSSIER_TYPE_NOTES_VIEW, "count_label"));
  count_text = g_strdup_printf ("%u notes", n_notes);
  g_assert_cmpstr (gtk_label_get_text (count_label), ==, count_text);

  /* The most used tag that not every note has. */
  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      const char * const *tags = dossier_note_get_tags (note);

      for (guint t = 0; tags[t] != NULL; t++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tags[t])) + 1;

          g_hash_table_insert (counts, (gpointer) tags[t], GUINT_TO_POINTER (count));
          if (count < n_notes && (count > tag_count ||
                                  (count == tag_count && strcmp (tags[t], tag) < 0)))
            {
              tag = tags[t];
              tag_count = count;
            }
        }

      if (note_has_words (note, query))
        expected_words++;
    }
  g_assert_nonnull (tag);
  g_assert_cmpuint (expected_words, >, 0);
  g_assert_cmpuint (expected_words, <, n_notes);

  dossier_notes_view_set_tag (notes_view, tag);
  wait_for (notes_settled, view);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, tag_count);
  {
    g_autofree char *text = g_strdup_printf ("%u of %u notes", tag_count, n_notes);
    g_assert_cmpstr (gtk_label_get_text (count_label), ==, text);
  }

  /* The chip of that tag shows it is on, and only that one. */
  chip_box = GTK_WIDGET (child (view, DOSSIER_TYPE_NOTES_VIEW, "chip_box"));
  for (GtkWidget *chip = gtk_widget_get_first_child (chip_box); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      gboolean is_tag = strcmp (gtk_button_get_label (GTK_BUTTON (chip)), tag) == 0;

      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)) == is_tag);
      chip_seen |= is_tag;
    }
  g_assert_true (chip_seen);

  /* Typing in the filter field, with the tag still on. */
  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);

      if (note_has_words (note, query) && dossier_note_has_tag (note, tag))
        expected_both++;
    }
  entry = GTK_EDITABLE (child (view, DOSSIER_TYPE_NOTES_VIEW, "search_entry"));
  gtk_editable_set_text (entry, query);
  wait.view = notes_view;
  wait.text = query;
  wait_for (filter_text_applied, &wait);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, expected_both);

  /* Clicking the chip again drops the tag. */
  for (GtkWidget *chip = gtk_widget_get_first_child (chip_box); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), FALSE);
  g_assert_null (dossier_notes_view_get_tag (notes_view));
  wait_for (notes_settled, view);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, expected_words);

  /* Replacing the words at once, as the search does, never passes
   * through an empty filter. */
  dossier_notes_view_set_filter_text (notes_view, "no note has these words zqxv");
  dossier_notes_view_set_filter_text (notes_view, query);
  g_assert_cmpstr (dossier_notes_view_get_filter_text (notes_view), ==, query);
  wait_for (notes_settled, view);
  g_assert_cmpstr (dossier_notes_view_get_filter_text (notes_view), ==, query);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, expected_words);

  dossier_notes_view_set_filter_text (notes_view, "");
  wait_for (notes_settled, view);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, n_notes);

  /* The tag menu offers every tag, then chooses like a chip. */
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (child (view, DOSSIER_TYPE_NOTES_VIEW, "tag_dropdown"));
    GListModel *items = gtk_drop_down_get_model (dropdown);
    g_autofree char *item_text = g_strdup_printf ("%s (%u)", tag, tag_count);
    guint position = GTK_INVALID_LIST_POSITION;

    g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_hash_table_size (counts) + 1);
    g_assert_cmpstr (dropdown_string (dropdown, 0), ==, "All tags");
    for (guint i = 1; i < g_list_model_get_n_items (items); i++)
      if (strcmp (dropdown_string (dropdown, i), item_text) == 0)
        position = i;
    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

    gtk_drop_down_set_selected (dropdown, position);
    g_assert_cmpstr (dossier_notes_view_get_tag (notes_view), ==, tag);
    wait_for (notes_settled, view);
    g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, tag_count);
    dossier_notes_view_set_tag (notes_view, NULL);
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_notes_rows_and_detail (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *notes = dossier_case_get_notes (dcase);
  GtkWidget *view = dossier_notes_view_new ();
  DossierNotesView *notes_view = DOSSIER_NOTES_VIEW (view);
  GtkWidget *window = show_in_window (view, 1000, 800);
  g_autoptr(DossierNote) first = g_list_model_get_item (notes, 0);
  g_autoptr(DossierNote) third = g_list_model_get_item (notes, 2);
  g_autoptr(DossierNote) last = NULL;
  GtkWidget *list_view;
  GtkSelectionModel *selection;
  GtkLabel *detail_title;
  g_autofree char *list_texts = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  dossier_view_set_case (DOSSIER_VIEW (notes_view), dcase);
  wait_for (notes_settled, view);
  run_frames (5);

  /* A row has the title, the date, the author and the tags. */
  list_view = GTK_WIDGET (child (view, DOSSIER_TYPE_NOTES_VIEW, "list_view"));
  list_texts = widget_texts (list_view);
  title = dossier_inline_to_plain (dossier_note_get_title (first));
  date = dossier_date_format (dossier_note_get_created (first));
  assert_contains (list_texts, title);
  assert_contains (list_texts, date);
  assert_contains (list_texts, dossier_note_get_author (first));
  assert_contains (list_texts, dossier_note_get_tags (first)[0]);

  /* The first note is open at the start; choosing another opens it. */
  detail_title = GTK_LABEL (child (view, DOSSIER_TYPE_NOTES_VIEW, "detail_title"));
  g_assert_true (dossier_notes_view_get_shown_note (notes_view) == first);
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  gtk_selection_model_select_item (selection, 2, TRUE);
  g_assert_true (dossier_notes_view_get_shown_note (notes_view) == third);
  g_clear_pointer (&title, g_free);
  title = dossier_inline_to_plain (dossier_note_get_title (third));
  g_assert_cmpstr (gtk_label_get_text (detail_title), ==, title);
  {
    g_autofree char *detail = widget_texts (GTK_WIDGET (child (view, DOSSIER_TYPE_NOTES_VIEW,
                                                               "detail_stack")));
    g_autofree char *body = dossier_blocks_to_plain (dossier_note_get_body (third));
    g_auto(GStrv) body_words = g_strsplit (body, " ", 4);

    assert_contains (detail, dossier_note_get_author (third));
    assert_contains (detail, "About");
    /* The text block shows the body (its first words, before any
     * citation marker). */
    g_assert_nonnull (body_words[0]);
    assert_contains (detail, body_words[0]);
  }

  /* Revealing a note by id opens it even when the filter hides it. */
  last = g_list_model_get_item (notes, g_list_model_get_n_items (notes) - 1);
  dossier_notes_view_set_filter_text (notes_view, "no note has these words zqxv");
  wait_for (notes_settled, view);
  g_assert_cmpuint (dossier_notes_view_get_n_visible (notes_view), ==, 0);
  g_assert_true (reveal_place (DOSSIER_VIEW (notes_view), dossier_note_get_id (last), -1));
  g_assert_cmpstr (dossier_notes_view_get_filter_text (notes_view), ==, "");
  g_assert_true (dossier_notes_view_get_shown_note (notes_view) == last);
  g_assert_false (reveal_place (DOSSIER_VIEW (notes_view), "no-such-note", -1));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_dated (DossierCase *dcase)
{
  guint n = 0;
  GListModel *model;
  DossierBreach *breach = dossier_case_get_breach (dcase);
  DossierThreatScreen *screen = dossier_case_get_threat_screen (dcase);

  n += g_list_model_get_n_items (dossier_case_get_events (dcase));
  n += g_list_model_get_n_items (dossier_case_get_reactions (dcase));

  model = dossier_case_get_releases (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierRelease) release = g_list_model_get_item (model, i);

      n += dossier_release_get_date (release) != NULL;
      n += dossier_release_get_announced (release) != NULL;
    }

  if (breach != NULL)
    n += (dossier_breach_get_began (breach) != NULL) +
         (dossier_breach_get_discovered (breach) != NULL) +
         (dossier_breach_get_disclosed (breach) != NULL);
  if (screen != NULL)
    n += (dossier_threat_screen_get_shown (screen) != NULL) +
         (dossier_threat_screen_get_deadline (screen) != NULL);

  model = dossier_case_get_sources (dcase);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (model, i);

      n += dossier_source_get_published (source) != NULL;
    }

  return n;
}

/* Checks the order and the year headings; returns the number of dated
 * rows. */
static guint
check_timeline_order (DossierTimelineView *view)
{
  guint n_rows = dossier_timeline_view_get_n_rows (view);
  const DossierDate *previous = NULL;
  int heading_year = G_MININT;
  guint n_dated = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      const DossierDate *date;
      const char *date_text;
      const char *kind;
      const char *title;

      g_assert_true (dossier_timeline_view_get_row (view, i, &date, &date_text, &kind, &title));
      if (kind == NULL)
        {
          int year = atoi (title);

          /* A heading per year, before that year's first row. */
          g_assert_cmpint (year, >, heading_year);
          heading_year = year;
          continue;
        }

      {
        g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (dossier_date_get_sort_key (date));
        g_autofree char *shown = dossier_date_format (date);

        g_assert_cmpint (g_date_time_get_year (start), ==, heading_year);
        g_assert_cmpstr (date_text, ==, shown);
      }
      if (previous != NULL)
        g_assert_cmpint (dossier_date_get_sort_key (previous), <=, dossier_date_get_sort_key (date));
      previous = date;
      n_dated++;
    }

  return n_dated;
}

static void
on_show_place_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GVariant **place = user_data;

  g_clear_pointer (place, g_variant_unref);
  *place = g_variant_ref (parameter);
}

static void
test_timeline (void)
{
  g_autoptr(DossierCase) dcase = load_case (SAMPLE_CASE);
  GListModel *reactions = dossier_case_get_reactions (dcase);
  GtkWidget *view = dossier_timeline_view_new ();
  DossierTimelineView *timeline = DOSSIER_TIMELINE_VIEW (view);
  GtkWidget *window = show_in_window (view, 900, 800);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-place", G_VARIANT_TYPE ("(ssi)"));
  g_autoptr(GVariant) activated = NULL;
  guint n_dated;
  gboolean summer_seen = FALSE;
  GtkWidget *list_view;

  g_signal_connect (action, "activate", G_CALLBACK (on_show_place_cb), &activated);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));

  dossier_view_set_case (DOSSIER_VIEW (timeline), dcase);
  g_assert_false (dossier_timeline_view_get_include_notes (timeline));

  n_dated = check_timeline_order (timeline);
  g_assert_cmpuint (n_dated, ==, count_dated (dcase));

  /* Each reaction's row: its date with its precision, and where
   * activating it leads. */
  list_view = GTK_WIDGET (child (view, DOSSIER_TYPE_TIMELINE_VIEW, "list_view"));
  for (guint r = 0; r < g_list_model_get_n_items (reactions); r++)
    {
      g_autoptr(DossierReaction) reaction = g_list_model_get_item (reactions, r);
      /* The window's "win.show-place" takes (section, item id, index). */
      g_autoptr(GVariant) place = g_variant_ref_sink (g_variant_new ("(ssi)", "reactions",
                                                                     dossier_reaction_get_id (reaction),
                                                                     (int) r));
      guint position = GTK_INVALID_LIST_POSITION;
      const char *date_text = NULL;
      const char *kind = NULL;

      for (guint i = 0; i < dossier_timeline_view_get_n_rows (timeline); i++)
        {
          g_autoptr(GVariant) target = dossier_timeline_view_get_row_target (timeline, i);

          if (target != NULL && g_variant_equal (target, place))
            position = i;
        }
      g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
      dossier_timeline_view_get_row (timeline, position, NULL, &date_text, &kind, NULL);
      g_assert_cmpstr (kind, ==, "Reaction");

      /* The U.N. letter is dated "2014-22": the summer of 2014. */
      if (strcmp (dossier_date_get_text (dossier_reaction_get_date (reaction)), "2014-22") == 0)
        {
          g_assert_cmpstr (date_text, ==, "Summer 2014");
          summer_seen = TRUE;
        }

      g_signal_emit_by_name (list_view, "activate", position);
      g_assert_nonnull (activated);
      g_assert_true (g_variant_equal (activated, place));
    }
  g_assert_true (summer_seen);

  /* What is uncertain or approximate says so on screen. */
  run_frames (5);
  {
    g_autofree char *texts = widget_texts (list_view);

    assert_contains (texts, "Summer 2014");
    assert_contains (texts, "Uncertain");
  }

  /* The notes come in behind the switch. */
  dossier_timeline_view_set_include_notes (timeline, TRUE);
  g_assert_cmpuint (check_timeline_order (timeline), ==,
                    n_dated + g_list_model_get_n_items (dossier_case_get_notes (dcase)));
  dossier_timeline_view_set_include_notes (timeline, FALSE);
  g_assert_cmpuint (check_timeline_order (timeline), ==, n_dated);

  /* Revealing an event scrolls to its row and highlights it. */
  {
    GListModel *events = dossier_case_get_events (dcase);
    g_autoptr(DossierEvent) event = g_list_model_get_item (events,
                                                          g_list_model_get_n_items (events) - 1);
    g_autofree char *title = dossier_inline_to_plain (dossier_event_get_title (event));

    g_assert_true (reveal_place (DOSSIER_VIEW (timeline), dossier_event_get_id (event), -1));
    g_assert_false (reveal_place (DOSSIER_VIEW (timeline), "no-such-id", -1));
    run_frames (10);
    {
      g_autofree char *texts = widget_texts (list_view);
      assert_contains (texts, title);
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_empty_state (GtkWidget  *view,
                    GType       type,
                    const char *title)
{
  GtkStack *stack = GTK_STACK (child (view, type, "stack"));
  AdwStatusPage *page = ADW_STATUS_PAGE (child (view, type, "empty_page"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_nonnull (adw_status_page_get_description (page));
  g_assert_nonnull (adw_status_page_get_icon_name (page));
}

static void
test_empty_states (void)
{
  g_autoptr(DossierCase) dcase = load_case (MINIMAL_CASE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *reactions = dossier_reactions_view_new ();
  GtkWidget *release = dossier_release_view_new ();
  GtkWidget *notes = dossier_notes_view_new ();
  GtkWidget *timeline = dossier_timeline_view_new ();
  GtkWidget *window;

  gtk_box_append (GTK_BOX (box), reactions);
  gtk_box_append (GTK_BOX (box), release);
  gtk_box_append (GTK_BOX (box), notes);
  gtk_box_append (GTK_BOX (box), timeline);
  window = show_in_window (box, 600, 800);

  dossier_view_set_case (DOSSIER_VIEW (reactions), dcase);
  dossier_view_set_case (DOSSIER_VIEW (release), dcase);
  dossier_view_set_case (DOSSIER_VIEW (notes), dcase);
  dossier_view_set_case (DOSSIER_VIEW (timeline), dcase);

  assert_empty_state (reactions, DOSSIER_TYPE_REACTIONS_VIEW, "No Reactions Recorded");
  assert_empty_state (release, DOSSIER_TYPE_RELEASE_VIEW, "No Release History");
  assert_empty_state (notes, DOSSIER_TYPE_NOTES_VIEW, "No Notes");
  assert_empty_state (timeline, DOSSIER_TYPE_TIMELINE_VIEW, "Nothing Dated Yet");

  g_assert_false (reveal_place (DOSSIER_VIEW (reactions), NULL, 0));
  g_assert_false (reveal_place (DOSSIER_VIEW (release), NULL, 0));
  g_assert_false (reveal_place (DOSSIER_VIEW (notes), NULL, 0));
  g_assert_false (reveal_place (DOSSIER_VIEW (timeline), NULL, 0));
  g_assert_cmpuint (dossier_notes_view_get_n_visible (DOSSIER_NOTES_VIEW (notes)), ==, 0);

  /* From a full case back to an empty one, and to none. */
  {
    g_autoptr(DossierCase) sample = load_case (SAMPLE_CASE);

    dossier_view_set_case (DOSSIER_VIEW (reactions), sample);
    dossier_view_set_case (DOSSIER_VIEW (notes), sample);
    dossier_view_set_case (DOSSIER_VIEW (timeline), sample);
    dossier_view_set_case (DOSSIER_VIEW (release), sample);
    run_frames (3);
    dossier_view_set_case (DOSSIER_VIEW (reactions), dcase);
    dossier_view_set_case (DOSSIER_VIEW (notes), NULL);
    dossier_view_set_case (DOSSIER_VIEW (timeline), dcase);
    dossier_view_set_case (DOSSIER_VIEW (release), NULL);
  }
  assert_empty_state (reactions, DOSSIER_TYPE_REACTIONS_VIEW, "No Reactions Recorded");
  assert_empty_state (release, DOSSIER_TYPE_RELEASE_VIEW, "No Release History");
  assert_empty_state (notes, DOSSIER_TYPE_NOTES_VIEW, "No Notes");
  assert_empty_state (timeline, DOSSIER_TYPE_TIMELINE_VIEW, "Nothing Dated Yet");
  run_frames (3);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/views/reactions/date-order-and-quotes", test_reactions_order);
  g_test_add_func ("/views/reactions/actor-and-stance-filters", test_reactions_filters);
  g_test_add_func ("/views/reactions/reveal", test_reactions_reveal);
  g_test_add_func ("/views/release/announcement-order-and-moves", test_release_history);
  g_test_add_func ("/views/notes/tag-and-text-filters", test_notes_filters);
  g_test_add_func ("/views/notes/rows-and-detail", test_notes_rows_and_detail);
  g_test_add_func ("/views/timeline/merged-order-and-precision", test_timeline);
  g_test_add_func ("/views/empty-states", test_empty_states);

  return g_test_run ();
}
