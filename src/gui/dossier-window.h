/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow *dossier_window_new  (GtkApplication     *application);
/* Loads @file in a worker thread, showing progress; on success the case
 * replaces what the window showed, on failure the error page lists every
 * problem. */
void           dossier_window_open (DossierWindow      *self,
                                    GFile              *file);

/* Opens @file and presents the window: at once when it is already shown,
 * else as soon as the case (or its error) is ready, or after a moment
 * when loading takes longer. */
void           dossier_window_open_and_present (DossierWindow *self,
                                                GFile         *file);

/* The tab to show once a case is loaded ("overview", "breach", ...:
 * the names of --view). Unknown names are ignored. */
void           dossier_window_set_initial_view (DossierWindow *self,
                                                const char    *view_name);

/* The item to reveal once the case is loaded (at once when it is shown):
 * a section name ("notes", ...), the item's id or NULL, its index when it
 * has no id or -1. */
void           dossier_window_set_initial_place (DossierWindow *self,
                                                 const char    *section_name,
                                                 const char    *item_id,
                                                 int            item_index);
/* The file shown or being loaded, or NULL. */
GFile         *dossier_window_get_file         (DossierWindow *self);
/* The case shown, or NULL. */
DossierCase   *dossier_window_get_case         (DossierWindow *self);
/* TRUE while a file is being loaded for the first time. */
gboolean       dossier_window_is_loading       (DossierWindow *self);

/* "welcome", "loading", "error" or "case": what the window shows. */
const char    *dossier_window_get_page_name    (DossierWindow *self);
/* The name of the visible tab ("overview", ...). */
const char    *dossier_window_get_visible_view_name (DossierWindow *self);
/* The view widget of a tab, by name, or NULL. */
GtkWidget     *dossier_window_get_view         (DossierWindow *self,
                                                const char    *view_name);
/* The id of the source (entity) the side panel shows, or NULL when the
 * panel is closed or shows something else. */
const char    *dossier_window_get_source_panel_source_id (DossierWindow *self);
const char    *dossier_window_get_entity_panel_entity_id (DossierWindow *self);
/* Why the last reload of the shown file failed (the previous version
 * stays on screen), or NULL. */
const GError  *dossier_window_get_reload_error (DossierWindow *self);
GtkWidget     *dossier_window_get_side_panel   (DossierWindow *self);
GtkWidget     *dossier_window_get_error_page   (DossierWindow *self);
GtkWidget     *dossier_window_get_welcome_page (DossierWindow *self);
/* Shows @toast (taking it) over the window. */
void           dossier_window_add_toast        (DossierWindow *self,
                                                AdwToast      *toast);
/* The search panel in the search bar, and whether the bar is open. */
GtkWidget     *dossier_window_get_search_panel (DossierWindow *self);
gboolean       dossier_window_is_search_open   (DossierWindow *self);

G_END_DECLS
