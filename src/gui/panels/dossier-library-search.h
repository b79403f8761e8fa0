/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-library-client.h"
#include "dossier-search-index.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_SEARCH (dossier_library_search_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibrarySearch, dossier_library_search, DOSSIER, LIBRARY_SEARCH, GObject)

/*
 * DossierLibrarySearch: "Search All Cases" for one search panel. Runs
 * the text typed over the library in the client's worker thread, and
 * over the open case's own index in another, one search at a time: a
 * new text cancels the search before it (which then never runs if it
 * had not started) and an answer to an older text is dropped. The hits
 * are grouped by case, a header item before each case's hits, the open
 * case's first.
 *
 * It also keeps how many cases the library holds (listed when made and
 * again whenever the library changes), so an empty library can be told
 * from a query that finds nothing.
 *
 * Properties: "busy" (a search or the listing runs), "n-library-cases"
 * (-1 until known).
 * Signals: "finished" (GError *error): the answer to the last text is
 * in the model, or @error says why there is none (a query that cannot
 * be understood, a library that cannot be read). "library-changed":
 * the library's cases were listed again (when made, and after the
 * library changed), so an answer shown may be out of date.
 */

/* The maximum number of hits listed; the count says when there are more. */
#define DOSSIER_LIBRARY_SEARCH_MAX_HITS 200

DossierLibrarySearch *dossier_library_search_new              (DossierLibraryClient *client);
/* The case of the window (@file NULL: none): its hits come first,
 * marked as this case. With its search index they come from it (the
 * file as open, in in-case search's order, even when the file is in no
 * folder of the library) and the library's hits of the file are left
 * out; without (an index still being built), from the library. */
void                  dossier_library_search_set_open_case    (DossierLibrarySearch *self,
                                                               GFile                *file,
                                                               const char           *case_title,
                                                               DossierSearchIndex   *index);
/* Searches for @text; blank text clears the model at once. */
void                  dossier_library_search_run              (DossierLibrarySearch *self,
                                                               const char           *text);
/* Cancels the search under way; its answer never arrives. */
void                  dossier_library_search_cancel           (DossierLibrarySearch *self);
/* (element-type DossierLibraryResult) */
GListModel           *dossier_library_search_get_model        (DossierLibrarySearch *self);
gboolean              dossier_library_search_is_busy          (DossierLibrarySearch *self);
/* The hits listed and the cases they are in. */
guint                 dossier_library_search_get_n_hits       (DossierLibrarySearch *self);
guint                 dossier_library_search_get_n_cases      (DossierLibrarySearch *self);
/* TRUE when more hits matched than are listed. */
gboolean              dossier_library_search_is_truncated     (DossierLibrarySearch *self);
/* How many cases the library holds besides the open one, -1 until
 * known. */
int                   dossier_library_search_get_n_library_cases (DossierLibrarySearch *self);

G_END_DECLS
