/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dossier-library-client.h"
#include "dossier-library-open.h"
#include "dossier-library-pg.h"
#include "library-test.h"
#include "pg-test.h"

/* The team library on a real PostgreSQL server, which tests/pg-server.sh
 * starts for this program. Each test has a database of its own (and
 * roles of its own, as roles belong to the whole server):
 *
 * - the schema: made once however often `--library-init` runs, refused
 *   (and left as it is) when missing or newer;
 * - the roles: a reader searches and opens but cannot change anything,
 *   a writer can;
 * - text that is SQL is stored and found as text;
 * - several clients (this program run again as `--index-child CONNINFO
 *   FOLDER`): the same folder indexed twice or by two at once, each
 *   case there once and whole; a client killed while it writes leaves
 *   no case half written; searches go on while another indexes; an
 *   update leaves a colleague's folder alone;
 * - the server restarted under a client that searches or indexes: it
 *   answers again on the same store, and meanwhile fails only with
 *   CONNECTION; the library client says so and comes back by itself;
 * - a case's file kept on the server: the same bytes and SHA-256 when
 *   the file is gone here, a checked read-only copy in the cache, and
 *   bytes altered on the server refused. */

#define INDEX_CHILD "--index-child"

static char *self_path;

typedef struct
{
  char      *dbname;
  char      *conninfo;  /* the admin's, on dbname */
  char      *dir;       /* a temporary folder, removed at the end */
  char      *folder;    /* dir/cases */
  GPtrArray *roles;     /* made by the test, dropped at the end */
} PgTest;

static void
setup_empty (PgTest        *t,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  t->dbname = pg_test_create_database ();
  t->conninfo = pg_test_conninfo (t->dbname, NULL);
  t->dir = g_dir_make_tmp ("dossier-library-pg-XXXXXX", &error);
  g_assert_no_error (error);
  t->folder = g_build_filename (t->dir, "cases", NULL);
  g_assert_cmpint (g_mkdir (t->folder, 0700), ==, 0);
  t->roles = g_ptr_array_new_with_free_func (g_free);
}

static void
setup (PgTest        *t,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  setup_empty (t, data);
  g_assert_true (dossier_library_pg_init_schema (t->conninfo, NULL, &error));
  g_assert_no_error (error);
}

static void
teardown (PgTest        *t,
          gconstpointer  data)
{
  pg_test_drop_database (t->dbname);
  for (guint i = 0; i < t->roles->len; i++)
    pg_test_drop_role (g_ptr_array_index (t->roles, i));
  library_test_remove_tree (t->dir);
  g_clear_pointer (&t->roles, g_ptr_array_unref);
  g_clear_pointer (&t->dbname, g_free);
  g_clear_pointer (&t->conninfo, g_free);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->folder, g_free);
}

static DossierLibraryStore *
open_library (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  DossierLibraryStore *store = dossier_library_store_open (conninfo, &notice, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_null (notice);
  return store;
}

static DossierLibraryUpdate
add_and_update (DossierLibraryStore *store,
                const char          *folder)
{
  g_autoptr(GError) error = NULL;
  DossierLibraryUpdate update = { 0, };

  g_assert_true (dossier_library_add_folder (store, folder, &error));
  g_assert_no_error (error);
  library_test_update (store, &update);
  return update;
}

/* @n cases named PREFIX-NNN.case.xml in @folder, each with @n_notes
 * notes about @word. */
static void
write_cases (const char *folder,
             const char *prefix,
             guint       n,
             const char *word,
             guint       n_notes)
{
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%03u.case.xml", prefix, i);
      g_autofree char *title = g_strdup_printf ("Case %s %u", prefix, i);

      g_free (library_test_write_case (folder, name, title, word, n_notes));
    }
}

/* The rows of items of each case's path, counted by the server. */
static GHashTable *
item_rows_by_path (PGconn *conn)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PGresult *result = PQexec (conn, "SELECT c.path, count(i.*) FROM cases c "
                                   "LEFT JOIN items i ON i.case_ref = c.id GROUP BY c.path");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  for (int r = 0; r < PQntuples (result); r++)
    g_hash_table_insert (rows, g_strdup (PQgetvalue (result, r, 0)),
                         GUINT_TO_POINTER (g_ascii_strtoull (PQgetvalue (result, r, 1), NULL, 10)));
  PQclear (result);
  return rows;
}

/* Every case the library lists is there once, loaded, and whole: as
 * many rows of items on the server as it says it has items (its notes
 * and its overview), no item without its case, and each of its notes
 * found once by a search for @word. Returns how many cases it holds. */
