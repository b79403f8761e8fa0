/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-breach-view.h"

#include "dossier-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"

struct _DossierBreachView
{
  GtkWidget          parent_instance;

  DossierCase       *dcase;
  GHashTable        *hypotheses;   /* id -> widget (borrowed) */
  GPtrArray         *exposed;      /* index -> widget (borrowed) */

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  GtkBox            *content;
};

static void dossier_breach_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierBreachView, dossier_breach_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_breach_view_iface_init))

static GtkWidget *
section_new (const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_box_append (GTK_BOX (box), dossier_heading_new (title));
  return box;
}

static void
add_date_row (GtkListBox        *list,
              const char        *title,
              const DossierDate *date,
              gboolean          *any)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = dossier_date_format (date);
  gtk_list_box_append (list, dossier_action_row_new (title, text));
  *any = TRUE;
}

static void
add_entity_row (DossierBreachView *self,
                GtkListBox        *list,
                const char        *title,
                const char        *entity_id,
                gboolean          *any)
{
  GtkWidget *row;

  if (entity_id == NULL)
    return;

  row = dossier_action_row_new (title, dossier_case_get_entity_name (self->dcase, entity_id));
  if (dossier_case_get_entity (self->dcase, entity_id) != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-entity");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (entity_id));
      gtk_widget_set_tooltip_text (row, _("Show who this is"));
    }
  gtk_list_box_append (list, row);
  *any = TRUE;
}

/* One piece of text with its certainty pill in front. */
static GtkWidget *
item_new (const DossierInline *text,
          DossierCertainty     certainty)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *pill = dossier_certainty_pill_new (certainty);

  if (pill != NULL)
    gtk_box_append (GTK_BOX (box), pill);
  gtk_box_append (GTK_BOX (box), dossier_inline_label_new (text));

  return box;
}

static GtkWidget *
text_section_new (const char *title,
                  GPtrArray  *blocks)
{
  GtkWidget *box = section_new (title);
  GtkWidget *block = dossier_text_block_new ();

  dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), blocks);
  gtk_box_append (GTK_BOX (box), block);

  return box;
}

static GtkWidget *
evidence_column_new (const char            *title,
                     GPtrArray             *evidence,
                     DossierEvidenceStance  stance,
                     const char            *css_class)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  guint count = 0;

  gtk_widget_add_css_class (column, "evidence-column");
  gtk_widget_add_css_class (column, css_class);
  gtk_box_append (GTK_BOX (column), dossier_subheading_new (title));

  for (guint i = 0; i < evidence->len; i++)
    {
      const DossierEvidence *item = g_ptr_array_index (evidence, i);

      if (item->stance != stance)
        continue;
      gtk_box_append (GTK_BOX (column), item_new (item->text, item->certainty));
      count++;
    }

  if (count == 0)
    {
      GtkWidget *none = gtk_label_new (_("None recorded."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (none), 0.0);
      gtk_box_append (GTK_BOX (column), none);
    }

  return column;
}

static GtkWidget *
hypothesis_new (DossierBreachView *self,
                DossierHypothesis *hypothesis)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *pill = dossier_certainty_pill_new (dossier_hypothesis_get_certainty (hypothesis));
  const char *actor = dossier_hypothesis_get_actor (hypothesis);
  GtkWidget *statement;
  GtkWidget *columns;
  GPtrArray *evidence = dossier_hypothesis_get_evidence (hypothesis);
  gboolean has_neutral = FALSE;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "hypothesis");
  g_object_set (card, "margin-top", 0, NULL);

  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_widget_set_margin_top (inner, 18);
    gtk_widget_set_margin_bottom (inner, 18);
    gtk_widget_set_margin_start (inner, 18);
    gtk_widget_set_margin_end (inner, 18);

    if (actor != NULL)
      {
        g_autofree char *name = dossier_sanitize_display_text (dossier_case_get_entity_name (self->dcase, actor));
        GtkWidget *button = gtk_button_new ();
        GtkWidget *label = gtk_label_new (name);

        /* Long names wrap instead of widening the window. */
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        gtk_button_set_child (GTK_BUTTON (button), label);
        gtk_widget_set_hexpand (button, FALSE);
        gtk_widget_add_css_class (button, "flat");
        gtk_widget_add_css_class (button, "title-4");
        gtk_widget_set_tooltip_text (button, _("Show who this is"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-entity");
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (actor));
        gtk_box_append (GTK_BOX (top), button);
      }
    if (pill != NULL)
      {
        gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (top), pill);
      }
    gtk_box_append (GTK_BOX (inner), top);

    statement = dossier_inline_label_new (dossier_hypothesis_get_statement (hypothesis));
    gtk_box_append (GTK_BOX (inner), statement);

    /* For and against side by side when there is room, stacked when not. */
    columns = gtk_flow_box_new ();
    gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (columns), GTK_SELECTION_NONE);
    gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (columns), TRUE);
    gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (columns), 1);
    gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (columns), 2);
    gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (columns), 12);
    gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (columns), 12);
    gtk_widget_add_css_class (columns, "evidence");

    for (int i = 0; i < 2; i++)
      {
        GtkWidget *column = i == 0
          ? evidence_column_new (_("Evidence For"), evidence, DOSSIER_EVIDENCE_FOR, "evidence-for")
          : evidence_column_new (_("Evidence Against"), evidence, DOSSIER_EVIDENCE_AGAINST, "evidence-against");
        GtkWidget *child = gtk_flow_box_child_new ();

        gtk_widget_set_size_request (column, 240, -1);
        gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), column);
        gtk_widget_set_focusable (child, FALSE);
        gtk_widget_set_valign (child, GTK_ALIGN_START);
        gtk_flow_box_append (GTK_FLOW_BOX (columns), child);
      }
    gtk_box_append (GTK_BOX (inner), columns);

    for (guint i = 0; i < evidence->len; i++)
      if (((DossierEvidence *) g_ptr_array_index (evidence, i))->stance == DOSSIER_EVIDENCE_NEUTRAL)
        has_neutral = TRUE;
    if (has_neutral)
      gtk_box_append (GTK_BOX (inner),
                      evidence_column_new (_("Other Evidence"), evidence, DOSSIER_EVIDENCE_NEUTRAL, "evidence-neutral"));

    gtk_box_append (GTK_BOX (card), inner);
  }

  return card;
}

