/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-pg.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-library-private.h"

/* The team library: the store interface on a PostgreSQL server (the
 * tables: dossier-library-pg-schema.c). Each write of a case is one
 * transaction, an upsert by path: a client that dies leaves the case as
 * it was, and two clients indexing the same file leave it once. A lost
 * connection is made again by the next call, with backoff, and a read
 * is tried once more on it. */

/* Rows of `items` a statement: 17 values each, far below the 65,535
 * parameters a statement may have. */
#define ITEMS_PER_INSERT 500
#define ITEM_COLUMNS     17

/* The waits before each new try to connect again, in milliseconds. */
static const guint reconnect_waits_ms[] = { 0, 250, 1000 };

struct _DossierLibraryPg
{
  GObject     parent_instance;

  char       *conninfo;
  PGconn     *conn;
  gboolean    read_only;
  gboolean    batching;
  GHashTable *stamps;     /* path -> DossierLibraryStamp *, in a batch */
};

static void dossier_library_pg_store_init (DossierLibraryStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierLibraryPg, dossier_library_pg, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_LIBRARY_STORE,
                                                      dossier_library_pg_store_init))

/* ------------------------------------------------------------------ */
/* The connection                                                      */
/* ------------------------------------------------------------------ */

/* What each new connection is set to. An update's writes need not wait
 * for the disk: a server that crashes loses at most its last moments,
 * which the next update writes again (the files are the truth). */
static gboolean
set_up (DossierLibraryPg  *self,
        GError           **error)
{
  g_autoptr(PGresult) may_write = NULL;

  if (!dossier_library_pg_check_schema (self->conn, self->conninfo, error))
    return FALSE;
  may_write = dossier_library_pg_exec (self->conn, "SELECT has_table_privilege ('cases', 'INSERT')",
                                       0, NULL, error);
  if (may_write == NULL)
    return FALSE;
  self->read_only = g_strcmp0 (PQgetvalue (may_write, 0, 0), "t") != 0;
  return self->read_only
         || dossier_library_pg_script (self->conn, "SET synchronous_commit = off", error);
}

static gboolean
connect_again (DossierLibraryPg  *self,
               GError           **error)
{
  g_autoptr(GError) last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reconnect_waits_ms); i++)
    {
      g_clear_error (&last);
      if (reconnect_waits_ms[i] > 0)
        g_usleep (reconnect_waits_ms[i] * 1000);
      g_clear_pointer (&self->conn, PQfinish);
      self->conn = dossier_library_pg_connect (self->conninfo, &last);
      if (self->conn != NULL && set_up (self, &last))
        return TRUE;
      /* Only a server that cannot be reached is worth waiting for. */
      if (!g_error_matches (last, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&last));
  return FALSE;
}

/* A connection that was lost is made again before a call. */
static gboolean
ensure_connection (DossierLibraryPg  *self,
                   GError           **error)
{
  if (self->conn != NULL && PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  return connect_again (self, error);
}

static gboolean
is_lost (const GError *error)
{
  return g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION);
}

/* A read: tried once more on a new connection when the first was lost. */
static PGresult *
read_rows (DossierLibraryPg    *self,
           const char          *sql,
           guint                n_params,
           const char * const  *values,
           GError             **error)
{
  g_autoptr(GError) first = NULL;
  PGresult *result;

  if (!ensure_connection (self, error))
    return NULL;
  result = dossier_library_pg_exec (self->conn, sql, n_params, values, &first);
  if (result != NULL || !is_lost (first))
    {
      if (first != NULL)
        g_propagate_error (error, g_steal_pointer (&first));
      return result;
    }
  if (!connect_again (self, error))
    return NULL;
  return dossier_library_pg_exec (self->conn, sql, n_params, values, error);
}

static gboolean
check_writable (DossierLibraryPg  *self,
                GError           **error)
{
  if (!ensure_connection (self, error))
    return FALSE;
  if (self->read_only)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY,
                   _("You may search this team library but not change it"));
      return FALSE;
    }
  return TRUE;
}

/* One write statement, tried once more when the connection was lost. */
static gboolean
write_one (DossierLibraryPg    *self,
           const char          *sql,
           guint                n_params,
           const char * const  *values,
           GError             **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!check_writable (self, error))
    return FALSE;
  result = read_rows (self, sql, n_params, values, error);
  return result != NULL;
}

