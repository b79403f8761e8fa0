/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* What the tests of the team library share (test-library under
 * pg-server.sh, test-library-pg): databases and roles of their own on
 * the server pg-server.sh started, whose admin conninfo is in
 * DOSSIER_TEST_PG. Every call that fails fails the test. */

/* TRUE when the tests run against a server (DOSSIER_TEST_PG is set). */
gboolean  pg_test_available        (void);

/* A conninfo for @dbname as @user (NULL: the admin's), on the test server. */
char     *pg_test_conninfo         (const char *dbname,
                                    const char *user);

/* A new, empty database with a name no other test uses; returns it. */
char     *pg_test_create_database  (void);
/* Drops it, ending any session still on it. */
void      pg_test_drop_database    (const char *dbname);

/* A new LOGIN role, member of @member_of, with a name no other test
 * uses (roles belong to the whole server); returns it. */
char     *pg_test_create_role      (const char *member_of);
void      pg_test_drop_role        (const char *name);

/* A connection to @dbname (NULL: the admin's) as the admin. */
PGconn   *pg_test_connect          (const char *dbname);
/* Runs @sql, which must succeed. */
void      pg_test_exec             (PGconn     *conn,
                                    const char *sql);
/* The first value @sql returns (NULL for none or SQL NULL). */
char     *pg_test_value            (PGconn     *conn,
                                    const char *sql);
/* The same, as a number, which must be there. */
gint64    pg_test_number           (PGconn     *conn,
                                    const char *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)

G_END_DECLS
