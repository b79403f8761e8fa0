/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "dossier-core.h"
#include "dossier-library.h"
#include "dossier-library-command.h"
#include "dossier-library-open.h"
#include "dossier-library-pg.h"
#include "dossier-library-sqlite.h"
#include "dossier-search-index.h"
#include "dossier-search-query.h"
#include "dossier-search-text.h"
#include "pg-test.h"

/* The case library: a real SQLite file in a temporary folder, real case
 * files. Above all: a query finds the same items in a one-case library
 * as in-case search finds in that case.
 *
 * Under tests/pg-server.sh (DOSSIER_TEST_PG set) the same tests run on
 * the team library instead: each temporary library is a fresh database
 * on that PostgreSQL server, and the tests about the SQLite file itself
 * are skipped. */

/* Every query of the in-case search tests (test-search.c), and more:
 * each filter as a prefix, negated and in an OR. */
static const char *const queries[] = {
  "passports", "passport", "act of war", "김정은", "\"act of war\"", "\"passport\"",
  "spread", "spread ", "pass leak", "leak pass", "spreadsheet ", "salaries ",
  "\"salary\"", "pas ", "ÉCOLE", "école", "e\xcc\x81" "cole", "cafe", "CAFÉ",
  "HAUPTSTRASSE", "jong un", "Jong-un", "#gop", "중앙통신", "中央通讯", "ピクチャーズ",
  "ﾊﾟｽﾎﾟｰﾄ", "김정일", "tag:leak", "tag:culture cafe", "author:lee", "author:doe",
  "in:reactions", "coverage in:notes", "-in:notes korean", "cites:s-variety",
  "cites:S-KCNA", "certainty:alleged", "certainty:confirmed", "war before:2014-12",
  "war after:2014-12", "after:2014-11 before:2014-12 tag:leak", "ecole OR korean",
  "in:threat OR tag:war", "passports -leak", "passports -leak ", "war -\"act of war\"",
  "fixture", "supreme", "variety", "executive", "insiders", "obey", "sonyleak",
  "song nam", "ambassador letter", "theatrical", "streaming", "   ", "!!! -",
  /* More of each kind. */
  "tag:lea", "tag:leak ", "-tag:leak in:notes", "author:le", "author:\"analyst lee\"",
  "author:doe OR tag:korea", "cites:s-var", "-cites:s-variety", "certainty:reported",
  "-certainty:alleged", "certainty:disputed OR certainty:unverified", "before:2014",
  "after:2014-11-24", "before:2014-23", "-before:2014-12", "in:entities", "in:overview",
  "in:breach", "in:sources", "in:timeline", "in:release", "-in:notes",
  "kcna OR -leak ", "kcna OR -leak", "war OR in:threat", "leak", "leaks", "the", "a", "of",
  "north korea", "sony pictures", "\"sony pictures\"", "pictures sony", "jong-u",
  "kim jong", "\"kim jong-un\"", "hack", "hacker", "hackers", "box", "parties", "party",
  "-leak", "-\"act of war\"", "war -war", "letter kcna OR rodong", "interview",
  "guardians of peace", "gop", "december", "2014", "11", "seth rogen", "tag:attribution",
  "corporate", "sp", "s", "조선", "朝鲜", "ソニー", "Straße", "fi", "ﬁle", "Ｆｕｌｌ",
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cases", "good", name, NULL);
}

static char *
sample_path (void)
{
  const char *root = g_getenv ("DOSSIER_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "cases", "sony-pictures-2014.case.xml", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "cases", "sony-pictures-2014.case.xml", NULL);
}

static char *
describe (DossierSection  section,
          const char     *item_id,
          int             item_index)
{
  const char *name = dossier_section_to_string (section);

  if (item_id != NULL)
    return g_strdup_printf ("%s %s", name, item_id);
  if (item_index >= 0)
    return g_strdup_printf ("%s #%d", name, item_index + 1);
  return g_strdup (name);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
join_sorted (GPtrArray *names)
{
  GString *s = g_string_new (NULL);

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, g_ptr_array_index (names, i));
    }
  return g_string_free (s, FALSE);
}

