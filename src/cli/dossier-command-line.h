/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --validate, --search, --export and their companions to @app. */
void dossier_command_line_add_options (GApplication *app);

/* Runs the command-line modes that need no display. Returns an exit
 * status (>= 0) when the options asked for one of them, or -1 when the
 * application should go on and open windows. */
int  dossier_command_line_handle      (GVariantDict *options);

G_END_DECLS
