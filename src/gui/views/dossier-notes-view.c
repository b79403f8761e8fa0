/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-notes-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dossier-list-reveal.h"
#include "dossier-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"

/* How many of the most used tags get a chip; the rest are in the menu. */
#define MAX_CHIPS 30

struct _DossierNotesView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwStatusPage     *empty_page;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkBox             *chip_box;
  GtkDropDown        *tag_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkStack           *detail_stack;
  GtkScrolledWindow  *detail_scrolled;
  GtkButton          *back_button;
  GtkLabel           *detail_title;
  GtkLabel           *detail_meta;
  GtkLabel           *detail_tags;
  GtkBox             *detail_about;
  GtkBox             *detail_body;

  GtkWidget          *text_block;

  DossierCase        *dcase;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;

  /* The filter, kept across reloads of the case while the window lives. */
  char               *tag;
  char               *query;
  GStrv               query_words;

  /* DossierNote -> its words casefolded, filled as filtering needs them. */
  GHashTable         *search_texts;
  /* Every tag of the case, most used first; the menu lists them after
   * "All tags". */
  GPtrArray          *tags;
  gboolean            syncing;
  gboolean            setting_text;

  DossierNote        *shown_note;
  DossierListReveal  *list_reveal;
  guint               detail_reveal_id;
  guint               detail_reveal_frames;
};

static void dossier_notes_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierNotesView, dossier_notes_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_notes_view_iface_init))

static char *
fold_text (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static const char *
note_search_text (DossierNotesView *self,
                  DossierNote      *note)
{
  const char *text = g_hash_table_lookup (self->search_texts, note);
  g_autoptr(GString) string = NULL;
  const char * const *tags;
  g_autofree char *body = NULL;

  if (text != NULL)
    return text;

  string = g_string_new (NULL);
  dossier_inline_append_plain (dossier_note_get_title (note), string);
  g_string_append_c (string, '\n');
  if (dossier_note_get_author (note) != NULL)
    g_string_append (string, dossier_note_get_author (note));
  g_string_append_c (string, '\n');
  tags = dossier_note_get_tags (note);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_string_append (string, tags[i]);
      g_string_append_c (string, ' ');
    }
  g_string_append_c (string, '\n');
  body = dossier_blocks_to_plain (dossier_note_get_body (note));
  g_string_append (string, body);

  text = fold_text (string->str);
  g_hash_table_insert (self->search_texts, note, (char *) text);

  return text;
}

/* A note matches when it has the chosen tag and every word of the filter
 * occurs in its title, author, tags or text, ignoring case. */
static gboolean
note_filter_func (gpointer item,
                  gpointer user_data)
{
  DossierNotesView *self = user_data;
  DossierNote *note = item;

  if (self->tag != NULL && !dossier_note_has_tag (note, self->tag))
    return FALSE;

  if (self->query_words != NULL && self->query_words[0] != NULL)
    {
      const char *text = note_search_text (self, note);

      for (guint i = 0; self->query_words[i] != NULL; i++)
        if (strstr (text, self->query_words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

static gboolean
is_filtering (DossierNotesView *self)
{
  return self->tag != NULL || (self->query_words != NULL && self->query_words[0] != NULL);
}

static void
apply_filter_change (DossierNotesView *self,
                     GtkFilterChange   change)
{
  if (!is_filtering (self))
    {
      /* No filter at all shows the whole list at once. */
      gtk_filter_list_model_set_filter (self->filter_model, NULL);
      return;
    }

  if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
update_count (DossierNotesView *self)
{
  guint n_visible;
  guint n_total;
  guint pending;
  g_autofree char *text = NULL;

  if (self->dcase == NULL)
    return;

  n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  n_total = g_list_model_get_n_items (dossier_case_get_notes (self->dcase));
  pending = gtk_filter_list_model_get_pending (self->filter_model);

  if (pending > 0)
    /* Translators: shown while the list is being filtered */
    text = g_strdup_printf (_("Filtering… %u of %u notes so far"), n_visible, n_total);
  else if (is_filtering (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u note", "%u of %u notes",
                                         n_total),
                            n_visible, n_total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_total),
                            n_total);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    n_visible == 0 && pending == 0 ? "none" : "list");
}

static void
sync_tag_widgets (DossierNotesView *self)
{
  guint selected = 0;

  self->syncing = TRUE;

  for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box));
       chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      const char *tag = g_object_get_data (G_OBJECT (chip), "dossier-tag");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), g_strcmp0 (tag, self->tag) == 0);
    }

  if (self->tag != NULL && self->tags != NULL)
    for (guint i = 0; i < self->tags->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->tags, i), self->tag) == 0)
        {
          selected = i + 1;
          break;
        }
  if (gtk_drop_down_get_model (self->tag_dropdown) != NULL)
    gtk_drop_down_set_selected (self->tag_dropdown, selected);

  self->syncing = FALSE;
}

