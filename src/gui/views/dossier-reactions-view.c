/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-reactions-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"

struct _DossierReactionsView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  AdwClamp          *clamp;
  GtkDropDown       *actor_dropdown;
  GtkDropDown       *stance_dropdown;
  GtkLabel          *count_label;
  GtkStack          *list_stack;
  GtkListBox        *list_box;

  DossierCase       *dcase;
  /* Entity ids of the actor menu, after "All actors". */
  GPtrArray         *actor_ids;
  /* DossierStance values of the stance menu, after "All stances". */
  GArray            *stances;
  guint              n_reactions;
};

static void dossier_reactions_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierReactionsView, dossier_reactions_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_reactions_view_iface_init))

static GQuark reaction_quark;
static GQuark index_quark;

static char *
sanitized (const char *text)
{
  return text != NULL ? dossier_sanitize_display_text (text) : g_strdup ("");
}

static GtkWidget *
markup_label_new (const char *markup,
                  gboolean    selectable)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  dossier_text_block_setup_label (GTK_LABEL (label));

  return label;
}

static const char *
stance_style (DossierStance stance)
{
  switch (stance)
    {
    case DOSSIER_STANCE_THREATEN:
      return "error";
    case DOSSIER_STANCE_CONDEMN:
    case DOSSIER_STANCE_DEMAND:
      return "warning";
    case DOSSIER_STANCE_DENY:
      return "accent";
    case DOSSIER_STANCE_SUPPORT:
      return "success";
    case DOSSIER_STANCE_NEUTRAL:
    default:
      return NULL;
    }
}

static const char *
selected_actor (DossierReactionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->actor_dropdown);

  if (self->actor_ids == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->actor_ids->len)
    return NULL;

  return g_ptr_array_index (self->actor_ids, selected - 1);
}

static int
selected_stance (DossierReactionsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->stance_dropdown);

  if (self->stances == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->stances->len)
    return -1;

  return g_array_index (self->stances, DossierStance, selected - 1);
}

static gboolean
reaction_matches (DossierReactionsView *self,
                  DossierReaction      *reaction)
{
  const char *actor = selected_actor (self);
  int stance = selected_stance (self);

  if (actor != NULL && g_strcmp0 (dossier_reaction_get_actor (reaction), actor) != 0)
    return FALSE;
  if (stance >= 0 && (int) dossier_reaction_get_stance (reaction) != stance)
    return FALSE;

  return TRUE;
}

static gboolean
filter_row_func (GtkListBoxRow *row,
                 gpointer       user_data)
{
  DossierReactionsView *self = user_data;
  DossierReaction *reaction = g_object_get_qdata (G_OBJECT (row), reaction_quark);

  return reaction != NULL && reaction_matches (self, reaction);
}

