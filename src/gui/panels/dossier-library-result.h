/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-library-records.h"
#include "dossier-search-hit.h"

G_BEGIN_DECLS

/* One row of "Search All Cases": either a case (the header of its hits)
 * or one hit in it, for the GListStore the search panel's list shows. */
#define DOSSIER_TYPE_LIBRARY_RESULT (dossier_library_result_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryResult, dossier_library_result, DOSSIER, LIBRARY_RESULT, GObject)

/* The header of a case's hits: @case_title may be NULL (a case without
 * one), @is_open_case says it is the case of the window. */
DossierLibraryResult    *dossier_library_result_new_case     (const char        *path,
                                                              const char        *case_title,
                                                              gboolean           is_open_case,
                                                              guint              n_hits);
/* Takes @hit; its snippet's marks become ranges of plain text. */
DossierLibraryResult    *dossier_library_result_new_hit      (DossierLibraryHit *hit,
                                                              gboolean           is_open_case);
/* A hit of the open case found by its own search index (in-case
 * search), for the case file @path. */
DossierLibraryResult    *dossier_library_result_new_search_hit (const char             *path,
                                                                const char             *case_title,
                                                                const DossierSearchHit *hit);

gboolean                 dossier_library_result_is_case      (DossierLibraryResult *self);
gboolean                 dossier_library_result_is_open_case (DossierLibraryResult *self);
const char              *dossier_library_result_get_path     (DossierLibraryResult *self);
/* The case file's name, for showing. */
const char              *dossier_library_result_get_file_name (DossierLibraryResult *self);
/* The case's title, or NULL. Like the item's title and the snippet, made
 * safe to show (dossier_sanitize_display_text()). */
const char              *dossier_library_result_get_case_title (DossierLibraryResult *self);
/* A header: how many hits of the case are listed. */
guint                    dossier_library_result_get_n_hits   (DossierLibraryResult *self);
/* A hit: the item (path, section, id, index) as the library gave it;
 * NULL for a header. Show the getters' text, not its title. */
const DossierLibraryHit *dossier_library_result_get_hit      (DossierLibraryResult *self);
/* A hit: its title, or NULL. */
const char              *dossier_library_result_get_title    (DossierLibraryResult *self);
/* A hit: its snippet as plain text ("" when none), and the byte ranges
 * of the matched words in it (element-type DossierSearchRange). A
 * snippet that begins with the item's title loses it: the marks there
 * are the title's. */
const char              *dossier_library_result_get_snippet  (DossierLibraryResult *self);
GArray                  *dossier_library_result_get_snippet_marks (DossierLibraryResult *self);
/* A hit: the byte ranges of the matched words in its title. */
GArray                  *dossier_library_result_get_title_marks (DossierLibraryResult *self);
/* A hit: the matched words as written in its title and snippet, each
 * once, for marking them in place. */
GStrv                    dossier_library_result_dup_terms    (DossierLibraryResult *self);

G_END_DECLS
