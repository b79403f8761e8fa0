/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_RELEASE_VIEW (dossier_release_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierReleaseView, dossier_release_view, DOSSIER, RELEASE_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_release_view_new      (void);

G_END_DECLS
