/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-lazy-widget.h"
/* Views that list the places citing a source build the same buttons. */
#include "dossier-place-button.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE_PANEL (dossier_source_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSourcePanel, dossier_source_panel, DOSSIER, SOURCE_PANEL, DossierLazyWidget)

GtkWidget   *dossier_source_panel_new           (void);
void         dossier_source_panel_set_case      (DossierSourcePanel *self,
                                                 DossierCase        *dcase);
/* Shows the source with @source_id of the case; FALSE when there is none. */
gboolean     dossier_source_panel_set_source    (DossierSourcePanel *self,
                                                 const char         *source_id);
const char  *dossier_source_panel_get_source_id (DossierSourcePanel *self);

G_END_DECLS
