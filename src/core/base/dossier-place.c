/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-place.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const section_names[DOSSIER_N_SECTIONS] = {
  [DOSSIER_SECTION_OVERVIEW] = "overview",
  [DOSSIER_SECTION_ENTITIES] = "entities",
  [DOSSIER_SECTION_SOURCES] = "sources",
  [DOSSIER_SECTION_BREACH] = "breach",
  [DOSSIER_SECTION_THREAT] = "threat",
  [DOSSIER_SECTION_REACTIONS] = "reactions",
  [DOSSIER_SECTION_RELEASE] = "release",
  [DOSSIER_SECTION_TIMELINE] = "timeline",
  [DOSSIER_SECTION_NOTES] = "notes",
};

const char *
dossier_section_to_string (DossierSection section)
{
  g_return_val_if_fail (section < DOSSIER_N_SECTIONS, NULL);

  return section_names[section];
}

gboolean
dossier_section_from_string (const char     *str,
                             DossierSection *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < DOSSIER_N_SECTIONS; i++)
    {
      if (strcmp (str, section_names[i]) == 0)
        {
          if (out != NULL)
            *out = (DossierSection) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_section_get_label (DossierSection section)
{
  switch (section)
    {
    case DOSSIER_SECTION_OVERVIEW:
      return C_("section", "Overview");
    case DOSSIER_SECTION_ENTITIES:
      return C_("section", "Entities");
    case DOSSIER_SECTION_SOURCES:
      return C_("section", "Sources");
    case DOSSIER_SECTION_BREACH:
      return C_("section", "Breach");
    case DOSSIER_SECTION_THREAT:
      return C_("section", "Threat Screen");
    case DOSSIER_SECTION_REACTIONS:
      return C_("section", "Reactions");
    case DOSSIER_SECTION_RELEASE:
      return C_("section", "Release History");
    case DOSSIER_SECTION_TIMELINE:
      return C_("section", "Timeline");
    case DOSSIER_SECTION_NOTES:
      return C_("section", "Notes");
    case DOSSIER_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

DossierPlace *
dossier_place_new (void)
{
  DossierPlace *place = g_new0 (DossierPlace, 1);

  place->section = DOSSIER_SECTION_OVERVIEW;
  place->item_index = -1;
  return place;
}

void
dossier_place_free (DossierPlace *place)
{
  if (place == NULL)
    return;

  g_free (place->item_id);
  g_free (place->ref);
  g_free (place->at);
  g_free (place);
}

DossierProblem *
dossier_problem_new (guint       line,
                     guint       column,
                     const char *message)
{
  DossierProblem *problem = g_new0 (DossierProblem, 1);

  problem->line = line;
  problem->column = column;
  problem->section = DOSSIER_SECTION_OVERVIEW;
  problem->message = g_strdup (message != NULL ? message : "");
  return problem;
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

/* "FILE:LINE:COLUMN: SEVERITY: MESSAGE", the form compilers use so that
 * editors and terminals can jump to the place. The column is left out
 * when 0, the line (and column) when the line is 0, the file when NULL. */
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
