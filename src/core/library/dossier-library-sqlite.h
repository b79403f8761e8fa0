/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-library-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_SQLITE (dossier_library_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibrarySqlite, dossier_library_sqlite, DOSSIER, LIBRARY_SQLITE, GObject)

/* The schema this code writes; a database of a later one is set aside. */
#define DOSSIER_LIBRARY_SQLITE_SCHEMA_VERSION 2

/* $XDG_DATA_HOME/dossier/library.sqlite3 */
char                 *dossier_library_sqlite_default_path (void);

/**
 * dossier_library_sqlite_open:
 * @path: the database file; created (with its folder) if missing
 * @out_notice: (out) (optional) (transfer full): set when the file was
 *   not a usable library (damaged, not a Dossier library, or from a
 *   newer version): a message for the user saying so and where the old
 *   file was set aside; %NULL otherwise
 * @error: a %DOSSIER_LIBRARY_ERROR when even a new file cannot be made
 *
 * Opens the library in @path, in WAL mode. A file that is not a usable
 * library is never used nor deleted: it is renamed beside itself
 * (`PATH.set-aside-DATE`) and a new library made in its place, keeping
 * its list of folders when that can still be read, so that the next
 * update rebuilds it from them.
 *
 * Returns: (transfer full): the store, or %NULL and @error.
 */
DossierLibrarySqlite *dossier_library_sqlite_open         (const char  *path,
                                                           char       **out_notice,
                                                           GError     **error);

const char           *dossier_library_sqlite_get_path     (DossierLibrarySqlite *self);

G_END_DECLS
