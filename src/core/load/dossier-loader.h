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

/**
 * dossier_case_read_file:
 * @file: a file
 * @display_name: (nullable): names the file in messages; when NULL, its path
 * @cancellable: (nullable)
 * @error: a DOSSIER_CASE_ERROR as from dossier_case_load()
 *
 * Reads @file under the rules dossier_case_load() reads by (a regular
 * file only, symbolic links only to one, at most the size cap), for a
 * caller that looks at the bytes before it chooses how to read them; it
 * then gives them to dossier_case_load_full() with @file, so the case
 * still knows its file. Blocking.
 *
 * Returns: (transfer full): the bytes, or NULL and @error.
 */
GBytes      *dossier_case_read_file   (GFile                    *file,
                                       const char               *display_name,
                                       GCancellable             *cancellable,
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

/**
 * dossier_case_load_full:
 * @file: (nullable): the file to read, or NULL with @bytes; with @bytes,
 *   the file they were read from (the case's file), not read again
 * @bytes: (nullable): the bytes, or NULL with @file
 * @display_name: (nullable): names the file in messages; when NULL, the
 *   path of @file
 * @base_dir: (nullable): where image paths resolve; for @file, its folder
 *   when NULL
 * @n_problems: (out) (optional): how many problems refused the file
 *   (more than the error lists when there are many)
 *
 * What every public load function runs; the validate command calls it
 * for the number of problems.
 */
DossierCase         *dossier_case_load_full       (GFile                   *file,
                                                   GBytes                  *bytes,
                                                   const char              *display_name,
                                                   GFile                   *base_dir,
                                                   GCancellable            *cancellable,
                                                   DossierLoadProgressFunc  progress,
                                                   gpointer                 progress_data,
                                                   guint                   *n_problems,
                                                   GError                 **error);

/* For tests only: a lower size cap, so the cap can be tested without
 * writing 512 MiB. 0 restores DOSSIER_CASE_MAX_FILE_SIZE. */
void                 dossier_loader_set_max_file_size_for_testing (gsize max_size);
gsize                dossier_loader_get_max_file_size              (void);

/* For benchmarks: time spent in each phase of the last load in this
 * thread, in microseconds. */
typedef struct
{
  gint64 read;
  gint64 prescan;
  gint64 parse;     /* SAX parse and building the model */
  gint64 check;     /* references, warnings, images */
  gint64 total;
} DossierLoadTimings;

void                 dossier_loader_get_last_timings (DossierLoadTimings *timings);

/* For benchmarks: a SAX pass over @data with no handlers doing any work,
 * under the same options as the loader. Returns FALSE when libxml2
 * reports an error. */
gboolean             dossier_loader_sax_only_pass (const char *data,
                                                   gsize       length);

G_END_DECLS
