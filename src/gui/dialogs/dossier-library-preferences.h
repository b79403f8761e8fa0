/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-library-client.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_PREFERENCES (dossier_library_preferences_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryPreferences, dossier_library_preferences, DOSSIER, LIBRARY_PREFERENCES, AdwPreferencesWindow)

/*
 * DossierLibraryPreferences: where the library is. "On This Computer"
 * (the SQLite file, its path shown) or "On a Server" (a team library on
 * PostgreSQL, by a connection string). A choice is applied at once, a
 * connection string when applied (its row's button or Enter): it is
 * saved in the `library-location` setting and @client moves to that
 * library, so every view of it shows the new one. A string that holds a
 * password is refused with a message: Dossier never keeps one.
 */
DossierLibraryPreferences *dossier_library_preferences_new       (GtkWindow            *parent,
                                                                  DossierLibraryClient *client);
/* Why the connection string typed was refused, or NULL. */
const char                *dossier_library_preferences_get_error (DossierLibraryPreferences *self);

G_END_DECLS
