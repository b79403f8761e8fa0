/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Copies of cases a team library keeps, for a user who does not have
 * the file: $XDG_CACHE_HOME/dossier/team-cases/SHA256/NAME, read-only. */

/* The cache folder (not made). */
char  *dossier_library_cache_dir  (void);

/**
 * dossier_library_cache_put:
 * @bytes: a case file's bytes, as dossier_library_store_get_case_file()
 *   gave them: checked there against @sha256 (hashing a large case
 *   takes a while: once is enough)
 * @sha256: their SHA-256, hex
 * @path: the case's path where it was indexed (its name is kept)
 * @error: a G_IO_ERROR; %G_IO_ERROR_INVALID_DATA when @sha256 is not one
 *
 * The cached copy of @bytes, written (read-only, atomically) unless a
 * copy with the same SHA-256 is already there and still has it (checked
 * each time).
 *
 * Returns: (transfer full): the copy, or %NULL and @error.
 */
GFile *dossier_library_cache_put  (GBytes      *bytes,
                                   const char  *sha256,
                                   const char  *path,
                                   GError     **error);

/* TRUE when @file is a copy in the cache (shown read-only). */
gboolean dossier_library_cache_holds (GFile *file);

G_END_DECLS
