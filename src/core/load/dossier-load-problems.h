/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The problems that refuse a file, as the loader and the checker find
 * them. Used inside src/core/load only; what leaves the loader is the
 * GError built here. */

#include <gio/gio.h>

#include "dossier-error.h"
#include "dossier-problem.h"

G_BEGIN_DECLS

/* Problems past this many are counted, not kept. */
#define DOSSIER_LOADER_MAX_KEPT_PROBLEMS 1000

/* Every problem found while loading one file. */
typedef struct
{
  GPtrArray *kept;      /* of DossierProblem */
  guint      n_total;
} DossierLoadProblems;

void     dossier_load_problems_init     (DossierLoadProblems *problems);
void     dossier_load_problems_clear    (DossierLoadProblems *problems);
void     dossier_load_problems_add      (DossierLoadProblems *problems,
                                         DossierCaseError     code,
                                         guint                line,
                                         guint                column,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (5, 6);
/* TRUE when no more problems are kept, so callers can skip formatting. */
gboolean dossier_load_problems_full     (DossierLoadProblems *problems);
/* TRUE when a kept problem has @code. */
gboolean dossier_load_problems_have     (DossierLoadProblems *problems,
                                         DossierCaseError     code);
/* The GError of a refused file: every problem, in the order of the file,
 * one `FILE:LINE:COLUMN: error: MESSAGE` a line, up to
 * DOSSIER_CASE_MAX_PROBLEMS, and how many more. */
void     dossier_load_problems_to_error (DossierLoadProblems  *problems,
                                         const char           *filename,
                                         GError              **error);

G_END_DECLS
