/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pg-test.h"

#include <string.h>
#include <unistd.h>

gboolean
pg_test_available (void)
{
  const char *admin = g_getenv ("DOSSIER_TEST_PG");

  return admin != NULL && *admin != '\0';
}

static void
append_value (GString    *conninfo,
              const char *keyword,
              const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *c);
    }
  g_string_append_c (conninfo, '\'');
}

char *
pg_test_conninfo (const char *dbname,
                  const char *user)
{
  const char *admin = g_getenv ("DOSSIER_TEST_PG");
  g_autofree char *message = NULL;
  PQconninfoOption *options;
  GString *conninfo = g_string_new (NULL);

  g_assert_true (pg_test_available ());
  options = PQconninfoParse (admin, &message);
  g_assert_null (message);
  g_assert_nonnull (options);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = o->val;

      if (strcmp (o->keyword, "dbname") == 0 && dbname != NULL)
        value = dbname;
      else if (strcmp (o->keyword, "user") == 0 && user != NULL)
        value = user;
      if (value != NULL && *value != '\0')
        append_value (conninfo, o->keyword, value);
    }
  PQconninfoFree (options);
  return g_string_free (conninfo, FALSE);
}

PGconn *
pg_test_connect (const char *dbname)
{
  g_autofree char *conninfo = pg_test_conninfo (dbname, NULL);
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to the test server (%s): %s", conninfo, PQerrorMessage (conn));
  return conn;
}

void
pg_test_exec (PGconn     *conn,
              const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

char *
pg_test_value (PGconn     *conn,
               const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQntuples (result) > 0 && PQnfields (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

gint64
pg_test_number (PGconn     *conn,
                const char *sql)
{
  g_autofree char *value = pg_test_value (conn, sql);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

/* A name no other test of this run uses: the process and a count. */
static char *
unique_name (const char *prefix)
{
  static gint count;

  return g_strdup_printf ("%s_%d_%d", prefix, (int) getpid (), g_atomic_int_add (&count, 1));
}

char *
pg_test_create_database (void)
{
  g_autoptr(PGconn) admin = pg_test_connect (NULL);
  char *name = unique_name ("dossier_test");
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  pg_test_exec (admin, sql);
  return name;
}

void
pg_test_drop_database (const char *dbname)
{
  g_autoptr(PGconn) admin = pg_test_connect (NULL);
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", dbname);

  pg_test_exec (admin, sql);
}

char *
pg_test_create_role (const char *member_of)
{
  g_autoptr(PGconn) admin = pg_test_connect (NULL);
  char *name = unique_name ("dossier_test_user");
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE %s", name, member_of);

  pg_test_exec (admin, sql);
  return name;
}

void
pg_test_drop_role (const char *name)
{
  g_autoptr(PGconn) admin = pg_test_connect (NULL);
  g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", name);

  pg_test_exec (admin, sql);
}