static char *
in_case_hits (DossierSearchIndex *index,
              DossierSearchQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_search_index_run (index, query, 0, NULL, NULL, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierSearchHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (names, describe (hit->section, hit->item_id, hit->item_index));
    }
  return join_sorted (names);
}

static char *
library_hits (DossierLibraryStore *store,
              DossierSearchQuery  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_library_store_search (store, query, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      const DossierLibraryHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (names, describe (hit->section, hit->item_id, hit->item_index));
    }
  return join_sorted (names);
}

/* @db_path is where the library is: a file, or on a server the
 * conninfo of the library's own database @dbname. */
typedef struct
{
  char *dir;
  char *db_path;
  char *dbname;
} TempLibrary;

/* TRUE (and the test skipped) when the library is on a server: for the
 * tests about the SQLite file itself. */
static gboolean
skip_on_server (void)
{
  if (!pg_test_available ())
    return FALSE;
  g_test_skip ("about the SQLite file, not a team library");
  return TRUE;
}

static void
temp_library_init (TempLibrary *t)
{
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("dossier-library-XXXXXX", &error);
  g_assert_no_error (error);
  if (!pg_test_available ())
    {
      t->db_path = g_build_filename (t->dir, "db", "library.sqlite3", NULL);
      return;
    }
  t->dbname = pg_test_create_database ();
  t->db_path = pg_test_conninfo (t->dbname, NULL);
  g_assert_true (dossier_library_pg_init_schema (t->db_path, NULL, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
temp_library_clear (TempLibrary *t)
{
  if (t->dir != NULL)
    remove_tree (t->dir);
  if (t->dbname != NULL)
    pg_test_drop_database (t->dbname);
  g_free (t->dir);
  g_free (t->db_path);
  g_free (t->dbname);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TempLibrary, temp_library_clear)

static DossierLibraryStore *
open_store (const char *db_path,
            char      **out_notice)
{
  g_autoptr(GError) error = NULL;
  DossierLibraryStore *store = dossier_library_store_open (db_path, out_notice, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The property: the same items for every query, in a library of @path
 * alone and in @path's own index. */
static void
check_same_results (const char *path)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierCase) dcase = NULL;
  g_autoptr(DossierSearchIndex) index = NULL;
  g_autoptr(DossierLibraryStore) store = NULL;
  gboolean read = FALSE;
  guint n_nonempty = 0;

  temp_library_init (&t);
  dcase = dossier_case_load (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  index = dossier_search_index_new (dcase);
  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_index_file (store, path, &read, &error));
  g_assert_no_error (error);
  g_assert_true (read);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (queries[i], NULL);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      if (query == NULL)
        continue;
      expected = in_case_hits (index, query);
      got = library_hits (store, query);
      if (g_strcmp0 (expected, got) != 0)
        g_test_message ("%s: query «%s»", path, queries[i]);
      g_assert_cmpstr (got, ==, expected);
      if (*expected != '\0')
        n_nonempty++;
    }
  g_test_message ("%s: %u queries found something", path, n_nonempty);
}

static void
test_same_results_fixture (gconstpointer data)
{
  g_autofree char *path = fixture_path (data);

  check_same_results (path);
}

static void
test_same_results_sample (void)
{
  g_autofree char *path = sample_path ();

  check_same_results (path);
}

/* ------------------------------------------------------------------ */

static char *
copy_fixture (const char *from,
              const char *folder,
              const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *to = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

static DossierLibraryUpdate
update (DossierLibraryStore *store)
{
  g_autoptr(GError) error = NULL;
  DossierLibraryUpdate done = { 0, };

  g_assert_true (dossier_library_update (store, NULL, NULL, &done, NULL, &error));
  g_assert_no_error (error);
  return done;
}

static guint
count_hits (DossierLibraryStore *store,
            const char          *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_parse (text, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (query);
  hits = dossier_library_store_search (store, query, 0, &error);
  g_assert_no_error (error);
  return hits->len;
}

static void
set_mtime (const char *path,
           time_t      when)
{
  struct utimbuf times = { when, when };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_incremental (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *basic = fixture_path ("search-basic.case.xml");
  g_autofree char *minimal = fixture_path ("minimal.case.xml");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) list = NULL;
  DossierLibraryUpdate done;

  temp_library_init (&t);
  cases = g_build_filename (t.dir, "cases", NULL);
  nested = g_build_filename (cases, "deeper", NULL);
  g_assert_cmpint (g_mkdir_with_parents (nested, 0700), ==, 0);
  a = copy_fixture (basic, cases, "a.case.xml");
  b = copy_fixture (minimal, nested, "b.case.xml");
  set_mtime (a, 1000000000);

  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_add_folder (store, cases, &error));
  g_assert_no_error (error);

  done = update (store);
  g_assert_cmpuint (done.n_files, ==, 2);
  g_assert_cmpuint (done.n_read, ==, 2);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);

  /* Nothing changed: nothing read. */
  done = update (store);
  g_assert_cmpuint (done.n_read, ==, 0);

  /* Touched, same bytes: its SHA-256 says it is unchanged. */
  set_mtime (a, 1100000000);
  done = update (store);
  g_assert_cmpuint (done.n_read, ==, 0);
  {
    DossierLibraryStamp stamp = { 0, };

    g_assert_true (dossier_library_store_get_stamp (store, a, &stamp));
    g_assert_cmpint (stamp.mtime, ==, (gint64) 1100000000 * G_USEC_PER_SEC);
    dossier_library_stamp_clear (&stamp);
  }

  /* Changed: read again, and the new words are found, the old not. */
  g_assert_true (g_file_get_contents (a, &contents, NULL, NULL));
  {
    g_autoptr(GString) changed = g_string_new (contents);

    g_assert_cmpuint (g_string_replace (changed, "Passports in the leak", "Visas in the leak", 0), ==, 1);
    g_assert_true (g_file_set_contents (a, changed->str, changed->len, NULL));
  }
  set_mtime (a, 1200000000);
  done = update (store);
  g_assert_cmpuint (done.n_read, ==, 1);
  g_assert_cmpuint (count_hits (store, "\"visas in the leak\""), ==, 1);
  g_assert_cmpuint (count_hits (store, "\"passports in the leak\""), ==, 0);

  /* Deleted: gone. */
  g_assert_cmpint (g_unlink (b), ==, 0);
  done = update (store);
  g_assert_cmpuint (done.n_removed, ==, 1);
  list = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (list, 0))->path, ==, a);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (list, 0))->title, ==,
                   "Search fixture: the Sony Pictures hack");
}