static void
update_count (DossierReactionsView *self)
{
  guint n_visible = 0;
  g_autofree char *text = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DossierReaction *reaction = g_object_get_qdata (G_OBJECT (row), reaction_quark);

      if (reaction != NULL && reaction_matches (self, reaction))
        n_visible++;
    }

  if (n_visible == self->n_reactions)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reaction, in date order",
                                         "%u reactions, in date order", self->n_reactions),
                            self->n_reactions);
  else
    /* Translators: "Showing 2 of 12 reactions" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u reaction",
                                         "Showing %u of %u reactions", self->n_reactions),
                            n_visible, self->n_reactions);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n_visible > 0 ? "list" : "none");
}

static GtkWidget *
reaction_card_new (DossierReactionsView *self,
                   DossierReaction      *reaction)
{
  DossierCase *dcase = self->dcase;
  GtkWidget *card;
  GtkWidget *header;
  GtkWidget *label;
  GtkWidget *block;
  g_autofree char *date_text = NULL;
  g_autofree char *actor_markup = NULL;
  DossierEntity *actor_entity;
  DossierStance stance = dossier_reaction_get_stance (reaction);
  DossierCertainty certainty = dossier_reaction_get_certainty (reaction);
  const char *actor = dossier_reaction_get_actor (reaction);
  const char *behalf = dossier_reaction_get_on_behalf_of (reaction);
  const DossierInline *channel = dossier_reaction_get_channel (reaction);
  const DossierInline *quote = dossier_reaction_get_quote (reaction);
  GPtrArray *summary = dossier_reaction_get_summary (reaction);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "dossier-card");

  /* The date, the stance and the certainty on one line. */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  date_text = dossier_date_format (dossier_reaction_get_date (reaction));
  label = gtk_label_new (date_text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  {
    g_autofree char *a11y = g_strdup_printf (_("Stance: %s"), dossier_stance_get_label (stance));

    label = dossier_pill_new (dossier_stance_get_label (stance), stance_style (stance), a11y);
    gtk_widget_add_css_class (label, "dossier-stance");
    gtk_box_append (GTK_BOX (header), label);
  }
  if (certainty != DOSSIER_CERTAINTY_NONE)
    {
      g_autofree char *a11y = g_strdup_printf (_("Certainty: %s"),
                                               dossier_certainty_get_label (certainty));

      label = dossier_pill_new (dossier_certainty_get_label (certainty), dossier_certainty_style (certainty), a11y);
      gtk_widget_set_tooltip_text (label, dossier_certainty_get_description (certainty));
      gtk_box_append (GTK_BOX (header), label);
    }
  gtk_box_append (GTK_BOX (card), header);

  /* Who spoke, and in which role. */
  actor_markup = dossier_markup_entity_link (dcase, actor);
  label = markup_label_new (actor_markup, FALSE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (card), label);

  actor_entity = dossier_case_get_entity (dcase, actor);
  if (actor_entity != NULL && dossier_entity_get_role (actor_entity) != NULL)
    {
      g_autofree char *role = sanitized (dossier_entity_get_role (actor_entity));

      label = gtk_label_new (role);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (card), label);
    }

  if (behalf != NULL)
    {
      g_autofree char *link = dossier_markup_entity_link (dcase, behalf);
      /* Translators: %s is the name of a person, a company or a state */
      g_autofree char *markup = g_strdup_printf (_("On behalf of %s"), link);

      gtk_box_append (GTK_BOX (card), markup_label_new (markup, FALSE));
    }

  if (channel != NULL)
    {
      g_autofree char *channel_markup = dossier_markup_from_inline (channel);
      /* Translators: how the words were said: "Channel: a letter to the U.N." */
      g_autofree char *markup = g_strdup_printf (_("Channel: %s"), channel_markup);

      gtk_box_append (GTK_BOX (card), markup_label_new (markup, TRUE));
    }

  if (quote != NULL)
    {
      GtkWidget *quote_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *quote_markup = dossier_markup_from_inline (quote);
      /* Translators: a verbatim quotation; use your language's quotation marks */
      g_autofree char *markup = g_strdup_printf (_("“%s”"), quote_markup);

      gtk_widget_add_css_class (quote_box, "dossier-quote");
      label = markup_label_new (markup, TRUE);
      gtk_widget_add_css_class (label, "dossier-quote-text");
      gtk_box_append (GTK_BOX (quote_box), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (quote_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quotation"),
                                      -1);
      gtk_box_append (GTK_BOX (card), quote_box);
    }

  if (summary != NULL && summary->len > 0)
    {
      block = dossier_text_block_new ();
      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), summary);
      gtk_box_append (GTK_BOX (card), block);
    }

  return card;
}

typedef struct
{
  DossierReaction *reaction;
  guint            index;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int cmp = dossier_date_compare (dossier_reaction_get_date (ea->reaction),
                                  dossier_reaction_get_date (eb->reaction));

  if (cmp != 0)
    return cmp;

  return (ea->index > eb->index) - (ea->index < eb->index);
}

