/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-library-store.h"

G_BEGIN_DECLS

/* Where a library is: a file path (the SQLite store on this computer)
 * or a PostgreSQL connection string (a team library on a server):
 * `postgresql://…`, `postgres://…`, or key=value words such as
 * `service=team` or `host=db dbname=cases`. */
gboolean             dossier_library_location_is_server     (const char  *location);

/* TRUE when @location itself holds a password, which Dossier does not
 * keep (libpq reads it from ~/.pgpass or the service file instead). */
gboolean             dossier_library_location_has_password  (const char  *location);

/* @location for the user, without a password: the file's path, or
 * "DBNAME on HOST" for a server. */
char                *dossier_library_location_describe      (const char  *location);

/**
 * dossier_library_store_open:
 * @location: a file path or a connection string (see above); NULL for
 *   the default file
 * @out_notice: (out) (optional) (transfer full): see
 *   dossier_library_sqlite_open()
 * @error: a %DOSSIER_LIBRARY_ERROR
 *
 * The store behind @location.
 *
 * Returns: (transfer full): the store, or %NULL and @error.
 */
DossierLibraryStore *dossier_library_store_open             (const char  *location,
                                                             char       **out_notice,
                                                             GError     **error);

G_END_DECLS