/* A file renamed is the old case gone and a new one found; a file that
 * becomes invalid is listed with its problem and its items go, and
 * when it is valid again they come back. */
static void
test_rename_and_invalid (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basic = fixture_path ("search-basic.case.xml");
  g_autofree char *a = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) list = NULL;
  DossierLibraryUpdate done;
  gsize length;

  temp_library_init (&t);
  folder = g_build_filename (t.dir, "cases", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  a = copy_fixture (basic, folder, "a.case.xml");
  renamed = g_build_filename (folder, "renamed.case.xml", NULL);
  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_add_folder (store, folder, &error));
  update (store);

  g_assert_cmpint (g_rename (a, renamed), ==, 0);
  done = update (store);
  g_assert_cmpuint (done.n_read, ==, 1);
  g_assert_cmpuint (done.n_removed, ==, 1);
  list = dossier_library_store_list_cases (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (list, 0))->path, ==, renamed);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Invalid: the title element goes. */
  g_assert_true (g_file_get_contents (renamed, &contents, &length, NULL));
  {
    g_autoptr(GString) broken = g_string_new (contents);

    g_assert_cmpuint (g_string_replace (broken, "<title>Search fixture: the Sony Pictures hack</title>",
                                        "", 1), ==, 1);
    g_assert_true (g_file_set_contents (renamed, broken->str, broken->len, NULL));
  }
  set_mtime (renamed, 1300000000);
  done = update (store);
  g_assert_cmpuint (done.n_failed, ==, 1);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 0);
  list = dossier_library_store_list_cases (store, &error);
  g_assert_cmpstr (((DossierLibraryCaseInfo *) g_ptr_array_index (list, 0))->problem, ==,
                   "error: <case> has no <title>");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Valid again. */
  g_assert_true (g_file_set_contents (renamed, contents, length, NULL));
  set_mtime (renamed, 1400000000);
  done = update (store);
  g_assert_cmpuint (done.n_read, ==, 1);
  g_assert_cmpuint (done.n_failed, ==, 0);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
  list = dossier_library_store_list_cases (store, &error);
  g_assert_null (((DossierLibraryCaseInfo *) g_ptr_array_index (list, 0))->problem);
}

