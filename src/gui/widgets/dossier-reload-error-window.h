/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows, in a modal window over @parent, every problem of @error, why
 * the changed @file could not be shown (the last good version stays). */
void dossier_reload_error_window_present (GtkWindow    *parent,
                                          GFile        *file,
                                          const GError *error);

G_END_DECLS
