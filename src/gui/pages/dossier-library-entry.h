/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-library-records.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_LIBRARY_ENTRY_CASE,    /* a case of the list */
  DOSSIER_LIBRARY_ENTRY_HEADER,  /* the case a run of search hits is in */
  DOSSIER_LIBRARY_ENTRY_HIT,     /* one item a search found */
} DossierLibraryEntryKind;

#define DOSSIER_TYPE_LIBRARY_ENTRY (dossier_library_entry_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryEntry, dossier_library_entry, DOSSIER, LIBRARY_ENTRY, GObject)

/*
 * DossierLibraryEntry: one row of the Library page's lists, as a list
 * model holds it: a case (with the keys it is sorted and filtered by,
 * made once), the header of a case's search hits, or a hit.
 */

/* Takes @info. */
DossierLibraryEntry     *dossier_library_entry_new_case   (DossierLibraryCaseInfo *info);
/* The header for @hit's case (copies what it needs). */
DossierLibraryEntry     *dossier_library_entry_new_header (const DossierLibraryHit *hit);
/* Takes @hit. */
DossierLibraryEntry     *dossier_library_entry_new_hit    (DossierLibraryHit      *hit);

DossierLibraryEntryKind  dossier_library_entry_get_kind   (DossierLibraryEntry *self);
/* The case file (every kind). */
const char              *dossier_library_entry_get_path   (DossierLibraryEntry *self);
/* The case's title, or its file name when it has none (safe to show). */
const char              *dossier_library_entry_get_title  (DossierLibraryEntry *self);
/* The case (CASE) or the hit (HIT); NULL for other kinds. */
const DossierLibraryCaseInfo *dossier_library_entry_get_case_info (DossierLibraryEntry *self);
const DossierLibraryHit      *dossier_library_entry_get_hit       (DossierLibraryEntry *self);

/* Sort keys of a case: its title, collated; its folder; its updated
 * date as written ("" without one). */
const char              *dossier_library_entry_get_title_key  (DossierLibraryEntry *self);
const char              *dossier_library_entry_get_folder_key (DossierLibraryEntry *self);
const char              *dossier_library_entry_get_updated    (DossierLibraryEntry *self);
/* A team library's case whose file is not on this computer: it opens
 * from the library's copy. Set in the worker that makes the entries. */
void                     dossier_library_entry_set_elsewhere  (DossierLibraryEntry *self,
                                                               gboolean             elsewhere);
gboolean                 dossier_library_entry_is_elsewhere   (DossierLibraryEntry *self);
/* Whether the case's title or path holds every word of @folded_words
 * (case-folded, space-separated). Main thread only. */
gboolean                 dossier_library_entry_matches        (DossierLibraryEntry *self,
                                                               const char          *folded_words);

G_END_DECLS
