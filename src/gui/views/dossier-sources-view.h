/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCES_VIEW (dossier_sources_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierSourcesView, dossier_sources_view, DOSSIER, SOURCES_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_sources_view_new      (void);
/* TRUE while the view shows its empty state. */
gboolean     dossier_sources_view_is_empty (DossierSourcesView *self);

G_END_DECLS
