/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library-entry.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_ENTRY_ROW (dossier_library_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryEntryRow, dossier_library_entry_row, DOSSIER, LIBRARY_ENTRY_ROW, GtkWidget)

/*
 * DossierLibraryEntryRow: what the Library page's lists show for an entry.
 * A case: its title, status, updated date and counts, and its folder;
 * or, for a case that does not load, its first problem and line. A
 * header: the case a run of hits is in and its file. A hit: the item's
 * part of the case and title, and the snippet with the matched words
 * marked as in-case search marks them. Text from case files is shown as
 * plain text, never read as markup.
 */
GtkWidget *dossier_library_entry_row_new       (void);
/* Shows @entry (NULL: nothing). */
void       dossier_library_entry_row_set_entry (DossierLibraryEntryRow *self,
                                                DossierLibraryEntry    *entry);

G_END_DECLS
