/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_REACTIONS_VIEW (dossier_reactions_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierReactionsView, dossier_reactions_view, DOSSIER, REACTIONS_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_reactions_view_new      (void);

G_END_DECLS