static int
compare_actor_names (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  DossierCase *dcase = user_data;
  const char *ida = *(const char * const *) a;
  const char *idb = *(const char * const *) b;

  return g_utf8_collate (dossier_case_get_entity_name (dcase, ida),
                         dossier_case_get_entity_name (dcase, idb));
}

static void
clear_rows (DossierReactionsView *self)
{
  dossier_list_box_remove_all (self->list_box);
}

static void
rebuild (DossierReactionsView *self)
{
  GListModel *reactions;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) seen_actors = NULL;
  gboolean stance_seen[DOSSIER_STANCE_NEUTRAL + 1] = { FALSE, };
  g_autoptr(GtkStringList) actor_names = NULL;
  g_autoptr(GtkStringList) stance_names = NULL;

  clear_rows (self);
  g_clear_pointer (&self->actor_ids, g_ptr_array_unref);
  g_clear_pointer (&self->stances, g_array_unref);
  self->n_reactions = 0;

  if (self->dcase == NULL)
    {
      gtk_drop_down_set_model (self->actor_dropdown, NULL);
      gtk_drop_down_set_model (self->stance_dropdown, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  reactions = dossier_case_get_reactions (self->dcase);
  self->n_reactions = g_list_model_get_n_items (reactions);

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), self->n_reactions);
  seen_actors = g_hash_table_new (g_str_hash, g_str_equal);
  self->actor_ids = g_ptr_array_new_with_free_func (g_free);
  self->stances = g_array_new (FALSE, FALSE, sizeof (DossierStance));

  for (guint i = 0; i < self->n_reactions; i++)
    {
      g_autoptr(DossierReaction) reaction = g_list_model_get_item (reactions, i);
      SortEntry entry = { reaction, i };
      const char *actor = dossier_reaction_get_actor (reaction);
      DossierStance stance = dossier_reaction_get_stance (reaction);

      /* The case holds the reactions for as long as we hold the case. */
      g_array_append_val (entries, entry);

      if (actor != NULL && !g_hash_table_contains (seen_actors, actor))
        {
          g_hash_table_add (seen_actors, (gpointer) actor);
          g_ptr_array_add (self->actor_ids, g_strdup (actor));
        }
      if ((guint) stance <= DOSSIER_STANCE_NEUTRAL)
        stance_seen[stance] = TRUE;
    }

  g_array_sort (entries, compare_entries);
  g_ptr_array_sort_with_data (self->actor_ids, compare_actor_names, self->dcase);

  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_qdata (G_OBJECT (row), reaction_quark, entry->reaction);
      g_object_set_qdata (G_OBJECT (row), index_quark, GUINT_TO_POINTER (entry->index + 1));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  reaction_card_new (self, entry->reaction));
      gtk_list_box_append (self->list_box, row);
    }

  actor_names = gtk_string_list_new (NULL);
  gtk_string_list_append (actor_names, _("All actors"));
  for (guint i = 0; i < self->actor_ids->len; i++)
    {
      g_autofree char *name =
        sanitized (dossier_case_get_entity_name (self->dcase,
                                                 g_ptr_array_index (self->actor_ids, i)));
      gtk_string_list_append (actor_names, name);
    }

  stance_names = gtk_string_list_new (NULL);
  gtk_string_list_append (stance_names, _("All stances"));
  for (int s = 0; s <= DOSSIER_STANCE_NEUTRAL; s++)
    {
      DossierStance stance = s;

      if (!stance_seen[s])
        continue;
      g_array_append_val (self->stances, stance);
      gtk_string_list_append (stance_names, dossier_stance_get_label (stance));
    }

  gtk_drop_down_set_model (self->actor_dropdown, G_LIST_MODEL (actor_names));
  gtk_drop_down_set_model (self->stance_dropdown, G_LIST_MODEL (stance_names));
  gtk_drop_down_set_selected (self->actor_dropdown, 0);
  gtk_drop_down_set_selected (self->stance_dropdown, 0);

  gtk_list_box_invalidate_filter (self->list_box);
  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, self->n_reactions > 0 ? "content" : "empty");
}