DossierLibraryPg *
dossier_library_pg_open (const char  *conninfo,
                         GError     **error)
{
  g_autoptr(DossierLibraryPg) self = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_PG, NULL);
  self->conninfo = g_strdup (conninfo);
  self->conn = dossier_library_pg_connect (conninfo, error);
  if (self->conn == NULL || !set_up (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Folders and stamps                                                  */
/* ------------------------------------------------------------------ */

static gboolean
pg_add_folder (DossierLibraryStore  *store,
               const char           *path,
               GError              **error)
{
  const char *values[] = { path };

  return write_one (DOSSIER_LIBRARY_PG (store),
                    "INSERT INTO folders (path) VALUES ($1) ON CONFLICT DO NOTHING", 1, values, error);
}

static gboolean
pg_remove_folder (DossierLibraryStore  *store,
                  const char           *path,
                  GError              **error)
{
  const char *values[] = { path };

  return write_one (DOSSIER_LIBRARY_PG (store), "DELETE FROM folders WHERE path = $1", 1, values, error);
}

static GStrv
pg_list_folders (DossierLibraryStore  *store,
                 GError              **error)
{
  g_autoptr(PGresult) result = read_rows (DOSSIER_LIBRARY_PG (store),
                                          "SELECT path FROM folders ORDER BY path", 0, NULL, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_strv_builder_add (builder, PQgetvalue (result, row, 0));
  return g_strv_builder_end (builder);
}

static DossierLibraryStamp *
stamp_new (PGresult *result,
           int       row,
           int       column)
{
  DossierLibraryStamp *stamp = g_new0 (DossierLibraryStamp, 1);

  stamp->size = dossier_library_pg_int (result, row, column);
  stamp->mtime = dossier_library_pg_int (result, row, column + 1);
  stamp->sha256 = dossier_library_pg_value (result, row, column + 2);
  return stamp;
}

static void
stamp_free (gpointer data)
{
  dossier_library_stamp_clear (data);
  g_free (data);
}

static void
copy_stamp (DossierLibraryStamp       *to,
            const DossierLibraryStamp *from)
{
  to->size = from->size;
  to->mtime = from->mtime;
  to->sha256 = g_strdup (from->sha256);
}

static gboolean
pg_get_stamp (DossierLibraryStore *store,
              const char          *path,
              DossierLibraryStamp *stamp)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  const char *values[] = { path };
  g_autoptr(PGresult) result = NULL;
  g_autofree DossierLibraryStamp *found = NULL;

  if (self->stamps != NULL)
    {
      const DossierLibraryStamp *known = g_hash_table_lookup (self->stamps, path);

      if (known != NULL)
        copy_stamp (stamp, known);
      return known != NULL;
    }
  result = read_rows (self, "SELECT size, mtime, sha256 FROM cases WHERE path = $1", 1, values, NULL);
  if (result == NULL || PQntuples (result) == 0)
    return FALSE;
  found = stamp_new (result, 0, 0);
  *stamp = *found;
  return TRUE;
}

static gboolean
pg_touch_case (DossierLibraryStore        *store,
               const char                 *path,
               const DossierLibraryStamp  *stamp,
               GError                    **error)
{
  g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, stamp->size);
  g_autofree char *mtime = g_strdup_printf ("%" G_GINT64_FORMAT, stamp->mtime);
  const char *values[] = { path, size, mtime };

  return write_one (DOSSIER_LIBRARY_PG (store),
                    "UPDATE cases SET size = $2::bigint, mtime = $3::bigint WHERE path = $1",
                    3, values, error);
}

/* ------------------------------------------------------------------ */
/* Writing a case                                                      */
/* ------------------------------------------------------------------ */

/* Keeps the file's bytes once, by SHA-256 (sent only when the server
 * has not got them). Returns the SHA-256, or NULL without bytes. */
static char *
keep_file (DossierLibraryPg  *self,
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
  have = dossier_library_pg_exec (self->conn, "SELECT FROM case_files WHERE sha256 = $1",
                                  1, values, error);
  if (have == NULL)
    return (*ok = FALSE, NULL);
  if (PQntuples (have) > 0)
    return g_steal_pointer (&sha256);

  values[1] = g_bytes_get_data (bytes, &size);
  lengths[1] = (int) size;
  put = PQexecParams (self->conn,
                      "INSERT INTO case_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      2, NULL, values, lengths, formats, 0);
  if (put == NULL || PQresultStatus (put) != PGRES_COMMAND_OK)
    return (*ok = dossier_library_pg_fail (self->conn, put, error), NULL);
  return g_steal_pointer (&sha256);
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The case's row, made or replaced; its id, or NULL and @error. */
static char *
upsert_case (DossierLibraryPg              *self,
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

  result = dossier_library_pg_exec (self->conn,
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

/* Rows @from to @to of @ordered in one INSERT. */
static gboolean
insert_items (DossierLibraryPg  *self,
              const char        *case_ref,
              const char        *path,
              GPtrArray         *ordered,
              guint              from,
              guint              to,
              GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO items (case_ref, path, place, section, item_id,"
                                         " item_index, title, body, words, cjk, tags, authors, cites,"
                                         " certainty, date, date_start, date_end) VALUES ");
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_pg_row_free);
  g_autofree const char **values = g_new0 (const char *, (to - from) * ITEM_COLUMNS);
  guint n = 0;

  for (guint i = from; i < to; i++)
    {
      const DossierLibraryItem *item = g_ptr_array_index (ordered, i);
      DossierLibraryPgRow *row = dossier_library_pg_row_new (item);
      char *place = number (i), *section = number (item->section), *index = number (item->item_index);
      char *start = item->date != NULL ? number (item->date_start) : NULL;
      char *end = item->date != NULL ? number (item->date_end) : NULL;
      guint k = n;

      g_ptr_array_add (rows, row);
      g_ptr_array_add (owned, place);
      g_ptr_array_add (owned, section);
      g_ptr_array_add (owned, index);
      g_ptr_array_add (owned, start);
      g_ptr_array_add (owned, end);
      values[n++] = case_ref;
      values[n++] = path;
      values[n++] = place;
      values[n++] = section;
      values[n++] = item->item_id;
      values[n++] = index;
      values[n++] = item->title;
      values[n++] = row->body;
      values[n++] = row->words;
      values[n++] = row->cjk;
      values[n++] = row->tags;
      values[n++] = row->authors;
      values[n++] = row->cites;
      values[n++] = row->certainty;
      values[n++] = item->date;
      values[n++] = start;
      values[n++] = end;
      g_string_append_printf (sql,
                              "%s($%u::bigint, $%u, $%u::integer, $%u::smallint, $%u, $%u::integer, $%u,"
                              " $%u, $%u::tsvector, $%u, $%u::text[], $%u::text[], $%u::text[],"
                              " $%u::smallint[], $%u, $%u::bigint, $%u::bigint)",
                              i > from ? ", " : "",
                              k + 1, k + 2, k + 3, k + 4, k + 5, k + 6, k + 7, k + 8, k + 9, k + 10,
                              k + 11, k + 12, k + 13, k + 14, k + 15, k + 16, k + 17);
    }
  return dossier_library_pg_run (self->conn, sql->str, n, values, error);
}

static gboolean
write_case (DossierLibraryPg              *self,
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

  if (!dossier_library_pg_script (self->conn, "BEGIN", error))
    return FALSE;
  file_sha256 = keep_file (self, info->bytes, &ok, error);
  if (!ok)
    return FALSE;
  old = dossier_library_pg_exec (self->conn, "SELECT file_sha256 FROM cases WHERE path = $1",
                                 1, path_value, error);
  if (old == NULL)
    return FALSE;
  if (PQntuples (old) > 0)
    *out_old_file = dossier_library_pg_value (old, 0, 0);
  case_ref = upsert_case (self, info, file_sha256, error);
  if (case_ref == NULL)
    return FALSE;
  {
    const char *ref_value[] = { case_ref };

    if (!dossier_library_pg_run (self->conn, "DELETE FROM items WHERE case_ref = $1::bigint",
                                 1, ref_value, error))
      return FALSE;
  }
  for (guint from = 0; from < ordered->len; from += ITEMS_PER_INSERT)
    if (!insert_items (self, case_ref, info->path, ordered, from,
                       MIN (from + ITEMS_PER_INSERT, ordered->len), error))
      return FALSE;
  return dossier_library_pg_script (self->conn, "COMMIT", error);
}

/* Drops a file's bytes no case has any more. Two clients at once may
 * both find it kept: the loser's statement fails, and that is all. */
static void
forget_file (DossierLibraryPg *self,
             const char       *sha256)
{
  const char *values[] = { sha256 };
  g_autoptr(PGresult) result = NULL;

  if (sha256 == NULL)
    return;
  result = PQexecParams (self->conn,
                         "DELETE FROM case_files WHERE sha256 = $1"
                         " AND NOT EXISTS (SELECT FROM cases WHERE file_sha256 = $1)",
                         1, NULL, values, NULL, NULL, 0);
}

static void
roll_back (DossierLibraryPg *self)
{
  if (self->conn != NULL && PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    dossier_library_pg_script (self->conn, "ROLLBACK", NULL);
}

static gboolean
pg_put_case (DossierLibraryStore           *store,
             const DossierLibraryCaseInfo  *info,
             GPtrArray                     *items,
             GError                       **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  g_autoptr(GError) failed = NULL;
  g_autofree char *old_file = NULL;
  gboolean ok;

  if (!check_writable (self, error))
    return FALSE;
  ok = write_case (self, info, items, &old_file, &failed);
  /* The case's transaction is undone as a whole; on a lost connection it
   * is written again, whole, on a new one. */
  if (!ok)
    roll_back (self);
  if (!ok && is_lost (failed) && connect_again (self, NULL))
    {
      g_clear_error (&failed);
      g_clear_pointer (&old_file, g_free);
      ok = write_case (self, info, items, &old_file, &failed);
      if (!ok)
        roll_back (self);
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return FALSE;
    }
  if (old_file != NULL)
    forget_file (self, old_file);
  if (self->stamps != NULL)
    {
      DossierLibraryStamp *stamp = g_new0 (DossierLibraryStamp, 1);

      copy_stamp (stamp, &info->stamp);
      g_hash_table_replace (self->stamps, g_strdup (info->path), stamp);
    }
  return TRUE;
}

static gboolean
pg_remove_case (DossierLibraryStore  *store,
                const char           *path,
                GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  const char *values[] = { path };
  g_autoptr(PGresult) result = NULL;

  if (!check_writable (self, error))
    return FALSE;
  /* Items go with their case (ON DELETE CASCADE), in one statement. */
  result = read_rows (self, "DELETE FROM cases WHERE path = $1 RETURNING file_sha256", 1, values, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    forget_file (self, PQgetvalue (result, 0, 0));
  if (self->stamps != NULL)
    g_hash_table_remove (self->stamps, path);
  return TRUE;
}

static gboolean
pg_begin_batch (DossierLibraryStore  *store,
                GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  g_autoptr(PGresult) result = NULL;

  if (self->batching)
    return TRUE;
  /* One query for every stamp instead of one a file. */
  result = read_rows (self, "SELECT path, size, mtime, sha256 FROM cases", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stamp_free);
  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_insert (self->stamps, g_strdup (PQgetvalue (result, row, 0)), stamp_new (result, row, 1));
  self->batching = TRUE;
  return TRUE;
}

static gboolean
pg_end_batch (DossierLibraryStore  *store,
              GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);

  g_clear_pointer (&self->stamps, g_hash_table_unref);
  self->batching = FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static GPtrArray *
pg_list_cases (DossierLibraryStore  *store,
               GError              **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_case_info_free);
  g_autoptr(PGresult) result = NULL;

  result = read_rows (DOSSIER_LIBRARY_PG (store),
                      "SELECT path, size, mtime, sha256, case_id, title, status, updated, n_items,"
                      " n_notes, n_events, n_sources, n_entities, problem, problem_line"
                      " FROM cases ORDER BY path", 0, NULL, error);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      DossierLibraryCaseInfo *info = g_new0 (DossierLibraryCaseInfo, 1);

      info->path = dossier_library_pg_value (result, row, 0);
      info->stamp.size = dossier_library_pg_int (result, row, 1);
      info->stamp.mtime = dossier_library_pg_int (result, row, 2);
      info->stamp.sha256 = dossier_library_pg_value (result, row, 3);
      info->case_id = dossier_library_pg_value (result, row, 4);
      info->title = dossier_library_pg_value (result, row, 5);
      info->status = dossier_library_pg_value (result, row, 6);
      info->updated = dossier_library_pg_value (result, row, 7);
      info->n_items = dossier_library_pg_int (result, row, 8);
      info->n_notes = dossier_library_pg_int (result, row, 9);
      info->n_events = dossier_library_pg_int (result, row, 10);
      info->n_sources = dossier_library_pg_int (result, row, 11);
      info->n_entities = dossier_library_pg_int (result, row, 12);
      info->problem = dossier_library_pg_value (result, row, 13);
      info->problem_line = dossier_library_pg_int (result, row, 14);
      g_ptr_array_add (cases, info);
    }
  return g_steal_pointer (&cases);
}

static GPtrArray *
pg_search (DossierLibraryStore  *store,
           DossierSearchQuery   *query,
           guint                 max_results,
           GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_hit_free);
  g_autoptr(DossierLibraryPgQuery) where = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(PGresult) result = NULL;

  if (dossier_search_query_is_empty (query))
    return g_steal_pointer (&hits);
  where = dossier_library_pg_query_new (query);
  sql = g_string_new ("SELECT i.path, c.title, i.section, i.item_id, i.item_index, i.title, i.body"
                      " FROM items i JOIN cases c ON c.id = i.case_ref WHERE ");
  g_string_append (sql, where->where->str);
  g_string_append (sql, " ORDER BY i.path, i.place");
  if (max_results > 0)
    {
      g_ptr_array_add (where->params, number (max_results));
      g_string_append_printf (sql, " LIMIT $%u::integer", where->params->len);
    }
  result = read_rows (self, sql->str, where->params->len,
                      (const char * const *) where->params->pdata, error);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    {
      DossierLibraryHit *hit = g_new0 (DossierLibraryHit, 1);

      hit->path = dossier_library_pg_value (result, row, 0);
      hit->case_title = dossier_library_pg_value (result, row, 1);
      hit->section = dossier_library_pg_int (result, row, 2);
      hit->item_id = dossier_library_pg_value (result, row, 3);
      hit->item_index = dossier_library_pg_int (result, row, 4);
      hit->title = dossier_library_pg_value (result, row, 5);
      hit->snippet = dossier_library_excerpt (PQgetvalue (result, row, 6), query);
      g_ptr_array_add (hits, hit);
    }
  return g_steal_pointer (&hits);
}

static gboolean
pg_is_read_only (DossierLibraryStore *store)
{
  return DOSSIER_LIBRARY_PG (store)->read_only;
}

static gboolean
pg_is_shared (DossierLibraryStore *store)
{
  return TRUE;
}

static GBytes *
pg_get_case_file (DossierLibraryStore  *store,
                  const char           *path,
                  char                **out_sha256,
                  GError              **error)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (store);
  const char *values[] = { path };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *have = NULL;

  if (!ensure_connection (self, error))
    return NULL;
  /* The bytes come as they are (binary), not as text to decode. */
  result = PQexecParams (self->conn,
                         "SELECT f.sha256, f.bytes FROM cases c JOIN case_files f"
                         " ON f.sha256 = c.file_sha256 WHERE c.path = $1",
                         1, NULL, values, NULL, NULL, 1);
  if (result == NULL || PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dossier_library_pg_fail (self->conn, result, error);
      return NULL;
    }
  if (PQntuples (result) == 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND,
                   _("The team library keeps no file for %s"), path);
      return NULL;
    }
  bytes = g_bytes_new (PQgetvalue (result, 0, 1), PQgetlength (result, 0, 1));
  have = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (PQgetlength (result, 0, 0) != 64 || memcmp (have, PQgetvalue (result, 0, 0), 64) != 0)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                   _("The team library's copy of %s is damaged: its SHA-256 is not the one "
                     "it was kept under"), path);
      return NULL;
    }
  if (out_sha256 != NULL)
    *out_sha256 = g_steal_pointer (&have);
  return g_steal_pointer (&bytes);
}

