/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LAZY_WIDGET (dossier_lazy_widget_get_type ())
G_DECLARE_DERIVABLE_TYPE (DossierLazyWidget, dossier_lazy_widget, DOSSIER, LAZY_WIDGET, GtkWidget)

/*
 * DossierLazyWidget: a widget whose composite template is built when it
 * is first mapped or first used, not when it is created. A window holds
 * pages and panels it may never show (the welcome page of a window opened
 * on a file, the side panels until a citation is followed): they cost
 * nothing until then.
 *
 * A subclass sets its template in class_init as usual but never calls
 * gtk_widget_init_template(): it calls dossier_lazy_widget_ensure_built()
 * before it touches a template child. The widget lays out its one child
 * (GtkBinLayout) and disposes its template.
 */
struct _DossierLazyWidgetClass
{
  GtkWidgetClass parent_class;

  gpointer       padding[4];
};

void     dossier_lazy_widget_ensure_built (DossierLazyWidget *self);
gboolean dossier_lazy_widget_is_built     (DossierLazyWidget *self);

G_END_DECLS
