/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-place.h"

G_BEGIN_DECLS

/**
 * DossierLibraryStamp:
 * @size: the file's size in bytes
 * @mtime: its modification time, in microseconds since 1970
 * @sha256: its SHA-256 in hex, or %NULL when not known
 *
 * What a case file looked like when it was indexed: a file is read
 * again only when one of these changed.
 */
typedef struct
{
  gint64  size;
  gint64  mtime;
  char   *sha256;
} DossierLibraryStamp;

/**
 * DossierLibraryItem:
 * @section: the part of the case
 * @ord: its number in the case, in the order in-case search numbers
 *   its documents (the order of the file)
 * @item_id: (nullable): its id (notes, events, entities, sources,
 *   hypotheses, reactions)
 * @item_index: for items without ids (releases, exposed items), their
 *   0-based index; else -1
 * @title: its title as written (plain text)
 * @fields: (element-type utf8): the text of each field, the title
 *   first, as in-case search reads them; a phrase never runs from one
 *   field into the next
 * @tags: (element-type utf8): a note's tags
 * @authors: (element-type utf8): a note's author or a source's authors
 * @cites: (element-type utf8): the ids of the sources its text cites
 * @certainties: bit (1 << DossierCertainty) for each certainty the item
 *   or one of its paragraphs carries (never NONE)
 * @date: (nullable): the date it is filtered by, as written
 * @date_start: the sort key of the start of @date; 0 without one
 * @date_end: the key of its end
 *
 * One searchable item of a case, as the library stores it.
 */
typedef struct
{
  DossierSection  section;
  guint           ord;
  char           *item_id;
  int             item_index;
  char           *title;
  GPtrArray      *fields;
  GPtrArray      *tags;
  GPtrArray      *authors;
  GPtrArray      *cites;
  guint           certainties;
  char           *date;
  gint64          date_start;
  gint64          date_end;
} DossierLibraryItem;

/**
 * DossierLibraryCaseInfo:
 * @path: the case file's absolute path
 * @stamp: what the file looked like when indexed
 * @case_id: (nullable): the case's id
 * @title: (nullable): its title, plain text
 * @status: (nullable): "open", "closed" or %NULL
 * @updated: (nullable): its updated date as written
 * @n_items: how many items are searchable
 * @n_notes: how many notes
 * @n_events: how many events
 * @n_sources: how many sources
 * @n_entities: how many entities
 * @problem: (nullable): for a case that does not load, its first
 *   problem ("error: ..." without the file name)
 * @problem_line: the line of @problem, or 0
 * @bytes: (nullable): the file's bytes, when an update read them: a
 *   server store keeps them so that colleagues can open the case;
 *   never filled by a listing
 *
 * One case file the library knows, loaded or not.
 */
typedef struct
{
  char                *path;
  DossierLibraryStamp  stamp;
  char                *case_id;
  char                *title;
  char                *status;
  char                *updated;
  guint                n_items;
  guint                n_notes;
  guint                n_events;
  guint                n_sources;
  guint                n_entities;
  char                *problem;
  guint                problem_line;
  GBytes              *bytes;
} DossierLibraryCaseInfo;

/**
 * DossierLibraryHit:
 * @path: the case file
 * @case_title: (nullable): its title
 * @section: where the item stands
 * @item_id: (nullable): its id
 * @item_index: its index when it has no id, else -1
 * @title: (nullable): the item's title
 * @snippet: text around the match; the matched words stand between
 *   DOSSIER_LIBRARY_MARK_OPEN and DOSSIER_LIBRARY_MARK_CLOSE
 *
 * One item a library search found.
 */
typedef struct
{
  char           *path;
  char           *case_title;
  DossierSection  section;
  char           *item_id;
  int             item_index;
  char           *title;
  char           *snippet;
} DossierLibraryHit;

/* Bytes no case text holds (XML forbids them), around matched words. */
#define DOSSIER_LIBRARY_MARK_OPEN  "\002"
#define DOSSIER_LIBRARY_MARK_CLOSE "\003"

DossierLibraryItem     *dossier_library_item_new        (void);
void                    dossier_library_item_free       (DossierLibraryItem     *item);
void                    dossier_library_case_info_free  (DossierLibraryCaseInfo *info);
DossierLibraryCaseInfo *dossier_library_case_info_copy  (const DossierLibraryCaseInfo *info);
void                    dossier_library_hit_free        (DossierLibraryHit      *hit);
void                    dossier_library_stamp_clear     (DossierLibraryStamp    *stamp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLibraryItem, dossier_library_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLibraryCaseInfo, dossier_library_case_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierLibraryHit, dossier_library_hit_free)

G_END_DECLS
