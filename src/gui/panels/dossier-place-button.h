/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

/* "Breach · hypothesis “Lazarus Group”, p. 3": where @place is, in words,
 * for the buttons that jump there. */
char        *dossier_place_describe             (DossierCase        *dcase,
                                                 const DossierPlace *place);
/* A flat button that activates win.show-place for @place. */
GtkWidget   *dossier_place_button_new           (DossierCase        *dcase,
                                                 const DossierPlace *place);

G_END_DECLS
