/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-open.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-library-pg.h"
#include "dossier-library-private.h"
#include "dossier-library-sqlite.h"

gboolean
dossier_library_location_is_server (const char *location)
{
  if (location == NULL || *location == '\0')
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* key=value words; a path begins with / . or ~ */
  return strchr ("/.~", location[0]) == NULL && strchr (location, '=') != NULL;
}

gboolean
dossier_library_location_has_password (const char *location)
{
  g_autofree char *password = NULL;

  if (!dossier_library_location_is_server (location))
    return FALSE;
  password = dossier_library_pg_conninfo_value (location, "password");
  return password != NULL;
}

char *
dossier_library_location_describe (const char *location)
{
  g_autofree char *service = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *host = NULL;

  if (!dossier_library_location_is_server (location))
    return g_strdup (location);
  service = dossier_library_pg_conninfo_value (location, "service");
  dbname = dossier_library_pg_conninfo_value (location, "dbname");
  host = dossier_library_pg_conninfo_value (location, "host");
  if (dbname == NULL && service != NULL)
    /* TRANSLATORS: a PostgreSQL service name (from pg_service.conf) */
    return g_strdup_printf (_("service %s"), service);
  if (host == NULL || host[0] == '/')
    /* TRANSLATORS: a PostgreSQL database reached on this computer */
    return g_strdup_printf (_("%s on this computer"), dbname != NULL ? dbname : _("the default database"));
  /* TRANSLATORS: a PostgreSQL database and the server that has it */
  return g_strdup_printf (_("%s on %s"), dbname != NULL ? dbname : _("the default database"), host);
}

DossierLibraryStore *
dossier_library_store_open (const char  *location,
                            char       **out_notice,
                            GError     **error)
{
  g_autofree char *path = NULL;

  if (out_notice != NULL)
    *out_notice = NULL;
  if (dossier_library_location_is_server (location))
    return (DossierLibraryStore *) dossier_library_pg_open (location, error);

  path = location != NULL && *location != '\0' ? g_strdup (location)
                                                : dossier_library_sqlite_default_path ();
  return (DossierLibraryStore *) dossier_library_sqlite_open (path, out_notice, error);
}
