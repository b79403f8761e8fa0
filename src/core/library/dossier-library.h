/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-library-records.h"
#include "dossier-library-store.h"

G_BEGIN_DECLS

/**
 * DossierLibraryUpdate:
 * @n_files: case files found in the folders
 * @n_read: files read and indexed again (new or changed)
 * @n_unchanged: files whose time or size changed but not their content
 * @n_removed: cases dropped because their file is gone
 * @n_failed: files that do not load (listed with their first problem)
 *
 * What dossier_library_update() did.
 */
typedef struct
{
  guint n_files;
  guint n_read;
  guint n_unchanged;
  guint n_removed;
  guint n_failed;
} DossierLibraryUpdate;

/* Called after each file: @done of @total, the file's path. */
typedef void (*DossierLibraryProgressFunc) (guint       done,
                                            guint       total,
                                            const char *path,
                                            gpointer    user_data);

/* Whether a file of this name is a case file the library indexes
 * (`*.case.xml`). */
gboolean dossier_library_is_case_file_name (const char            *name);

/**
 * dossier_library_add_folder:
 * @store: a library
 * @path: a folder, as the user typed it
 * @error: %DOSSIER_LIBRARY_ERROR_NOT_A_FOLDER when it is not a folder
 *
 * Adds the folder (as an absolute path) to the library's list; its
 * cases are indexed by the next dossier_library_update().
 */
gboolean dossier_library_add_folder  (DossierLibraryStore        *store,
                                      const char                 *path,
                                      GError                    **error);

/**
 * dossier_library_remove_folder:
 * @store: a library
 * @path: one of its folders, as the user typed it
 * @error: %DOSSIER_LIBRARY_ERROR_NOT_IN_LIBRARY when it is not one of
 *   the library's folders, or a %DOSSIER_LIBRARY_ERROR of the store
 *
 * Takes the folder (as an absolute path, as dossier_library_add_folder()
 * stores it) off the library's list and drops its cases, except those
 * that are also under another folder of the library. The folder need
 * not exist any more. An entry that is a case file kept on its own (a
 * case opened in Dossier) is removed the same way, with its case.
 */
gboolean dossier_library_remove_folder (DossierLibraryStore      *store,
                                        const char               *path,
                                        GError                  **error);

/**
 * dossier_library_index_file:
 * @store: a library
 * @path: an absolute path to a case file
 * @out_read: (out) (optional): TRUE when the file was read and indexed
 *   again, FALSE when it had not changed
 * @error: a %DOSSIER_LIBRARY_ERROR when the store failed (a file that
 *   does not load is no error: it is stored with its first problem)
 *
 * Brings one case up to date: nothing when its size and time are those
 * stored; when they changed, its SHA-256 decides whether it is read
 * again. A file that changes while it is read is read again.
 */
gboolean dossier_library_index_file  (DossierLibraryStore        *store,
                                      const char                 *path,
                                      gboolean                   *out_read,
                                      GError                    **error);

/**
 * dossier_library_update:
 * @store: a library
 * @progress: (nullable): called after each file
 * @progress_data: for @progress
 * @out_update: (out) (optional): what was done
 * @cancellable: (nullable): checked between files
 * @error: a %DOSSIER_LIBRARY_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Walks every folder of the library for `*.case.xml`, indexes what is
 * new or changed (dossier_library_index_file()) and drops the cases
 * whose file is gone. Each case is one transaction: what was done
 * before an error or a crash stays done.
 */
gboolean dossier_library_update      (DossierLibraryStore        *store,
                                      DossierLibraryProgressFunc  progress,
                                      gpointer                    progress_data,
                                      DossierLibraryUpdate       *out_update,
                                      GCancellable               *cancellable,
                                      GError                    **error);

G_END_DECLS
