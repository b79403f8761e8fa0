/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-source-panel.h"

#include "dossier-side-panel.h"
#include "dossier-text-block.h"

struct _DossierSourcePanel
{
  DossierLazyWidget  parent_instance;

  DossierCase       *dcase;
  char              *source_id;

  DossierSidePanel  *side_panel;
};

G_DEFINE_FINAL_TYPE (DossierSourcePanel, dossier_source_panel, DOSSIER_TYPE_LAZY_WIDGET)

static void
append_date_fact (DossierSidePanel  *side_panel,
                  const char        *key,
                  const DossierDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = dossier_date_format (date);
  dossier_side_panel_append_fact (side_panel, key, text);
}

static void
append_link (DossierSidePanel *side_panel,
             const char       *key,
             const char       *url)
{
  GtkWidget *fact;
  g_autofree char *shown = NULL;

  if (url == NULL)
    return;

  shown = dossier_sanitize_display_text (url);
  fact = dossier_side_panel_append_fact (side_panel, key, shown);
  gtk_widget_add_css_class (gtk_widget_get_last_child (fact), "inert-link");

  if (dossier_link_is_safe (url))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open Link…"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-link");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (url));
      gtk_box_append (GTK_BOX (fact), button);
    }
  else
    {
      GtkWidget *note = gtk_label_new (_("Not a web link: it is shown, never opened."));

      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (note), 0.0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_box_append (GTK_BOX (fact), note);
    }
}

/* Publisher, authors, dates and the grades of the source, each a fact
 * when the case gives it. */
static void
append_facts (DossierSidePanel *side_panel,
              DossierSource    *source)
{
  const char * const *authors;
  char reliability;
  guint credibility;

  if (dossier_source_get_publisher (source) != NULL)
    dossier_side_panel_append_fact (side_panel, _("Publisher"), dossier_source_get_publisher (source));

  authors = dossier_source_get_authors (source);
  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) authors);
      dossier_side_panel_append_fact (side_panel, g_strv_length ((char **) authors) > 1 ? _("Authors") : _("Author"), joined);
    }

  append_date_fact (side_panel, _("Published"), dossier_source_get_published (source));
  append_date_fact (side_panel, _("Accessed"), dossier_source_get_accessed (source));

  reliability = dossier_source_get_reliability (source);
  if (reliability != 0 && dossier_reliability_get_label (reliability) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%c — %s", reliability, dossier_reliability_get_label (reliability));
      dossier_side_panel_append_fact (side_panel, _("Reliability of the source"), text);
    }

  credibility = dossier_source_get_credibility (source);
  if (credibility != 0 && dossier_credibility_get_label (credibility) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u — %s", credibility, dossier_credibility_get_label (credibility));
      dossier_side_panel_append_fact (side_panel, _("Credibility of the information"), text);
    }
}

static void
dossier_source_panel_dispose (GObject *object)
{
  DossierSourcePanel *self = DOSSIER_SOURCE_PANEL (object);

  g_clear_object (&self->dcase);
  g_clear_pointer (&self->source_id, g_free);

  G_OBJECT_CLASS (dossier_source_panel_parent_class)->dispose (object);
}

static void
dossier_source_panel_class_init (DossierSourcePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_source_panel_dispose;

  g_type_ensure (DOSSIER_TYPE_SIDE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-source-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSourcePanel, side_panel);
}

static void
dossier_source_panel_init (DossierSourcePanel *self)
{
}

GtkWidget *
dossier_source_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_SOURCE_PANEL, NULL);
}

void
dossier_source_panel_set_case (DossierSourcePanel *self,
                               DossierCase        *dcase)
{
  g_return_if_fail (DOSSIER_IS_SOURCE_PANEL (self));

  g_set_object (&self->dcase, dcase);
  g_clear_pointer (&self->source_id, g_free);
  if (dossier_lazy_widget_is_built (DOSSIER_LAZY_WIDGET (self)))
    dossier_side_panel_clear (self->side_panel);
}

gboolean
dossier_source_panel_set_source (DossierSourcePanel *self,
                                 const char         *source_id)
{
  DossierSource *source;
  GtkWidget *title;
  GPtrArray *excerpt;
  GPtrArray *citations;
  g_autofree char *cited = NULL;

  g_return_val_if_fail (DOSSIER_IS_SOURCE_PANEL (self), FALSE);

  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (self));

  if (self->dcase == NULL || source_id == NULL)
    return FALSE;

  source = dossier_case_get_source (self->dcase, source_id);
  if (source == NULL)
    return FALSE;

  g_free (self->source_id);
  self->source_id = g_strdup (source_id);
  dossier_side_panel_clear (self->side_panel);

  dossier_side_panel_append_kind (self->side_panel, dossier_source_kind_get_label (dossier_source_get_kind (source)));

  title = dossier_inline_label_new (dossier_source_get_title (source));
  gtk_widget_add_css_class (title, "title-3");
  dossier_side_panel_append (self->side_panel, title);

  append_facts (self->side_panel, source);

  excerpt = dossier_source_get_excerpt (source);
  if (excerpt != NULL && excerpt->len > 0)
    {
      GtkWidget *block = dossier_text_block_new ();

      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), excerpt);
      dossier_side_panel_append_heading (self->side_panel, _("Excerpt"));
      dossier_side_panel_append (self->side_panel, block);
    }

  append_link (self->side_panel, _("Link"), dossier_source_get_url (source));
  append_link (self->side_panel, _("Archived copy"), dossier_source_get_archived_url (source));

  citations = dossier_source_get_citations (source);
  if (citations->len > 0)
    cited = g_strdup_printf (ngettext ("Cited Once", "Cited %u Times", citations->len), citations->len);
  else
    cited = g_strdup (_("Never Cited"));
  dossier_side_panel_append_places (self->side_panel, self->dcase, cited, citations, "citing-places");

  dossier_side_panel_scroll_to_top (self->side_panel);

  return TRUE;
}

const char *
dossier_source_panel_get_source_id (DossierSourcePanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_PANEL (self), NULL);

  return self->source_id;
}