static void
set_tag_internal (DossierNotesView *self,
                  const char       *tag)
{
  GtkFilterChange change;

  if (tag != NULL && *tag == '\0')
    tag = NULL;

  if (g_strcmp0 (tag, self->tag) == 0)
    {
      sync_tag_widgets (self);
      return;
    }

  if (self->tag == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (tag == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  sync_tag_widgets (self);

  if (self->dcase != NULL)
    apply_filter_change (self, change);
}

static void
set_query_internal (DossierNotesView *self,
                    const char       *text)
{
  const char *old = self->query != NULL ? self->query : "";
  GtkFilterChange change;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) folded = NULL;

  if (text == NULL)
    text = "";
  if (strcmp (old, text) == 0)
    return;

  /* Typing on adds words or letters: only the matches so far need a look. */
  if (g_str_has_prefix (text, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old, text))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  folded = g_ptr_array_new ();
  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (folded, fold_text (words[i]));
  g_ptr_array_add (folded, NULL);

  g_free (self->query);
  self->query = g_strdup (text);
  g_strfreev (self->query_words);
  self->query_words = (GStrv) g_ptr_array_free (g_steal_pointer (&folded), FALSE);

  if (self->dcase != NULL)
    apply_filter_change (self, change);
}

static char *
join_tags (const char * const *tags)
{
  g_autoptr(GString) string = g_string_new (NULL);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag = dossier_sanitize_display_text (tags[i]);

      if (i > 0)
        g_string_append (string, ", ");
      g_string_append (string, tag);
    }

  return g_string_free (g_steal_pointer (&string), FALSE);
}

/* "12 December 2014 · Jane Roe" */
static char *
note_meta_text (DossierNote *note)
{
  const DossierDate *created = dossier_note_get_created (note);
  const char *author = dossier_note_get_author (note);
  g_autofree char *date_text = created != NULL ? dossier_date_format (created) : NULL;
  g_autofree char *author_text = author != NULL ? dossier_sanitize_display_text (author) : NULL;

  if (date_text != NULL && author_text != NULL)
    /* Translators: a note's date and author in the list of notes */
    return g_strdup_printf (_("%s · %s"), date_text, author_text);
  if (date_text != NULL)
    return g_steal_pointer (&date_text);
  if (author_text != NULL)
    return g_steal_pointer (&author_text);

  return g_strdup ("");
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              DossierNotesView         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "dossier-note-row");

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "accent");
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_item_set_child (item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DossierNotesView         *self)
{
  DossierNote *note = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title_label = gtk_widget_get_first_child (box);
  GtkWidget *meta_label = gtk_widget_get_next_sibling (title_label);
  GtkWidget *tags_label = gtk_widget_get_next_sibling (meta_label);
  const char * const *tags = dossier_note_get_tags (note);
  g_autofree char *title = dossier_inline_to_display (dossier_note_get_title (note));
  g_autofree char *meta = note_meta_text (note);
  g_autofree char *tags_text = join_tags (tags);

  gtk_label_set_text (GTK_LABEL (title_label), title);
  gtk_label_set_text (GTK_LABEL (meta_label), meta);
  gtk_widget_set_visible (meta_label, meta[0] != '\0');
  gtk_label_set_text (GTK_LABEL (tags_label), tags_text);
  gtk_widget_set_visible (tags_label, tags[0] != NULL);

  dossier_list_reveal_bind (self->list_reveal, box, note);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               DossierNotesView         *self)
{
  dossier_list_reveal_unbind (self->list_reveal, gtk_list_item_get_child (item));
}

