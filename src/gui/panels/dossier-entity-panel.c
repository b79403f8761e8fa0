/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity-panel.h"

#include "dossier-side-panel.h"
#include "dossier-text-block.h"

struct _DossierEntityPanel
{
  DossierLazyWidget  parent_instance;

  DossierCase       *dcase;
  char              *entity_id;

  DossierSidePanel  *side_panel;
};

G_DEFINE_FINAL_TYPE (DossierEntityPanel, dossier_entity_panel, DOSSIER_TYPE_LAZY_WIDGET)

static GtkWidget *
name_label_new (DossierEntity *entity)
{
  g_autofree char *safe_name = dossier_sanitize_display_text (dossier_entity_get_name (entity));
  GtkWidget *name = gtk_label_new (safe_name);

  gtk_widget_add_css_class (name, "title-3");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  return name;
}

static void
dossier_entity_panel_dispose (GObject *object)
{
  DossierEntityPanel *self = DOSSIER_ENTITY_PANEL (object);

  g_clear_object (&self->dcase);
  g_clear_pointer (&self->entity_id, g_free);

  G_OBJECT_CLASS (dossier_entity_panel_parent_class)->dispose (object);
}

static void
dossier_entity_panel_class_init (DossierEntityPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_entity_panel_dispose;

  g_type_ensure (DOSSIER_TYPE_SIDE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-entity-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityPanel, side_panel);
}

static void
dossier_entity_panel_init (DossierEntityPanel *self)
{
}

GtkWidget *
dossier_entity_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_ENTITY_PANEL, NULL);
}

void
dossier_entity_panel_set_case (DossierEntityPanel *self,
                               DossierCase        *dcase)
{
  g_return_if_fail (DOSSIER_IS_ENTITY_PANEL (self));

  g_set_object (&self->dcase, dcase);
  g_clear_pointer (&self->entity_id, g_free);
  if (dossier_lazy_widget_is_built (DOSSIER_LAZY_WIDGET (self)))
    dossier_side_panel_clear (self->side_panel);
}

gboolean
dossier_entity_panel_set_entity (DossierEntityPanel *self,
                                 const char         *entity_id)
{
  DossierEntity *entity;
  const char * const *aliases;
  GPtrArray *description;
  GPtrArray *mentions;
  g_autofree char *mentioned = NULL;

  g_return_val_if_fail (DOSSIER_IS_ENTITY_PANEL (self), FALSE);

  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (self));

  if (self->dcase == NULL || entity_id == NULL)
    return FALSE;

  entity = dossier_case_get_entity (self->dcase, entity_id);
  if (entity == NULL)
    return FALSE;

  g_free (self->entity_id);
  self->entity_id = g_strdup (entity_id);
  dossier_side_panel_clear (self->side_panel);

  dossier_side_panel_append_kind (self->side_panel, dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
  dossier_side_panel_append (self->side_panel, name_label_new (entity));

  aliases = dossier_entity_get_aliases (entity);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      dossier_side_panel_append_fact (self->side_panel, _("Also known as"), joined);
    }

  if (dossier_entity_get_role (entity) != NULL)
    dossier_side_panel_append_fact (self->side_panel, _("Role"), dossier_entity_get_role (entity));

  description = dossier_entity_get_description (entity);
  if (description != NULL && description->len > 0)
    {
      GtkWidget *block = dossier_text_block_new ();

      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), description);
      dossier_side_panel_append (self->side_panel, block);
    }

  mentions = dossier_entity_get_mentions (entity);
  if (mentions->len > 0)
    mentioned = g_strdup_printf (ngettext ("Mentioned Once", "Mentioned %u Times", mentions->len), mentions->len);
  else
    mentioned = g_strdup (_("Never Mentioned"));
  dossier_side_panel_append_places (self->side_panel, self->dcase, mentioned, mentions, "mentioning-places");

  dossier_side_panel_scroll_to_top (self->side_panel);

  return TRUE;
}

const char *
dossier_entity_panel_get_entity_id (DossierEntityPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_PANEL (self), NULL);

  return self->entity_id;
}
