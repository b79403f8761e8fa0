/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-library-private.h"

/* One connection to the team library's server, and its statements'
 * errors told as DOSSIER_LIBRARY_ERRORs. Every statement is sent with
 * its values as parameters (PQexecParams); nothing a case or a user
 * wrote is ever part of SQL text. */

/* libpq tells a lost server by the connection's status, or by these
 * classes of SQLSTATE: 08 (connection), 57P0x (shut down, restarting). */
static gboolean
is_connection_state (const char *state)
{
  return state == NULL
         || g_str_has_prefix (state, "08")
         || g_str_has_prefix (state, "57P");
}

/* libpq's message as one line: its line breaks and tabs as spaces. */
static char *
one_line (const char *message)
{
  g_autofree char *copy = g_strdup (message);
  GString *out = g_string_new (NULL);

  for (char *p = g_strstrip (copy); *p != '\0'; p++)
    {
      gboolean space = *p == '\n' || *p == '\t' || *p == '\r' || *p == ' ';

      if (!space)
        g_string_append_c (out, *p);
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

gboolean
dossier_library_pg_fail (PGconn      *conn,
                         PGresult    *result,
                         GError     **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorMessage (result) : NULL;
  g_autofree char *text = NULL;
  DossierLibraryError code = DOSSIER_LIBRARY_ERROR_DATABASE;

  if (message == NULL || *message == '\0')
    message = conn != NULL ? PQerrorMessage (conn) : "";
  text = one_line (message);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK
      || (result != NULL && is_connection_state (state)
          && PQresultStatus (result) == PGRES_FATAL_ERROR && state != NULL))
    code = DOSSIER_LIBRARY_ERROR_CONNECTION;
  else if (g_strcmp0 (state, "42501") == 0)
    code = DOSSIER_LIBRARY_ERROR_READ_ONLY;

  if (code == DOSSIER_LIBRARY_ERROR_READ_ONLY)
    g_set_error (error, DOSSIER_LIBRARY_ERROR, code,
                 _("You may search this team library but not change it (%s)"), text);
  else
    g_set_error (error, DOSSIER_LIBRARY_ERROR, code, "%s", text);
  return FALSE;
}

PGconn *
dossier_library_pg_connect (const char  *conninfo,
                            GError     **error)
{
  /* Ours first: what the connection string says wins, except the
   * encoding, which Dossier's text needs. A server that does not answer
   * is given up after a while, and a connection that died is noticed
   * (over TCP) within a minute and a half, not two hours. */
  const char *keys[] = { "application_name", "connect_timeout", "keepalives_idle",
                         "keepalives_interval", "keepalives_count", "dbname", "client_encoding", NULL };
  const char *values[] = { "Dossier", "10", "60", "10", "3", conninfo, "UTF8", NULL };
  PGconn *conn = PQconnectdbParams (keys, values, TRUE);

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *text = one_line (conn != NULL ? PQerrorMessage (conn) : "out of memory");

      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION, "%s", text);
      g_clear_pointer (&conn, PQfinish);
      return NULL;
    }
  return conn;
}

PGresult *
dossier_library_pg_exec (PGconn             *conn,
                         const char         *sql,
                         guint               n_params,
                         const char * const *values,
                         GError            **error)
{
  PGresult *result = PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  dossier_library_pg_fail (conn, result, error);
  g_clear_pointer (&result, PQclear);
  return NULL;
}

gboolean
dossier_library_pg_run (PGconn             *conn,
                        const char         *sql,
                        guint               n_params,
                        const char * const *values,
                        GError            **error)
{
  PGresult *result = dossier_library_pg_exec (conn, sql, n_params, values, error);

  if (result == NULL)
    return FALSE;
  PQclear (result);
  return TRUE;
}

gboolean
dossier_library_pg_script (PGconn      *conn,
                           const char  *sql,
                           GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  return dossier_library_pg_fail (conn, result, error);
}

char *
dossier_library_pg_value (PGresult *result,
                          int       row,
                          int       column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return g_strdup (PQgetvalue (result, row, column));
}

gint64
dossier_library_pg_int (PGresult *result,
                        int       row,
                        int       column)
{
  if (PQgetisnull (result, row, column))
    return 0;
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

char *
dossier_library_pg_conninfo_value (const char *conninfo,
                                   const char *keyword)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  char *value = NULL;

  if (options == NULL)
    return NULL;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, keyword) == 0 && o->val != NULL && *o->val != '\0')
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

char *
dossier_library_pg_conninfo_shown (const char *conninfo)
{
  g_autofree char *password = dossier_library_pg_conninfo_value (conninfo, "password");

  /* A password is never shown, even its own. */
  return g_strdup (password != NULL ? "…" : conninfo);
}