static void
row_teardown_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 DossierNotesView         *self)
{
  if (self->list_reveal != NULL)
    dossier_list_reveal_unbind (self->list_reveal, gtk_list_item_get_child (item));
}

static GtkWidget *
about_button_new (DossierNotesView *self,
                  const char       *id)
{
  GObject *object = dossier_case_lookup (self->dcase, id);
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *label;
  const char *icon_name = "mark-location-symbolic";
  const char *action = NULL;
  const char *tooltip = NULL;
  GVariant *target = NULL;
  g_autofree char *text = NULL;

  if (DOSSIER_IS_ENTITY (object))
    {
      icon_name = "avatar-default-symbolic";
      action = "win.show-entity";
      target = g_variant_new_string (id);
      text = dossier_sanitize_display_text (dossier_entity_get_name (DOSSIER_ENTITY (object)));
      tooltip = _("Show this person or organization");
    }
  else if (DOSSIER_IS_SOURCE (object))
    {
      icon_name = "emblem-documents-symbolic";
      action = "win.show-source";
      target = g_variant_new_string (id);
      text = dossier_inline_to_display (dossier_source_get_title (DOSSIER_SOURCE (object)));
      tooltip = _("Show this source");
    }
  else if (DOSSIER_IS_REACTION (object))
    {
      g_autofree char *name = dossier_sanitize_display_text (
        dossier_case_get_entity_name (self->dcase,
                                      dossier_reaction_get_actor (DOSSIER_REACTION (object))));

      icon_name = "system-users-symbolic";
      action = "win.show-place";
      target = g_variant_new ("(ssi)",
                              dossier_section_to_string (DOSSIER_SECTION_REACTIONS), id, -1);
      /* Translators: %s is the name of who reacted */
      text = g_strdup_printf (_("Reaction of %s"), name);
      tooltip = _("Show this reaction");
    }
  else if (DOSSIER_IS_EVENT (object))
    {
      icon_name = "x-office-calendar-symbolic";
      action = "win.show-place";
      target = g_variant_new ("(ssi)",
                              dossier_section_to_string (DOSSIER_SECTION_TIMELINE), id, -1);
      text = dossier_inline_to_display (dossier_event_get_title (DOSSIER_EVENT (object)));
      tooltip = _("Show this event in the timeline");
    }
  else if (DOSSIER_IS_NOTE (object))
    {
      icon_name = "document-edit-symbolic";
      action = "win.show-place";
      target = g_variant_new ("(ssi)",
                              dossier_section_to_string (DOSSIER_SECTION_NOTES), id, -1);
      text = dossier_inline_to_display (dossier_note_get_title (DOSSIER_NOTE (object)));
      tooltip = _("Show this note");
    }
  else if (DOSSIER_IS_HYPOTHESIS (object))
    {
      icon_name = "find-location-symbolic";
      action = "win.show-place";
      target = g_variant_new ("(ssi)",
                              dossier_section_to_string (DOSSIER_SECTION_BREACH), id, -1);
      text = dossier_inline_to_display (dossier_hypothesis_get_statement (DOSSIER_HYPOTHESIS (object)));
      tooltip = _("Show this attribution hypothesis");
    }
  else
    {
      /* The case itself, or something with an id that has no place to go. */
      text = dossier_sanitize_display_text (id);
    }

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "dossier-about-button");
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  /* Without an action the button is insensitive, which says there is
   * nowhere to go. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (action == NULL)
    gtk_widget_set_sensitive (button, FALSE);

  return button;
}

static void
show_note (DossierNotesView *self,
           DossierNote      *note)
{
  GtkWidget *child;
  g_autofree char *title = NULL;
  const char * const *about;
  const char * const *tags;
  const DossierDate *created;
  const char *author;
  g_autofree char *meta = NULL;

  g_set_object (&self->shown_note, note);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_about))) != NULL)
    gtk_box_remove (self->detail_about, child);

  if (note == NULL)
    {
      g_autoptr(GPtrArray) no_blocks = g_ptr_array_new ();

      /* The old case's paragraphs may be about to go. */
      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (self->text_block), no_blocks);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  title = dossier_markup_from_inline (dossier_note_get_title (note));
  gtk_label_set_markup (self->detail_title, title);

  created = dossier_note_get_created (note);
  author = dossier_note_get_author (note);
  {
    g_autofree char *date_text = created != NULL ? dossier_date_format (created) : NULL;
    g_autofree char *author_text = author != NULL ? dossier_sanitize_display_text (author) : NULL;

    if (date_text != NULL && author_text != NULL)
      /* Translators: "Written 12 December 2014 by Jane Roe" */
      meta = g_strdup_printf (_("Written %s by %s"), date_text, author_text);
    else if (date_text != NULL)
      /* Translators: "Written 12 December 2014" */
      meta = g_strdup_printf (_("Written %s"), date_text);
    else if (author_text != NULL)
      /* Translators: "By Jane Roe" */
      meta = g_strdup_printf (_("By %s"), author_text);
  }
  gtk_label_set_text (self->detail_meta, meta != NULL ? meta : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_meta), meta != NULL);

  tags = dossier_note_get_tags (note);
  if (tags[0] != NULL)
    {
      g_autofree char *joined = join_tags (tags);
      /* Translators: the tags of a note: "Tags: attribution, fbi" */
      g_autofree char *text = g_strdup_printf (_("Tags: %s"), joined);

      gtk_label_set_text (self->detail_tags, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail_tags), tags[0] != NULL);

  about = dossier_note_get_about (note);
  if (about[0] != NULL)
    {
      GtkWidget *heading = gtk_label_new (_("About"));

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (self->detail_about, heading);
      for (guint i = 0; about[i] != NULL; i++)
        gtk_box_append (self->detail_about, about_button_new (self, about[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail_about), about[0] != NULL);

  dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (self->text_block),
                                 dossier_note_get_body (note));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scrolled), 0.0);
  gtk_stack_set_visible_child_name (self->detail_stack, "note");
}

