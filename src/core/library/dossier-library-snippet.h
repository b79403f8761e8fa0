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

/**
 * dossier_library_snippet_split_title:
 * @title: (nullable): the item's title, as shown
 * @text: (inout): a parsed snippet (dossier_library_snippet_parse())
 * @marks: (element-type DossierSearchRange): its marks
 * @title_marks: (element-type DossierSearchRange): where the marks over
 *   the title go
 *
 * The library's snippet runs over the item's fields, the title first:
 * when @text starts with @title (then a space or its end), the title is
 * cut off it, the marks over the title go to @title_marks and the rest
 * move with the text, so a reader does not read the title twice and
 * still sees its matched words.
 */
void  dossier_library_snippet_split_title (const char  *title,
                                           char       **text,
                                           GArray      *marks,
                                           GArray      *title_marks);

G_END_DECLS
