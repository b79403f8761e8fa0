/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_BREACH_VIEW (dossier_breach_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierBreachView, dossier_breach_view, DOSSIER, BREACH_VIEW, GtkWidget)

GtkWidget   *dossier_breach_view_new      (void);
/* Shows @dcase (NULL clears); a case without this section gets the view's
 * designed empty state. */
void         dossier_breach_view_set_case (DossierBreachView *self,
                                         DossierCase *dcase);
DossierCase *dossier_breach_view_get_case (DossierBreachView *self);
/* Scrolls to the item with @item_id (or, when NULL, at @item_index) and
 * highlights it briefly. FALSE when there is no such item. */
gboolean     dossier_breach_view_reveal   (DossierBreachView *self,
                                         const char  *item_id,
                                         int          item_index);
/* TRUE while the view shows its empty state. */
gboolean     dossier_breach_view_is_empty (DossierBreachView *self);

G_END_DECLS
