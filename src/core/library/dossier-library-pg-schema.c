/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-library-pg.h"
#include "dossier-library-private.h"

/* The team library's tables, made and migrated by `dossier
 * --library-init`, and checked by every connection.
 *
 *   dossier_schema  one row: the schema's version
 *   folders         the folders the team's writers added
 *   case_files      each case file's bytes, by SHA-256 (kept once)
 *   cases           each case file indexed, by path
 *   terms           every tag, author's word and cited source any item
 *                   had (kind t, a, c), so that a prefix of one is
 *                   listed as the whole ones the arrays' indexes find
 *   items           each searchable item of a case: its place in the
 *                   order hits are given, its text, its tokens as a
 *                   tsvector (made by Dossier's own tokenizer: the
 *                   `simple` configuration's lexemes, never cut again
 *                   by the server), its Korean, Chinese and Japanese
 *                   runs for pg_trgm, and its filters as columns
 *
 * Roles: dossier_reader may read every table; dossier_writer may also
 * write them. A user is given one of them (GRANT dossier_reader TO …). */

/* The steps from each version to the next; step N makes version N. */
static const char *const steps[] = {
  /* 1 */
  "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
  "CREATE TABLE dossier_schema (version integer NOT NULL);"
  "INSERT INTO dossier_schema VALUES (0);"
  "CREATE TABLE folders ("
  "  path text COLLATE \"C\" PRIMARY KEY);"
  "CREATE TABLE case_files ("
  "  sha256 text PRIMARY KEY,"
  "  bytes bytea NOT NULL);"
  "CREATE TABLE cases ("
  "  id bigserial PRIMARY KEY,"
  "  path text COLLATE \"C\" NOT NULL UNIQUE,"
  "  size bigint NOT NULL,"
  "  mtime bigint NOT NULL,"
  "  sha256 text,"
  "  file_sha256 text REFERENCES case_files (sha256),"
  "  case_id text,"
  "  title text,"
  "  status text,"
  "  updated text,"
  "  n_items integer NOT NULL DEFAULT 0,"
  "  n_notes integer NOT NULL DEFAULT 0,"
  "  n_events integer NOT NULL DEFAULT 0,"
  "  n_sources integer NOT NULL DEFAULT 0,"
  "  n_entities integer NOT NULL DEFAULT 0,"
  "  problem text,"
  "  problem_line integer NOT NULL DEFAULT 0,"
  "  indexed_by text NOT NULL DEFAULT current_user,"
  "  indexed_at timestamptz NOT NULL DEFAULT now());"
  "CREATE INDEX cases_file ON cases (file_sha256);"
  "CREATE TABLE items ("
  "  case_ref bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  path text COLLATE \"C\" NOT NULL,"
  "  place integer NOT NULL,"
  "  section smallint NOT NULL,"
  "  item_id text,"
  "  item_index integer NOT NULL,"
  "  title text,"
  "  body text NOT NULL,"
  "  words tsvector NOT NULL,"
  "  cjk text,"
  "  tags text[] NOT NULL,"
  "  authors text[] NOT NULL,"
  "  cites text[] NOT NULL,"
  "  certainty smallint[] NOT NULL,"
  "  date text,"
  "  date_start bigint,"
  "  date_end bigint,"
  "  PRIMARY KEY (path, place));"
  "CREATE INDEX items_case ON items (case_ref);"
  "CREATE INDEX items_words ON items USING gin (words);"
  "CREATE INDEX items_cjk ON items USING gin (cjk gin_trgm_ops);"
  "CREATE INDEX items_tags ON items USING gin (tags);"
  "CREATE INDEX items_authors ON items USING gin (authors);"
  "CREATE INDEX items_cites ON items USING gin (cites);"
  "CREATE INDEX items_certainty ON items USING gin (certainty);"
  "CREATE INDEX items_date ON items (date_start);"
  "CREATE TABLE terms ("
  "  kind \"char\" NOT NULL,"
  "  term text COLLATE \"C\" NOT NULL,"
  "  PRIMARY KEY (kind, term));",
};

#define N_STEPS G_N_ELEMENTS (steps)

G_STATIC_ASSERT (N_STEPS == DOSSIER_LIBRARY_PG_SCHEMA_VERSION);

/* Made once per server, the first time; then given the tables. Roles
 * belong to the whole server, and the lock migrate() takes is the
 * database's: a library made at the same moment in another database
 * may make them first, which is as good. */
static const char roles_sql[] =
  "DO $$ BEGIN"
  "  BEGIN"
  "    CREATE ROLE " DOSSIER_LIBRARY_PG_READER_ROLE " NOLOGIN;"
  "  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;"
  "  END;"
  "  BEGIN"
  "    CREATE ROLE " DOSSIER_LIBRARY_PG_WRITER_ROLE " NOLOGIN IN ROLE " DOSSIER_LIBRARY_PG_READER_ROLE ";"
  "  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;"
  "  END;"
  "END $$;";

