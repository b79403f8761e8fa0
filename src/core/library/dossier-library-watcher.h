/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_WATCHER (dossier_library_watcher_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryWatcher, dossier_library_watcher, DOSSIER, LIBRARY_WATCHER, GObject)

/* How long changes must have settled before DossierLibraryWatcher::changed. */
#define DOSSIER_LIBRARY_WATCHER_DELAY_MS 300

/**
 * DossierLibraryWatcher:
 *
 * Watches the folders of a library, recursively, and says when a case
 * file in them may have changed, so that the library can be brought up
 * to date while the user works (the window's Library page stays live).
 *
 * It only watches; it never touches the library. The owner reacts to
 * #DossierLibraryWatcher::changed by running dossier_library_update(),
 * in a thread of its own (an update reads and indexes files), with the
 * store of its choice; a change that comes while that update runs asks
 * for one more update after it. An update checks every file's time and
 * size, so it finds whatever the signal was about, and a change the
 * watcher did not see (a folder on a network drive, more folders than
 * the system lets one watch) is found by the next update all the same.
 *
 * With a #DossierLibraryClient, which runs updates in a worker thread
 * and runs one more when asked while one runs, that is one line:
 *
 * |[<!-- language="C" -->
 * self->watcher = dossier_library_watcher_new ();
 * g_signal_connect_object (self->watcher, "changed",
 *                          G_CALLBACK (dossier_library_client_update), client,
 *                          G_CONNECT_SWAPPED);
 * // and with the folders of dossier_library_client_list_folders_finish(),
 * // again each time the client's "changed" may mean other folders:
 * dossier_library_watcher_set_folders (self->watcher, (const char * const *) folders);
 * ]|
 *
 * What it watches: every folder given and every folder below them (one
 * #GFileMonitor each, as the system's monitors are not recursive),
 * folders made later too, not following links to folders, as
 * dossier_library_update() does not. What counts as a change: a
 * `*.case.xml` file made, written, deleted, moved in or out, renamed
 * to or from that name, or its attributes changed; a folder made,
 * deleted or moved. Other files (an editor's backup or swap file) are
 * no change. Changes are gathered until none has come for
 * %DOSSIER_LIBRARY_WATCHER_DELAY_MS (or at most ten times as long
 * while they keep coming), then the signal is emitted once.
 *
 * An entry of the library's list that is a case file kept on its own
 * (a case opened in Dossier) is watched as that one file. A folder that
 * does not exist when it is given is not watched; give
 * the folders again (dossier_library_watcher_set_folders()) when the
 * library's list changes. Use it from the thread that made it: its
 * signal comes in that thread's thread-default main context.
 */

/**
 * DossierLibraryWatcher::changed:
 * @self: the watcher
 *
 * Case files in the watched folders changed, and the changes have
 * settled: time for dossier_library_update().
 */

DossierLibraryWatcher *dossier_library_watcher_new         (void);

/* Watches @folders (absolute paths, as the library lists them) and what
 * lies below them, instead of what was watched before. */
void                   dossier_library_watcher_set_folders (DossierLibraryWatcher *self,
                                                            const char * const    *folders);
/* How many folders (and case files kept on their own) are watched now:
 * the given ones that exist and every folder below them. */
guint                  dossier_library_watcher_get_n_watched (DossierLibraryWatcher *self);

G_END_DECLS
