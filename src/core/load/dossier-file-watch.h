/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILE_WATCH (dossier_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (DossierFileWatch, dossier_file_watch, DOSSIER, FILE_WATCH, GObject)

/**
 * DossierFileWatch:
 *
 * Watches one case file and says, once it has been quiet for a moment,
 * that it changed: editors write in bursts and save by renaming, so a
 * change is written, made, renamed, moved in or deleted, and the
 * `changed` signal comes @delay_ms after the last of a burst.
 *
 * Watching the same file again keeps the monitor it has: a new one would
 * drop the events still on their way to the old one, and an editor that
 * saves again while the last save is being read would never be noticed.
 */

DossierFileWatch *dossier_file_watch_new      (guint             delay_ms);
/* Watches @file instead (NULL: nothing). */
void              dossier_file_watch_set_file (DossierFileWatch *self,
                                               GFile            *file);

G_END_DECLS
