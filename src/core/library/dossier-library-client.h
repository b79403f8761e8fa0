/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-library-records.h"
#include "dossier-library-store.h"
#include "dossier-search-query.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_CLIENT (dossier_library_client_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryClient, dossier_library_client, DOSSIER, LIBRARY_CLIENT, GObject)

/**
 * DossierLibraryClient:
 *
 * The library as a program with a main loop uses it: the window's
 * Library page, "Search All Cases" and the GNOME Shell search provider.
 * Nothing it does blocks the caller's main loop: searches, listings and
 * updates run in worker threads, each on its own connection to the
 * database, and their answers come back in the main context the client
 * was made in.
 *
 * Searches run one at a time; a search whose cancellable was cancelled
 * before it started never runs, so typing quickly costs only the last
 * query. Updates run one at a time too; asking for one while one runs
 * runs another after it, so no change is missed.
 *
 * Signals (emitted in the client's main context):
 * - `progress (guint done, guint total)`: after each file of an update;
 * - `changed ()`: the cases or the folders changed (an update read,
 *   removed or failed a case, a folder was added or removed);
 * - `notify::updating`: an update started or ended;
 * - `notify::problem`: the library could not be reached (a team library
 *   whose server is gone) or can be again;
 * - `notify::read-only`: the client learnt that this user may only
 *   search (a team library's read-only role).
 */

/* The library of this process: a client on the default location, or on
 * the one dossier_library_client_set_default_location() gave before. */
DossierLibraryClient *dossier_library_client_get_default          (void);
/* Where the default client's library is (a file path or a PostgreSQL
 * connection string, see dossier-library-open.h); call before the first
 * dossier_library_client_get_default(). NULL: the default path. */
void                  dossier_library_client_set_default_location (const char *location);

/* A client on the library at @location (NULL: the default path). The
 * database is opened when first needed, in a worker thread. */
DossierLibraryClient *dossier_library_client_new           (const char *location);
const char           *dossier_library_client_get_location  (DossierLibraryClient *self);
/* Moves the client to the library at @location (NULL: the default path),
 * as the Library page's preferences do: the next call opens it, a
 * running search answers from the old one, and `changed` is emitted so
 * that views list the new library's cases. */
void                  dossier_library_client_set_location  (DossierLibraryClient *self,
                                                            const char           *location);
/* A message for the user when the database was not a usable library and
 * was set aside (see dossier_library_sqlite_open()), else NULL. */
const char           *dossier_library_client_get_notice    (DossierLibraryClient *self);
/* TRUE while an update runs. */
gboolean              dossier_library_client_is_updating   (DossierLibraryClient *self);
/* TRUE for a team library on a server (a connection string). */
gboolean              dossier_library_client_is_remote     (DossierLibraryClient *self);
/* TRUE once the client knows this user may only search and open. */
gboolean              dossier_library_client_is_read_only  (DossierLibraryClient *self);
/* What keeps the library from answering, for the user ("The team
 * library cannot be reached: … Trying again in 4 s."), or NULL. While it
 * is set, the client tries again with backoff (1 s, doubling, at most
 * 30 s) and emits `changed` when the library answers again. */
const char           *dossier_library_client_get_problem   (DossierLibraryClient *self);

/* A local file for the case at @path, as the library lists it: @path
 * itself when it is on this computer, else a read-only copy of the
 * bytes the team library keeps, in the user's cache folder and checked
 * against their SHA-256. Finish: (transfer full) the file, or NULL and
 * a DOSSIER_LIBRARY_ERROR (NOT_FOUND: neither here nor kept). */
void                  dossier_library_client_open_case_async  (DossierLibraryClient *self,
                                                               const char           *path,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
GFile                *dossier_library_client_open_case_finish (DossierLibraryClient *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

/* Searches every case for @text (the query language of docs/search.md).
 * Finish: (element-type DossierLibraryHit) the hits, by case file then
 * the case's chronology, at most @max_results (0: all); NULL and a
 * G_IO_ERROR_CANCELLED, a DOSSIER_SEARCH_ERROR for a query that cannot
 * be understood, or a DOSSIER_LIBRARY_ERROR. An empty query finds
 * nothing (an empty array). */
void                  dossier_library_client_search_async  (DossierLibraryClient *self,
                                                            const char           *text,
                                                            guint                 max_results,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray            *dossier_library_client_search_finish (DossierLibraryClient *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* Finish: (element-type DossierLibraryCaseInfo) every case, by path. */
void                  dossier_library_client_list_cases_async  (DossierLibraryClient *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GPtrArray            *dossier_library_client_list_cases_finish (DossierLibraryClient *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* The same, for a worker thread of the caller's that has more to do
 * with the cases before it returns: blocks while the reader is busy. */
GPtrArray            *dossier_library_client_list_cases_in_thread (DossierLibraryClient  *self,
                                                                   GError               **error);

/* Finish: the folders, absolute paths, sorted. */
void                  dossier_library_client_list_folders_async  (DossierLibraryClient *self,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
GStrv                 dossier_library_client_list_folders_finish (DossierLibraryClient *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

/* Adds (removes) a folder, then updates the library. Finish: FALSE and
 * a DOSSIER_LIBRARY_ERROR (not a folder, the database failed). */
void                  dossier_library_client_add_folder_async     (DossierLibraryClient *self,
                                                                   const char           *path,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
void                  dossier_library_client_remove_folder_async  (DossierLibraryClient *self,
                                                                   const char           *path,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean              dossier_library_client_change_folder_finish (DossierLibraryClient *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);

/* Brings the library up to date in a worker thread (see
 * dossier_library_update()); `progress` tells how far, `changed` what
 * came of it. */
void                  dossier_library_client_update        (DossierLibraryClient *self);
/* Indexes one case file (a case opened in Dossier) in a worker thread. */
void                  dossier_library_client_index_file    (DossierLibraryClient *self,
                                                            const char           *path);

/* Keeps the library fresh while the program runs: watches its folders
 * (DossierLibraryWatcher) and updates it when case files change; starts
 * with an update. */
void                  dossier_library_client_watch         (DossierLibraryClient *self);

/* Waits (iterating the client's main context) until no update or
 * indexing runs: for tests and for a command-line run. */
void                  dossier_library_client_wait_idle     (DossierLibraryClient *self);

G_END_DECLS
