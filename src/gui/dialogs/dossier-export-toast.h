/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * dossier_export_toast_new:
 * @parent: the window showing the toast
 * @file: the file just written
 *
 * The toast for "exported": "Exported “NAME”" with an "Open" button (the
 * file in its default application) and a "Show in Files" button (the file
 * manager's ShowItems over D-Bus, else the folder).
 */
AdwToast *dossier_export_toast_new     (GtkWindow *parent,
                                        GFile     *file);

/* The two things the toast offers, for other callers. */
void      dossier_export_open_file     (GtkWindow *parent,
                                        GFile     *file);
void      dossier_export_show_in_files (GtkWindow *parent,
                                        GFile     *file);

G_END_DECLS
