/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-library-sqlite.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-library-private.h"

/* The library in one SQLite file (schema in docs/library.md). Every
 * write is one transaction; the file is in WAL mode, so a reader never
 * waits for the indexer and a crash loses only what was not committed. */

/* "DOSS": PRAGMA application_id of a Dossier library. */
#define APPLICATION_ID 0x444F5353

/* An item's rowid is its case's id shifted by ITEM_BITS plus its place
 * in the order hits are given (the case's chronology), so that the FTS
 * table hands out matches already in order and LIMIT stops early. Case
 * ids follow the order of their paths, with room between them for a
 * case added later. */
#define ITEM_BITS 26
#define MAX_ITEMS (G_GINT64_CONSTANT (1) << ITEM_BITS)
#define MAX_CASE_ID ((G_GINT64_CONSTANT (1) << (62 - ITEM_BITS)) - 1)
#define CASE_ID_GAP (G_GINT64_CONSTANT (1) << 16)

/* A prefix is listed as the terms it stands for up to this many. */
#define MAX_EXPANSION 128
/* Terms known to be in `terms`, kept in memory up to this many. */
#define MAX_TERMS_SEEN 500000

/* In a batch, a transaction is committed after this many cases or this
 * long, whichever comes first; a crash loses at most that much work,
 * which the next update redoes (its stamps were not stored either). */
#define BATCH_CASES 1000
#define BATCH_USEC  (1000 * 1000)

struct _DossierLibrarySqlite
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* const char *sql -> sqlite3_stmt *, prepared once. */
  GHashTable *statements;
  /* Terms written to `terms` by this connection (char *), so that each
   * is inserted once; emptied when a write is undone. Used by whichever
   * thread writes. */
  GHashTable *terms_seen;
  gboolean    batching;
  gboolean    in_transaction;
  guint       batch_cases;
  gint64      batch_start;

  /* In a batch, writes go to a thread of their own (writer), so that
   * the next case loads while the last one is written. The stamps
   * answer get_stamp() meanwhile: path -> DossierLibraryStamp *, as
   * every write pushed so far leaves them. The first write that failed
   * is told by the next call. */
  DossierLibraryQueue *writer;
  GHashTable          *stamps;
  GMutex               writer_lock;
  GError              *writer_error;
};

static void     dossier_library_sqlite_store_init (DossierLibraryStoreInterface *iface);
static gboolean wait_for_writer                   (DossierLibrarySqlite          *self,
                                                   GError                       **error);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierLibrarySqlite, dossier_library_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_LIBRARY_STORE,
                                                      dossier_library_sqlite_store_init))

static const char folders_sql[] =
  "CREATE TABLE folders ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE);";

/* What holds the cases and items: made again from the folders when the
 * schema changes. */
static const char schema_sql[] =
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  path TEXT NOT NULL UNIQUE,"
  "  size INTEGER NOT NULL,"
  "  mtime INTEGER NOT NULL,"
  "  sha256 TEXT,"
  "  case_id TEXT,"
  "  title TEXT,"
  "  status TEXT,"
  "  updated TEXT,"
  "  n_items INTEGER NOT NULL DEFAULT 0,"
  "  n_notes INTEGER NOT NULL DEFAULT 0,"
  "  n_events INTEGER NOT NULL DEFAULT 0,"
  "  n_sources INTEGER NOT NULL DEFAULT 0,"
  "  n_entities INTEGER NOT NULL DEFAULT 0,"
  "  problem TEXT,"
  "  problem_line INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE items ("
  "  id INTEGER PRIMARY KEY,"
  "  section INTEGER NOT NULL,"
  "  item_id TEXT,"
  "  item_index INTEGER NOT NULL,"
  "  title TEXT,"
  "  date TEXT,"
  "  date_start INTEGER,"
  "  date_end INTEGER,"
  "  certainties INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE items_fts USING fts5 (text, meta, tokenize = 'dossier', columnsize = 0);"
  "CREATE TABLE terms (term TEXT PRIMARY KEY) WITHOUT ROWID;";

/* What schema_sql makes, dropped to rebuild a library of an older
 * schema (the folders stay). */
static const char drop_sql[] =
  "DROP TABLE IF EXISTS terms;"
  "DROP TABLE IF EXISTS items_fts;"
  "DROP TABLE IF EXISTS items;"
  "DROP TABLE IF EXISTS cases;";