static void
add_chip (DossierNotesView *self,
          const char       *tag,
          guint             count);

static void
on_chip_toggled_cb (GtkToggleButton  *button,
                    DossierNotesView *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "dossier-tag");

  if (self->syncing)
    return;

  if (gtk_toggle_button_get_active (button))
    set_tag_internal (self, tag);
  else if (g_strcmp0 (self->tag, tag) == 0)
    set_tag_internal (self, NULL);
}

static void
add_chip (DossierNotesView *self,
          const char       *tag,
          guint             count)
{
  g_autofree char *label = dossier_sanitize_display_text (tag);
  g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Show the %u note tagged “%s”",
                                                           "Show the %u notes tagged “%s”",
                                                           count),
                                              count, label);
  GtkWidget *chip = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (chip, "dossier-chip");
  gtk_widget_set_tooltip_text (chip, tooltip);
  g_object_set_data_full (G_OBJECT (chip), "dossier-tag", g_strdup (tag), g_free);
  g_signal_connect (chip, "toggled", G_CALLBACK (on_chip_toggled_cb), self);
  gtk_box_append (self->chip_box, chip);
}

typedef struct
{
  const char *tag;
  guint       count;
} TagCount;

static int
compare_tag_counts (gconstpointer a,
                    gconstpointer b)
{
  const TagCount *ta = a;
  const TagCount *tb = b;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;

  return strcmp (ta->tag, tb->tag);
}

