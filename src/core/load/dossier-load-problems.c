/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-load-problems.h"

#include <glib/gi18n-lib.h>

#include "dossier-loader.h"

void
dossier_load_problems_init (DossierLoadProblems *problems)
{
  problems->kept = g_ptr_array_new_with_free_func ((GDestroyNotify)dossier_problem_free);
  problems->n_total = 0;
}

void
dossier_load_problems_clear (DossierLoadProblems *problems)
{
  g_clear_pointer (&problems->kept, g_ptr_array_unref);
  problems->n_total = 0;
}

gboolean
dossier_load_problems_full (DossierLoadProblems *problems)
{
  return problems->kept->len >= DOSSIER_LOADER_MAX_KEPT_PROBLEMS;
}

void
dossier_load_problems_add (DossierLoadProblems *problems,
                           DossierCaseError     code,
                           guint                line,
                           guint                column,
                           const char          *format,
                           ...)
{
  va_list args;
  char *message;

  problems->n_total++;
  if (dossier_load_problems_full (problems))
    {
      /* Keep the most serious class of problem visible in the code. */
      DossierProblem *last = g_ptr_array_index (problems->kept, problems->kept->len - 1);

      last->code = MIN (last->code, code);
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems->kept, dossier_problem_new_take (code, line, column, message));
}

gboolean
dossier_load_problems_have (DossierLoadProblems *problems,
                            DossierCaseError     code)
{
  for (guint i = 0; i < problems->kept->len; i++)
    if (((DossierProblem *)g_ptr_array_index (problems->kept, i))->code == code)
      return TRUE;

  return FALSE;
}

void
dossier_load_problems_to_error (DossierLoadProblems  *problems,
                                const char           *filename,
                                GError              **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  DossierCaseError code = DOSSIER_CASE_ERROR_INVALID;
  guint shown;

  /* Stable: problems on one line keep the order they were found in. */
  g_ptr_array_sort (problems->kept, dossier_problem_compare_places);

  for (guint i = 0; i < problems->kept->len; i++)
    code = MIN (code, ((DossierProblem *)g_ptr_array_index (problems->kept, i))->code);

  shown = MIN (problems->kept->len, DOSSIER_CASE_MAX_PROBLEMS);
  for (guint i = 0; i < shown; i++)
    {
      DossierProblem *problem = g_ptr_array_index (problems->kept, i);
      g_autofree char *line = dossier_problem_format (problem, filename, _("error"));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (problems->n_total > shown)
    {
      guint more = problems->n_total - shown;

      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                           "… and %u more problems", more),
                              more);
    }

  g_set_error_literal (error, DOSSIER_CASE_ERROR, code, text->str);
}
