/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_VIEW (dossier_view_get_type ())
G_DECLARE_INTERFACE (DossierView, dossier_view, DOSSIER, VIEW, GtkWidget)

/*
 * DossierView: one tab of the window, bound to one DossierCase.
 *
 * A window holds all eight views and shows one, so a view builds its
 * template when it is first shown or used, not when it is created: a
 * view calls dossier_view_class_set_lazy_template() in its class_init,
 * dossier_view_ensure_built() before it touches a template child, and
 * dossier_view_dispose_template() in its dispose.
 */
struct _DossierViewInterface
{
  GTypeInterface parent_iface;

  /* What the view is, set once in its interface init. */
  const char *name;             /* "overview": the name of --view= and win.view */
  const char *title;            /* N_("Overview"): translated when shown */
  const char *icon_name;        /* the tab's icon */
  const char *empty_icon_name;  /* the icon of its "empty_page", if any */

  /* Once, right after the template is built: factories, signals. */
  void     (*template_built) (DossierView        *self);
  /* Shows @dcase (NULL clears); a case without the view's section gets
   * the view's designed empty state. */
  void     (*set_case)       (DossierView        *self,
                              DossierCase        *dcase);
  /* Scrolls to the item of @place, gives it the focus and flashes it,
   * also before the view was ever shown; switches nothing. FALSE when
   * the view has no such item. */
  gboolean (*reveal)         (DossierView        *self,
                              const DossierPlace *place);
  /* Marks @terms in the item that is revealed next (optional: by
   * default in the labels of the highlighted item). */
  void     (*mark_terms)     (DossierView        *self,
                              const char * const *terms);
};

const char *dossier_view_get_name      (DossierView        *self);
/* Translated. */
const char *dossier_view_get_title     (DossierView        *self);
const char *dossier_view_get_icon_name (DossierView        *self);
/* The name of the views of @view_type, a type that implements
 * DossierView (the type's class is created if need be). */
const char *dossier_view_type_get_name (GType               view_type);

void        dossier_view_set_case      (DossierView        *self,
                                        DossierCase        *dcase);
gboolean    dossier_view_reveal        (DossierView        *self,
                                        const DossierPlace *place);
void        dossier_view_mark_terms    (DossierView        *self,
                                        const char * const *terms);

/* How far the view is scrolled down (0 at its top), and back there once
 * the view is laid out again (after a reload, or when it is shown). */
double      dossier_view_get_scroll     (DossierView       *self);
void        dossier_view_restore_scroll (DossierView       *self,
                                         double             value);

/* The lazily built template (see above). */
void        dossier_view_class_set_lazy_template (GtkWidgetClass *widget_class,
                                                  const char     *resource_name);
void        dossier_view_ensure_built            (DossierView    *self);
gboolean    dossier_view_is_built                (DossierView    *self);
void        dossier_view_dispose_template        (DossierView    *self,
                                                  GType           view_type);

G_END_DECLS
