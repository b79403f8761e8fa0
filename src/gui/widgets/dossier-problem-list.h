/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills @box with a heading ("3 Warnings") and one wrapping, selectable
 * line a DossierProblem of @problems ("Line 12: ..."), after removing
 * what it held. Leaves it empty for no problems (@problems nullable). */
void dossier_problem_list_fill (GtkBox    *box,
                                GPtrArray *problems);

/* The first problem a load error names: the first line of its message. */
char *dossier_problem_list_first_line (const GError *error);

G_END_DECLS