static void
test_broken_case_listed (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "library", "broken.case.xml", NULL);
  g_autofree char *good = fixture_path ("search-basic.case.xml");
  g_autofree char *folder = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  DossierLibraryUpdate done;
  const DossierLibraryCaseInfo *info;

  temp_library_init (&t);
  folder = g_build_filename (t.dir, "cases", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  a = copy_fixture (broken, folder, "broken.case.xml");
  b = copy_fixture (good, folder, "good.case.xml");

  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_add_folder (store, folder, &error));
  done = update (store);
  g_assert_cmpuint (done.n_failed, ==, 1);

  list = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->path, ==, a);
  g_assert_cmpstr (info->problem, ==, "error: <case> has no <title>");
  g_assert_cmpuint (info->problem_line, ==, 3);
  g_assert_cmpuint (info->n_items, ==, 0);
  /* The rest of the library stays searchable; the broken case adds nothing. */
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
  g_assert_cmpuint (count_hits (store, "indexed"), ==, 0);
}

/* The library joins fields with U+001F and relies on search's tokenizer
 * cutting there, as at any control character. */
static void
test_separator_cuts_tokens (void)
{
  g_auto(GStrv) tokens = dossier_search_text_tokenize ("leak\037scans\036x", -1);

  g_assert_cmpuint (g_strv_length (tokens), ==, 3);
  g_assert_cmpstr (tokens[0], ==, "leak");
  g_assert_cmpstr (tokens[1], ==, "scans");
}