static void
rebuild_tags (DossierNotesView *self)
{
  GListModel *notes = dossier_case_get_notes (self->dcase);
  guint n_notes = g_list_model_get_n_items (notes);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GtkStringList) names = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GtkWidget *child;

  self->syncing = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box))) != NULL)
    gtk_box_remove (self->chip_box, child);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);
      const char * const *tags = dossier_note_get_tags (note);

      /* The strings belong to the notes, which the case keeps. */
      for (guint t = 0; tags[t] != NULL; t++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tags[t]));
          g_hash_table_insert (counts, (gpointer) tags[t], GUINT_TO_POINTER (count + 1));
        }
    }

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (TagCount), g_hash_table_size (counts));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TagCount tc = { key, GPOINTER_TO_UINT (value) };
      g_array_append_val (sorted, tc);
    }
  g_array_sort (sorted, compare_tag_counts);

  self->tags = g_ptr_array_new_full (sorted->len, g_free);
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All tags"));
  for (guint i = 0; i < sorted->len; i++)
    {
      TagCount *tc = &g_array_index (sorted, TagCount, i);
      g_autofree char *label = dossier_sanitize_display_text (tc->tag);
      /* Translators: a tag and how many notes have it: "attribution (12)" */
      g_autofree char *item = g_strdup_printf (_("%s (%u)"), label, tc->count);

      g_ptr_array_add (self->tags, g_strdup (tc->tag));
      gtk_string_list_append (names, item);
      if (i < MAX_CHIPS)
        add_chip (self, tc->tag, tc->count);
    }

  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), sorted->len > 0);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->chip_box),
                                                   GTK_TYPE_SCROLLED_WINDOW),
                          sorted->len > 0);

  self->syncing = FALSE;

  /* A tag chosen before a reload stays chosen if the case still has it. */
  if (self->tag != NULL && !g_hash_table_contains (counts, self->tag))
    g_clear_pointer (&self->tag, g_free);
  sync_tag_widgets (self);
}

static void
cancel_detail_reveal (DossierNotesView *self)
{
  if (self->detail_reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->detail_reveal_id);
  self->detail_reveal_id = 0;
  self->detail_reveal_frames = 0;
}

/* A narrow window shows the note instead of the list: there the note is
 * what lands in sight. Whether the window is narrow is known once the
 * view is laid out (a reveal may be what builds it). */
static gboolean
reveal_detail_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->leaflet)) <= 0 &&
      ++self->detail_reveal_frames < DOSSIER_REVEAL_MAX_FRAMES)
    return G_SOURCE_CONTINUE;

  self->detail_reveal_id = 0;
  if (adw_leaflet_get_folded (self->leaflet))
    dossier_widget_reveal (gtk_widget_get_parent (GTK_WIDGET (self->detail_title)), NULL);

  return G_SOURCE_REMOVE;
}

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
finish_filtering (DossierNotesView *self)
{
  if (gtk_filter_list_model_get_pending (self->filter_model) == 0)
    return;

  /* Turning incremental filtering off finishes the work at once. */
  gtk_filter_list_model_set_incremental (self->filter_model, FALSE);
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
}

