/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-case.h"
#include "dossier-error.h"

G_BEGIN_DECLS

/* Files larger than this are refused before a byte is parsed. */
#define DOSSIER_CASE_MAX_FILE_SIZE   (512u * 1024u * 1024u)
/* At most this many problems are listed in one error. */
#define DOSSIER_CASE_MAX_PROBLEMS    50

/* Called from the loading thread with a fraction in [0, 1]. */
typedef void (*DossierLoadProgressFunc) (double   fraction,
                                         gpointer user_data);

/**
 * dossier_case_load:
 * @file: a case file
 * @cancellable: (nullable)
 * @progress: (nullable): called from this thread as loading advances
 * @progress_data: for @progress
 * @error: a DOSSIER_CASE_ERROR whose message lists every problem, one
 *   `FILE:LINE:COLUMN: error: MESSAGE` a line, up to
 *   DOSSIER_CASE_MAX_PROBLEMS.
 *
 * Reads, parses and checks a case file under the rules of the hostile
 * inputs page: a regular file only, capped in size, no DTD, no entities,
 * nothing fetched. Blocking; call it from a worker thread in a UI.
 *
 * Returns: (transfer full): the whole case, or NULL and @error.
 */
DossierCase *dossier_case_load        (GFile                    *file,
                                       GCancellable             *cancellable,
                                       DossierLoadProgressFunc   progress,
                                       gpointer                  progress_data,
                                       GError                  **error);

/* The same, naming the file @display_name in messages (the path as the
 * user typed it, for the command line). */
DossierCase *dossier_case_load_with_name (GFile                    *file,
                                          const char               *display_name,
                                          GCancellable             *cancellable,
                                          DossierLoadProgressFunc   progress,
                                          gpointer                  progress_data,
                                          GError                  **error);

/* The same from bytes in memory; @display_name names the file in
 * messages; @base_dir (nullable) is the folder image paths resolve in
 * (no images load without it). */
DossierCase *dossier_case_load_bytes  (GBytes                   *bytes,
                                       const char               *display_name,
                                       GFile                    *base_dir,
                                       GCancellable             *cancellable,
                                       DossierLoadProgressFunc   progress,
                                       gpointer                  progress_data,
                                       GError                  **error);

/* Runs dossier_case_load() in a GTask thread; @progress is called in the
 * thread-default main context of the caller. */
void         dossier_case_load_async  (GFile                    *file,
                                       GCancellable             *cancellable,
                                       DossierLoadProgressFunc   progress,
                                       gpointer                  progress_data,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
DossierCase *dossier_case_load_finish (GAsyncResult             *result,
                                       GError                  **error);

G_END_DECLS
