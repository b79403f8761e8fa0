/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the user keeps the library, in the GSettings key
 * `library-location`: a PostgreSQL connection string (a team library)
 * or "" for the file on this computer. Without the schema installed
 * (a build run from its folder) nothing is remembered. */

/* The saved location, or NULL for this computer's file. */
char     *dossier_library_setting_get (void);
/* Saves @location (NULL or "": this computer); FALSE without the schema. */
gboolean  dossier_library_setting_set (const char *location);

G_END_DECLS
