/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-case.h"
#include "dossier-loader.h"

G_BEGIN_DECLS

/**
 * DossierCaseFileKind:
 * @DOSSIER_CASE_FILE_XML: a case file (or anything else: the loader says
 *   what is wrong with it)
 * @DOSSIER_CASE_FILE_STIX: JSON, read as a STIX 2.1 bundle
 *
 * What a file holds, told from its bytes, never from its name.
 */
typedef enum
{
  DOSSIER_CASE_FILE_XML,
  DOSSIER_CASE_FILE_STIX,
} DossierCaseFileKind;

/* JSON when the first byte after a UTF-8 byte order mark and white space
 * is "{"; else XML. */
DossierCaseFileKind dossier_case_file_sniff (const char *data,
                                             gsize       size);

/**
 * dossier_case_open_file:
 * @file: a case file or a STIX 2.1 bundle
 * @display_name: (nullable): names the file in messages; when NULL, its path
 * @cancellable: (nullable)
 * @progress: (nullable): called from this thread as opening advances
 * @progress_data: for @progress
 * @n_problems: (out) (optional): how many problems refused the file
 * @error: a DOSSIER_CASE_ERROR: as from dossier_case_load() for a case
 *   file; DOSSIER_CASE_ERROR_INVALID_BUNDLE for a bundle that cannot be
 *   read, its message `FILE:LINE:COLUMN: error: ...` for broken JSON
 *
 * What opens a file everywhere a file opens (the window, the command
 * line): reads it once under the loader's rules, looks at its first
 * bytes, and loads a case file or reads a bundle as a case. A bundle
 * with several reports shows the first; a warning on the case names the
 * others. Blocking.
 *
 * Returns: (transfer full): the whole case, or NULL and @error.
 */
DossierCase *dossier_case_open_file        (GFile                    *file,
                                            const char               *display_name,
                                            GCancellable             *cancellable,
                                            DossierLoadProgressFunc   progress,
                                            gpointer                  progress_data,
                                            guint                    *n_problems,
                                            GError                  **error);

/* Runs dossier_case_open_file() in a GTask thread; @progress is called in
 * the thread-default main context of the caller, as for
 * dossier_case_load_async(). */
void         dossier_case_open_file_async  (GFile                    *file,
                                            GCancellable             *cancellable,
                                            DossierLoadProgressFunc   progress,
                                            gpointer                  progress_data,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
DossierCase *dossier_case_open_file_finish (GAsyncResult             *result,
                                            GError                  **error);

G_END_DECLS
