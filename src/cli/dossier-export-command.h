/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * dossier_export_command:
 * @path: the case file
 * @format: "markdown", "html", "text" or "pdf"
 * @output: (nullable): the file to write; NULL or "-" for @out
 * @sections: (nullable): a comma-separated list of sections
 *   (overview,entities,sources,breach,threat,reactions,release,timeline,
 *   notes or all); NULL for all
 * @notes: (nullable): "none", "all", "tag:TAG" or a search query; NULL
 *   for none
 * @force: replace @output when it exists
 * @out: where the export goes without @output (standard output)
 * @err: where messages go (standard error)
 *
 * `dossier --export=FORMAT [--output=FILE] [--sections=LIST]
 * [--notes=...] [--force] FILE`. Needs no display. Instants are shown in
 * UTC, the PDF paper follows the locale. A PDF goes to @out only when it
 * is not a terminal. The file is written through #DossierSafeWriter: never
 * the case file, never through a symbolic link, an existing file only
 * with @force.
 *
 * Returns: 0 on success, 1 when the case cannot be loaded or the export
 *   cannot be written, 2 for a usage error.
 */
int dossier_export_command (const char *path,
                            const char *format,
                            const char *output,
                            const char *sections,
                            const char *notes,
                            gboolean    force,
                            FILE       *out,
                            FILE       *err);

G_END_DECLS