static void
test_sql_text_is_text (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "library", "sql-text.case.xml", NULL);
  static const char *const found[] = {
    "drop table items", "'); DROP TABLE items; --", "\"'); DROP TABLE items; --\"",
    "near", "NEAR(a b)", "tag:sql", "\"\"\"quoted\"\"\"", "quoted\"",
  };

  temp_library_init (&t);
  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_index_file (store, path, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_test_message ("query «%s»", found[i]);
      g_assert_cmpuint (count_hits (store, found[i]), >=, 1);
    }
  /* And the table is still there. */
  g_assert_cmpuint (count_hits (store, "injection"), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Databases that are not usable libraries                             */
/* ------------------------------------------------------------------ */

static guint
count_set_aside (const char *db_path)
{
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".set-aside-", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      n++;
  return n;
}

/* After setting a bad file aside, the new library works. */
static void
check_usable (DossierLibraryStore *store)
{
  g_autofree char *path = fixture_path ("search-basic.case.xml");
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_library_index_file (store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
}

static void
test_corrupt_database (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *notice = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 junk[8192];

  if (skip_on_server ())
    return;

  temp_library_init (&t);
  folder = g_path_get_dirname (t.db_path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (t.db_path, (const char *) junk, sizeof junk, NULL));

  store = open_store (t.db_path, &notice);
  g_assert_nonnull (notice);
  g_assert_true (g_str_has_prefix (notice, t.db_path));
  g_assert_nonnull (strstr (notice, " is damaged; it was set aside as "));
  g_assert_cmpuint (count_set_aside (t.db_path), ==, 1);
  check_usable (store);
}

static void
test_corrupt_header_of_library (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (skip_on_server ())
    return;

  temp_library_init (&t);
  g_clear_object (&store);
  store = open_store (t.db_path, NULL);
  check_usable (store);
  g_clear_object (&store);

  /* A real library with its header overwritten. */
  g_assert_true (g_file_get_contents (t.db_path, &contents, &length, NULL));
  memset (contents, 0x5a, MIN (length, 100));
  g_assert_true (g_file_set_contents (t.db_path, contents, length, NULL));
  store = open_store (t.db_path, &notice);
  g_assert_nonnull (notice);
  check_usable (store);
}

static void
set_user_version (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_newer_database (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) folders = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_on_server ())
    return;

  temp_library_init (&t);
  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_add_folder (store, t.dir, &error));
  g_clear_object (&store);
  set_user_version (t.db_path, "PRAGMA user_version = 99");

  store = open_store (t.db_path, &notice);
  expected = g_strdup_printf ("%s is a library of a newer version of Dossier (version 99); "
                              "it was set aside as ", t.db_path);
  g_assert_nonnull (notice);
  g_assert_true (g_str_has_prefix (notice, expected));
  g_assert_cmpuint (count_set_aside (t.db_path), ==, 1);
  /* Its folders are kept, so the library rebuilds from them. */
  folders = dossier_library_store_list_folders (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, t.dir);
  check_usable (store);
}

/* A process that dies in the middle of a batch: what it committed is
 * whole, and what it did not is read again by the next update, since
 * its stamps were not stored either. */