static guint
assert_whole_cases (PgTest              *t,
                    DossierLibraryStore *store,
                    const char          *word,
                    guint                n_notes)
{
  g_autoptr(PGconn) conn = pg_test_connect (t->dbname);
  g_autoptr(GHashTable) rows = item_rows_by_path (conn);
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = dossier_library_store_list_cases (store, &error);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (word, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  guint n_items = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      const DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);
      gpointer n_rows;

      g_assert_true (g_hash_table_add (paths, info->path));
      g_assert_null (info->problem);
      g_assert_cmpuint (info->n_notes, ==, n_notes);
      g_assert_cmpuint (info->n_items, ==, n_notes + 1);
      g_assert_true (g_hash_table_lookup_extended (rows, info->path, NULL, &n_rows));
      g_assert_cmpuint (GPOINTER_TO_UINT (n_rows), ==, info->n_items);
      n_items += info->n_items;
    }
  g_assert_cmpuint (g_hash_table_size (rows), ==, cases->len);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM items"), ==, n_items);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM cases"), ==, cases->len);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM items i JOIN cases c ON c.id = i.case_ref "
                                         "WHERE i.path <> c.path"), ==, 0);

  hits = dossier_library_store_search (store, query, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, cases->len * n_notes);
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierLibraryHit *hit = g_ptr_array_index (hits, i);

      g_assert_true (g_hash_table_contains (paths, hit->path));
      g_assert_true (g_hash_table_add (found, g_strconcat (hit->path, " ", hit->item_id, NULL)));
    }
  return cases->len;
}

/* ------------------------------------------------------------------ */
/* The schema                                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *conninfo;
  char       *report;
  GError     *error;
} InitRun;

static gpointer
init_thread (gpointer data)
{
  InitRun *run = data;

  dossier_library_pg_init_schema (run->conninfo, &run->report, &run->error);
  return NULL;
}

/* `--library-init` twice, one after the other and two at once: the
 * library is made once, the others say it is up to date. */
static void
test_init_twice (PgTest        *t,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *other = pg_test_create_database ();
  g_autofree char *other_conninfo = pg_test_conninfo (other, NULL);
  g_autofree char *up_to_date = g_strdup_printf ("The team library is up to date (schema %d).",
                                                 DOSSIER_LIBRARY_PG_SCHEMA_VERSION);
  InitRun runs[2] = { { other_conninfo, NULL, NULL }, { other_conninfo, NULL, NULL } };
  GThread *threads[2];
  guint n_created = 0;

  g_assert_true (dossier_library_pg_init_schema (t->conninfo, &first, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_library_pg_init_schema (t->conninfo, &second, &error));
  g_assert_no_error (error);
  g_test_message ("first: %s; second: %s", first, second);
  g_assert_nonnull (first);
  g_assert_cmpstr (first, !=, up_to_date);
  g_assert_cmpstr (second, ==, up_to_date);

  conn = pg_test_connect (t->dbname);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM dossier_schema"), ==, 1);
  g_assert_cmpint (pg_test_number (conn, "SELECT version FROM dossier_schema"), ==,
                   DOSSIER_LIBRARY_PG_SCHEMA_VERSION);
  store = open_library (t->conninfo);
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_assert_false (dossier_library_store_is_read_only (store));

  /* Two at once on an empty database: made once. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("init", init_thread, &runs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (runs[i].error);
      g_assert_nonnull (runs[i].report);
      if (strcmp (runs[i].report, up_to_date) != 0)
        n_created++;
      g_free (runs[i].report);
    }
  g_assert_cmpuint (n_created, ==, 1);
  g_clear_pointer (&conn, PQfinish);
  conn = pg_test_connect (other);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM dossier_schema"), ==, 1);
  g_clear_pointer (&conn, PQfinish);
  pg_test_drop_database (other);
}

/* Waits (a few seconds at most) until a session on @dbname waits for a
 * lock; FALSE if none did. */
static gboolean
wait_for_lock_wait (PGconn     *admin,
                    const char *dbname)
{
  g_autofree char *escaped = PQescapeLiteral (admin, dbname, strlen (dbname));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                                          " AND wait_event_type = 'Lock'", escaped);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (pg_test_number (admin, sql) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (2000);
    }
  return TRUE;
}

/* The first `--library-init` of a server, on two databases at once:
 * the roles belong to the whole server, so both make them. Made to
 * meet: the first waits with its roles made but not committed (a
 * session here holds the schema it grants on), while the second makes
 * the same roles. Both must succeed. */
static void
test_first_init_at_once (PgTest        *t,
                         gconstpointer  data)
{
  g_autofree char *other = pg_test_create_database ();
  g_autofree char *other_conninfo = pg_test_conninfo (other, NULL);
  g_autoptr(PGconn) admin = pg_test_connect (NULL);
  g_autoptr(PGconn) blocker = pg_test_connect (t->dbname);
  InitRun runs[2] = { { t->conninfo, NULL, NULL }, { other_conninfo, NULL, NULL } };
  GThread *threads[2];
  gboolean met;

  /* A server without a library yet (this program's other databases
   * are gone, and with them the roles' privileges). */
  pg_test_exec (admin, "DROP ROLE IF EXISTS " DOSSIER_LIBRARY_PG_WRITER_ROLE);
  pg_test_exec (admin, "DROP ROLE IF EXISTS " DOSSIER_LIBRARY_PG_READER_ROLE);

  pg_test_exec (blocker, "BEGIN");
  pg_test_exec (blocker, "GRANT CREATE ON SCHEMA public TO PUBLIC");
  threads[0] = g_thread_new ("init", init_thread, &runs[0]);
  g_assert_true (wait_for_lock_wait (admin, t->dbname));
  threads[1] = g_thread_new ("init", init_thread, &runs[1]);
  met = wait_for_lock_wait (admin, other);
  pg_test_exec (blocker, "ROLLBACK");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_test_message ("the second waited for the first: %s", met ? "yes" : "no");

  g_assert_no_error (runs[0].error);
  g_assert_no_error (runs[1].error);
  g_free (runs[0].report);
  g_free (runs[1].report);
  pg_test_drop_database (other);
}

static void
test_uninitialised (PgTest        *t,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibraryStore) store = dossier_library_store_open (t->conninfo, NULL, &error);
  /* The server trusts local users: a password is not even sent. */
  g_autofree char *with_password = g_strconcat (t->conninfo, " password='never-shown'", NULL);

  g_assert_null (store);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "--library-init"));
  g_clear_error (&error);

  /* A password in the location is not for the user's eyes (Dossier
   * keeps none: dossier_library_location_has_password()). */
  store = dossier_library_store_open (with_password, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "never-shown"));
}

