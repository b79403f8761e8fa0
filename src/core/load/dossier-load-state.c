/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <string.h>

/* What every part of a parse reports through: problems at a place, and
 * stopping the parser for good. */

void
dossier_load_add_problem (LoadState        *state,
                          DossierCaseError  code,
                          guint             line,
                          guint             column,
                          const char       *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (dossier_load_problems_full (state->problems))
    {
      dossier_load_problems_add (state->problems, code, line, column, "-");
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  dossier_load_problems_add (state->problems, code, line, column, "%s", message);
}

void
dossier_load_stop_parsing (LoadState *state)
{
  state->stopped = TRUE;
  xmlStopParser (state->ctxt);
}
