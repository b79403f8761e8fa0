/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-validate-command.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "dossier-case.h"
#include "dossier-case-open.h"
#include "dossier-problem.h"

/* The case of the last file that opened, kept until the process exits:
 * freeing a case of a hundred thousand notes takes a tenth of the whole
 * run, and the process is about to give its memory back at once. It
 * stays reachable, so leak checkers see no leak. */
static DossierCase *last_case;

/* Loads one file; prints its problems to @err and its verdict to @out.
 * Returns TRUE when it opens. */
static gboolean
validate_one (const char *path,
              FILE       *out,
              FILE       *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  GPtrArray *warnings;
  guint n_problems = 0;

  dcase = dossier_case_open_file (file, path, NULL, NULL, NULL, &n_problems, &error);

  if (dcase == NULL)
    {
      guint n = MAX (n_problems, 1);

      fprintf (err, "%s\n", error->message);
      fflush (err);
      fprintf (out,
               g_dngettext (GETTEXT_PACKAGE, "%s: refused, %u problem", "%s: refused, %u problems", n),
               path, n);
      fputc ('\n', out);
      fflush (out);
      return FALSE;
    }

  warnings = dossier_case_get_warnings (dcase);
  for (guint i = 0; i < warnings->len; i++)
    {
      const DossierProblem *warning = g_ptr_array_index (warnings, i);
      g_autofree char *line = dossier_problem_format (warning, path, _("warning"));

      fprintf (err, "%s\n", line);
    }
  fflush (err);

  if (warnings->len == 0)
    fprintf (out, _("%s: ok"), path);
  else
    fprintf (out,
             g_dngettext (GETTEXT_PACKAGE, "%s: ok, %u warning", "%s: ok, %u warnings",
                          warnings->len),
             path, warnings->len);
  fputc ('\n', out);
  fflush (out);

  g_clear_object (&last_case);
  last_case = g_steal_pointer (&dcase);
  return TRUE;
}

int
dossier_validate_command (const char * const *paths,
                          FILE               *out,
                          FILE               *err)
{
  gboolean all_ok = TRUE;

  g_return_val_if_fail (paths != NULL, 1);
  g_return_val_if_fail (out != NULL, 1);
  g_return_val_if_fail (err != NULL, 1);

  for (guint i = 0; paths[i] != NULL; i++)
    if (!validate_one (paths[i], out, err))
      all_ok = FALSE;

  return all_ok ? 0 : 1;
}
