/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library-client.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY_PROBLEM_BAR (dossier_library_problem_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierLibraryProblemBar, dossier_library_problem_bar, DOSSIER, LIBRARY_PROBLEM_BAR, GtkWidget)

/*
 * DossierLibraryProblemBar: a bar across the top of what shows the
 * library (the Library page, "Search All Cases") that says what keeps
 * the library from answering (dossier_library_client_get_problem(): a
 * team library's server that cannot be reached, and when the client
 * tries again). It slides in when the problem comes and out when it
 * goes; nothing waits for it.
 */
GtkWidget  *dossier_library_problem_bar_new         (void);
/* The client whose problem shows (NULL: none). */
void        dossier_library_problem_bar_set_client  (DossierLibraryProblemBar *self,
                                                     DossierLibraryClient     *client);
/* The message shown, or NULL while the bar is hidden. */
const char *dossier_library_problem_bar_get_message (DossierLibraryProblemBar *self);

G_END_DECLS