static const char grants_sql[] =
  "GRANT USAGE ON SCHEMA public TO " DOSSIER_LIBRARY_PG_READER_ROLE ";"
  "GRANT SELECT ON dossier_schema, folders, case_files, cases, items, terms TO "
  DOSSIER_LIBRARY_PG_READER_ROLE ";"
  "GRANT INSERT, UPDATE, DELETE ON folders, case_files, cases, items, terms TO "
  DOSSIER_LIBRARY_PG_WRITER_ROLE ";"
  "GRANT USAGE ON SEQUENCE cases_id_seq TO " DOSSIER_LIBRARY_PG_WRITER_ROLE ";";

/* The version in @conn's database: -1 when it has no dossier_schema,
 * -2 (and @error) when it cannot be read. */
static int
read_version (PGconn  *conn,
              GError **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) version = NULL;

  exists = dossier_library_pg_exec (conn, "SELECT to_regclass ('dossier_schema') IS NOT NULL",
                                    0, NULL, error);
  if (exists == NULL)
    return -2;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return -1;
  version = dossier_library_pg_exec (conn, "SELECT max (version) FROM dossier_schema", 0, NULL, error);
  if (version == NULL)
    return -2;
  return (int) dossier_library_pg_int (version, 0, 0);
}

static gboolean
newer_error (int          version,
             GError     **error)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA,
               _("This team library was made by a newer version of Dossier (schema %d; "
                 "this version knows schema %d): update Dossier to use it"),
               version, DOSSIER_LIBRARY_PG_SCHEMA_VERSION);
  return FALSE;
}

gboolean
dossier_library_pg_check_schema (PGconn      *conn,
                                 const char  *conninfo,
                                 GError     **error)
{
  int version = read_version (conn, error);
  g_autofree char *shown_conninfo = dossier_library_pg_conninfo_shown (conninfo);
  /* As it can be pasted into a shell. */
  g_autofree char *shown = g_shell_quote (shown_conninfo);

  if (version == -2)
    return FALSE;
  if (version > DOSSIER_LIBRARY_PG_SCHEMA_VERSION)
    return newer_error (version, error);
  if (version == -1)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA,
                   _("This database holds no Dossier library yet: make it with "
                     "“dossier --library-db=%s --library-init”"), shown);
      return FALSE;
    }
  if (version < DOSSIER_LIBRARY_PG_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA,
                   _("This team library has an older schema (%d): bring it up to date with "
                     "“dossier --library-db=%s --library-init”"), version, shown);
      return FALSE;
    }
  return TRUE;
}

/* In a transaction: brings the schema from its version up to this one. */
static gboolean
migrate (PGconn  *conn,
         char   **out_report,
         GError **error)
{
  int version;

  /* Two at once: the second waits here, then finds it done. */
  if (!dossier_library_pg_run (conn, "SELECT pg_advisory_xact_lock (hashtext ('dossier library schema'))",
                               0, NULL, error))
    return FALSE;
  version = read_version (conn, error);
  if (version == -2)
    return FALSE;
  if (version > DOSSIER_LIBRARY_PG_SCHEMA_VERSION)
    return newer_error (version, error);
  if (version == DOSSIER_LIBRARY_PG_SCHEMA_VERSION)
    {
      *out_report = g_strdup_printf (_("The team library is up to date (schema %d)."), version);
      return TRUE;
    }
  for (int step = MAX (version, 0); step < (int) N_STEPS; step++)
    if (!dossier_library_pg_script (conn, steps[step], error))
      return FALSE;
  {
    g_autofree char *number = g_strdup_printf ("%d", DOSSIER_LIBRARY_PG_SCHEMA_VERSION);
    const char *values[] = { number };

    if (!dossier_library_pg_run (conn, "UPDATE dossier_schema SET version = $1::integer", 1, values, error)
        || !dossier_library_pg_script (conn, roles_sql, error)
        || !dossier_library_pg_script (conn, grants_sql, error))
      return FALSE;
  }
  *out_report = version < 0
    ? g_strdup_printf (_("Made the team library (schema %d), with the roles %s and %s."),
                       DOSSIER_LIBRARY_PG_SCHEMA_VERSION, DOSSIER_LIBRARY_PG_READER_ROLE,
                       DOSSIER_LIBRARY_PG_WRITER_ROLE)
    : g_strdup_printf (_("Brought the team library from schema %d to schema %d."),
                       version, DOSSIER_LIBRARY_PG_SCHEMA_VERSION);
  return TRUE;
}

gboolean
dossier_library_pg_init_schema (const char  *conninfo,
                                char       **out_report,
                                GError     **error)
{
  PGconn *conn;
  g_autofree char *report = NULL;
  gboolean ok;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  conn = dossier_library_pg_connect (conninfo, error);
  if (conn == NULL)
    return FALSE;
  ok = dossier_library_pg_script (conn, "BEGIN", error)
       && migrate (conn, &report, error)
       && dossier_library_pg_script (conn, "COMMIT", error);
  PQfinish (conn);
  if (ok && out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return ok;
}
