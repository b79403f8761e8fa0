/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the loader, the checker, the validate command and the tests
 * inside src/core only. */

#include <gio/gio.h>

#include "dossier-error.h"
#include "dossier-loader.h"

G_BEGIN_DECLS

/* Problems past this many are counted, not kept. */
#define DOSSIER_LOADER_MAX_KEPT_PROBLEMS 1000
/* Text of one element, and one attribute value. */
#define DOSSIER_LOADER_MAX_TEXT          (1024u * 1024u)
#define DOSSIER_LOADER_MAX_ATTRIBUTES    32
#define DOSSIER_LOADER_MAX_INLINE_DEPTH  32
/* Elements nested, counting foreign ones (libxml2's limit for its pull
 * parser; its push parser has none). */
#define DOSSIER_LOADER_MAX_DEPTH         256

/* One reason a file is refused. */
typedef struct
{
  DossierCaseError  code;
  guint             line;
  guint             column;
  char             *message;
} DossierLoadProblem;

/* Every problem found while loading one file. */
typedef struct
{
  GPtrArray *kept;      /* of DossierLoadProblem */
  guint      n_total;
} DossierLoadProblems;

void                 dossier_load_problems_init   (DossierLoadProblems *problems);
void                 dossier_load_problems_clear  (DossierLoadProblems *problems);
void                 dossier_load_problems_add    (DossierLoadProblems *problems,
                                                   DossierCaseError     code,
                                                   guint                line,
                                                   guint                column,
                                                   const char          *format,
                                                   ...) G_GNUC_PRINTF (5, 6);
/* TRUE when no more problems are kept, so callers can skip formatting. */
gboolean             dossier_load_problems_full   (DossierLoadProblems *problems);

/* "FILE:LINE:COLUMN: SEVERITY: MESSAGE", leaving out COLUMN when 0 and
 * LINE when 0. */
char                *dossier_loader_format_line   (const char          *filename,
                                                   guint                line,
                                                   guint                column,
                                                   const char          *severity,
                                                   const char          *message);

/**
 * dossier_loader_load:
 * @file: (nullable): the file to read, or NULL with @bytes
 * @bytes: (nullable): the bytes, or NULL with @file
 * @display_name: (nullable): names the file in messages; when NULL, the
 *   path of @file
 * @base_dir: (nullable): where image paths resolve; for @file, its folder
 *   when NULL
 * @n_problems: (out) (optional): how many problems refused the file
 *
 * What every public load function runs.
 */
DossierCase         *dossier_loader_load          (GFile                   *file,
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
