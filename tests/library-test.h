/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-library.h"
#include "dossier-library-sqlite.h"

G_BEGIN_DECLS

/* What the tests of keeping a library fresh share (test-library-update,
 * test-library-watcher, test-library-crash): a real SQLite library in a
 * temporary folder, with one folder of cases, and real case files
 * written into it. */

typedef struct
{
  char                *dir;      /* the temporary folder, removed at the end */
  char                *folder;   /* dir/cases: the library's one folder */
  char                *db_path;  /* dir/db/library.sqlite3 */
  DossierLibraryStore *store;
} LibraryTest;

/* For g_test_add (): makes the folders, opens the library and adds the
 * folder to it (nothing indexed yet). */
void        library_test_setup        (LibraryTest          *t,
                                       gconstpointer         data);
void        library_test_teardown     (LibraryTest          *t,
                                       gconstpointer         data);

/* A valid case file: @n_notes notes, each with @word in its title and
 * text (so a search for @word finds each note once). */
char       *library_test_case_xml     (const char           *id,
                                       const char           *title,
                                       const char           *word,
                                       guint                 n_notes);
/* Writes library_test_case_xml () to @folder/@name (replacing it in one
 * rename); returns the path. */
char       *library_test_write_case   (const char           *folder,
                                       const char           *name,
                                       const char           *title,
                                       const char           *word,
                                       guint                 n_notes);
void        library_test_write_file   (const char           *path,
                                       const char           *contents);

/* dossier_library_update () of @store, which must succeed. */
void        library_test_update       (DossierLibraryStore  *store,
                                       DossierLibraryUpdate *out_update);
/* The case at @path, or NULL. */
DossierLibraryCaseInfo *library_test_find_case (DossierLibraryStore *store,
                                                const char          *path);
guint       library_test_n_cases      (DossierLibraryStore  *store);
/* How many items @query finds, in the case at @path (NULL: in all). */
guint       library_test_n_hits       (DossierLibraryStore  *store,
                                       const char           *query,
                                       const char           *path);

void        library_test_remove_tree  (const char           *path);

G_END_DECLS
