/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The tabs of a case window, in the order of Alt+1 .. Alt+8. Each is a
 * DossierView that knows its own name, title and icon; this is the one
 * place that lists them. */
#define DOSSIER_N_VIEWS 8

GType               dossier_views_get_type_at (guint index);
/* Their names ("overview", "breach", ...: the names of --view and of
 * "win.view"), NULL-terminated. */
const char * const *dossier_views_get_names   (void);

G_END_DECLS
