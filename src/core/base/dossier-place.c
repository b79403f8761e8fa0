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
