/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-library-client.h"

G_BEGIN_DECLS

/* Where the provider is exported, in every profile: the .ini file in
 * share/gnome-shell/search-providers/ names it. */
#define DOSSIER_SEARCH_PROVIDER_PATH "/io/github/dossier/Dossier/SearchProvider"

#define DOSSIER_TYPE_SEARCH_PROVIDER (dossier_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchProvider, dossier_search_provider, DOSSIER, SEARCH_PROVIDER, GObject)

/**
 * DossierSearchProvider:
 *
 * The case library in the GNOME Shell overview:
 * `org.gnome.Shell.SearchProvider2` on the application's own bus name.
 * Every method answers from the library client's worker threads, so the
 * main loop never waits; while a call is pending the application is
 * held, so a service started by D-Bus does not quit in the middle.
 *
 * A result id names a case file and an item in it; activating one
 * opens only a case file the library knows (app.open-at), and
 * LaunchSearch shows the Library with the terms (app.library-search).
 */

/* @application: (not owned) the application whose actions open results;
 * it outlives the provider. */
DossierSearchProvider *dossier_search_provider_new        (GApplication          *application,
                                                           DossierLibraryClient  *client);
gboolean               dossier_search_provider_register   (DossierSearchProvider *self,
                                                           GDBusConnection       *connection,
                                                           GError               **error);
void                   dossier_search_provider_unregister (DossierSearchProvider *self);

/* A result id for an item, and back: any path and item id, as text
 * that is safe to send over D-Bus. Decoding refuses anything an
 * encoding did not make. For the tests. */
char                  *dossier_search_provider_encode_id  (const char            *path,
                                                           DossierSection         section,
                                                           const char            *item_id,
                                                           int                    item_index);
gboolean               dossier_search_provider_decode_id  (const char            *id,
                                                           char                 **path,
                                                           DossierSection        *section,
                                                           char                 **item_id,
                                                           int                   *item_index);

G_END_DECLS
