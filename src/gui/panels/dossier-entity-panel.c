/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-entity-panel.h"

#include "dossier-source-panel.h"
#include "dossier-text-block.h"

struct _DossierEntityPanel
{
  GtkWidget          parent_instance;

  gboolean           built;
  DossierCase       *dcase;
  char              *entity_id;

  GtkScrolledWindow *scrolled;
  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (DossierEntityPanel, dossier_entity_panel, GTK_TYPE_WIDGET)

static GtkWidget *
fact_new (const char *key,
          const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_widget_add_css_class (key_label, "caption-heading");
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), key_label);
  gtk_box_append (GTK_BOX (box), value_label);

  return box;
}

static void
clear_content (DossierEntityPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

/* The panel stays hidden until a name is followed: the template is built
 * when the panel is first shown or used. */
static void
ensure_built (DossierEntityPanel *self)
{
  if (self->built)
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
dossier_entity_panel_map (GtkWidget *widget)
{
  ensure_built (DOSSIER_ENTITY_PANEL (widget));

  GTK_WIDGET_CLASS (dossier_entity_panel_parent_class)->map (widget);
}

static void
dossier_entity_panel_dispose (GObject *object)
{
  DossierEntityPanel *self = DOSSIER_ENTITY_PANEL (object);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ENTITY_PANEL);
  {
    GtkWidget *child;

    /* Unnamed template children are not disposed with the template. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
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
  widget_class->map = dossier_entity_panel_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-entity-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityPanel, content);
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
  if (self->built)
    clear_content (self);
}

gboolean
dossier_entity_panel_set_entity (DossierEntityPanel *self,
                                 const char         *entity_id)
{
  DossierEntity *entity;
  GtkWidget *kind;
  GtkWidget *name;
  const char * const *aliases;
  GPtrArray *description;
  GPtrArray *mentions;
  g_autofree char *safe_name = NULL;

  g_return_val_if_fail (DOSSIER_IS_ENTITY_PANEL (self), FALSE);

  ensure_built (self);

  if (self->dcase == NULL || entity_id == NULL)
    return FALSE;

  entity = dossier_case_get_entity (self->dcase, entity_id);
  if (entity == NULL)
    return FALSE;

  g_free (self->entity_id);
  self->entity_id = g_strdup (entity_id);
  clear_content (self);

  kind = gtk_label_new (dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (kind), 0.0);
  gtk_box_append (self->content, kind);

  safe_name = dossier_sanitize_display_text (dossier_entity_get_name (entity));
  name = gtk_label_new (safe_name);
  gtk_widget_add_css_class (name, "title-3");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_box_append (self->content, name);

  aliases = dossier_entity_get_aliases (entity);
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      gtk_box_append (self->content, fact_new (_("Also known as"), joined));
    }

  if (dossier_entity_get_role (entity) != NULL)
    gtk_box_append (self->content, fact_new (_("Role"), dossier_entity_get_role (entity)));

  description = dossier_entity_get_description (entity);
  if (description != NULL && description->len > 0)
    {
      GtkWidget *block = dossier_text_block_new ();

      dossier_text_block_set_blocks (DOSSIER_TEXT_BLOCK (block), description);
      gtk_box_append (self->content, block);
    }

  mentions = dossier_entity_get_mentions (entity);
  {
    g_autofree char *text = NULL;
    GtkWidget *heading;
    GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    if (mentions->len > 0)
      text = g_strdup_printf (ngettext ("Mentioned Once", "Mentioned %u Times", mentions->len), mentions->len);
    else
      text = g_strdup (_("Never Mentioned"));

    heading = gtk_label_new (text);
    gtk_widget_add_css_class (heading, "heading");
    gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
    gtk_box_append (self->content, heading);

    for (guint i = 0; i < mentions->len; i++)
      gtk_box_append (GTK_BOX (list), dossier_place_button_new (self->dcase, g_ptr_array_index (mentions, i)));

    gtk_widget_add_css_class (list, "mentioning-places");
    gtk_box_append (self->content, list);
  }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0.0);

  return TRUE;
}

const char *
dossier_entity_panel_get_entity_id (DossierEntityPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_PANEL (self), NULL);

  return self->entity_id;
}
