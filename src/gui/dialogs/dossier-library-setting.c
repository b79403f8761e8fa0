/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-setting.h"

#define SETTINGS_SCHEMA_ID "io.github.dossier.Dossier"
#define LOCATION_KEY "library-location"

/* The settings, or NULL when the schema (or its key) is not installed:
 * g_settings_new() would abort. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, LOCATION_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

char *
dossier_library_setting_get (void)
{
  g_autoptr(GSettings) settings = open_settings ();
  g_autofree char *location = NULL;

  if (settings == NULL)
    return NULL;
  location = g_strstrip (g_settings_get_string (settings, LOCATION_KEY));
  return *location != '\0' ? g_steal_pointer (&location) : NULL;
}

gboolean
dossier_library_setting_set (const char *location)
{
  g_autoptr(GSettings) settings = open_settings ();

  if (settings == NULL)
    return FALSE;
  return g_settings_set_string (settings, LOCATION_KEY, location != NULL ? location : "");
}
