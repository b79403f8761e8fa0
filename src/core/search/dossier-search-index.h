/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-case.h"
#include "dossier-search-hit.h"
#include "dossier-search-query.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_INDEX (dossier_search_index_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchIndex, dossier_search_index, DOSSIER, SEARCH_INDEX, GObject)

/**
 * dossier_search_index_new:
 * @dcase: a loaded case
 *
 * Builds the index of every text of @dcase: the overview, entities
 * (names, aliases, roles, descriptions), sources (titles, publishers,
 * authors, excerpts), the breach (method, summary, impact, each exposed
 * item, each hypothesis with its evidence), the threat screen, the
 * reactions, the releases, the timeline's events and the notes (titles,
 * bodies, tags, authors). Each of these items is one document. Blocking;
 * the index keeps a reference to @dcase, which must not change.
 *
 * The index is read-only once built: any number of threads may run
 * queries on it at once.
 *
 * Returns: (transfer full): the index.
 */
DossierSearchIndex *dossier_search_index_new          (DossierCase         *dcase);

/*< private >
 * dossier_search_index_new_in_parts:
 * @dcase: a loaded case
 * @n_parts: how many parts to cut the documents into, 1 to 4
 *
 * For tests: dossier_search_index_new() cutting the documents into
 * @n_parts parts indexed in parallel and merged, as it does on its own
 * for large cases, whatever the size of @dcase. Gives the same index.
 */
DossierSearchIndex *dossier_search_index_new_in_parts (DossierCase *dcase,
                                                       guint        n_parts);

/* Builds the index in a GTask thread. */
void                dossier_search_index_new_async    (DossierCase         *dcase,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
DossierSearchIndex *dossier_search_index_new_finish   (GAsyncResult        *result,
                                                       GError             **error);

DossierCase        *dossier_search_index_get_case     (DossierSearchIndex  *self);
guint               dossier_search_index_get_n_documents (DossierSearchIndex *self);
guint               dossier_search_index_get_n_terms  (DossierSearchIndex  *self);
/* Bytes the index holds (not counting the case), for benchmarks. */
gsize               dossier_search_index_get_size     (DossierSearchIndex  *self);

/**
 * dossier_search_index_run:
 * @self: an index
 * @query: a parsed query
 * @max_results: how many hits to return at most; 0 for all
 * @out_total: (out) (optional): how many items match in all
 * @cancellable: (nullable): checked as the search goes
 * @error: %G_IO_ERROR_CANCELLED when cancelled
 *
 * Runs @query. Hits come best first: items whose title holds every word
 * come first, then items where the words stand next to each other as
 * typed, then the rest; inside each group in the case's own chronology
 * (oldest first, as the timeline reads), undated items last in the
 * order of the file. An empty query finds nothing.
 *
 * Thread-safe: call it from any thread.
 *
 * Returns: (transfer container) (element-type DossierSearchHit): the hits
 *   (possibly none), or %NULL and @error when cancelled.
 */
GPtrArray          *dossier_search_index_run          (DossierSearchIndex  *self,
                                                       DossierSearchQuery  *query,
                                                       guint                max_results,
                                                       guint               *out_total,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

/* Runs dossier_search_index_run() in a GTask thread. A GUI cancels the
 * previous search when the user types on. */
void                dossier_search_index_run_async    (DossierSearchIndex  *self,
                                                       DossierSearchQuery  *query,
                                                       guint                max_results,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray          *dossier_search_index_run_finish   (DossierSearchIndex  *self,
                                                       GAsyncResult        *result,
                                                       guint               *out_total,
                                                       GError             **error);

G_END_DECLS
