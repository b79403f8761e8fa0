/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* `dossier --validate FILE...`: loads each file, prints its warnings and
 * errors to @err as `FILE:LINE:COLUMN: severity: MESSAGE`, and a one-line
 * verdict per file to @out. Returns 0 when every file opens, 1 when any is
 * refused. Needs no display. */
int dossier_validate_command (const char * const *paths,
                              FILE               *out,
                              FILE               *err);

G_END_DECLS
