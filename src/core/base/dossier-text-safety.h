/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What a case file may not do to the reader: open a link that is not
 * plainly a web page, or hide or reorder text with invisible controls. */

#include <glib.h>

G_BEGIN_DECLS

/* The link policy: TRUE only for an absolute http or https URI with a
 * host, no user-info, no control or white-space characters, at most 2048
 * bytes. Everything else is shown as text and never opened. */
gboolean  dossier_link_is_safe          (const char *href);

/* Text safe to show as a title, name or file name: drops bidi override
 * and isolate controls, zero-width characters and C0/C1 controls
 * (except that tabs and newlines become spaces). Returns a new string. */
char     *dossier_sanitize_display_text (const char *text);

G_END_DECLS
