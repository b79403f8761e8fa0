/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-library-records.h"
#include "dossier-search-query.h"

G_BEGIN_DECLS

#define DOSSIER_LIBRARY_ERROR (dossier_library_error_quark ())

/**
 * DossierLibraryError:
 * @DOSSIER_LIBRARY_ERROR_DATABASE: the database failed (disk full,
 *   locked, an I/O error); the message says what SQLite said.
 * @DOSSIER_LIBRARY_ERROR_NOT_A_FOLDER: a folder to add is not one.
 * @DOSSIER_LIBRARY_ERROR_NOT_IN_LIBRARY: a folder to remove is not one
 *   of the library's.
 * @DOSSIER_LIBRARY_ERROR_CONNECTION: the server of a team library cannot
 *   be reached (or was lost and not found again); trying later may work.
 * @DOSSIER_LIBRARY_ERROR_READ_ONLY: the library may be searched but not
 *   changed by this user.
 * @DOSSIER_LIBRARY_ERROR_SCHEMA: the server's database is not a Dossier
 *   library of the schema this version knows (none yet, older, newer);
 *   the message says what to do.
 * @DOSSIER_LIBRARY_ERROR_NOT_FOUND: the library has no such case, or
 *   not its file.
 */
typedef enum
{
  DOSSIER_LIBRARY_ERROR_DATABASE,
  DOSSIER_LIBRARY_ERROR_NOT_A_FOLDER,
  DOSSIER_LIBRARY_ERROR_NOT_IN_LIBRARY,
  DOSSIER_LIBRARY_ERROR_CONNECTION,
  DOSSIER_LIBRARY_ERROR_READ_ONLY,
  DOSSIER_LIBRARY_ERROR_SCHEMA,
  DOSSIER_LIBRARY_ERROR_NOT_FOUND,
} DossierLibraryError;

GQuark dossier_library_error_quark (void);

#define DOSSIER_TYPE_LIBRARY_STORE (dossier_library_store_get_type ())
G_DECLARE_INTERFACE (DossierLibraryStore, dossier_library_store, DOSSIER, LIBRARY_STORE, GObject)

/**
 * DossierLibraryStoreInterface:
 *
 * Where a library keeps its folders, cases and items, and how it
 * searches them. The SQLite store (dossier-library-sqlite.h) is the
 * one on a desktop; a server database for a team can implement the
 * same calls without its callers changing. Every call is one
 * transaction: it either happens whole or not at all. Between
 * dossier_library_store_begin_batch() and _end_batch() a store may
 * group several writes into one transaction; each write still happens
 * whole or not at all.
 */
struct _DossierLibraryStoreInterface
{
  GTypeInterface parent_iface;

  gboolean   (*add_folder)    (DossierLibraryStore        *self,
                               const char                 *path,
                               GError                    **error);
  gboolean   (*remove_folder) (DossierLibraryStore        *self,
                               const char                 *path,
                               GError                    **error);
  GStrv      (*list_folders)  (DossierLibraryStore        *self,
                               GError                    **error);
  gboolean   (*get_stamp)     (DossierLibraryStore        *self,
                               const char                 *path,
                               DossierLibraryStamp        *stamp);
  gboolean   (*touch_case)    (DossierLibraryStore        *self,
                               const char                 *path,
                               const DossierLibraryStamp  *stamp,
                               GError                    **error);
  gboolean   (*put_case)      (DossierLibraryStore        *self,
                               const DossierLibraryCaseInfo *info,
                               GPtrArray                  *items,
                               GError                    **error);
  gboolean   (*remove_case)   (DossierLibraryStore        *self,
                               const char                 *path,
                               GError                    **error);
  GPtrArray *(*list_cases)    (DossierLibraryStore        *self,
                               GError                    **error);
  GPtrArray *(*search)        (DossierLibraryStore        *self,
                               DossierSearchQuery         *query,
                               guint                       max_results,
                               GError                    **error);
  gboolean   (*begin_batch)   (DossierLibraryStore        *self,
                               GError                    **error);
  gboolean   (*end_batch)     (DossierLibraryStore        *self,
                               GError                    **error);
  gboolean   (*is_read_only)  (DossierLibraryStore        *self);
  gboolean   (*is_shared)     (DossierLibraryStore        *self);
  GBytes    *(*get_case_file) (DossierLibraryStore        *self,
                               const char                 *path,
                               char                      **out_sha256,
                               GError                    **error);
};

