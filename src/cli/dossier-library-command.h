/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * DossierLibraryCommand:
 * @db_path: (nullable): --library-db, else the default library
 * @add: (nullable) (array zero-terminated=1): --library-add folders
 * @search: (nullable): the query of --search without a file (or of
 *   its alias --library-search)
 * @list: --library-list
 * @remove: (nullable) (array zero-terminated=1): --library-remove
 *   folders
 *
 * What the library options asked for. Every run brings the library up
 * to date first (a quick check of times and sizes; --library-update
 * asks for that alone).
 */
typedef struct
{
  const char         *db_path;
  const char * const *add;
  const char         *search;
  gboolean            list;
  const char * const *remove;
  gboolean            init;
} DossierLibraryCommand;

/**
 * dossier_library_command:
 * @command: the options
 * @out: where hits and cases go
 * @err: where messages go
 *
 * Opens the library, adds and removes folders, updates it (with a
 * progress line on standard error when that is a terminal), then lists
 * its cases
 * (one a line: `FILE: TITLE (STATUS; COUNTS)`, or `FILE:LINE: PROBLEM`
 * for a case that does not load) or prints what the query finds in
 * every case, one hit a line as --search does: `FILE: SECTION ID:
 * snippet`.
 *
 * Returns: as grep: 0 when something was found (or all went well), 1
 *   when a search found nothing, 2 on an error.
 */
int dossier_library_command (const DossierLibraryCommand *command,
                             FILE                        *out,
                             FILE                        *err);

G_END_DECLS
