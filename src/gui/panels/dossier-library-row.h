/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library-result.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_ROW (dossier_library_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryRow, dossier_library_row, DOSSIER, LIBRARY_ROW, GtkWidget)

/*
 * DossierLibraryRow: a row of "Search All Cases". For a case, its title,
 * its file name, "This Case" when it is the window's, and how many of its
 * hits are listed; for a hit, its title, its section and the snippet with
 * the matched words marked. Case text is shown as plain text with Pango
 * attributes, never as markup.
 */

GtkWidget *dossier_library_row_new        (void);
/* Shows @result (NULL: nothing). */
void       dossier_library_row_set_result (DossierLibraryRow    *self,
                                           DossierLibraryResult *result);

G_END_DECLS
