/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-case.h"
#include "dossier-search-query.h"

G_BEGIN_DECLS

/**
 * dossier_search_tokenize:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Splits @text into the tokens the search index keeps: runs of letters
 * and digits, case-folded (full Unicode case folding), compatibility
 * decomposed (NFKD) with combining marks dropped, so "Café", "CAFE" and
 * "cafe\u0301" all give "cafe". Everything else (white space,
 * punctuation, hyphens) separates tokens, except that soft hyphens,
 * zero-width and bidi control characters are ignored. Korean, Chinese
 * and Japanese characters are one token each, which is how the index
 * finds them inside longer runs (a word of them must match as adjacent
 * tokens).
 *
 * Returns: (transfer full): a %NULL-terminated array of tokens.
 */
GStrv dossier_search_tokenize (const char *text,
                               gssize      length);

/**
 * dossier_search_fold:
 * @text: UTF-8 text
 *
 * The same folding without splitting: case folded, NFKD, marks dropped,
 * punctuation kept. Used for whole values such as tags.
 *
 * Returns: (transfer full): the folded text.
 */
char *dossier_search_fold (const char *text);

/**
 * DossierSearchRange:
 * @start: byte offset of the first byte of a match
 * @end: byte offset just past its last byte
 *
 * A matched term in a hit's title or snippet, for highlighting.
 */
typedef struct
{
  guint start;
  guint end;
} DossierSearchRange;

/**
 * DossierSearchHit:
 * @section: the part of the case.
 * @item_id: the id of the item (note, event, reaction, entity, source,
 *   hypothesis), or %NULL.
 * @item_index: for items without ids (releases, exposed items), their
 *   0-based index in their list; else -1.
 * @title: the item's title as shown (a note's title, an entity's name, a
 *   release's market ...), sanitized for display.
 * @title_marks: (element-type DossierSearchRange): matches in @title.
 * @label: where it stands, for readers: "Note n7 — Passports in the leak".
 * @date: (nullable): the date the item is ranked and filtered by.
 * @certainty: the item's own certainty, or NONE.
 * @field: which field @snippet comes from: "title", "body", "summary",
 *   "quote", "evidence", "tags" ... (not translated).
 * @snippet: about 160 characters of that field around the first match,
 *   with "…" where it was cut, sanitized for display (no control or bidi
 *   characters, white space as single spaces).
 * @snippet_marks: (element-type DossierSearchRange): matches in
 *   @snippet, as byte offsets, in order, not overlapping.
 * @title_match: every searched word appears in the title.
 * @phrase_match: the searched words appear next to each other in the
 *   order typed.
 * @document: the item's number inside the index.
 *
 * One result of a search. Owns all its members.
 */
typedef struct
{
  DossierSection     section;
  char              *item_id;
  int                item_index;
  char              *title;
  GArray            *title_marks;
  char              *label;
  DossierDate       *date;
  DossierCertainty   certainty;
  const char        *field;
  char              *snippet;
  GArray            *snippet_marks;
  gboolean           title_match;
  gboolean           phrase_match;
  guint              document;
} DossierSearchHit;

void dossier_search_hit_free (DossierSearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchHit, dossier_search_hit_free)

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
