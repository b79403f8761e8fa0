/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dossier-case.h"

G_BEGIN_DECLS

/* What the fuzz targets check beyond "no crash". Every check that fails
 * prints what it saw and calls abort(), which libFuzzer records as a
 * crash with its input. */

/* Common set-up: a fixed locale, every GLib warning and critical fatal. */
void fuzz_oracle_init            (void);

G_NORETURN void fuzz_oracle_fail (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);

/* @text, as a label would show it: valid UTF-8 and, escaped with
 * g_markup_escape_text(), accepted by pango_parse_markup(). NULL passes. */
void fuzz_oracle_check_label     (const char *what,
                                  const char *text);

/* A title, name or suggested file name: also free of bidi controls,
 * zero-width and C0/C1 control characters. */
void fuzz_oracle_check_display   (const char *what,
                                  const char *text);

/* Every piece of a loaded case the window puts in a label. */
void fuzz_oracle_check_case      (DossierCase *dcase);

/* A refused load: a DOSSIER_CASE_ERROR with a showable message. */
void fuzz_oracle_check_load_error (const GError *error);

/* An HTML export: no script, no event attribute, no href or src that is
 * not http, https (passing dossier_link_is_safe()) or a #fragment, and
 * the Content-Security-Policy meta tag. */
void fuzz_oracle_check_html      (const char *html,
                                  gsize       length);

/* A Markdown export: no raw HTML but the exporter's own empty anchors,
 * and no link destination but http, https and #fragments. */
void fuzz_oracle_check_markdown  (const char *markdown,
                                  gsize       length);

G_END_DECLS
