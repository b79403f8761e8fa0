/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE_PANEL (dossier_source_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSourcePanel, dossier_source_panel, DOSSIER, SOURCE_PANEL, GtkWidget)

GtkWidget   *dossier_source_panel_new           (void);
void         dossier_source_panel_set_case      (DossierSourcePanel *self,
                                                 DossierCase        *dcase);
/* Shows the source with @source_id of the case; FALSE when there is none. */
gboolean     dossier_source_panel_set_source    (DossierSourcePanel *self,
                                                 const char         *source_id);
const char  *dossier_source_panel_get_source_id (DossierSourcePanel *self);

/* "Breach · hypothesis “Lazarus Group”, p. 3": where @place is, in words,
 * for the buttons that jump there. */
char        *dossier_place_describe             (DossierCase        *dcase,
                                                 const DossierPlace *place);
/* A flat button that activates win.show-place for @place. */
GtkWidget   *dossier_place_button_new           (DossierCase        *dcase,
                                                 const DossierPlace *place);

G_END_DECLS