/* A library of a newer schema is refused, by the store and by
 * `--library-init`, and left exactly as it was. */
static void
test_newer_schema (PgTest        *t,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(PGconn) conn = pg_test_connect (t->dbname);
  g_autofree char *report = NULL;
  const char *count_all = "SELECT (SELECT count(*) FROM cases) * 1000000 + (SELECT count(*) FROM items) * 100"
                          " + (SELECT count(*) FROM folders) * 10 + (SELECT count(*) FROM case_files)";
  gint64 counts;

  write_cases (t->folder, "newer", 2, "newerword", 3);
  add_and_update (store, t->folder);
  g_clear_object (&store);
  counts = pg_test_number (conn, count_all);
  g_assert_cmpint (counts, ==, 2 * 1000000 + 2 * 4 * 100 + 1 * 10 + 2);
  pg_test_exec (conn, "UPDATE dossier_schema SET version = version + 1");

  store = dossier_library_store_open (t->conninfo, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA);
  g_test_message ("open: %s", error->message);
  g_clear_error (&error);

  g_assert_false (dossier_library_pg_init_schema (t->conninfo, &report, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_SCHEMA);
  g_test_message ("init: %s", error->message);

  g_assert_cmpint (pg_test_number (conn, "SELECT version FROM dossier_schema"), ==,
                   DOSSIER_LIBRARY_PG_SCHEMA_VERSION + 1);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM dossier_schema"), ==, 1);
  g_assert_cmpint (pg_test_number (conn, count_all), ==, counts);
}

/* ------------------------------------------------------------------ */
/* Roles                                                               */
/* ------------------------------------------------------------------ */

static char *
make_user (PgTest     *t,
           const char *role)
{
  char *user = pg_test_create_role (role);

  g_ptr_array_add (t->roles, g_strdup (user));
  return user;
}

static void
test_roles (PgTest        *t,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibraryStore) admin = open_library (t->conninfo);
  g_autoptr(DossierLibraryStore) reader = NULL;
  g_autoptr(DossierLibraryStore) writer = NULL;
  g_autofree char *reader_user = make_user (t, DOSSIER_LIBRARY_PG_READER_ROLE);
  g_autofree char *writer_user = make_user (t, DOSSIER_LIBRARY_PG_WRITER_ROLE);
  g_autofree char *reader_conninfo = pg_test_conninfo (t->dbname, reader_user);
  g_autofree char *writer_conninfo = pg_test_conninfo (t->dbname, writer_user);
  g_autofree char *more = g_build_filename (t->dir, "more", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();
  g_auto(GStrv) folders = NULL;
  DossierLibraryCaseInfo info = { NULL, };
  DossierLibraryUpdate update;
  gsize length;

  write_cases (t->folder, "roles", 2, "roleword", 3);
  add_and_update (admin, t->folder);
  path = g_build_filename (t->folder, "roles-000.case.xml", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* The reader searches, lists and opens... */
  reader = open_library (reader_conninfo);
  g_assert_true (dossier_library_store_is_read_only (reader));
  g_assert_cmpuint (library_test_n_hits (reader, "roleword", NULL), ==, 2 * 3);
  g_assert_cmpuint (library_test_n_cases (reader), ==, 2);
  folders = dossier_library_store_list_folders (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, t->folder);
  bytes = dossier_library_store_get_case_file (reader, path, &sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);

  /* ... but changes nothing. */
  g_assert_false (dossier_library_store_add_folder (reader, more, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (dossier_library_store_remove_folder (reader, t->folder, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
  g_clear_error (&error);
  info.path = (char *) path;
  info.title = (char *) "Replaced by a reader";
  g_assert_false (dossier_library_store_put_case (reader, &info, no_items, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (dossier_library_store_remove_case (reader, path, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* Its update of a changed file, too, leaves the library to writers. */
  g_free (library_test_write_case (t->folder, "roles-000.case.xml", "Changed under a reader",
                                   "roleword", 3));
  library_test_update (reader, &update);
  g_assert_cmpuint (update.n_read, ==, 0);
  g_assert_cmpuint (library_test_n_hits (admin, "roleword", NULL), ==, 2 * 3);
  cases = dossier_library_store_list_cases (admin, &error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (cases, 0))->title, ==, "Case roles 0");

  /* The writer adds a folder and indexes it. */
  writer = open_library (writer_conninfo);
  g_assert_false (dossier_library_store_is_read_only (writer));
  write_cases (more, "more", 1, "roleword", 3);
  update = add_and_update (writer, more);
  /* Its new case, and the one the reader could not update. */
  g_assert_cmpuint (update.n_read, ==, 2);
  g_assert_cmpuint (library_test_n_hits (reader, "roleword", NULL), ==, 3 * 3);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

static void
test_sql_is_text (PgTest        *t,
                  gconstpointer  data)
{
  static const char *const xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case xmlns=\"urn:dossier:case\" format=\"1\" id=\"sql\">\n"
    "  <title>'); DROP TABLE cases; --</title>\n"
    "  <notes>\n"
    "    <note id=\"n1\" created=\"2014-12-01\" tags=\"sql\"><title>Bobby</title>"
    "<p>Robert'); DROP TABLE cases; -- and $$; DELETE FROM items; $$ and \\' E'\\x00'</p></note>\n"
    "  </notes>\n"
    "</case>\n";
  static const char *const found[] = {
    "\"'); DROP TABLE cases; --\"", "drop table cases", "'); DROP TABLE cases; --",
    "\"DELETE FROM items\"", "robert", "tag:sql", "E'\\x00'",
  };
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(PGconn) conn = pg_test_connect (t->dbname);
  g_autofree char *path = g_build_filename (t->folder, "sql.case.xml", NULL);
  g_autoptr(DossierLibraryCaseInfo) info = NULL;

  library_test_write_file (path, xml);
  add_and_update (store, t->folder);
  info = library_test_find_case (store, path);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->title, ==, "'); DROP TABLE cases; --");
  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_test_message ("query «%s»", found[i]);
      g_assert_cmpuint (library_test_n_hits (store, found[i], path), >=, 1);
    }
  /* The tables are all there, with their rows. */
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM items"), ==, info->n_items);
  g_assert_cmpint (pg_test_number (conn, "SELECT count(*) FROM case_files"), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Several clients                                                     */
/* ------------------------------------------------------------------ */

static void
progress_cb (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  printf ("%u\n", done);
  fflush (stdout);
}

/* The child's exit status when the server could not be reached. */
#define EXIT_CONNECTION 3

/* The child: adds @folder to the library at @conninfo and updates it,
 * one line on standard output after each case file. */
static int
index_child (const char *conninfo,
             const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibraryStore) store = dossier_library_store_open (conninfo, NULL, &error);

  if (store == NULL
      || !dossier_library_add_folder (store, folder, &error)
      || !dossier_library_update (store, progress_cb, NULL, NULL, NULL, &error))
    {
      g_printerr ("index child: %s\n", error->message);
      return g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION)
             ? EXIT_CONNECTION : 1;
    }
  return 0;
}

static GSubprocess *
spawn_indexer (PgTest     *t,
               const char *folder)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                         self_path, INDEX_CHILD, t->conninfo, folder, NULL);

  g_assert_no_error (error);
  return child;
}

/* Waits until no session but this test's own is on the database: a
 * killed client's server process may still be ending its transaction. */
static void
wait_sessions_gone (PgTest *t)
{
  g_autoptr(PGconn) conn = pg_test_connect (t->dbname);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (pg_test_number (conn, "SELECT count(*) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
}

/* The same folder indexed again by another client changes nothing; a
 * case changed and read again by another client replaces its items. */
static void
test_same_folder_twice (PgTest        *t,
                        gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) one = open_library (t->conninfo);
  g_autoptr(DossierLibraryStore) two = open_library (t->conninfo);
  g_autofree char *path = NULL;
  DossierLibraryUpdate update;

  write_cases (t->folder, "twice", 5, "twiceword", 10);
  update = add_and_update (one, t->folder);
  g_assert_cmpuint (update.n_read, ==, 5);
  update = add_and_update (two, t->folder);
  g_assert_cmpuint (update.n_files, ==, 5);
  g_assert_cmpuint (update.n_read, ==, 0);
  g_assert_cmpuint (assert_whole_cases (t, two, "twiceword", 10), ==, 5);

  /* Changed, with as many notes: read again, its items replaced. */
  g_free (library_test_write_case (t->folder, "twice-001.case.xml", "Case twice 1, again",
                                   "twiceword", 10));
  library_test_update (two, &update);
  g_assert_cmpuint (update.n_read, ==, 1);
  library_test_update (one, &update);
  g_assert_cmpuint (update.n_read, ==, 0);
  g_assert_cmpuint (assert_whole_cases (t, one, "twiceword", 10), ==, 5);
  path = g_build_filename (t->folder, "twice-001.case.xml", NULL);
  {
    g_autoptr(DossierLibraryCaseInfo) info = library_test_find_case (one, path);

    g_assert_cmpstr (info->title, ==, "Case twice 1, again");
  }
}

/* A colleague's folder is not on this computer: an update here leaves
 * its cases alone, and still drops a case whose file is gone from a
 * folder that is here. */
static void
test_folder_elsewhere (PgTest        *t,
                       gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) colleague = open_library (t->conninfo);
  g_autoptr(DossierLibraryStore) here = NULL;
  g_autofree char *theirs = g_build_filename (t->folder, "theirs", NULL);
  g_autofree char *ours = g_build_filename (t->folder, "ours", NULL);
  g_autofree char *moved = g_build_filename (t->dir, "not-here", NULL);
  g_autofree char *gone = g_build_filename (ours, "ours-001.case.xml", NULL);
  DossierLibraryUpdate update;

  write_cases (theirs, "theirs", 3, "elsewhereword", 2);
  write_cases (ours, "ours", 2, "elsewhereword", 2);
  add_and_update (colleague, theirs);
  add_and_update (colleague, ours);
  g_assert_cmpuint (library_test_n_cases (colleague), ==, 5);

  /* On this computer, their folder does not exist. */
  g_assert_cmpint (g_rename (theirs, moved), ==, 0);
  g_assert_cmpint (g_unlink (gone), ==, 0);
  here = open_library (t->conninfo);
  library_test_update (here, &update);
  g_assert_cmpuint (update.n_removed, ==, 1);
  g_assert_cmpuint (update.n_read, ==, 0);
  g_assert_cmpuint (library_test_n_cases (here), ==, 4);
  g_assert_cmpuint (library_test_n_hits (here, "elsewhereword", NULL), ==, 4 * 2);
}

/* Two processes index at once, one the whole folder, the other a part
 * of it: both succeed, and each case is there once, whole. */
static void
test_two_clients_at_once (PgTest        *t,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *x = g_build_filename (t->folder, "x", NULL);
  g_autofree char *y = g_build_filename (t->folder, "y", NULL);
  g_autoptr(GSubprocess) whole = NULL;
  g_autoptr(GSubprocess) part = NULL;
  g_autoptr(DossierLibraryStore) store = NULL;
  g_auto(GStrv) folders = NULL;
  DossierLibraryUpdate update;

  write_cases (x, "x", 20, "bothword", 30);
  write_cases (y, "y", 20, "bothword", 30);
  whole = spawn_indexer (t, t->folder);
  part = spawn_indexer (t, y);
  g_assert_true (g_subprocess_wait_check (whole, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (part, NULL, &error));
  g_assert_no_error (error);

  store = open_library (t->conninfo);
  g_assert_cmpuint (assert_whole_cases (t, store, "bothword", 30), ==, 40);
  folders = dossier_library_store_list_folders (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (folders), ==, 2);
  /* Every stamp stored: nothing to read again. */
  library_test_update (store, &update);
  g_assert_cmpuint (update.n_files, ==, 40);
  g_assert_cmpuint (update.n_read, ==, 0);
}

#define KILL_CASES 40
#define KILL_NOTES 150

/* Waits (at most a few seconds) until a session other than this one is
 * in the middle of a transaction that has written: a case half
 * written. */
static gboolean
wait_for_writing (PGconn *conn)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    if (pg_test_number (conn, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                              " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL") > 0)
      return TRUE;
  return FALSE;
}

/* Runs an indexing child until the library holds @after cases more
 * than the @n_before it held, then kills it in the middle of writing
 * the next. Returns how many cases the library held before the kill. */
static guint
index_and_kill (PgTest *t,
                guint   n_before,
                guint   after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = pg_test_connect (t->dbname);
  g_autoptr(GSubprocess) child = spawn_indexer (t, t->folder);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean writing;
  guint held;

  /* Its progress lines say what it has read, not what is committed:
   * a store may write in threads of its own, some cases behind. */
  while ((held = pg_test_number (conn, "SELECT count(*) FROM cases")) < n_before + after)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  writing = wait_for_writing (conn);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (child))
    g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  else
    g_test_message ("the child finished before it was killed");
  g_test_message ("the library held %u cases, and the child was killed %s", held,
                  writing ? "while it wrote a case" : "(no write seen)");
  return held;
}

/* A client killed in the middle of writing a case: every case the
 * library held stays, every case it holds is whole, and the next update
 * reads exactly what is missing. */
static void
test_killed_client (PgTest        *t,
                    gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) store = NULL;
  DossierLibraryUpdate update;
  guint n_cases = 0;

  write_cases (t->folder, "killed", KILL_CASES, "killword", KILL_NOTES);
  for (guint kill = 0; kill < 3; kill++)
    {
      guint held = index_and_kill (t, n_cases, 3);

      wait_sessions_gone (t);
      store = open_library (t->conninfo);
      n_cases = assert_whole_cases (t, store, "killword", KILL_NOTES);
      g_test_message ("kill %u: the library holds %u cases", kill, n_cases);
      /* What was committed stays. */
      g_assert_cmpuint (n_cases, >=, held);
      g_clear_object (&store);
    }
  g_assert_cmpuint (n_cases, <, KILL_CASES);

  store = open_library (t->conninfo);
  library_test_update (store, &update);
  g_assert_cmpuint (update.n_files, ==, KILL_CASES);
  g_assert_cmpuint (update.n_read, ==, KILL_CASES - n_cases);
  g_assert_cmpuint (update.n_removed, ==, 0);
  g_assert_cmpuint (assert_whole_cases (t, store, "killword", KILL_NOTES), ==, KILL_CASES);
}

/* While another process indexes, searches answer, finding whole cases
 * only, and never fewer than before. */
static void
test_search_while_indexing (PgTest        *t,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("whileword", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  guint n_during = 0;
  guint last = 0;

  write_cases (t->folder, "while", KILL_CASES, "whileword", KILL_NOTES);
  child = spawn_indexer (t, t->folder);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      g_autoptr(GPtrArray) hits = NULL;

      g_assert_no_error (error);
      if (line == NULL)
        break;
      hits = dossier_library_store_search (store, query, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_assert_cmpuint (hits->len % KILL_NOTES, ==, 0);
      g_assert_cmpuint (hits->len, >=, last);
      last = hits->len;
      if (g_ascii_strtoull (line, NULL, 10) < KILL_CASES)
        n_during++;
    }
  g_assert_true (g_subprocess_wait_check (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_during, >, 0);
  g_assert_cmpuint (assert_whole_cases (t, store, "whileword", KILL_NOTES), ==, KILL_CASES);
}

/* ------------------------------------------------------------------ */
/* The server restarted                                                */
/* ------------------------------------------------------------------ */

typedef struct
{
  DossierLibraryStore *store;
  DossierSearchQuery  *query;
  guint                expected;
  gint                 stop;
  gint                 restarted;
  gint                 n_ok;
  gint                 n_ok_after;
  gint                 n_connection_errors;
  GMutex               lock;
  GPtrArray           *wrong;  /* what went wrong otherwise, for the log */
} Searcher;

static gpointer
search_thread (gpointer data)
{
  Searcher *s = data;

  while (!g_atomic_int_get (&s->stop))
    {
      gboolean after = g_atomic_int_get (&s->restarted);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = dossier_library_store_search (s->store, s->query, 0, &error);

      if (hits != NULL && hits->len == s->expected)
        {
          g_atomic_int_inc (&s->n_ok);
          if (after)
            g_atomic_int_inc (&s->n_ok_after);
        }
      else if (g_error_matches (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION))
        g_atomic_int_inc (&s->n_connection_errors);
      else
        {
          g_mutex_lock (&s->lock);
          if (hits != NULL)
            g_ptr_array_add (s->wrong, g_strdup_printf ("%u hits instead of %u", hits->len, s->expected));
          else
            g_ptr_array_add (s->wrong, g_strdup_printf ("%s %d: %s", g_quark_to_string (error->domain),
                                                        error->code, error->message));
          g_mutex_unlock (&s->lock);
        }
      g_usleep (2000);
    }
  return NULL;
}

static void
wait_for (gint *counter,
          gint  at_least)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_atomic_int_get (counter) < at_least)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
}

static void
pg_ctl (const char *command)
{
  const char *ctl = g_getenv ("DOSSIER_TEST_PG_CTL");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  g_assert_nonnull (ctl);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, ctl, command, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* A thread searches on one store in a loop while the server restarts:
 * meanwhile its searches fail with CONNECTION only, and then the same
 * store answers again. */
static void
test_server_restart (PgTest        *t,
                     gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("restartword", NULL);
  g_autoptr(GPtrArray) wrong = g_ptr_array_new_with_free_func (g_free);
  Searcher s = { store, query, 4 * 5, 0, 0, 0, 0, 0, { 0, }, wrong };
  GThread *thread;

  write_cases (t->folder, "restart", 4, "restartword", 5);
  add_and_update (store, t->folder);
  g_mutex_init (&s.lock);

  thread = g_thread_new ("searcher", search_thread, &s);
  wait_for (&s.n_ok, 3);
  pg_ctl ("restart");
  g_atomic_int_set (&s.restarted, TRUE);
  wait_for (&s.n_ok_after, 3);
  g_atomic_int_set (&s.stop, TRUE);
  g_thread_join (thread);
  g_mutex_clear (&s.lock);

  g_test_message ("%d searches answered, %d after the restart, %d lost the connection",
                  s.n_ok, s.n_ok_after, s.n_connection_errors);
  for (guint i = 0; i < wrong->len; i++)
    g_test_message ("wrong: %s", (const char *) g_ptr_array_index (wrong, i));
  g_assert_cmpuint (wrong->len, ==, 0);
  /* The store the thread used answers here too. */
  g_assert_cmpuint (library_test_n_hits (store, "restartword", NULL), ==, 4 * 5);
  g_assert_cmpuint (library_test_n_cases (store), ==, 4);
}

/* The server restarted while a client indexes: the client either goes
 * on or fails with CONNECTION; every case the library holds is whole,
 * and the next update completes it. */
static void
test_restart_while_indexing (PgTest        *t,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(DossierLibraryStore) store = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  DossierLibraryUpdate update;
  guint held;

  write_cases (t->folder, "restartwrite", KILL_CASES, "restartwriteword", KILL_NOTES);
  conn = pg_test_connect (t->dbname);
  child = spawn_indexer (t, t->folder);
  while ((held = pg_test_number (conn, "SELECT count(*) FROM cases")) < 3)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  g_clear_pointer (&conn, PQfinish);
  pg_ctl ("restart");
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_test_message ("the library held %u cases at the restart; the child's status: %d", held,
                  g_subprocess_get_exit_status (child));
  g_assert_true (g_subprocess_get_exit_status (child) == 0
                 || g_subprocess_get_exit_status (child) == EXIT_CONNECTION);
  wait_sessions_gone (t);

  store = open_library (t->conninfo);
  g_assert_cmpuint (assert_whole_cases (t, store, "restartwriteword", KILL_NOTES), >=, held);
  library_test_update (store, &update);
  g_assert_cmpuint (assert_whole_cases (t, store, "restartwriteword", KILL_NOTES), ==, KILL_CASES);
}

/* The server stopped: a call fails with CONNECTION (not a crash, not a
 * hang); started again, the same store answers. */
static void
test_server_stopped (PgTest        *t,
                     gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse ("stopword", NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  write_cases (t->folder, "stop", 2, "stopword", 2);
  add_and_update (store, t->folder);
  pg_ctl ("stop");
  hits = dossier_library_store_search (store, query, 0, &error);
  pg_ctl ("start");
  g_assert_null (hits);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION);
  g_test_message ("%s", error->message);

  /* Its backoff may make it wait a little before it tries again. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    do
      {
        g_clear_error (&error);
        g_clear_pointer (&hits, g_ptr_array_unref);
        hits = dossier_library_store_search (store, query, 0, &error);
        if (hits == NULL)
          {
            g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION);
            g_assert_cmpint (g_get_monotonic_time (), <, deadline);
            g_usleep (100 * 1000);
          }
      }
    while (hits == NULL);
  }
  g_assert_cmpuint (hits->len, ==, 2 * 2);
}

/* ------------------------------------------------------------------ */
/* Cases' files                                                        */
/* ------------------------------------------------------------------ */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GFile *
client_open_case (DossierLibraryClient  *client,
                  const char            *path,
                  GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_library_client_open_case_async (client, path, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dossier_library_client_open_case_finish (client, result, error);
}

/* Whether a file under @dir holds @contents. */
static gboolean
tree_holds (const char *dir,
            GBytes     *contents)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (tree_holds (child, contents))
            return TRUE;
        }
      else if (g_file_get_contents (child, &text, &length, NULL)
               && length == g_bytes_get_size (contents)
               && memcmp (text, g_bytes_get_data (contents, NULL), length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A case found in the team library opens on a machine that does not
 * have its file: the bytes the server keeps, checked. */
static void
test_case_file_from_server (PgTest        *t,
                            gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(DossierLibraryClient) client = NULL;
  g_autoptr(PGconn) conn = pg_test_connect (t->dbname);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_build_filename (t->folder, "file-000.case.xml", NULL);
  g_autofree char *b = g_build_filename (t->folder, "file-001.case.xml", NULL);
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  g_autofree char *a_sha256 = NULL;
  g_autofree char *b_sha256 = NULL;
  g_autofree char *got_sha256 = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *copy_text = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GBytes) b_altered = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) refused = NULL;
  gsize a_length, b_length, copy_length;
  GStatBuf st;

  write_cases (t->folder, "file", 2, "fileword", 4);
  add_and_update (store, t->folder);
  g_assert_true (g_file_get_contents (a, &a_text, &a_length, NULL));
  g_assert_true (g_file_get_contents (b, &b_text, &b_length, NULL));
  a_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) a_text, a_length);
  b_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) b_text, b_length);
  /* Found here, opened elsewhere: the files are not on this computer. */
  g_assert_cmpint (g_unlink (a), ==, 0);
  g_assert_cmpint (g_unlink (b), ==, 0);

  got = dossier_library_store_get_case_file (store, a, &got_sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), a_text, a_length);
  g_assert_cmpstr (got_sha256, ==, a_sha256);
  g_clear_pointer (&got, g_bytes_unref);

  got = dossier_library_store_get_case_file (store, "/nowhere/none.case.xml", NULL, &error);
  g_assert_null (got);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The client writes a read-only copy into the cache. */
  client = dossier_library_client_new (t->conninfo);
  copy = client_open_case (client, a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  copy_path = g_file_get_path (copy);
  g_test_message ("the copy: %s", copy_path);
  g_assert_true (g_str_has_prefix (copy_path, g_get_user_cache_dir ()));
  g_assert_true (g_file_get_contents (copy_path, &copy_text, &copy_length, NULL));
  g_assert_cmpmem (copy_text, copy_length, a_text, a_length);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0222, ==, 0);

  /* Bytes altered on the server (a line added) are refused, by the
   * store and by the client, which leaves no copy of them. */
  sql = g_strdup_printf ("UPDATE case_files SET bytes = bytes || '\\x0a'::bytea WHERE sha256 = '%s'",
                         b_sha256);
  pg_test_exec (conn, sql);
  got = dossier_library_store_get_case_file (store, b, NULL, &error);
  g_assert_null (got);
  g_assert_nonnull (error);
  g_test_message ("altered: %s", error->message);
  g_assert_true (error->domain == DOSSIER_LIBRARY_ERROR);
  g_clear_error (&error);

  refused = client_open_case (client, b, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_test_message ("altered, in the client: %s", error->message);
  g_clear_error (&error);
  {
    g_autofree char *altered = g_strconcat (b_text, "\n", NULL);

    b_altered = g_bytes_new (altered, b_length + 1);
  }
  g_assert_false (tree_holds (g_get_user_cache_dir (), b_altered));
  dossier_library_client_wait_idle (client);
}

/* ------------------------------------------------------------------ */
/* The client, as the window uses it                                   */
/* ------------------------------------------------------------------ */

static void
count_changed_cb (DossierLibraryClient *client,
                  gpointer              user_data)
{
  (*(guint *) user_data)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static GPtrArray *
client_search (DossierLibraryClient  *client,
               const char            *text,
               GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_library_client_search_async (client, text, 0, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dossier_library_client_search_finish (client, result, error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until the client's problem is set (or
 * not), at most a minute. */
static void
wait_problem (DossierLibraryClient *client,
              gboolean              set)
{
  gboolean late = FALSE;
  guint timeout = g_timeout_add_seconds (60, timeout_cb, &late);

  while ((dossier_library_client_get_problem (client) != NULL) != set)
    {
      g_assert_false (late);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
}

/* The server gone: the client says so (and that it tries again), and
 * when the server is back it says the library answers and asks views
 * to list again, without being asked. */
static void
test_client_lost_and_back (PgTest        *t,
                           gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autoptr(DossierLibraryClient) client = dossier_library_client_new (t->conninfo);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;
  guint n_changed = 0;
  guint n_problem = 0;

  write_cases (t->folder, "lost", 2, "lostword", 2);
  add_and_update (store, t->folder);
  g_clear_object (&store);
  g_assert_true (dossier_library_client_is_remote (client));
  g_signal_connect (client, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_signal_connect (client, "notify::problem", G_CALLBACK (count_notify_cb), &n_problem);
  hits = client_search (client, "lostword", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2 * 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_null (dossier_library_client_get_problem (client));

  pg_ctl ("stop");
  hits = client_search (client, "lostword", &error);
  g_assert_null (hits);
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_CONNECTION);
  g_clear_error (&error);
  wait_problem (client, TRUE);
  problem = dossier_library_client_get_problem (client);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, "The library cannot be reached. Trying again in "));
  g_assert_nonnull (strstr (problem, "Trying again in "));

  n_changed = 0;
  pg_ctl ("start");
  wait_problem (client, FALSE);
  g_assert_cmpuint (n_problem, >=, 2);
  g_assert_cmpuint (n_changed, >=, 1);
  hits = client_search (client, "lostword", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2 * 2);
  dossier_library_client_wait_idle (client);
}

static void
change_folder_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A reader's client learns that it may only search, and says so; its
 * change of folders fails with READ_ONLY. */
static void
test_client_read_only (PgTest        *t,
                       gconstpointer  data)
{
  g_autoptr(DossierLibraryStore) store = open_library (t->conninfo);
  g_autofree char *user = make_user (t, DOSSIER_LIBRARY_PG_READER_ROLE);
  g_autofree char *conninfo = pg_test_conninfo (t->dbname, user);
  g_autoptr(DossierLibraryClient) client = dossier_library_client_new (conninfo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n_read_only = 0;

  write_cases (t->folder, "reader", 2, "readerword", 2);
  add_and_update (store, t->folder);
  g_signal_connect (client, "notify::read-only", G_CALLBACK (count_notify_cb), &n_read_only);
  g_assert_false (dossier_library_client_is_read_only (client));
  hits = client_search (client, "readerword", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2 * 2);
  while (n_read_only == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dossier_library_client_is_read_only (client));

  dossier_library_client_add_folder_async (client, t->dir, NULL, change_folder_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_library_client_change_folder_finish (client, result, &error));
  g_assert_error (error, DOSSIER_LIBRARY_ERROR, DOSSIER_LIBRARY_ERROR_READ_ONLY);
  dossier_library_client_wait_idle (client);
  g_assert_cmpuint (library_test_n_cases (store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], INDEX_CHILD) == 0)
    return index_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!pg_test_available ())
    {
      g_printerr ("test-library-pg: run it under tests/pg-server.sh (DOSSIER_TEST_PG is not set)\n");
      return 1;
    }
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_add ("/library-pg/schema/init-twice", PgTest, NULL, setup_empty, test_init_twice, teardown);
  g_test_add ("/library-pg/schema/first-init-at-once", PgTest, NULL, setup_empty, test_first_init_at_once,
              teardown);
  g_test_add ("/library-pg/schema/uninitialised", PgTest, NULL, setup_empty, test_uninitialised, teardown);
  g_test_add ("/library-pg/schema/newer", PgTest, NULL, setup, test_newer_schema, teardown);
  g_test_add ("/library-pg/roles", PgTest, NULL, setup, test_roles, teardown);
  g_test_add ("/library-pg/text/sql-is-text", PgTest, NULL, setup, test_sql_is_text, teardown);
  g_test_add ("/library-pg/clients/same-folder-twice", PgTest, NULL, setup, test_same_folder_twice,
              teardown);
  g_test_add ("/library-pg/clients/folder-elsewhere", PgTest, NULL, setup, test_folder_elsewhere, teardown);
  g_test_add ("/library-pg/clients/two-at-once", PgTest, NULL, setup, test_two_clients_at_once, teardown);
  g_test_add ("/library-pg/clients/killed", PgTest, NULL, setup, test_killed_client, teardown);
  g_test_add ("/library-pg/clients/search-while-indexing", PgTest, NULL, setup,
              test_search_while_indexing, teardown);
  g_test_add ("/library-pg/server/restart", PgTest, NULL, setup, test_server_restart, teardown);
  g_test_add ("/library-pg/server/restart-while-indexing", PgTest, NULL, setup,
              test_restart_while_indexing, teardown);
  g_test_add ("/library-pg/server/stopped", PgTest, NULL, setup, test_server_stopped, teardown);
  g_test_add ("/library-pg/client/lost-and-back", PgTest, NULL, setup, test_client_lost_and_back,
              teardown);
  g_test_add ("/library-pg/client/read-only", PgTest, NULL, setup, test_client_read_only, teardown);
  g_test_add ("/library-pg/case-file/from-server", PgTest, NULL, setup, test_case_file_from_server,
              teardown);

  return g_test_run ();
}
