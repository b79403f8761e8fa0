/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * DossierSafeWriterFlags:
 * @DOSSIER_SAFE_WRITER_NONE: refuse to replace an existing file.
 * @DOSSIER_SAFE_WRITER_REPLACE: the user agreed to replace an existing
 *   regular file.
 */
typedef enum
{
  DOSSIER_SAFE_WRITER_NONE    = 0,
  DOSSIER_SAFE_WRITER_REPLACE = 1 << 0,
} DossierSafeWriterFlags;

/**
 * DossierSafeWriter:
 *
 * Writes an export the careful way (hostile inputs, item 16): the bytes go
 * to a new temporary file created with O_EXCL in the target's folder,
 * which is flushed to disk and then renamed over the target. The target
 * may not be the protected file (the case being exported; compared by
 * path and by device and inode), may not be a symbolic link (never
 * written through) and may not exist unless %DOSSIER_SAFE_WRITER_REPLACE
 * is given. Whatever fails, the temporary file is removed; freeing a
 * writer that was not committed removes it too.
 *
 * Errors are G_IO_ERROR: EXISTS ("FILE already exists; use --force to
 * replace it"), IS_DIRECTORY or NOT_REGULAR_FILE, INVALID_ARGUMENT for the
 * case file itself and for a symbolic link, NOT_SUPPORTED for a non-local
 * target, and whatever the file system says.
 */
typedef struct _DossierSafeWriter DossierSafeWriter;

DossierSafeWriter *dossier_safe_writer_new           (GFile                   *target,
                                                      GFile                   *protected_file,
                                                      DossierSafeWriterFlags   flags,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
/* Where to write; owned by the writer. Do not close it. */
GOutputStream     *dossier_safe_writer_get_stream    (DossierSafeWriter       *self);
/* The temporary file, until commit. */
GFile             *dossier_safe_writer_get_temp_file (DossierSafeWriter       *self);
/* Closes, flushes to disk, checks the target again and renames. */
gboolean           dossier_safe_writer_commit        (DossierSafeWriter       *self,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
/* Removes the temporary file when not committed. */
void               dossier_safe_writer_free          (DossierSafeWriter       *self);

/* The whole dance for bytes already in memory. */
gboolean           dossier_safe_write_bytes          (GFile                   *target,
                                                      GFile                   *protected_file,
                                                      GBytes                  *bytes,
                                                      DossierSafeWriterFlags   flags,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSafeWriter, dossier_safe_writer_free)

G_END_DECLS
