/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-date.h"
#include "dossier-inline.h"
#include "dossier-place.h"

G_BEGIN_DECLS

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

G_END_DECLS
