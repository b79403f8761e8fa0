/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-library-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_PG (dossier_library_pg_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryPg, dossier_library_pg, DOSSIER, LIBRARY_PG, GObject)

/* The schema this code reads and writes (table dossier_schema). */
#define DOSSIER_LIBRARY_PG_SCHEMA_VERSION 1

/* The roles dossier_library_pg_init_schema() makes: members of the first may
 * search and open cases, members of the second may also add and remove
 * folders and cases. */
#define DOSSIER_LIBRARY_PG_READER_ROLE "dossier_reader"
#define DOSSIER_LIBRARY_PG_WRITER_ROLE "dossier_writer"

/**
 * dossier_library_pg_open:
 * @conninfo: a libpq connection string or URI (`postgresql://…`,
 *   `service=team`, `host=… dbname=…`); the password, if any, comes
 *   from libpq's usual places (~/.pgpass, PGPASSWORD, the service file)
 * @error: %DOSSIER_LIBRARY_ERROR_CONNECTION when the server cannot be
 *   reached or refuses the user, %DOSSIER_LIBRARY_ERROR_SCHEMA when the
 *   database holds no library of this schema (none, older or newer:
 *   the message says to run `dossier --library-init` or to update)
 *
 * Connects to a team library on PostgreSQL. The connection is one
 * thread's at a time; a connection lost later is made again, with
 * backoff, by the next call.
 *
 * Returns: (transfer full): the store, or %NULL and @error.
 */
DossierLibraryPg *dossier_library_pg_open        (const char  *conninfo,
                                                  GError     **error);

/**
 * dossier_library_pg_init_schema:
 * @conninfo: as for dossier_library_pg_open(), as a user who may create
 *   tables (and roles, the first time)
 * @out_report: (out) (optional) (transfer full): what was done, for the
 *   user ("Created the library (schema 1)." or "Up to date.")
 * @error: a %DOSSIER_LIBRARY_ERROR; %DOSSIER_LIBRARY_ERROR_SCHEMA for a
 *   database of a newer schema, which is left as it is
 *
 * Creates the library's tables, indexes and roles in an empty database,
 * or migrates an older schema, in one transaction under a lock, so that
 * two at once do it once.
 *
 * Returns: %TRUE, or %FALSE and @error.
 */
gboolean          dossier_library_pg_init_schema (const char  *conninfo,
                                                  char       **out_report,
                                                  GError     **error);

G_END_DECLS
