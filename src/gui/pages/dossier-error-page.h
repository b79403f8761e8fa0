/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-lazy-widget.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ERROR_PAGE (dossier_error_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierErrorPage, dossier_error_page, DOSSIER, ERROR_PAGE, DossierLazyWidget)

GtkWidget  *dossier_error_page_new       (void);
/* Shows why @file could not be opened: @error's message lists every
 * problem, one a line. */
void        dossier_error_page_set_error (DossierErrorPage *self,
                                          GFile            *file,
                                          const GError     *error);
/* The problems as shown (and copied), one a line. */
char       *dossier_error_page_get_text  (DossierErrorPage *self);

G_END_DECLS
