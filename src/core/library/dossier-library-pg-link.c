/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-private.h"

/* A link to the team library's server: one connection, checked when it
 * is made (the schema, whether this user may write) and made again,
 * with backoff, when it was lost. One thread uses a link at a time. */

/* The waits before each new try to connect again, in milliseconds. */
static const guint reconnect_waits_ms[] = { 0, 250, 1000 };

/* What each new connection is checked for and set to. An update's
 * writes need not wait for the disk: a server that crashes loses at
 * most its last moments, which the next update writes again (the files
 * are the truth). */
static gboolean
set_up (DossierLibraryPgLink  *link,
        GError               **error)
{
  g_autoptr(PGresult) may_write = NULL;

  if (!dossier_library_pg_check_schema (link->conn, link->conninfo, error))
    return FALSE;
  may_write = dossier_library_pg_exec (link->conn, "SELECT has_table_privilege ('cases', 'INSERT')",
                                       0, NULL, error);
  if (may_write == NULL)
    return FALSE;
  link->read_only = g_strcmp0 (PQgetvalue (may_write, 0, 0), "t") != 0;
  return link->read_only
         || dossier_library_pg_script (link->conn, "SET synchronous_commit = off", error);
}

DossierLibraryPgLink *
dossier_library_pg_link_new (const char  *conninfo,
                             GError     **error)
{
  DossierLibraryPgLink *link = g_new0 (DossierLibraryPgLink, 1);

  link->conninfo = g_strdup (conninfo);
  link->conn = dossier_library_pg_connect (conninfo, error);
  if (link->conn == NULL || !set_up (link, error))
    {
      dossier_library_pg_link_free (link);
      return NULL;
    }
  return link;
}

void
dossier_library_pg_link_free (DossierLibraryPgLink *link)
{
  if (link == NULL)
    return;
  g_clear_pointer (&link->conn, PQfinish);
  g_free (link->conninfo);
  g_free (link);
}

gboolean
dossier_library_pg_is_lost (const GError *error)
{
  return g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION);
}

gboolean
dossier_library_pg_link_again (DossierLibraryPgLink  *link,
                               GError               **error)
{
  g_autoptr(GError) last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reconnect_waits_ms); i++)
    {
      g_clear_error (&last);
      if (reconnect_waits_ms[i] > 0)
        g_usleep (reconnect_waits_ms[i] * 1000);
      g_clear_pointer (&link->conn, PQfinish);
      link->conn = dossier_library_pg_connect (link->conninfo, &last);
      if (link->conn != NULL && set_up (link, &last))
        return TRUE;
      /* Only a server that cannot be reached is worth waiting for. */
      if (!dossier_library_pg_is_lost (last))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&last));
  return FALSE;
}

gboolean
dossier_library_pg_link_ensure (DossierLibraryPgLink  *link,
                                GError               **error)
{
  if (link->conn != NULL && PQstatus (link->conn) == CONNECTION_OK)
    return TRUE;
  return dossier_library_pg_link_again (link, error);
}

PGresult *
dossier_library_pg_link_read (DossierLibraryPgLink  *link,
                              const char            *sql,
                              guint                  n_params,
                              const char * const    *values,
                              GError               **error)
{
  g_autoptr(GError) first = NULL;
  PGresult *result;

  if (!dossier_library_pg_link_ensure (link, error))
    return NULL;
  result = dossier_library_pg_exec (link->conn, sql, n_params, values, &first);
  if (result != NULL || !dossier_library_pg_is_lost (first))
    {
      if (first != NULL)
        g_propagate_error (error, g_steal_pointer (&first));
      return result;
    }
  if (!dossier_library_pg_link_again (link, error))
    return NULL;
  return dossier_library_pg_exec (link->conn, sql, n_params, values, error);
}