/* ------------------------------------------------------------------ */

static void
dossier_library_pg_finalize (GObject *object)
{
  DossierLibraryPg *self = DOSSIER_LIBRARY_PG (object);

  g_clear_pointer (&self->stamps, g_hash_table_unref);
  g_clear_pointer (&self->conn, PQfinish);
  g_free (self->conninfo);

  G_OBJECT_CLASS (dossier_library_pg_parent_class)->finalize (object);
}

static void
dossier_library_pg_store_init (DossierLibraryStoreInterface *iface)
{
  iface->add_folder = pg_add_folder;
  iface->remove_folder = pg_remove_folder;
  iface->list_folders = pg_list_folders;
  iface->get_stamp = pg_get_stamp;
  iface->touch_case = pg_touch_case;
  iface->put_case = pg_put_case;
  iface->remove_case = pg_remove_case;
  iface->list_cases = pg_list_cases;
  iface->begin_batch = pg_begin_batch;
  iface->end_batch = pg_end_batch;
  iface->search = pg_search;
  iface->is_read_only = pg_is_read_only;
  iface->is_shared = pg_is_shared;
  iface->get_case_file = pg_get_case_file;
}

static void
dossier_library_pg_class_init (DossierLibraryPgClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_library_pg_finalize;
}

static void
dossier_library_pg_init (DossierLibraryPg *self)
{
}
