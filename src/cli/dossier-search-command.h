/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * dossier_search_command:
 * @query: the query, in the language of docs/search.md
 * @paths: (array zero-terminated=1): case files
 * @out: where hits go
 * @err: where errors go
 *
 * `dossier --search=QUERY FILE...`: loads each file, runs @query and
 * prints every hit, best first, one a line:
 *
 *     FILE: SECTION ID: snippet
 *
 * (`FILE: SECTION: snippet` for items without an id or index; an index
 * is written `#N`, counting from 1). Matched words are marked in bold
 * when @out is a terminal and NO_COLOR is not set, else between `[[` and
 * `]]`. A bad query or a refused file is reported on @err with the
 * loader's messages.
 *
 * Returns: as grep: 0 when something was found, 1 when nothing was, 2
 *   on an error (bad or empty query, a file refused).
 */
int dossier_search_command (const char         *query,
                            const char * const *paths,
                            FILE               *out,
                            FILE               *err);

G_END_DECLS
