/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-library-private.h"

/* Writing a case into the team library: its file's bytes (once, by
 * SHA-256), its row (an upsert by path), its items (all in one
 * statement), in one transaction. A client that dies leaves the case as
 * it was; two clients writing the same case leave it once. */

/* Keeps the file's bytes once, by SHA-256 (sent only when the server
 * has not got them). Returns the SHA-256, or NULL without bytes. The
 * row is locked until the case that uses it is committed, so that a
 * writer dropping bytes no case uses (forget_file()) cannot drop them
 * in between. */
static char *
keep_file (PGconn            *conn,
           GBytes            *bytes,
           gboolean          *ok,
           GError           **error)
{
  g_autofree char *sha256 = NULL;
  g_autoptr(PGresult) have = NULL;
  g_autoptr(PGresult) put = NULL;
  const char *values[2];
  int lengths[2] = { 0, 0 };
  int formats[2] = { 0, 1 };
  gsize size;

  *ok = TRUE;
  if (bytes == NULL)
    return NULL;
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  values[0] = sha256;
  have = dossier_library_pg_exec (conn, "SELECT FROM case_files WHERE sha256 = $1 FOR KEY SHARE",
                                  1, values, error);
  if (have == NULL)
    return (*ok = FALSE, NULL);
  if (PQntuples (have) > 0)
    return g_steal_pointer (&sha256);

  values[1] = g_bytes_get_data (bytes, &size);
  lengths[1] = (int) size;
  put = PQexecParams (conn,
                      "INSERT INTO case_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      2, NULL, values, lengths, formats, 0);
  if (put == NULL || PQresultStatus (put) != PGRES_COMMAND_OK)
    return (*ok = dossier_library_pg_fail (conn, put, error), NULL);
  return g_steal_pointer (&sha256);
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The case's row, made or replaced; its id, or NULL and @error. */
static char *
upsert_case (PGconn                        *conn,
             const DossierLibraryCaseInfo  *info,
             const char                    *file_sha256,
             GError                       **error)
{
  g_autofree char *size = number (info->stamp.size);
  g_autofree char *mtime = number (info->stamp.mtime);
  g_autofree char *n_items = number (info->n_items);
  g_autofree char *n_notes = number (info->n_notes);
  g_autofree char *n_events = number (info->n_events);
  g_autofree char *n_sources = number (info->n_sources);
  g_autofree char *n_entities = number (info->n_entities);
  g_autofree char *problem_line = number (info->problem_line);
  const char *values[] = {
    info->path, size, mtime, info->stamp.sha256, file_sha256, info->case_id, info->title,
    info->status, info->updated, n_items, n_notes, n_events, n_sources, n_entities,
    info->problem, problem_line,
  };
  g_autoptr(PGresult) result = NULL;

  result = dossier_library_pg_exec (conn,
                                    "INSERT INTO cases (path, size, mtime, sha256, file_sha256, case_id,"
                                    " title, status, updated, n_items, n_notes, n_events, n_sources,"
                                    " n_entities, problem, problem_line)"
                                    " VALUES ($1, $2::bigint, $3::bigint, $4, $5, $6, $7, $8, $9,"
                                    " $10::integer, $11::integer, $12::integer, $13::integer,"
                                    " $14::integer, $15, $16::integer)"
                                    " ON CONFLICT (path) DO UPDATE SET size = EXCLUDED.size,"
                                    " mtime = EXCLUDED.mtime, sha256 = EXCLUDED.sha256,"
                                    " file_sha256 = EXCLUDED.file_sha256, case_id = EXCLUDED.case_id,"
                                    " title = EXCLUDED.title, status = EXCLUDED.status,"
                                    " updated = EXCLUDED.updated, n_items = EXCLUDED.n_items,"
                                    " n_notes = EXCLUDED.n_notes, n_events = EXCLUDED.n_events,"
                                    " n_sources = EXCLUDED.n_sources, n_entities = EXCLUDED.n_entities,"
                                    " problem = EXCLUDED.problem, problem_line = EXCLUDED.problem_line,"
                                    " indexed_by = current_user, indexed_at = now()"
                                    " RETURNING id",
                                    G_N_ELEMENTS (values), values, error);
  if (result == NULL)
    return NULL;
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* The values of one column of many rows, as an array of text: NULL
 * values are NULL elements, the others quoted. */
static void
append_element (GString    *column,
                const char *value)
{
  /* The column begins as "{". */
  if (column->len > 1)
    g_string_append_c (column, ',');
  if (value == NULL)
    {
      g_string_append (column, "NULL");
      return;
    }
  g_string_append_c (column, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (column, '\\');
      g_string_append_c (column, *p);
    }
  g_string_append_c (column, '"');
}

/* Every item of a case in one statement: each column an array, the
 * rows made by unnest, so the statement is short and the same for
 * every case. */
static const char insert_items_sql[] =
  "INSERT INTO items (case_ref, path, place, section, item_id, item_index, title, body, words,"
  " cjk, tags, authors, cites, certainty, date, date_start, date_end)"
  " SELECT $1::bigint, $2, u.place::integer, u.section::smallint, u.item_id,"
  " u.item_index::integer, u.title, u.body, u.words::tsvector, u.cjk, u.tags::text[],"
  " u.authors::text[], u.cites::text[], u.certainty::smallint[], u.date, u.date_start::bigint,"
  " u.date_end::bigint"
  " FROM unnest ($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],"
  " $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],"
  " $16::text[], $17::text[])"
  " AS u (place, section, item_id, item_index, title, body, words, cjk, tags, authors, cites,"
  " certainty, date, date_start, date_end)";

#define ITEM_ARRAYS 15

static gboolean
insert_items (PGconn            *conn,
              const char        *case_ref,
              const char        *path,
              GPtrArray         *ordered,
              GError           **error)
{
  GString *columns[ITEM_ARRAYS];
  const char *values[ITEM_ARRAYS + 2] = { case_ref, path };
  gboolean ok;

  for (guint c = 0; c < ITEM_ARRAYS; c++)
    columns[c] = g_string_new ("{");
  for (guint i = 0; i < ordered->len; i++)
    {
      const DossierLibraryItem *item = g_ptr_array_index (ordered, i);
      g_autoptr(DossierLibraryPgRow) row = dossier_library_pg_row_new (item);
      g_autofree char *place = number (i);
      g_autofree char *section = number (item->section);
      g_autofree char *index = number (item->item_index);
      g_autofree char *start = item->date != NULL ? number (item->date_start) : NULL;
      g_autofree char *end = item->date != NULL ? number (item->date_end) : NULL;
      const char *row_values[ITEM_ARRAYS] = {
        place, section, item->item_id, index, item->title, row->body, row->words, row->cjk,
        row->tags, row->authors, row->cites, row->certainty, item->date, start, end,
      };

      for (guint c = 0; c < ITEM_ARRAYS; c++)
        append_element (columns[c], row_values[c]);
    }
  for (guint c = 0; c < ITEM_ARRAYS; c++)
    {
      g_string_append_c (columns[c], '}');
      values[c + 2] = columns[c]->str;
    }
  ok = ordered->len == 0
       || dossier_library_pg_run (conn, insert_items_sql, G_N_ELEMENTS (values), values, error);
  for (guint c = 0; c < ITEM_ARRAYS; c++)
    g_string_free (columns[c], TRUE);
  return ok;
}

/* The case's tags, authors' words and cited sources, in `terms` for
 * prefixes. Stale ones (of cases since changed) only list a term that
 * finds nothing. In their order, so that two writers lock them in the
 * same order and never wait for each other in a circle. */
static gboolean
record_terms (PGconn      *conn,
              const char  *case_ref,
              GError     **error)
{
  const char *values[] = { case_ref };

  return dossier_library_pg_run (conn,
                                 "INSERT INTO terms (kind, term)"
                                 " SELECT DISTINCT kind, term FROM ("
                                 "  SELECT 't'::\"char\" AS kind, unnest (tags) AS term FROM items WHERE case_ref = $1::bigint"
                                 "  UNION ALL SELECT 'a', unnest (authors) FROM items WHERE case_ref = $1::bigint"
                                 "  UNION ALL SELECT 'c', unnest (cites) FROM items WHERE case_ref = $1::bigint) t"
                                 " ORDER BY kind, term ON CONFLICT DO NOTHING",
                                 1, values, error);
}

static gboolean
write_case (PGconn                        *conn,
            const DossierLibraryCaseInfo  *info,
            GPtrArray                     *items,
            char                         **out_old_file,
            GError                       **error)
{
  g_autoptr(GPtrArray) ordered = dossier_library_order_items (items);
  g_autoptr(PGresult) old = NULL;
  g_autofree char *file_sha256 = NULL;
  g_autofree char *case_ref = NULL;
  const char *path_value[] = { info->path };
  gboolean ok;

  if (!dossier_library_pg_script (conn, "BEGIN", error))
    return FALSE;
  file_sha256 = keep_file (conn, info->bytes, &ok, error);
  if (!ok)
    return FALSE;
  old = dossier_library_pg_exec (conn, "SELECT file_sha256 FROM cases WHERE path = $1",
                                 1, path_value, error);
  if (old == NULL)
    return FALSE;
  if (PQntuples (old) > 0)
    *out_old_file = dossier_library_pg_value (old, 0, 0);
  case_ref = upsert_case (conn, info, file_sha256, error);
  if (case_ref == NULL)
    return FALSE;
  {
    const char *ref_value[] = { case_ref };

    if (!dossier_library_pg_run (conn, "DELETE FROM items WHERE case_ref = $1::bigint",
                                 1, ref_value, error))
      return FALSE;
  }
  if (!insert_items (conn, case_ref, info->path, ordered, error)
      || !record_terms (conn, case_ref, error))
    return FALSE;
  return dossier_library_pg_script (conn, "COMMIT", error);
}

/* Drops a file's bytes no case has any more. Two clients at once may
 * both find it kept: the loser's statement fails, and that is all. */
static void
forget_file (PGconn     *conn,
             const char *sha256)
{
  const char *values[] = { sha256 };
  g_autoptr(PGresult) result = NULL;

  if (sha256 == NULL)
    return;
  result = PQexecParams (conn,
                         "DELETE FROM case_files WHERE sha256 = $1"
                         " AND NOT EXISTS (SELECT FROM cases WHERE file_sha256 = $1)",
                         1, NULL, values, NULL, NULL, 0);
}

static void
roll_back (PGconn *conn)
{
  if (conn != NULL && PQtransactionStatus (conn) != PQTRANS_IDLE)
    dossier_library_pg_script (conn, "ROLLBACK", NULL);
}

static gboolean
check_writable (DossierLibraryPgLink  *link,
                GError               **error)
{
  if (!dossier_library_pg_link_ensure (link, error))
    return FALSE;
  if (link->read_only)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY,
                   _("You may search this team library but not change it"));
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_library_pg_write_case (DossierLibraryPgLink          *link,
                               const DossierLibraryCaseInfo  *info,
                               GPtrArray                     *items,
                               GError                       **error)
{
  g_autoptr(GError) failed = NULL;
  g_autofree char *old_file = NULL;
  gboolean ok;

  if (!check_writable (link, error))
    return FALSE;
  ok = write_case (link->conn, info, items, &old_file, &failed);
  /* The case's transaction is undone as a whole; on a lost connection it
   * is written again, whole, on a new one. */
  if (!ok)
    roll_back (link->conn);
  if (!ok && dossier_library_pg_is_lost (failed) && dossier_library_pg_link_again (link, NULL))
    {
      g_clear_error (&failed);
      g_clear_pointer (&old_file, g_free);
      ok = write_case (link->conn, info, items, &old_file, &failed);
      if (!ok)
        roll_back (link->conn);
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return FALSE;
    }
  if (old_file != NULL)
    forget_file (link->conn, old_file);
  return TRUE;
}

gboolean
dossier_library_pg_write_remove (DossierLibraryPgLink  *link,
                                 const char            *path,
                                 GError               **error)
{
  const char *values[] = { path };
  g_autoptr(PGresult) result = NULL;

  if (!check_writable (link, error))
    return FALSE;
  /* Items go with their case (ON DELETE CASCADE), in one statement. */
  result = dossier_library_pg_link_read (link, "DELETE FROM cases WHERE path = $1 RETURNING file_sha256",
                                         1, values, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    forget_file (link->conn, PQgetvalue (result, 0, 0));
  return TRUE;
}

gboolean
dossier_library_pg_write_one (DossierLibraryPgLink  *link,
                              const char            *sql,
                              guint                  n_params,
                              const char * const    *values,
                              GError               **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!check_writable (link, error))
    return FALSE;
  result = dossier_library_pg_link_read (link, sql, n_params, values, error);
  return result != NULL;
}

gboolean
dossier_library_pg_write_touch (DossierLibraryPgLink       *link,
                                const char                 *path,
                                const DossierLibraryStamp  *stamp,
                                GError                    **error)
{
  g_autofree char *size = number (stamp->size);
  g_autofree char *mtime = number (stamp->mtime);
  const char *values[] = { path, size, mtime };

  return dossier_library_pg_write_one (link,
                                       "UPDATE cases SET size = $2::bigint, mtime = $3::bigint WHERE path = $1",
                                       3, values, error);
}
