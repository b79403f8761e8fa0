/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-lazy-widget.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY_PANEL (dossier_entity_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierEntityPanel, dossier_entity_panel, DOSSIER, ENTITY_PANEL, DossierLazyWidget)

GtkWidget   *dossier_entity_panel_new           (void);
void         dossier_entity_panel_set_case      (DossierEntityPanel *self,
                                                 DossierCase        *dcase);
/* Shows the entity with @entity_id; FALSE when there is none. */
gboolean     dossier_entity_panel_set_entity    (DossierEntityPanel *self,
                                                 const char         *entity_id);
const char  *dossier_entity_panel_get_entity_id (DossierEntityPanel *self);

G_END_DECLS
