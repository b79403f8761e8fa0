/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_RELEASE_VIEW (dossier_release_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierReleaseView, dossier_release_view, DOSSIER, RELEASE_VIEW, GtkWidget)

GtkWidget   *dossier_release_view_new      (void);
/* Shows @dcase (NULL clears); a case without this section gets the view's
 * designed empty state. */
void         dossier_release_view_set_case (DossierReleaseView *self,
                                         DossierCase *dcase);
DossierCase *dossier_release_view_get_case (DossierReleaseView *self);
/* Scrolls to the item with @item_id (or, when NULL, at @item_index) and
 * highlights it briefly. FALSE when there is no such item. */
gboolean     dossier_release_view_reveal   (DossierReleaseView *self,
                                         const char  *item_id,
                                         int          item_index);

G_END_DECLS
