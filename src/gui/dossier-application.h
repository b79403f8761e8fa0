/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_APPLICATION (dossier_application_get_type ())
G_DECLARE_FINAL_TYPE (DossierApplication, dossier_application, DOSSIER, APPLICATION, AdwApplication)

DossierApplication *dossier_application_new (void);

/* Shows @file: raises the window that already shows it, or loads it into
 * @from when that window shows nothing yet, or into a new window. Opens
 * at @view_name (nullable) when given. Returns the window. */
GtkWindow *dossier_application_open_file (DossierApplication *self,
                                          GFile              *file,
                                          GtkWindow          *from,
                                          const char         *view_name);

G_END_DECLS