static gboolean
set_db_error (GError  **error,
              sqlite3  *db)
{
  g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
               "%s", db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_db_error (error, db);
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The statement for @sql (a string constant), prepared once and kept:
 * reset, its bindings cleared. Reset it again after use, so that no
 * read stays open. */
static sqlite3_stmt *
cached (DossierLibrarySqlite  *self,
        const char            *sql,
        GError               **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, self->db);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

static gboolean
run_stmt (sqlite3      *db,
          sqlite3_stmt *stmt,
          GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_db_error (error, db);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening, checking, setting aside                                    */
/* ------------------------------------------------------------------ */

typedef enum
{
  STATE_READY,
  STATE_EMPTY,
  STATE_OLDER,
  STATE_FOREIGN,
  STATE_NEWER,
  STATE_DAMAGED,
} DbState;

static gint64
pragma_int (sqlite3    *db,
            const char *sql,
            gboolean   *ok)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    {
      *ok = FALSE;
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static DbState
check_db (sqlite3 *db,
          gint64  *out_version)
{
  gboolean ok = TRUE;
  gint64 app = pragma_int (db, "PRAGMA application_id", &ok);
  gint64 version = pragma_int (db, "PRAGMA user_version", &ok);
  gint64 n_tables = pragma_int (db, "SELECT count(*) FROM sqlite_master", &ok);

  *out_version = version;
  if (!ok)
    return STATE_DAMAGED;
  if (app == 0 && version == 0 && n_tables == 0)
    return STATE_EMPTY;
  if (app != APPLICATION_ID)
    return STATE_FOREIGN;
  if (version > DOSSIER_LIBRARY_SQLITE_SCHEMA_VERSION)
    return STATE_NEWER;
  if (version < 1)
    return STATE_DAMAGED;
  /* A damaged page deeper in shows on first use, as an error. */
  if (pragma_int (db, "SELECT count(*) FROM folders", &ok) < 0 || !ok)
    return STATE_DAMAGED;
  return version < DOSSIER_LIBRARY_SQLITE_SCHEMA_VERSION ? STATE_OLDER : STATE_READY;
}

static sqlite3 *
open_db (const char  *path,
         GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                       | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_db_error (error, db);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 0);
  if (!dossier_library_tokenizer_register (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* The folders of a database about to be set aside, when they can still
 * be read. */
static GStrv
rescue_folders (sqlite3 *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT path FROM folders ORDER BY id", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      if (sqlite3_column_text (stmt, 0) != NULL)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

static char *
notice_for (DbState     state,
            const char *path,
            const char *aside,
            gint64      version)
{
  switch (state)
    {
    case STATE_NEWER:
      return g_strdup_printf (_("%s is a library of a newer version of Dossier (version %d); "
                                "it was set aside as %s and a new library is made"),
                              path, (int) version, aside);
    case STATE_FOREIGN:
      return g_strdup_printf (_("%s is not a Dossier library; it was set aside as %s "
                                "and a new library is made"),
                              path, aside);
    case STATE_DAMAGED:
    case STATE_OLDER:
    case STATE_READY:
    case STATE_EMPTY:
    default:
      return g_strdup_printf (_("%s is damaged; it was set aside as %s and a new library "
                                "is made"),
                              path, aside);
    }
}

/* A library of an older schema holds nothing that cannot be read again
 * from its folders: its cases and items are dropped and made again,
 * in one transaction, and the next update fills them. */
static gboolean
rebuild_schema (sqlite3   *db,
                gboolean  *out_rebuilt,
                GError   **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = %d;",
                                              DOSSIER_LIBRARY_SQLITE_SCHEMA_VERSION);
  gboolean ok = TRUE;

  *out_rebuilt = FALSE;
  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another connection may have made it again while this one waited. */
  if (pragma_int (db, "PRAGMA user_version", &ok) == DOSSIER_LIBRARY_SQLITE_SCHEMA_VERSION && ok)
    return exec (db, "COMMIT", error);
  *out_rebuilt = TRUE;
  if (!exec (db, drop_sql, error) || !exec (db, schema_sql, error) || !exec (db, pragmas, error))
    {
      exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return exec (db, "COMMIT", error);
}

static gboolean
create_schema (sqlite3  *db,
               GStrv     folders,
               GError  **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              APPLICATION_ID, DOSSIER_LIBRARY_SQLITE_SCHEMA_VERSION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another connection (a search thread) may have made it meanwhile. */
  if (pragma_int (db, "SELECT count(*) FROM sqlite_master", &ok) > 0 && ok)
    return exec (db, "COMMIT", error);
  if (!exec (db, folders_sql, error) || !exec (db, schema_sql, error) || !exec (db, pragmas, error)
      || (stmt = prepare (db, "INSERT OR IGNORE INTO folders (path) VALUES (?)", error)) == NULL)
    {
      exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      bind_text (stmt, 1, folders[i]);
      if (!run_stmt (db, stmt, error))
        {
          exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return exec (db, "COMMIT", error);
}

char *
dossier_library_sqlite_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "library.sqlite3", NULL);
}

DossierLibrarySqlite *
dossier_library_sqlite_open (const char  *path,
                             char       **out_notice,
                             GError     **error)
{
  g_autoptr(DossierLibrarySqlite) self = NULL;
  g_autofree char *folder = NULL;
  g_auto(GStrv) folders = NULL;
  DbState state;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (out_notice != NULL)
    *out_notice = NULL;
  folder = g_path_get_dirname (path);
  g_mkdir_with_parents (folder, 0700);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_SQLITE, NULL);
  self->path = g_strdup (path);
  self->db = open_db (path, error);
  if (self->db == NULL)
    return NULL;

  state = check_db (self->db, &version);
  if (state == STATE_FOREIGN || state == STATE_NEWER || state == STATE_DAMAGED)
    {
      g_autofree char *aside = NULL;

      if (state != STATE_DAMAGED)
        folders = rescue_folders (self->db);
      g_clear_pointer (&self->db, sqlite3_close);
      aside = dossier_library_set_aside (path, error);
      if (aside == NULL)
        return NULL;
      if (out_notice != NULL)
        *out_notice = notice_for (state, path, aside, version);
      self->db = open_db (path, error);
      if (self->db == NULL)
        return NULL;
      state = STATE_EMPTY;
    }

  /* A larger page cache than the default 2 MB keeps the FTS index's
   * upper pages in memory while a batch is written; the WAL, grown by a
   * batch, is cut back to 4 MB when it is next emptied into the file. */
  if (!exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
             " PRAGMA cache_size = -8192; PRAGMA journal_size_limit = 4194304;", error))
    return NULL;
  if (state == STATE_EMPTY && !create_schema (self->db, folders, error))
    return NULL;
  if (state == STATE_OLDER)
    {
      gboolean rebuilt = FALSE;

      if (!rebuild_schema (self->db, &rebuilt, error))
        return NULL;
      if (rebuilt && out_notice != NULL)
        *out_notice = g_strdup_printf (_("%s is a library of an older version of Dossier; "
                                         "it is made again from its folders"), path);
    }
  return g_steal_pointer (&self);
}

const char *
dossier_library_sqlite_get_path (DossierLibrarySqlite *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_SQLITE (self), NULL);

  return self->path;
}

/* ------------------------------------------------------------------ */
/* Folders and cases                                                   */
/* ------------------------------------------------------------------ */

static gboolean
exec_with_path (DossierLibrarySqlite  *self,
                const char            *sql,
                const char            *path,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, path);
  return run_stmt (self->db, stmt, error);
}

static gboolean
sqlite_add_folder (DossierLibraryStore  *store,
                   const char           *path,
                   GError              **error)
{
  if (!wait_for_writer (DOSSIER_LIBRARY_SQLITE (store), error))
    return FALSE;
  return exec_with_path (DOSSIER_LIBRARY_SQLITE (store),
                         "INSERT OR IGNORE INTO folders (path) VALUES (?)", path, error);
}

static gboolean
sqlite_remove_folder (DossierLibraryStore  *store,
                      const char           *path,
                      GError              **error)
{
  if (!wait_for_writer (DOSSIER_LIBRARY_SQLITE (store), error))
    return FALSE;
  return exec_with_path (DOSSIER_LIBRARY_SQLITE (store),
                         "DELETE FROM folders WHERE path = ?", path, error);
}

static GStrv
sqlite_list_folders (DossierLibraryStore  *store,
                     GError              **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!wait_for_writer (self, error))
    return NULL;
  stmt = prepare (self->db, "SELECT path FROM folders ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
sqlite_get_stamp (DossierLibraryStore *store,
                  const char          *path,
                  DossierLibraryStamp *stamp)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  sqlite3_stmt *stmt;
  gboolean found;

  /* In a batch, as the writes pushed so far leave it. */
  if (self->stamps != NULL)
    {
      const DossierLibraryStamp *known = g_hash_table_lookup (self->stamps, path);

      if (known == NULL)
        return FALSE;
      stamp->size = known->size;
      stamp->mtime = known->mtime;
      stamp->sha256 = g_strdup (known->sha256);
      return TRUE;
    }
  stmt = cached (self, "SELECT size, mtime, sha256 FROM cases WHERE path = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, path);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      stamp->size = sqlite3_column_int64 (stmt, 0);
      stamp->mtime = sqlite3_column_int64 (stmt, 1);
      stamp->sha256 = column_text (stmt, 2);
    }
  sqlite3_reset (stmt);
  return found;
}

/* ------------------------------------------------------------------ */
/* Writing: one transaction a call, or a batch of them                 */
/* ------------------------------------------------------------------ */

/* Starts a write: a transaction of its own, or, in a batch, a savepoint
 * in the batch's transaction, so that a write that fails undoes only
 * itself. */
static gboolean
write_begin (DossierLibrarySqlite  *self,
             GError               **error)
{
  if (!self->in_transaction)
    {
      if (!exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->in_transaction = TRUE;
      self->batch_cases = 0;
      self->batch_start = g_get_monotonic_time ();
    }
  return !self->batching || exec (self->db, "SAVEPOINT one_write", error);
}

static gboolean
commit (DossierLibrarySqlite  *self,
        GError               **error)
{
  if (!self->in_transaction)
    return TRUE;
  self->in_transaction = FALSE;
  if (exec (self->db, "COMMIT", error))
    return TRUE;
  exec (self->db, "ROLLBACK", NULL);
  g_hash_table_remove_all (self->terms_seen);
  return FALSE;
}

/* Ends a write begun by write_begin(): kept if @ok, else undone. */
static gboolean
write_end (DossierLibrarySqlite  *self,
           gboolean               ok,
           GError               **error)
{
  /* The terms it wrote are gone again. */
  if (!ok)
    g_hash_table_remove_all (self->terms_seen);
  if (!self->batching)
    {
      if (ok)
        return commit (self, error);
      exec (self->db, "ROLLBACK", NULL);
      self->in_transaction = FALSE;
      return FALSE;
    }
  if (!ok)
    exec (self->db, "ROLLBACK TO one_write", NULL);
  exec (self->db, "RELEASE one_write", NULL);
  if (!ok)
    return FALSE;
  if (++self->batch_cases >= BATCH_CASES
      || g_get_monotonic_time () - self->batch_start >= BATCH_USEC)
    return commit (self, error);
  return TRUE;
}


static gboolean
touch_case_now (DossierLibrarySqlite       *self,
                const char                 *path,
                const DossierLibraryStamp  *stamp,
                GError                    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!write_begin (self, error))
    return FALSE;
  stmt = cached (self, "UPDATE cases SET size = ?, mtime = ? WHERE path = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, stamp->size);
      sqlite3_bind_int64 (stmt, 2, stamp->mtime);
      bind_text (stmt, 3, path);
      ok = run_stmt (self->db, stmt, error);
      sqlite3_reset (stmt);
    }
  return write_end (self, ok, error);
}

/* The id of the case at @path, or 0. */
static gint64
case_id_of (DossierLibrarySqlite  *self,
            const char            *path,
            GError               **error)
{
  sqlite3_stmt *stmt = cached (self, "SELECT id FROM cases WHERE path = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, path);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The id of the case next to @path in path order (before it if
 * @before, else after), or 0. */
static gint64
neighbour_id (DossierLibrarySqlite *self,
              const char           *path,
              gboolean              before)
{
  sqlite3_stmt *stmt = cached (self, before
                               ? "SELECT id FROM cases WHERE path < ? ORDER BY path DESC LIMIT 1"
                               : "SELECT id FROM cases WHERE path > ? ORDER BY path LIMIT 1",
                               NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, path);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
case_id_taken (DossierLibrarySqlite *self,
               gint64                id)
{
  sqlite3_stmt *stmt = cached (self, "SELECT 1 FROM cases WHERE id = ?", NULL);
  gboolean taken;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

/* An id for a new case at @path: between its neighbours' ids in path
 * order while there is room, else after every other (its hits then
 * come after those of cases with later paths). */
static gint64
new_case_id (DossierLibrarySqlite *self,
             const char           *path)
{
  gint64 prev = neighbour_id (self, path, TRUE);
  gint64 next = neighbour_id (self, path, FALSE);
  gint64 id = 0, last = 0;
  sqlite3_stmt *stmt;

  if (next == 0 && prev <= MAX_CASE_ID - CASE_ID_GAP)
    id = prev + CASE_ID_GAP;
  else if (next > prev + 1)
    id = prev + MIN ((next - prev) / 2, CASE_ID_GAP);
  if (id > 0 && !case_id_taken (self, id))
    return id;
  stmt = cached (self, "SELECT max(id) FROM cases", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return last < MAX_CASE_ID ? last + 1 : -1;
}

/* Runs @sql with the rowids of case @id's items as ?1 and ?2. */
static gboolean
run_on_items (DossierLibrarySqlite  *self,
              const char            *sql,
              gint64                 id,
              GError               **error)
{
  sqlite3_stmt *stmt = cached (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id << ITEM_BITS);
  sqlite3_bind_int64 (stmt, 2, (id << ITEM_BITS) + MAX_ITEMS - 1);
  ok = run_stmt (self->db, stmt, error);
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
delete_items (DossierLibrarySqlite  *self,
              gint64                 id,
              GError               **error)
{
  return run_on_items (self, "DELETE FROM items_fts WHERE rowid BETWEEN ?1 AND ?2", id, error)
         && run_on_items (self, "DELETE FROM items WHERE id BETWEEN ?1 AND ?2", id, error);
}

/* Deletes the case at @path and its items; inside a transaction. */
static gboolean
delete_case (DossierLibrarySqlite  *self,
             const char            *path,
             GError               **error)
{
  gint64 id = case_id_of (self, path, error);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (id <= 0)
    return id == 0;
  if (!delete_items (self, id, error))
    return FALSE;
  stmt = cached (self, "DELETE FROM cases WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = run_stmt (self->db, stmt, error);
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
insert_item (DossierLibrarySqlite       *self,
             sqlite3_stmt               *item_stmt,
             sqlite3_stmt               *fts_stmt,
             gint64                      rowid,
             const DossierLibraryReady  *ready,
             GError                    **error)
{
  const DossierLibraryItem *item = ready->item;
  gboolean ok;

  sqlite3_reset (item_stmt);
  sqlite3_bind_int64 (item_stmt, 1, rowid);
  sqlite3_bind_int (item_stmt, 2, item->section);
  bind_text (item_stmt, 3, item->item_id);
  sqlite3_bind_int (item_stmt, 4, item->item_index);
  bind_text (item_stmt, 5, item->title);
  bind_text (item_stmt, 6, item->date);
  if (item->date != NULL)
    {
      sqlite3_bind_int64 (item_stmt, 7, item->date_start);
      sqlite3_bind_int64 (item_stmt, 8, item->date_end);
    }
  else
    {
      sqlite3_bind_null (item_stmt, 7);
      sqlite3_bind_null (item_stmt, 8);
    }
  sqlite3_bind_int (item_stmt, 9, item->certainties);
  if (!run_stmt (self->db, item_stmt, error))
    return FALSE;

  sqlite3_reset (fts_stmt);
  sqlite3_bind_int64 (fts_stmt, 1, rowid);
  bind_text (fts_stmt, 2, dossier_library_tokens_get_text (ready->text));
  bind_text (fts_stmt, 3, ready->meta);
  dossier_library_tokenizer_replay (ready->text);
  ok = run_stmt (self->db, fts_stmt, error);
  dossier_library_tokenizer_replay (NULL);
  return ok;
}

/* Every term the index holds is in `terms`, so that a prefix can be
 * listed as its terms (expand_prefix()): @terms (a set) are written
 * unless this connection wrote them already. Terms are never taken
 * out: one no item holds any more matches nothing. */
static gboolean
record_terms (DossierLibrarySqlite  *self,
              GHashTable            *terms,
              GError               **error)
{
  GHashTableIter iter;
  gpointer term;

  if (terms == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    {
      sqlite3_stmt *stmt;
      gboolean ok;

      if (g_hash_table_contains (self->terms_seen, term))
        continue;
      stmt = cached (self, "INSERT OR IGNORE INTO terms (term) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, term, -1, SQLITE_STATIC);
      ok = run_stmt (self->db, stmt, error);
      sqlite3_reset (stmt);
      if (!ok)
        return FALSE;
      if (g_hash_table_size (self->terms_seen) >= MAX_TERMS_SEEN)
        g_hash_table_remove_all (self->terms_seen);
      g_hash_table_add (self->terms_seen, g_strdup (term));
    }
  return TRUE;
}

/* @ordered: from dossier_library_ready_items(). */
static gboolean
insert_items (DossierLibrarySqlite  *self,
              gint64                 id,
              GPtrArray             *ordered,
              GError               **error)
{
  sqlite3_stmt *item_stmt;
  sqlite3_stmt *fts_stmt;

  if (ordered == NULL || ordered->len == 0)
    return TRUE;
  if (ordered->len >= MAX_ITEMS)
    {
      g_set_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                   "a case of %u items is more than a library holds", ordered->len);
      return FALSE;
    }
  item_stmt = cached (self,
                      "INSERT INTO items (id, section, item_id, item_index, title, date,"
                      " date_start, date_end, certainties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  fts_stmt = item_stmt != NULL
             ? cached (self, "INSERT INTO items_fts (rowid, text, meta) VALUES (?, ?, ?)", error)
             : NULL;
  if (fts_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ordered->len; i++)
    {
      const DossierLibraryReady *ready = g_ptr_array_index (ordered, i);

      if (!insert_item (self, item_stmt, fts_stmt, (id << ITEM_BITS) + i, ready, error))
        return FALSE;
    }
  sqlite3_reset (item_stmt);
  sqlite3_reset (fts_stmt);
  return TRUE;
}

/* Writes the row of the case at @info->path: a known case keeps its id
 * (and so its items' rowids), a new one gets one in path order. */
static gint64
write_case_row (DossierLibrarySqlite          *self,
                const DossierLibraryCaseInfo  *info,
                GError                       **error)
{
  gint64 id = case_id_of (self, info->path, error);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (id < 0)
    return -1;
  if (id > 0 && !delete_items (self, id, error))
    return -1;
  if (id == 0 && (id = new_case_id (self, info->path)) < 0)
    {
      g_set_error_literal (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_DATABASE,
                           "the library holds as many cases as it can");
      return -1;
    }
  stmt = cached (self,
                 "INSERT OR REPLACE INTO cases (id, path, size, mtime, sha256, case_id, title,"
                 " status, updated, n_items, n_notes, n_events, n_sources, n_entities, problem,"
                 " problem_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, info->path);
  sqlite3_bind_int64 (stmt, 3, info->stamp.size);
  sqlite3_bind_int64 (stmt, 4, info->stamp.mtime);
  bind_text (stmt, 5, info->stamp.sha256);
  bind_text (stmt, 6, info->case_id);
  bind_text (stmt, 7, info->title);
  bind_text (stmt, 8, info->status);
  bind_text (stmt, 9, info->updated);
  sqlite3_bind_int (stmt, 10, info->n_items);
  sqlite3_bind_int (stmt, 11, info->n_notes);
  sqlite3_bind_int (stmt, 12, info->n_events);
  sqlite3_bind_int (stmt, 13, info->n_sources);
  sqlite3_bind_int (stmt, 14, info->n_entities);
  bind_text (stmt, 15, info->problem);
  sqlite3_bind_int (stmt, 16, info->problem_line);
  ok = run_stmt (self->db, stmt, error);
  sqlite3_reset (stmt);
  return ok ? id : -1;
}

/* @ordered: the case's items from dossier_library_ready_items(); @terms: theirs,
 * from dossier_library_ready_terms(). */
static gboolean
put_case_now (DossierLibrarySqlite          *self,
              const DossierLibraryCaseInfo  *info,
              GPtrArray                     *ordered,
              GHashTable                    *terms,
              GError                       **error)
{
  gint64 id;
  gboolean ok;

  if (!write_begin (self, error))
    return FALSE;
  id = write_case_row (self, info, error);
  ok = id > 0 && insert_items (self, id, ordered, error) && record_terms (self, terms, error);
  return write_end (self, ok, error);
}

static gboolean
remove_case_now (DossierLibrarySqlite  *self,
                 const char            *path,
                 GError               **error)
{
  if (!write_begin (self, error))
    return FALSE;
  return write_end (self, delete_case (self, path, error), error);
}

/* ------------------------------------------------------------------ */
/* The writer of a batch                                               */
/* ------------------------------------------------------------------ */

typedef enum
{
  JOB_PUT,
  JOB_TOUCH,
  JOB_REMOVE,
} JobKind;

/* @ordered borrows from @items. */
typedef struct
{
  JobKind                 kind;
  DossierLibraryCaseInfo *info;
  GPtrArray              *items;
  GPtrArray              *ordered;
  GHashTable             *terms;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  dossier_library_case_info_free (job->info);
  g_clear_pointer (&job->ordered, g_ptr_array_unref);
  g_clear_pointer (&job->terms, g_hash_table_unref);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

/* On the writer's thread. */
static void
run_job (gpointer data,
         gpointer user_data)
{
  DossierLibrarySqlite *self = user_data;
  Job *job = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_PUT:
      ok = put_case_now (self, job->info, job->ordered, job->terms, &error);
      break;
    case JOB_TOUCH:
      ok = touch_case_now (self, job->info->path, &job->info->stamp, &error);
      break;
    case JOB_REMOVE:
    default:
      ok = remove_case_now (self, job->info->path, &error);
      break;
    }
  g_mutex_lock (&self->writer_lock);
  if (!ok && self->writer_error == NULL)
    self->writer_error = g_steal_pointer (&error);
  g_mutex_unlock (&self->writer_lock);
}

/* The first write of the writer that failed, once. */
static gboolean
take_writer_error (DossierLibrarySqlite  *self,
                   GError               **error)
{
  GError *failed;

  g_mutex_lock (&self->writer_lock);
  failed = g_steal_pointer (&self->writer_error);
  g_mutex_unlock (&self->writer_lock);
  if (failed == NULL)
    return FALSE;
  g_propagate_error (error, failed);
  return TRUE;
}

/* Before the caller's thread uses the database: every write pushed is
 * done, and none failed. */
static gboolean
wait_for_writer (DossierLibrarySqlite  *self,
                 GError               **error)
{
  if (self->writer != NULL)
    dossier_library_queue_drain (self->writer);
  return !take_writer_error (self, error);
}

static void
stamp_free (gpointer data)
{
  DossierLibraryStamp *stamp = data;

  dossier_library_stamp_clear (stamp);
  g_free (stamp);
}

static void
remember_stamp (DossierLibrarySqlite      *self,
                const char                *path,
                const DossierLibraryStamp *stamp)
{
  DossierLibraryStamp *copy = g_new0 (DossierLibraryStamp, 1);

  copy->size = stamp->size;
  copy->mtime = stamp->mtime;
  copy->sha256 = g_strdup (stamp->sha256);
  g_hash_table_replace (self->stamps, g_strdup (path), copy);
}

static gboolean
load_stamps (DossierLibrarySqlite  *self,
             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, "SELECT path, size, mtime, sha256 FROM cases",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stamp_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierLibraryStamp stamp = {
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
        (char *) sqlite3_column_text (stmt, 3),
      };

      remember_stamp (self, (const char *) sqlite3_column_text (stmt, 0), &stamp);
    }
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (&self->stamps, g_hash_table_unref);
      return set_db_error (error, self->db);
    }
  return TRUE;
}

/* Hands a write to the writer; FALSE when an earlier one failed. */
static gboolean
push_job (DossierLibrarySqlite          *self,
          JobKind                        kind,
          const DossierLibraryCaseInfo  *info,
          GPtrArray                     *items,
          GError                       **error)
{
  Job *job;

  if (take_writer_error (self, error))
    return FALSE;
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->info = dossier_library_case_info_copy (info);
  /* Its text is cut into tokens here, while the writer writes. */
  job->items = items != NULL ? g_ptr_array_ref (items) : NULL;
  job->ordered = kind == JOB_PUT ? dossier_library_ready_items (items) : NULL;
  job->terms = kind == JOB_PUT ? dossier_library_ready_terms (job->ordered) : NULL;
  if (kind == JOB_REMOVE)
    g_hash_table_remove (self->stamps, info->path);
  else
    remember_stamp (self, info->path, &info->stamp);
  dossier_library_queue_push (self->writer, job);
  return TRUE;
}

static gboolean
sqlite_put_case (DossierLibraryStore           *store,
                 const DossierLibraryCaseInfo  *info,
                 GPtrArray                     *items,
                 GError                       **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);

  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GHashTable) terms = NULL;

  if (self->writer != NULL)
    return push_job (self, JOB_PUT, info, items, error);
  ordered = dossier_library_ready_items (items);
  terms = dossier_library_ready_terms (ordered);
  return put_case_now (self, info, ordered, terms, error);
}

static gboolean
sqlite_touch_case (DossierLibraryStore        *store,
                   const char                 *path,
                   const DossierLibraryStamp  *stamp,
                   GError                    **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  DossierLibraryCaseInfo info = { (char *) path, *stamp, };

  if (self->writer != NULL)
    return push_job (self, JOB_TOUCH, &info, NULL, error);
  return touch_case_now (self, path, stamp, error);
}

static gboolean
sqlite_remove_case (DossierLibraryStore  *store,
                    const char           *path,
                    GError              **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  DossierLibraryCaseInfo info = { (char *) path, };

  if (self->writer != NULL)
    return push_job (self, JOB_REMOVE, &info, NULL, error);
  return remove_case_now (self, path, error);
}

static gboolean
sqlite_begin_batch (DossierLibraryStore  *store,
                    GError              **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);

  if (self->batching)
    return TRUE;
  if (!load_stamps (self, error))
    return FALSE;
  self->batching = TRUE;
  /* Without a thread, the writes are made at once, batched all the same. */
  self->writer = dossier_library_queue_new (run_job, job_free, self, 4);
  return TRUE;
}

static gboolean
sqlite_end_batch (DossierLibraryStore  *store,
                  GError              **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  g_autoptr(GError) failed = NULL;

  wait_for_writer (self, &failed);
  g_clear_pointer (&self->writer, dossier_library_queue_free);
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  self->batching = FALSE;
  if (!commit (self, failed == NULL ? error : NULL))
    return FALSE;
  if (failed != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failed));
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
sqlite_list_cases (DossierLibraryStore  *store,
                   GError              **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_case_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!wait_for_writer (self, error))
    return NULL;
  stmt = prepare (self->db,
                  "SELECT path, size, mtime, sha256, case_id, title, status, updated, n_items,"
                  " n_notes, n_events, n_sources, n_entities, problem, problem_line"
                  " FROM cases ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierLibraryCaseInfo *info = g_new0 (DossierLibraryCaseInfo, 1);

      info->path = column_text (stmt, 0);
      info->stamp.size = sqlite3_column_int64 (stmt, 1);
      info->stamp.mtime = sqlite3_column_int64 (stmt, 2);
      info->stamp.sha256 = column_text (stmt, 3);
      info->case_id = column_text (stmt, 4);
      info->title = column_text (stmt, 5);
      info->status = column_text (stmt, 6);
      info->updated = column_text (stmt, 7);
      info->n_items = sqlite3_column_int (stmt, 8);
      info->n_notes = sqlite3_column_int (stmt, 9);
      info->n_events = sqlite3_column_int (stmt, 10);
      info->n_sources = sqlite3_column_int (stmt, 11);
      info->n_entities = sqlite3_column_int (stmt, 12);
      info->problem = column_text (stmt, 13);
      info->problem_line = sqlite3_column_int (stmt, 14);
      g_ptr_array_add (cases, info);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

/* ------------------------------------------------------------------ */
/* Search                                                              */
/* ------------------------------------------------------------------ */

/* Separators between fields read as spaces in a snippet. */
static char *
clean_snippet (const char *text)
{
  char *out = g_strdup (text != NULL ? text : "");

  for (char *p = out; *p != '\0'; p++)
    if (*p == DOSSIER_LIBRARY_FIELD_SEPARATOR || *p == DOSSIER_LIBRARY_META_START)
      *p = ' ';
  return out;
}

static char *
search_sql (const DossierLibraryMatch *match)
{
  GString *sql = g_string_new ("SELECT c.path, c.title, i.section, i.item_id, i.item_index, i.title, ");

  /* Rowids are in the order hits are given (ITEM_BITS): the tables
   * are walked in rowid order and LIMIT stops the walk. */
  if (match->fts != NULL)
    g_string_append_printf (sql,
                            "snippet(items_fts, 0, '" DOSSIER_LIBRARY_MARK_OPEN "', '"
                            DOSSIER_LIBRARY_MARK_CLOSE "', '…', 24)"
                            " FROM items_fts JOIN items i ON i.id = items_fts.rowid"
                            " JOIN cases c ON c.id = (i.id >> %d) WHERE items_fts MATCH ?",
                            ITEM_BITS);
  else
    g_string_append_printf (sql,
                            "(SELECT substr(text, 1, 160) FROM items_fts WHERE rowid = i.id)"
                            " FROM items i JOIN cases c ON c.id = (i.id >> %d) WHERE 1", ITEM_BITS);
  if (match->where->len > 0)
    g_string_append_printf (sql, " AND %s", match->where->str);
  g_string_append (sql, match->fts != NULL ? " ORDER BY items_fts.rowid LIMIT ?"
                                           : " ORDER BY i.id LIMIT ?");
  return g_string_free (sql, FALSE);
}

/* The terms beginning with @prefix, from `terms`; NULL when there are
 * more than MAX_EXPANSION (FTS5's own prefix query is used then). */
static GPtrArray *
expand_prefix (const char *prefix,
               gpointer    user_data)
{
  DossierLibrarySqlite *self = user_data;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after = g_strdup (prefix);
  gsize len = strlen (prefix);
  sqlite3_stmt *stmt;
  int rc;

  /* The first string after every one that begins with @prefix. */
  if (len == 0 || (guchar) after[len - 1] == 0xff)
    return NULL;
  after[len - 1]++;
  stmt = cached (self, "SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
                 NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, after, len, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, MAX_EXPANSION + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (terms, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || terms->len > MAX_EXPANSION)
    return NULL;
  return g_steal_pointer (&terms);
}

static GPtrArray *
sqlite_search (DossierLibraryStore  *store,
               DossierSearchQuery   *query,
               guint                 max_results,
               GError              **error)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (store);
  g_autoptr(DossierLibraryMatch) match = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_library_hit_free);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int at = 1, rc;

  if (dossier_search_query_is_empty (query))
    return g_steal_pointer (&hits);
  if (!wait_for_writer (self, error))
    return NULL;
  match = dossier_library_match_new (query, expand_prefix, self);
  if (match->nothing)
    return g_steal_pointer (&hits);

  sql = search_sql (match);
  stmt = prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (match->fts != NULL)
    bind_text (stmt, at++, match->fts);
  for (guint i = 0; i < match->params->len; i++)
    {
      const DossierLibraryParam *param = &g_array_index (match->params, DossierLibraryParam, i);

      if (param->is_text)
        bind_text (stmt, at++, param->text);
      else
        sqlite3_bind_int64 (stmt, at++, param->number);
    }
  sqlite3_bind_int64 (stmt, at, max_results > 0 ? (gint64) max_results : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierLibraryHit *hit = g_new0 (DossierLibraryHit, 1);

      hit->path = column_text (stmt, 0);
      hit->case_title = column_text (stmt, 1);
      hit->section = sqlite3_column_int (stmt, 2);
      hit->item_id = column_text (stmt, 3);
      hit->item_index = sqlite3_column_int (stmt, 4);
      hit->title = column_text (stmt, 5);
      hit->snippet = clean_snippet ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db);
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* ------------------------------------------------------------------ */

static void
dossier_library_sqlite_finalize (GObject *object)
{
  DossierLibrarySqlite *self = DOSSIER_LIBRARY_SQLITE (object);

  if (self->writer != NULL)
    sqlite_end_batch (DOSSIER_LIBRARY_STORE (self), NULL);
  g_clear_error (&self->writer_error);
  g_mutex_clear (&self->writer_lock);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->terms_seen, g_hash_table_unref);
  if (self->db != NULL && self->in_transaction)
    exec (self->db, "COMMIT", NULL);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (dossier_library_sqlite_parent_class)->finalize (object);
}

static void
dossier_library_sqlite_store_init (DossierLibraryStoreInterface *iface)
{
  iface->add_folder = sqlite_add_folder;
  iface->remove_folder = sqlite_remove_folder;
  iface->list_folders = sqlite_list_folders;
  iface->get_stamp = sqlite_get_stamp;
  iface->touch_case = sqlite_touch_case;
  iface->put_case = sqlite_put_case;
  iface->remove_case = sqlite_remove_case;
  iface->list_cases = sqlite_list_cases;
  iface->begin_batch = sqlite_begin_batch;
  iface->end_batch = sqlite_end_batch;
  iface->search = sqlite_search;
}

static void
dossier_library_sqlite_class_init (DossierLibrarySqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_library_sqlite_finalize;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
dossier_library_sqlite_init (DossierLibrarySqlite *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  g_mutex_init (&self->writer_lock);
  self->terms_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
