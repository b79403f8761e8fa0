/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * dossier_library_snippet_parse:
 * @snippet: (nullable): a hit's snippet, its matched words between
 *   DOSSIER_LIBRARY_MARK_OPEN and DOSSIER_LIBRARY_MARK_CLOSE
 * @marks: (nullable) (element-type DossierSearchRange): where to append
 *   the byte ranges of the matched words in the returned text
 *
 * The snippet as text to show: without its marks, and each run of case
 * text between them made as safe as in-case search shows it (no bidi
 * overrides, invisible or control characters). A mark left open at the
 * end (a snippet cut short) closes there; empty marks are dropped.
 *
 * Returns: (transfer full): the text ("" for %NULL).
 */
char *dossier_library_snippet_parse (const char *snippet,
                                     GArray     *marks);

G_END_DECLS
