/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks, over @parent, whether to open @uri in the web browser, naming
 * its host, and opens it only on "Open Link". @uri must pass
 * dossier_link_is_safe(); FALSE (and no dialog) when it has no host. */
gboolean dossier_link_dialog_present (GtkWindow  *parent,
                                      const char *uri);

G_END_DECLS
