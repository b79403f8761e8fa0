/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_THREAT_VIEW (dossier_threat_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierThreatView, dossier_threat_view, DOSSIER, THREAT_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_threat_view_new      (void);
/* TRUE while the view shows its empty state. */
gboolean     dossier_threat_view_is_empty (DossierThreatView *self);

G_END_DECLS