static void
on_search_changed_cb (DossierNotesView *self)
{
  if (self->setting_text)
    return;

  set_query_internal (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_tag_dropdown_changed_cb (DossierNotesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (self->syncing || self->tags == NULL)
    return;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->tags->len)
    set_tag_internal (self, NULL);
  else
    set_tag_internal (self, g_ptr_array_index (self->tags, selected - 1));
}

static void
on_show_all_clicked_cb (DossierNotesView *self)
{
  dossier_notes_view_set_filter_text (self, "");
  dossier_notes_view_set_tag (self, NULL);
}

static void
on_back_clicked_cb (DossierNotesView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_list_activate_cb (DossierNotesView *self,
                     guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

static void
on_selected_item_changed_cb (GtkSingleSelection *selection,
                             GParamSpec         *pspec,
                             DossierNotesView   *self)
{
  DossierNote *note = gtk_single_selection_get_selected_item (selection);

  /* A note that a new filter hides stays open until another is chosen. */
  if (note != NULL && note != self->shown_note)
    show_note (self, note);
}

static void
on_items_changed_cb (GListModel       *model,
                     guint             position,
                     guint             removed,
                     guint             added,
                     DossierNotesView *self)
{
  update_count (self);
}

static void
on_pending_changed_cb (GtkFilterListModel *model,
                       GParamSpec         *pspec,
                       DossierNotesView   *self)
{
  update_count (self);
}

static void
dossier_notes_view_template_built (DossierView *view)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (view);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) button_factory = NULL;
  g_autoptr(GtkListItemFactory) popup_factory = NULL;
  g_autoptr(GtkExpression) expression = NULL;

  self->search_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  self->filter = gtk_custom_filter_new (note_filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  g_signal_connect (self->filter_model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect (self->filter_model, "notify::pending", G_CALLBACK (on_pending_changed_cb),
                    self);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item",
                    G_CALLBACK (on_selected_item_changed_cb), self);

  self->list_reveal = dossier_list_reveal_new (self->list_view);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (row_teardown_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The menu of every tag: searchable, and lazy like any list view. */
  button_factory = dossier_ellipsized_factory_new (18);
  popup_factory = dossier_ellipsized_factory_new (40);
  gtk_drop_down_set_factory (self->tag_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->tag_dropdown, popup_factory);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->tag_dropdown, expression);

  self->text_block = dossier_text_block_new ();
  gtk_box_append (self->detail_body, self->text_block);
  dossier_text_block_setup_label (self->detail_title);

  /* Narrow windows show the list, then the note with a way back; a single
   * click opens a note there, while wide windows select on click. */
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
dossier_notes_view_dispose (GObject *object)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (object);

  cancel_detail_reveal (self);
  if (self->filter_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->list_reveal, dossier_list_reveal_free);

  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_NOTES_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown_note);
  g_clear_pointer (&self->search_texts, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_notes_view_parent_class)->dispose (object);
}

static void
dossier_notes_view_finalize (GObject *object)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (object);

  g_free (self->tag);
  g_free (self->query);
  g_strfreev (self->query_words);

  G_OBJECT_CLASS (dossier_notes_view_parent_class)->finalize (object);
}

static void
dossier_notes_view_class_init (DossierNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_notes_view_dispose;
  object_class->finalize = dossier_notes_view_finalize;

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, chip_box);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, back_button);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_tags);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_about);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, detail_body);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "dossier-notes-view");
}

static void
dossier_notes_view_init (DossierNotesView *self)
{
}

GtkWidget *
dossier_notes_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_NOTES_VIEW, NULL);
}

