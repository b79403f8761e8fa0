/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-problem.h"

DossierProblem *
dossier_problem_new_take (DossierCaseError  code,
                          guint             line,
                          guint             column,
                          char             *message)
{
  DossierProblem *problem = g_new0 (DossierProblem, 1);

  problem->code = code;
  problem->line = line;
  problem->column = column;
  problem->section = DOSSIER_SECTION_OVERVIEW;
  problem->message = message != NULL ? message : g_strdup ("");
  return problem;
}

DossierProblem *
dossier_problem_new (guint       line,
                     guint       column,
                     const char *message)
{
  return dossier_problem_new_take (DOSSIER_CASE_ERROR_INVALID, line, column, g_strdup (message));
}

void
dossier_problem_free (DossierProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->item_id);
  g_free (problem->message);
  g_free (problem);
}

char *
dossier_problem_format (const DossierProblem *problem,
                        const char           *filename,
                        const char           *severity)
{
  GString *out;

  g_return_val_if_fail (problem != NULL, NULL);

  out = g_string_new (NULL);

  if (filename != NULL)
    g_string_append (out, filename);
  if (problem->line > 0)
    {
      if (filename != NULL)
        g_string_append_c (out, ':');
      g_string_append_printf (out, "%u", problem->line);
      if (problem->column > 0)
        g_string_append_printf (out, ":%u", problem->column);
    }
  if (out->len > 0)
    g_string_append (out, ": ");

  g_string_append (out, severity != NULL ? severity : "warning");
  g_string_append (out, ": ");
  g_string_append (out, problem->message != NULL ? problem->message : "");

  return g_string_free (out, FALSE);
}

int
dossier_problem_compare_places (gconstpointer a,
                                gconstpointer b)
{
  const DossierProblem *pa = *(const DossierProblem * const *)a;
  const DossierProblem *pb = *(const DossierProblem * const *)b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}