static void
crash_in_batch (void)
{
  const char *db_path = g_getenv ("DOSSIER_TEST_LIBRARY_DB");
  const char *folder = g_getenv ("DOSSIER_TEST_LIBRARY_FOLDER");
  g_autoptr(DossierLibraryStore) store = open_store (db_path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  const char *names[] = { "a.case.xml", "b.case.xml" };

  g_assert_true (dossier_library_add_folder (store, folder, &error));
  g_assert_true (dossier_library_store_begin_batch (store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_assert_true (dossier_library_index_file (store, path, NULL, &error));
      g_assert_no_error (error);
    }
  /* Every write done (this waits for the writer), nothing ended. */
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  _exit (0);
}

static void
test_crash_in_batch (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basic = fixture_path ("search-basic.case.xml");
  g_autofree char *minimal = fixture_path ("minimal.case.xml");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  DossierLibraryUpdate done;
  guint hits;

  if (skip_on_server ())
    return;

  if (g_test_subprocess ())
    {
      crash_in_batch ();
      return;
    }
  temp_library_init (&t);
  folder = g_build_filename (t.dir, "cases", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  a = copy_fixture (basic, folder, "a.case.xml");
  b = copy_fixture (minimal, folder, "b.case.xml");
  g_setenv ("DOSSIER_TEST_LIBRARY_DB", t.db_path, TRUE);
  g_setenv ("DOSSIER_TEST_LIBRARY_FOLDER", folder, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* Both writes fit in one batch, which was never committed (unless a
   * second passed: then a case is there whole, with all its items). */
  store = open_store (t.db_path, NULL);
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  hits = count_hits (store, "passports");
  for (guint i = 0; i < cases->len; i++)
    {
      const DossierLibraryCaseInfo *info = g_ptr_array_index (cases, i);

      if (g_strcmp0 (info->path, a) == 0)
        g_assert_cmpuint (hits, ==, 5);
    }
  if (hits != 0)
    g_assert_cmpuint (cases->len, >=, 1);

  done = update (store);
  g_assert_cmpuint (done.n_read, ==, 2 - cases->len);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_cmpuint (cases->len, ==, 2);
}

/* While one store writes a batch, another store on the same file (as
 * a search thread of the window opens) opens and searches at once,
 * seeing what was committed: whole cases only. */
static void
test_search_during_batch (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) writer = NULL;
  g_autoptr(DossierLibraryStore) reader = NULL;
  g_autofree char *basic = fixture_path ("search-basic.case.xml");
  g_autofree char *folder = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  temp_library_init (&t);
  folder = g_build_filename (t.dir, "cases", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  a = copy_fixture (basic, folder, "a.case.xml");
  b = copy_fixture (basic, folder, "b.case.xml");
  writer = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_index_file (writer, a, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (dossier_library_store_begin_batch (writer, &error));
  g_assert_true (dossier_library_index_file (writer, b, NULL, &error));
  /* The writer's own searches see its batch. */
  g_assert_cmpuint (count_hits (writer, "passports"), ==, 10);

  start = g_get_monotonic_time ();
  reader = open_store (t.db_path, NULL);
  g_assert_cmpuint (count_hits (reader, "passports") % 5, ==, 0);
  /* Never waiting for the writer's lock (5 s). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  g_assert_true (dossier_library_store_end_batch (writer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (reader, "passports"), ==, 10);
}

/* A library of an older schema is made again where it is, from its
 * folders: nothing of it is set aside, and the next update fills it. */
static void
test_older_database (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *fixture = fixture_path ("search-basic.case.xml");
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_auto(GStrv) folders = NULL;
  g_autoptr(GError) error = NULL;
  DossierLibraryUpdate update;

  if (skip_on_server ())
    return;

  temp_library_init (&t);
  copy = g_build_filename (t.dir, "basic.case.xml", NULL);
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  store = open_store (t.db_path, NULL);
  g_assert_true (dossier_library_add_folder (store, t.dir, &error));
  g_assert_true (dossier_library_update (store, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
  g_clear_object (&store);
  set_user_version (t.db_path, "PRAGMA user_version = 1");

  store = open_store (t.db_path, &notice);
  expected = g_strdup_printf ("%s is a library of an older version of Dossier; "
                              "it is made again from its folders", t.db_path);
  g_assert_cmpstr (notice, ==, expected);
  g_assert_cmpuint (count_set_aside (t.db_path), ==, 0);
  folders = dossier_library_store_list_folders (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, t.dir);
  cases = dossier_library_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 0);

  g_assert_true (dossier_library_update (store, NULL, NULL, &update, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (update.n_read, ==, 1);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);

  /* Made again once: opened again, it is the current schema. */
  g_clear_object (&store);
  g_clear_pointer (&notice, g_free);
  store = open_store (t.db_path, &notice);
  g_assert_null (notice);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
}

static void
test_foreign_database (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *expected = NULL;

  if (skip_on_server ())
    return;

  temp_library_init (&t);
  folder = g_path_get_dirname (t.db_path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  set_user_version (t.db_path, "CREATE TABLE accounts (name TEXT); INSERT INTO accounts VALUES ('x')");

  store = open_store (t.db_path, &notice);
  expected = g_strdup_printf ("%s is not a Dossier library; it was set aside as ", t.db_path);
  g_assert_nonnull (notice);
  g_assert_true (g_str_has_prefix (notice, expected));
  check_usable (store);
}

static void
test_reopen_keeps_library (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autoptr(DossierLibraryStore) store = NULL;
  g_autofree char *notice = NULL;

  if (skip_on_server ())
    return;

  temp_library_init (&t);
  store = open_store (t.db_path, NULL);
  check_usable (store);
  g_clear_object (&store);
  store = open_store (t.db_path, &notice);
  g_assert_null (notice);
  g_assert_cmpuint (count_hits (store, "passports"), ==, 5);
  g_assert_cmpuint (count_set_aside (t.db_path), ==, 0);

  /* In WAL mode, so that searches never wait for indexing. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (t.db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static char *
read_stream (FILE *stream)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  rewind (stream);
  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    g_string_append_len (text, buffer, n);
  fclose (stream);
  return g_string_free (text, FALSE);
}

static int
run_command (const DossierLibraryCommand  *command,
             char                        **out_text,
             char                        **err_text)
{
  FILE *out = tmpfile ();
  FILE *err = tmpfile ();
  int status = dossier_library_command (command, out, err);

  *out_text = read_stream (out);
  *err_text = read_stream (err);
  return status;
}

static void
test_command_line (void)
{
  g_auto(TempLibrary) t = { 0, };
  g_autofree char *folder = NULL;
  g_autofree char *basic = fixture_path ("search-basic.case.xml");
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "library", "broken.case.xml", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  DossierLibraryCommand command = { NULL, };
  const char *add[2] = { NULL, NULL };

  temp_library_init (&t);
  folder = g_build_filename (t.dir, "cases", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  a = copy_fixture (basic, folder, "a.case.xml");
  b = copy_fixture (broken, folder, "b.case.xml");

  /* Add and list. */
  add[0] = folder;
  command.db_path = t.db_path;
  command.add = add;
  command.list = TRUE;
  g_assert_cmpint (run_command (&command, &out, &err), ==, 0);
  expected = g_strdup_printf ("%s: Search fixture: the Sony Pictures hack "
                              "(open; 10 notes, 2 events, 3 sources, 6 entities)\n"
                              "%s:3: error: <case> has no <title>\n", a, b);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  /* Search: the folder is remembered; one hit a line, as --search. */
  command.add = NULL;
  command.list = FALSE;
  command.search = "\"act of war\" in:reactions";
  g_assert_cmpint (run_command (&command, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, a));
  g_assert_nonnull (strstr (out, ": reactions r-kcna: "));
  /* A phrase is marked whole, by either store. */
  g_assert_nonnull (strstr (out, "an [[act of war]]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing found: 1; a bad query: 2, with the message. */
  command.search = "zyzzyva";
  g_assert_cmpint (run_command (&command, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  command.search = "colour:red";
  g_assert_cmpint (run_command (&command, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "dossier: invalid search query: unknown filter 'colour:'"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A folder that is not one: 2. */
  add[0] = a;
  command.add = add;
  command.search = NULL;
  g_assert_cmpint (run_command (&command, &out, &err), ==, 2);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("dossier: %s is not a folder\n", a);
  g_assert_cmpstr (err, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const fixtures[] = {
    "chart-dense.case.xml", "chart-many.case.xml", "chart-spread.case.xml",
    "empty-sections.case.xml", "full.case.xml", "hostile-text.case.xml",
    "markdown-footnotes.case.xml", "minimal.case.xml", "one-line.case.xml",
    "pretty.case.xml", "search-basic.case.xml", "search-minimal.case.xml",
    "utf16.case.xml", "warnings.case.xml",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/library/same-results/%s", fixtures[i]);

      g_test_add_data_func (path, fixtures[i], test_same_results_fixture);
    }
  g_test_add_func ("/library/same-results/sample", test_same_results_sample);
  g_test_add_func ("/library/update/incremental", test_incremental);
  g_test_add_func ("/library/update/broken-case-listed", test_broken_case_listed);
  g_test_add_func ("/library/update/rename-and-invalid", test_rename_and_invalid);
  g_test_add_func ("/library/text/sql-is-text", test_sql_text_is_text);
  g_test_add_func ("/library/text/separator-cuts-tokens", test_separator_cuts_tokens);
  g_test_add_func ("/library/database/corrupt", test_corrupt_database);
  g_test_add_func ("/library/database/corrupt-header", test_corrupt_header_of_library);
  g_test_add_func ("/library/database/newer", test_newer_database);
  g_test_add_func ("/library/database/older", test_older_database);
  g_test_add_func ("/library/database/crash-in-batch", test_crash_in_batch);
  g_test_add_func ("/library/database/search-during-batch", test_search_during_batch);
  g_test_add_func ("/library/database/foreign", test_foreign_database);
  g_test_add_func ("/library/database/reopen", test_reopen_keeps_library);
  g_test_add_func ("/library/command-line", test_command_line);

  return g_test_run ();
}