static void
dossier_notes_view_set_case (DossierView *view,
                             DossierCase *dcase)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (view);
  GListModel *notes;

  dossier_view_ensure_built (view);
  if (self->dcase == dcase)
    return;

  dossier_list_reveal_stop (self->list_reveal);
  cancel_detail_reveal (self);
  show_note (self, NULL);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_hash_table_remove_all (self->search_texts);
  g_set_object (&self->dcase, dcase);

  if (dcase == NULL || g_list_model_get_n_items (dossier_case_get_notes (dcase)) == 0)
    {
      gtk_drop_down_set_model (self->tag_dropdown, NULL);
      g_clear_pointer (&self->tags, g_ptr_array_unref);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  notes = dossier_case_get_notes (dcase);
  rebuild_tags (self);

  if (is_filtering (self))
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  gtk_filter_list_model_set_model (self->filter_model, notes);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
dossier_notes_view_reveal (DossierView        *view,
                           const DossierPlace *place)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (view);
  const char *item_id = place->item_id;
  int item_index = place->item_index;
  GListModel *notes;
  g_autoptr(DossierNote) note = NULL;
  guint position;

  dossier_view_ensure_built (view);
  if (self->dcase == NULL)
    return FALSE;

  notes = dossier_case_get_notes (self->dcase);
  if (item_id != NULL)
    {
      GObject *object = dossier_case_lookup (self->dcase, item_id);

      if (!DOSSIER_IS_NOTE (object))
        return FALSE;
      note = g_object_ref (DOSSIER_NOTE (object));
    }
  else if (item_index >= 0 && (guint) item_index < g_list_model_get_n_items (notes))
    {
      note = g_list_model_get_item (notes, item_index);
    }

  if (note == NULL)
    return FALSE;

  /* A reader who jumps here must see the note, whatever the filters say. */
  if (is_filtering (self) && !note_filter_func (note, self))
    on_show_all_clicked_cb (self);
  finish_filtering (self);

  position = find_position (G_LIST_MODEL (self->filter_model), note);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  show_note (self, note);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");

  dossier_list_reveal_start (self->list_reveal, position);
  cancel_detail_reveal (self);
  self->detail_reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_detail_cb,
                                                         NULL, NULL);

  return TRUE;
}

static void
dossier_notes_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "notes";
  iface->title = N_("Notes");
  iface->icon_name = "document-edit-symbolic";
  iface->empty_icon_name = "document-edit-symbolic";
  iface->template_built = dossier_notes_view_template_built;
  iface->set_case = dossier_notes_view_set_case;
  iface->reveal = dossier_notes_view_reveal;
}

/**
 * dossier_notes_view_set_filter_text:
 * @self: a notes view
 * @text: (nullable): words that every shown note must contain
 *
 * Filters as if @text had been typed in the filter field, without the
 * typing delay. Filtering still runs in steps: see
 * dossier_notes_view_is_filtering().
 */
void
dossier_notes_view_set_filter_text (DossierNotesView *self,
                                    const char       *text)
{
  g_return_if_fail (DOSSIER_IS_NOTES_VIEW (self));

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  if (text == NULL)
    text = "";

  set_query_internal (self, text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      /* Replacing the text passes through "", which the entry reports at
       * once: that is not a filter anyone asked for. */
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      self->setting_text = FALSE;
    }
}

const char *
dossier_notes_view_get_filter_text (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), NULL);

  return self->query != NULL ? self->query : "";
}

/**
 * dossier_notes_view_set_tag:
 * @self: a notes view
 * @tag: (nullable): the tag every shown note must have, or %NULL for all
 *
 * Chooses a tag as the chips and the tag menu do.
 */
void
dossier_notes_view_set_tag (DossierNotesView *self,
                            const char       *tag)
{
  g_return_if_fail (DOSSIER_IS_NOTES_VIEW (self));

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  set_tag_internal (self, tag);
}

const char *
dossier_notes_view_get_tag (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), NULL);

  return self->tag;
}

/* The notes the list shows now; while dossier_notes_view_is_filtering()
 * the number can still grow. */
guint
dossier_notes_view_get_n_visible (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), 0);

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  if (self->dcase == NULL)
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

gboolean
dossier_notes_view_is_filtering (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), FALSE);

  dossier_view_ensure_built (DOSSIER_VIEW (self));
  return gtk_filter_list_model_get_pending (self->filter_model) > 0;
}

DossierNote *
dossier_notes_view_get_shown_note (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), NULL);

  return self->shown_note;
}
