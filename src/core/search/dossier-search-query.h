/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-date.h"
#include "dossier-inline.h"
#include "dossier-place.h"

G_BEGIN_DECLS

#define DOSSIER_SEARCH_ERROR (dossier_search_error_quark ())

/**
 * DossierSearchError:
 * @DOSSIER_SEARCH_ERROR_SYNTAX: the query is not well formed: an unclosed
 *   quote, an `OR` with nothing on one side, a filter without a value,
 *   text that is not UTF-8.
 * @DOSSIER_SEARCH_ERROR_UNKNOWN_FILTER: a `name:` that is not one of the
 *   filters (`tag`, `author`, `in`, `cites`, `certainty`, `before`,
 *   `after`).
 * @DOSSIER_SEARCH_ERROR_INVALID_VALUE: a filter's value is not one it
 *   takes: an unknown section after `in:`, an unknown certainty, a date
 *   that does not parse after `before:` or `after:`.
 *
 * Why a query was refused. The message always names the column (1-based,
 * in characters) where the problem starts, e.g. "unclosed quote at
 * column 7" (for text that is not UTF-8, the byte). The column is also
 * in the error itself: dossier_search_error_get_column().
 */
typedef enum
{
  DOSSIER_SEARCH_ERROR_SYNTAX,
  DOSSIER_SEARCH_ERROR_UNKNOWN_FILTER,
  DOSSIER_SEARCH_ERROR_INVALID_VALUE,
} DossierSearchError;

GQuark dossier_search_error_quark (void);

/**
 * dossier_search_error_get_column:
 * @error: an error set by dossier_search_query_parse()
 *
 * Where the problem starts, as structured data: the 1-based column, in
 * characters, that the message names. For text that is not UTF-8 (whose
 * message names a byte instead) the column of the first byte that is not
 * UTF-8, counting the characters before it. Read the position here, never
 * from the message: it quotes what the user typed, which may hold the
 * word "column" and numbers of its own.
 *
 * Returns: the column, at least 1; 0 when @error is not a
 *   %DOSSIER_SEARCH_ERROR.
 */
guint  dossier_search_error_get_column (const GError *error);

/**
 * DossierSearchAtomKind:
 * @DOSSIER_SEARCH_ATOM_WORDS: a word or a "quoted phrase"; its @tokens
 *   must appear next to each other (a word such as `Jong-un` or a Korean
 *   word is several tokens).
 * @DOSSIER_SEARCH_ATOM_TAG: `tag:` a note's tag.
 * @DOSSIER_SEARCH_ATOM_AUTHOR: `author:` a note's or a source's author;
 *   every token must be a word of the author's name.
 * @DOSSIER_SEARCH_ATOM_IN: `in:` a section.
 * @DOSSIER_SEARCH_ATOM_CITES: `cites:` a source id (case-insensitive).
 * @DOSSIER_SEARCH_ATOM_CERTAINTY: `certainty:` the item, or one of its
 *   paragraphs, carries this certainty.
 * @DOSSIER_SEARCH_ATOM_BEFORE: `before:` dated before the start of @date.
 * @DOSSIER_SEARCH_ATOM_AFTER: `after:` dated at or after the start of
 *   @date (so `before:X` and `after:X` split the dated items in two).
 */
typedef enum
{
  DOSSIER_SEARCH_ATOM_WORDS,
  DOSSIER_SEARCH_ATOM_TAG,
  DOSSIER_SEARCH_ATOM_AUTHOR,
  DOSSIER_SEARCH_ATOM_IN,
  DOSSIER_SEARCH_ATOM_CITES,
  DOSSIER_SEARCH_ATOM_CERTAINTY,
  DOSSIER_SEARCH_ATOM_BEFORE,
  DOSSIER_SEARCH_ATOM_AFTER,
} DossierSearchAtomKind;

/**
 * DossierSearchAtom:
 * @kind: what it looks for.
 * @negated: written with a leading `-`: items that match are left out.
 * @quoted: written in double quotes (never a prefix).
 * @prefix: the last token matches as a prefix: the atom is the last thing
 *   typed, not quoted and not followed by a space.
 * @column: 1-based column, in characters, where the atom starts.
 * @text: the value as written (without `-`, the filter name or quotes).
 * @tokens: the normalized tokens of @text (see dossier_search_text_tokenize());
 *   for TAG, CITES one folded string, the whole value. NULL for IN,
 *   CERTAINTY, BEFORE and AFTER.
 * @section: for IN.
 * @certainty: for CERTAINTY.
 * @date: for BEFORE and AFTER.
 *
 * One term of a parsed query. Read-only.
 */
typedef struct
{
  DossierSearchAtomKind  kind;
  gboolean               negated;
  gboolean               quoted;
  gboolean               prefix;
  guint                  column;
  char                  *text;
  GStrv                  tokens;
  DossierSection         section;
  DossierCertainty       certainty;
  DossierDate           *date;
} DossierSearchAtom;

/**
 * DossierSearchQuery:
 *
 * A parsed query: a list of clauses that must all hold; each clause is a
 * list of #DossierSearchAtom joined by `OR`. Immutable and reference
 * counted, so it can be handed to a worker thread.
 */
typedef struct _DossierSearchQuery DossierSearchQuery;

#define DOSSIER_TYPE_SEARCH_QUERY (dossier_search_query_get_type ())
GType dossier_search_query_get_type (void) G_GNUC_CONST;

/**
 * dossier_search_query_parse:
 * @text: what the user typed
 * @error: a %DOSSIER_SEARCH_ERROR whose message names the column of the
 *   problem; dossier_search_error_get_column() gives it as a number
 *
 * Parses the query language described in docs/search.md: words (all
 * must match), "exact phrases", `-word` to leave out, `OR` between two
 * terms, and the filters `tag:`, `author:`, `in:`, `cites:`,
 * `certainty:`, `before:` and `after:`. The last word matches as a prefix
 * unless it is quoted or followed by a space, so results follow typing.
 *
 * Returns: (transfer full): the query, or NULL and @error.
 */
DossierSearchQuery *dossier_search_query_parse      (const char          *text,
                                                     GError             **error);
DossierSearchQuery *dossier_search_query_ref        (DossierSearchQuery  *query);
void                dossier_search_query_unref      (DossierSearchQuery  *query);

/* The text it was parsed from. */
const char         *dossier_search_query_get_text   (DossierSearchQuery  *query);
/* TRUE when there is nothing to look for (empty or only punctuation):
 * such a query finds nothing. */
gboolean            dossier_search_query_is_empty   (DossierSearchQuery  *query);
/* Of GPtrArray of DossierSearchAtom: the clauses, in the order written. */
GPtrArray          *dossier_search_query_get_clauses (DossierSearchQuery *query);

/* A compact, stable description of the parse for tests and debugging:
 * `passports* AND (tag:leak OR -"act of war") AND before:2014-12`. */
char               *dossier_search_query_to_string  (DossierSearchQuery  *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchQuery, dossier_search_query_unref)

G_END_DECLS
