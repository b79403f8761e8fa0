/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PANEL (dossier_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, DOSSIER, SEARCH_PANEL, GtkWidget)

/*
 * DossierSearchPanel: a search entry, a help popover and the results of
 * the query typed, for a GtkSearchBar under the window's header bar.
 *
 * Signals:
 *   "result-activated" (const char *section, const char *item_id,
 *                       int item_index, GStrv terms):
 *     Enter on the entry (the first result), Enter on a row or a
 *     click on it. Down in the entry moves into the list. @section is the name
 *     dossier_section_to_string() gives ("notes"), @item_id may be NULL,
 *     @item_index is -1 for items with an id, and @terms are the matched
 *     words as they are written in the item's title and snippet, for
 *     highlighting them in place.
 *   "closed": Escape in the entry or the results. The window hides the
 *     bar and gives the focus back.
 */

GtkWidget   *dossier_search_panel_new       (void);

/* Builds the search index of @dcase in a worker thread (NULL clears),
 * cancelling the build or search under way; the panel shows "Indexing…"
 * meanwhile, then runs the query typed so far. */
void         dossier_search_panel_set_case  (DossierSearchPanel *self,
                                             DossierCase        *dcase);
DossierCase *dossier_search_panel_get_case  (DossierSearchPanel *self);

/* Replaces the text of the entry; the search follows as if typed. */
void         dossier_search_panel_set_query (DossierSearchPanel *self,
                                             const char         *text);
const char  *dossier_search_panel_get_query (DossierSearchPanel *self);

/* Focuses the entry and selects its text, so typing replaces it. */
void         dossier_search_panel_grab_focus (DossierSearchPanel *self);

/* TRUE while the index is built or a search runs (the "busy" property):
 * once it is FALSE, what the panel shows belongs to the text typed. */
gboolean     dossier_search_panel_is_busy   (DossierSearchPanel *self);

/* How many results the list shows (at most 200; the count label says how
 * many match in all). */
guint        dossier_search_panel_get_n_results (DossierSearchPanel *self);

/* "Search All Cases" (the toggle beside the entry, Alt+A): the text
 * typed runs over every case of the library (the default
 * DossierLibraryClient), its hits grouped by case, the open case's
 * first. A hit in the open case is activated as the case's own results
 * are ("result-activated"); a hit in another case activates
 * "app.open-at". Off: the case's results for the same text again. */
void         dossier_search_panel_set_search_all (DossierSearchPanel *self,
                                                  gboolean            search_all);
gboolean     dossier_search_panel_get_search_all (DossierSearchPanel *self);

G_END_DECLS
