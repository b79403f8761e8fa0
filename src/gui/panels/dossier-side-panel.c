/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-side-panel.h"

#include "dossier-place-button.h"

struct _DossierSidePanel
{
  GtkWidget          parent_instance;

  GtkLabel          *title_label;
  GtkScrolledWindow *scrolled;
  GtkBox            *content;
};

G_DEFINE_FINAL_TYPE (DossierSidePanel, dossier_side_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
heading_new (const char *text)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  return heading;
}

static void
dossier_side_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierSidePanel *self = DOSSIER_SIDE_PANEL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, dossier_side_panel_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_side_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierSidePanel *self = DOSSIER_SIDE_PANEL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      dossier_side_panel_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_side_panel_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_SIDE_PANEL);

  /* Unnamed template children are not disposed with the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_side_panel_parent_class)->dispose (object);
}

static void
dossier_side_panel_class_init (DossierSidePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_side_panel_get_property;
  object_class->set_property = dossier_side_panel_set_property;
  object_class->dispose = dossier_side_panel_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSidePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSidePanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierSidePanel, content);
}

static void
dossier_side_panel_init (DossierSidePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_side_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_SIDE_PANEL, NULL);
}

void
dossier_side_panel_set_title (DossierSidePanel *self,
                              const char       *title)
{
  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
dossier_side_panel_get_title (DossierSidePanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDE_PANEL (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
dossier_side_panel_clear (DossierSidePanel *self)
{
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

void
dossier_side_panel_append (DossierSidePanel *self,
                           GtkWidget        *child)
{
  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_box_append (self->content, child);
}

void
dossier_side_panel_append_kind (DossierSidePanel *self,
                                const char       *kind)
{
  GtkWidget *label;

  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));

  label = gtk_label_new (kind);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (self->content, label);
}

void
dossier_side_panel_append_heading (DossierSidePanel *self,
                                   const char       *heading)
{
  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));

  gtk_box_append (self->content, heading_new (heading));
}

GtkWidget *
dossier_side_panel_append_fact (DossierSidePanel *self,
                                const char       *key,
                                const char       *value)
{
  GtkWidget *box;
  GtkWidget *key_label;
  GtkWidget *value_label;

  g_return_val_if_fail (DOSSIER_IS_SIDE_PANEL (self), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  key_label = gtk_label_new (key);
  value_label = gtk_label_new (value);

  gtk_widget_add_css_class (key_label, "caption-heading");
  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), key_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (self->content, box);

  return box;
}

void
dossier_side_panel_append_places (DossierSidePanel *self,
                                  DossierCase      *dcase,
                                  const char       *heading,
                                  GPtrArray        *places,
                                  const char       *css_class)
{
  GtkWidget *list;

  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));
  g_return_if_fail (DOSSIER_IS_CASE (dcase));
  g_return_if_fail (places != NULL);

  gtk_box_append (self->content, heading_new (heading));

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < places->len; i++)
    gtk_box_append (GTK_BOX (list), dossier_place_button_new (dcase, g_ptr_array_index (places, i)));

  gtk_widget_add_css_class (list, css_class);
  gtk_box_append (self->content, list);
}

void
dossier_side_panel_scroll_to_top (DossierSidePanel *self)
{
  g_return_if_fail (DOSSIER_IS_SIDE_PANEL (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0.0);
}