static void
on_filter_changed_cb (DossierReactionsView *self)
{
  if (self->dcase == NULL)
    return;

  gtk_list_box_invalidate_filter (self->list_box);
  update_count (self);
}

static void
on_show_all_clicked_cb (DossierReactionsView *self)
{
  gtk_drop_down_set_selected (self->actor_dropdown, 0);
  gtk_drop_down_set_selected (self->stance_dropdown, 0);
}

static void
dossier_reactions_view_template_built (DossierView *view)
{
  DossierReactionsView *self = DOSSIER_REACTIONS_VIEW (view);
  g_autoptr(GtkListItemFactory) actor_factory = dossier_ellipsized_factory_new (-1);
  g_autoptr(GtkListItemFactory) stance_factory = dossier_ellipsized_factory_new (-1);

  /* Drop-down buttons ellipsize long names so the filters fit 360 pixels. */
  gtk_drop_down_set_factory (self->actor_dropdown, actor_factory);
  gtk_drop_down_set_factory (self->stance_dropdown, stance_factory);

  gtk_list_box_set_filter_func (self->list_box, filter_row_func, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
dossier_reactions_view_set_case (DossierView *view,
                                 DossierCase *dcase)
{
  DossierReactionsView *self = DOSSIER_REACTIONS_VIEW (view);

  dossier_view_ensure_built (view);
  if (self->dcase == dcase)
    return;

  /* The rows borrow from the old case: drop them before it goes. */
  clear_rows (self);
  g_set_object (&self->dcase, dcase);
  rebuild (self);
}

static gboolean
dossier_reactions_view_reveal (DossierView        *view,
                               const DossierPlace *place)
{
  DossierReactionsView *self = DOSSIER_REACTIONS_VIEW (view);
  GtkWidget *target = NULL;

  if (self->dcase == NULL)
    return FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL && target == NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DossierReaction *reaction = g_object_get_qdata (G_OBJECT (row), reaction_quark);
      guint index = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), index_quark));

      if (reaction == NULL)
        continue;
      if (place->item_id != NULL ? g_strcmp0 (dossier_reaction_get_id (reaction), place->item_id) == 0
                                 : (place->item_index >= 0 && index == (guint) place->item_index + 1))
        target = row;
    }

  if (target == NULL)
    return FALSE;

  /* A reader who jumps here must see the item, whatever the filters say. */
  if (!reaction_matches (self, g_object_get_qdata (G_OBJECT (target), reaction_quark)))
    on_show_all_clicked_cb (self);

  dossier_widget_reveal (target, gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (target)));

  return TRUE;
}

static void
dossier_reactions_view_dispose (GObject *object)
{
  DossierReactionsView *self = DOSSIER_REACTIONS_VIEW (object);

  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_REACTIONS_VIEW);
  g_clear_object (&self->dcase);
  g_clear_pointer (&self->actor_ids, g_ptr_array_unref);
  g_clear_pointer (&self->stances, g_array_unref);

  G_OBJECT_CLASS (dossier_reactions_view_parent_class)->dispose (object);
}

static void
dossier_reactions_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "reactions";
  iface->title = N_("Reactions");
  iface->icon_name = "chat-message-new-symbolic";
  iface->empty_icon_name = "system-users-symbolic";
  iface->template_built = dossier_reactions_view_template_built;
  iface->set_case = dossier_reactions_view_set_case;
  iface->reveal = dossier_reactions_view_reveal;
}

static void
dossier_reactions_view_class_init (DossierReactionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reactions_view_dispose;

  reaction_quark = g_quark_from_static_string ("dossier-reactions-view-reaction");
  index_quark = g_quark_from_static_string ("dossier-reactions-view-index");

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-reactions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, stance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReactionsView, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "dossier-reactions-view");
}

static void
dossier_reactions_view_init (DossierReactionsView *self)
{
}

GtkWidget *
dossier_reactions_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_REACTIONS_VIEW, NULL);
}