/* Folders are absolute paths; searched recursively for *.case.xml. */
gboolean   dossier_library_store_add_folder    (DossierLibraryStore          *self,
                                                const char                   *path,
                                                GError                      **error);
gboolean   dossier_library_store_remove_folder (DossierLibraryStore          *self,
                                                const char                   *path,
                                                GError                      **error);
GStrv      dossier_library_store_list_folders  (DossierLibraryStore          *self,
                                                GError                      **error);
/* What the file at @path looked like when indexed; FALSE if unknown. */
gboolean   dossier_library_store_get_stamp     (DossierLibraryStore          *self,
                                                const char                   *path,
                                                DossierLibraryStamp          *stamp);
/* Records a new time and size for a file whose content is unchanged. */
gboolean   dossier_library_store_touch_case    (DossierLibraryStore          *self,
                                                const char                   *path,
                                                const DossierLibraryStamp    *stamp,
                                                GError                      **error);
/* Replaces the case at @info->path and all its items (of
 * DossierLibraryItem; none for a case that does not load). */
gboolean   dossier_library_store_put_case      (DossierLibraryStore          *self,
                                                const DossierLibraryCaseInfo *info,
                                                GPtrArray                    *items,
                                                GError                      **error);
gboolean   dossier_library_store_remove_case   (DossierLibraryStore          *self,
                                                const char                   *path,
                                                GError                      **error);
/* Of DossierLibraryCaseInfo, by path. */
GPtrArray *dossier_library_store_list_cases    (DossierLibraryStore          *self,
                                                GError                      **error);

/**
 * dossier_library_store_search:
 * @self: a store
 * @query: a parsed query (docs/search.md)
 * @max_results: at most this many; 0 for all
 * @error: a %DOSSIER_LIBRARY_ERROR
 *
 * Every item of every case that @query finds: exactly the items that
 * in-case search finds in each case. Ordered by case file, then in the
 * case's chronology, undated items last in the order of the file.
 *
 * Returns: (transfer container) (element-type DossierLibraryHit): the
 *   hits, or %NULL and @error.
 */
GPtrArray *dossier_library_store_search        (DossierLibraryStore          *self,
                                                DossierSearchQuery           *query,
                                                guint                         max_results,
                                                GError                      **error);

/**
 * dossier_library_store_begin_batch:
 * @self: a store
 * @error: a %DOSSIER_LIBRARY_ERROR
 *
 * Lets the store group the writes that follow (put, touch, remove a
 * case) into fewer, larger transactions, as an update of many files
 * wants; it commits them at least every so many cases or so many
 * milliseconds (the SQLite store: 1,000 cases or 1 s). A crash loses
 * only the writes not yet committed, and a write that fails undoes only
 * itself; a store may make its writes on a thread of its own (the SQLite
 * store does), so a write's error may come from a later call or from
 * dossier_library_store_end_batch(). Searches on the same store see
 * every write at once; other connections see them when committed. A
 * store without batches ignores it.
 *
 * Returns: %TRUE, or %FALSE and @error.
 */
gboolean   dossier_library_store_begin_batch   (DossierLibraryStore          *self,
                                                GError                      **error);
/* Commits what a batch still holds and ends it. */
gboolean   dossier_library_store_end_batch     (DossierLibraryStore          *self,
                                                GError                      **error);

/* TRUE when this user may search the library but not change it (a
 * team library's read-only role); a store without roles: FALSE. */
gboolean   dossier_library_store_is_read_only  (DossierLibraryStore          *self);

/* TRUE when other computers index into the same library (a team
 * library): folders and files that are not on this computer may be
 * theirs, and an update here leaves their cases alone. */
gboolean   dossier_library_store_is_shared     (DossierLibraryStore          *self);

/**
 * dossier_library_store_get_case_file:
 * @self: a store
 * @path: a case's path, as the library lists it
 * @out_sha256: (out) (optional) (transfer full): the bytes' SHA-256, hex
 * @error: %DOSSIER_LIBRARY_ERROR_NOT_FOUND when the store keeps no file
 *   for @path (a desktop library keeps none: the file is on the disk),
 *   or another %DOSSIER_LIBRARY_ERROR
 *
 * The bytes of the case file as the library indexed them, checked
 * against their SHA-256: a team library keeps them so that a case found
 * on another machine opens here.
 *
 * Returns: (transfer full): the bytes, or %NULL and @error.
 */
GBytes    *dossier_library_store_get_case_file (DossierLibraryStore          *self,
                                                const char                   *path,
                                                char                        **out_sha256,
                                                GError                      **error);

G_END_DECLS
