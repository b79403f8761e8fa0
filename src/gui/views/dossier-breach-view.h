/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_BREACH_VIEW (dossier_breach_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierBreachView, dossier_breach_view, DOSSIER, BREACH_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_breach_view_new      (void);
/* TRUE while the view shows its empty state. */
gboolean     dossier_breach_view_is_empty (DossierBreachView *self);

G_END_DECLS
