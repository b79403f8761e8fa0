/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-lazy-widget.h"

typedef struct
{
  gboolean built;
} DossierLazyWidgetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DossierLazyWidget, dossier_lazy_widget, GTK_TYPE_WIDGET)

static void
dossier_lazy_widget_map (GtkWidget *widget)
{
  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (widget));

  GTK_WIDGET_CLASS (dossier_lazy_widget_parent_class)->map (widget);
}

static void
dossier_lazy_widget_dispose (GObject *object)
{
  DossierLazyWidget *self = DOSSIER_LAZY_WIDGET (object);
  DossierLazyWidgetPrivate *priv = dossier_lazy_widget_get_instance_private (self);
  GtkWidget *child;

  if (priv->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  /* Unnamed template children are not disposed with the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_lazy_widget_parent_class)->dispose (object);
}

static void
dossier_lazy_widget_class_init (DossierLazyWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_lazy_widget_dispose;
  widget_class->map = dossier_lazy_widget_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_lazy_widget_init (DossierLazyWidget *self)
{
}

/* The template is the one of the instance's own class: GTK builds a
 * template outside the instance init only for that class. */
void
dossier_lazy_widget_ensure_built (DossierLazyWidget *self)
{
  DossierLazyWidgetPrivate *priv;

  g_return_if_fail (DOSSIER_IS_LAZY_WIDGET (self));

  priv = dossier_lazy_widget_get_instance_private (self);
  if (priv->built)
    return;

  priv->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
dossier_lazy_widget_is_built (DossierLazyWidget *self)
{
  DossierLazyWidgetPrivate *priv;

  g_return_val_if_fail (DOSSIER_IS_LAZY_WIDGET (self), FALSE);

  priv = dossier_lazy_widget_get_instance_private (self);
  return priv->built;
}
