/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-lazy-widget.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WELCOME_PAGE (dossier_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierWelcomePage, dossier_welcome_page, DOSSIER, WELCOME_PAGE, DossierLazyWidget)

GtkWidget *dossier_welcome_page_new     (void);
/* Re-reads the recently opened case files. */
void       dossier_welcome_page_refresh (DossierWelcomePage *self);

G_END_DECLS
