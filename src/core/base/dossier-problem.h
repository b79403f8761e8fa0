/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dossier-error.h"
#include "dossier-place.h"

G_BEGIN_DECLS

/**
 * DossierProblem:
 * @code: for an error that refuses the file, why (the most serious code
 *   of a refused file becomes its #GError code); DOSSIER_CASE_ERROR_INVALID
 *   for a warning.
 * @line: 1-based, or 0 when the problem is about the whole file.
 * @column: 1-based, in characters, or 0 when not known.
 * @section: the part of the case a warning is about.
 * @item_id: (nullable): the id of the item a warning is about.
 * @message: what is wrong, in words, translated.
 *
 * One thing found wrong while loading a case file: an error, which
 * refuses the file, or a warning, which the case keeps (a source never
 * cited, an entity never mentioned, a note about nothing, a paragraph
 * with no citation in the breach or the reactions).
 */
typedef struct
{
  DossierCaseError  code;
  guint             line;
  guint             column;
  DossierSection    section;
  char             *item_id;
  char             *message;
} DossierProblem;

DossierProblem *dossier_problem_new    (guint        line,
                                        guint        column,
                                        const char  *message);
/* Takes @message (a string of g_malloc()) without copying it. */
DossierProblem *dossier_problem_new_take (DossierCaseError  code,
                                          guint             line,
                                          guint             column,
                                          char             *message);
void            dossier_problem_free   (DossierProblem *problem);
/* "FILE:LINE:COLUMN: SEVERITY: MESSAGE", the form compilers use so that
 * editors and terminals can jump to the place. The column is left out
 * when 0, the line (and column) when the line is 0, the file when NULL;
 * SEVERITY is "warning" when NULL. */
char           *dossier_problem_format (const DossierProblem *problem,
                                        const char           *filename,
                                        const char           *severity);
/* Orders problems by line, then column (for g_ptr_array_sort(), which is
 * stable: problems at one place keep the order they were found in). */
int             dossier_problem_compare_places (gconstpointer a,
                                                gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierProblem, dossier_problem_free)

G_END_DECLS