static void
clear_content (DossierBreachView *self)
{
  dossier_box_remove_all (self->content);
  g_hash_table_remove_all (self->hypotheses);
  g_ptr_array_set_size (self->exposed, 0);
}

static void
build (DossierBreachView *self,
       DossierBreach     *breach)
{
  GtkWidget *facts_list = gtk_list_box_new ();
  gboolean any_fact = FALSE;
  GPtrArray *exposed = dossier_breach_get_exposed (breach);
  GListModel *hypotheses = dossier_breach_get_hypotheses (breach);
  GPtrArray *blocks;

  /* What and when. */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (facts_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (facts_list, "boxed-list");
  add_entity_row (self, GTK_LIST_BOX (facts_list), _("Victim"), dossier_breach_get_victim (breach), &any_fact);
  add_entity_row (self, GTK_LIST_BOX (facts_list), _("Claimed by"), dossier_breach_get_claimed_by (breach), &any_fact);
  add_date_row (GTK_LIST_BOX (facts_list), _("Began"), dossier_breach_get_began (breach), &any_fact);
  add_date_row (GTK_LIST_BOX (facts_list), _("Discovered"), dossier_breach_get_discovered (breach), &any_fact);
  add_date_row (GTK_LIST_BOX (facts_list), _("Disclosed"), dossier_breach_get_disclosed (breach), &any_fact);

  {
    GtkWidget *box = section_new (_("The Breach"));

    if (dossier_breach_get_method (breach) != NULL)
      {
        GtkWidget *method_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
        GtkWidget *key = gtk_label_new (_("Method"));
        GtkWidget *value = dossier_inline_label_new (dossier_breach_get_method (breach));

        gtk_widget_add_css_class (key, "caption-heading");
        gtk_widget_add_css_class (key, "dim-label");
        gtk_label_set_xalign (GTK_LABEL (key), 0.0);
        gtk_widget_add_css_class (value, "title-4");
        gtk_box_append (GTK_BOX (method_box), key);
        gtk_box_append (GTK_BOX (method_box), value);
        gtk_box_append (GTK_BOX (box), method_box);
      }

    if (any_fact)
      gtk_box_append (GTK_BOX (box), facts_list);
    else
      {
        g_object_ref_sink (facts_list);
        g_object_unref (facts_list);
      }
    gtk_box_append (self->content, box);
  }

  blocks = dossier_breach_get_summary (breach);
  if (blocks->len > 0)
    gtk_box_append (self->content, text_section_new (_("Summary"), blocks));

  blocks = dossier_breach_get_impact (breach);
  if (blocks->len > 0)
    gtk_box_append (self->content, text_section_new (_("Impact"), blocks));

  /* Exposed data, grouped by category in a fixed order. */
  if (exposed->len > 0)
    {
      GtkWidget *box = section_new (_("Exposed Data"));

      g_ptr_array_set_size (self->exposed, exposed->len);
      for (int category = DOSSIER_EXPOSED_PERSONAL; category <= DOSSIER_EXPOSED_OTHER + 1; category++)
        {
          /* NONE (uncategorized) goes last. */
          DossierExposedCategory wanted = category <= DOSSIER_EXPOSED_OTHER ? (DossierExposedCategory) category : DOSSIER_EXPOSED_NONE;
          GtkWidget *list = NULL;

          for (guint i = 0; i < exposed->len; i++)
            {
              const DossierExposedItem *item = g_ptr_array_index (exposed, i);
              GtkWidget *row;
              GtkWidget *child;

              if (item->category != wanted)
                continue;

              if (list == NULL)
                {
                  gtk_box_append (GTK_BOX (box), dossier_subheading_new (dossier_exposed_category_get_label (wanted)));
                  list = gtk_list_box_new ();
                  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
                  gtk_widget_add_css_class (list, "boxed-list");
                  gtk_box_append (GTK_BOX (box), list);
                }

              child = item_new (item->text, item->certainty);
              gtk_widget_set_margin_top (child, 10);
              gtk_widget_set_margin_bottom (child, 10);
              gtk_widget_set_margin_start (child, 12);
              gtk_widget_set_margin_end (child, 12);
              row = gtk_list_box_row_new ();
              gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
              gtk_widget_set_focusable (row, FALSE);
              gtk_list_box_append (GTK_LIST_BOX (list), row);
              g_ptr_array_index (self->exposed, i) = row;
            }
        }
      gtk_box_append (self->content, box);
    }

  /* Attribution. */
  if (g_list_model_get_n_items (hypotheses) > 0)
    {
      GtkWidget *box = section_new (_("Who Is Behind It"));
      GtkWidget *intro = gtk_label_new (_("Each hypothesis with the evidence for and against it, as the case records them."));

      gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
      gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
      gtk_widget_add_css_class (intro, "dim-label");
      gtk_box_append (GTK_BOX (box), intro);

      for (guint i = 0; i < g_list_model_get_n_items (hypotheses); i++)
        {
          g_autoptr(DossierHypothesis) hypothesis = g_list_model_get_item (hypotheses, i);
          GtkWidget *card = hypothesis_new (self, hypothesis);

          gtk_box_append (GTK_BOX (box), card);
          if (dossier_hypothesis_get_id (hypothesis) != NULL)
            g_hash_table_insert (self->hypotheses, g_strdup (dossier_hypothesis_get_id (hypothesis)), card);
        }
      gtk_box_append (self->content, box);
    }

  gtk_box_append (self->content, dossier_certainty_legend_button_new ());
}

static void
dossier_breach_view_set_case (DossierView *view,
                              DossierCase *dcase)
{
  DossierBreachView *self = DOSSIER_BREACH_VIEW (view);
  DossierBreach *breach;

  dossier_view_ensure_built (view);
  g_set_object (&self->dcase, dcase);
  clear_content (self);

  breach = dcase != NULL ? dossier_case_get_breach (dcase) : NULL;
  if (breach == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build (self, breach);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
dossier_breach_view_reveal (DossierView        *view,
                            const DossierPlace *place)
{
  DossierBreachView *self = DOSSIER_BREACH_VIEW (view);
  GtkWidget *target = NULL;

  if (dossier_breach_view_is_empty (self))
    return FALSE;

  if (place->item_id != NULL)
    target = g_hash_table_lookup (self->hypotheses, place->item_id);
  else if (place->item_index >= 0 && (guint) place->item_index < self->exposed->len)
    target = g_ptr_array_index (self->exposed, place->item_index);
  else if (place->item_index < 0)
    target = gtk_widget_get_first_child (GTK_WIDGET (self->content));

  if (target == NULL)
    return FALSE;

  dossier_widget_reveal (target, NULL);
  return TRUE;
}

static void
dossier_breach_view_dispose (GObject *object)
{
  DossierBreachView *self = DOSSIER_BREACH_VIEW (object);

  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_BREACH_VIEW);
  g_clear_object (&self->dcase);
  g_clear_pointer (&self->hypotheses, g_hash_table_unref);
  g_clear_pointer (&self->exposed, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_breach_view_parent_class)->dispose (object);
}

static void
dossier_breach_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "breach";
  iface->title = N_("Breach");
  iface->icon_name = "security-low-symbolic";
  iface->empty_icon_name = "security-low-symbolic";
  iface->set_case = dossier_breach_view_set_case;
  iface->reveal = dossier_breach_view_reveal;
}

static void
dossier_breach_view_class_init (DossierBreachViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_breach_view_dispose;

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-breach-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierBreachView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierBreachView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierBreachView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierBreachView, content);
}

static void
dossier_breach_view_init (DossierBreachView *self)
{
  self->hypotheses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->exposed = g_ptr_array_new ();
}

GtkWidget *
dossier_breach_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_BREACH_VIEW, NULL);
}

gboolean
dossier_breach_view_is_empty (DossierBreachView *self)
{
  g_return_val_if_fail (DOSSIER_IS_BREACH_VIEW (self), TRUE);

  /* Not built: never given a case. */
  if (!dossier_view_is_built (DOSSIER_VIEW (self)))
    return TRUE;

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
