/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-lazy-widget.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WELCOME_PAGE (dossier_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierWelcomePage, dossier_welcome_page, DOSSIER, WELCOME_PAGE, DossierLazyWidget)

/*
 * DossierWelcomePage: what a window with no case shows, the Library:
 * every case of the library's folders as a list (sorted, filtered, kept
 * up to date), a search of every case, the folders, and the recent case
 * files. With no folder yet, a page that offers to add one or to open a
 * case file.
 */
GtkWidget  *dossier_welcome_page_new             (void);
/* Re-reads the recently opened case files. */
void        dossier_welcome_page_refresh         (DossierWelcomePage *self);
/* Puts @text in the search field (searching every case) and focuses it. */
void        dossier_welcome_page_set_search_text (DossierWelcomePage *self,
                                                  const char         *text);
const char *dossier_welcome_page_get_search_text (DossierWelcomePage *self);
/* Starts reading the library for a window that is about to show this
 * page, so the list is ready sooner; a window opened on a file never
 * reads it. */
void        dossier_welcome_page_read_ahead      (DossierWelcomePage *self);
/* Starts listing the default library before any page exists: call it
 * just before making a window that will show the Library. */
void        dossier_welcome_page_prefetch        (void);
/* TRUE once the page shows what the library holds (its cases listed). */
gboolean    dossier_welcome_page_is_listed       (DossierWelcomePage *self);

/* Keeps a case opened in a window in the library: it is indexed in a
 * worker thread a moment later, not competing with its first frame.
 * Not in a team library: a case is shared only by adding its folder. */
void        dossier_welcome_page_index_case      (GFile              *file);

G_END_DECLS
