/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTES_VIEW (dossier_notes_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierNotesView, dossier_notes_view, DOSSIER, NOTES_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_notes_view_new      (void);

/* The filter field and the tag chips, for the search and for tests.
 * Filtering runs in steps off the typing path: get_n_visible() is final
 * once is_filtering() is FALSE. */
void         dossier_notes_view_set_filter_text (DossierNotesView *self,
                                                 const char       *text);
const char  *dossier_notes_view_get_filter_text (DossierNotesView *self);
/* NULL shows every tag. */
void         dossier_notes_view_set_tag         (DossierNotesView *self,
                                                 const char       *tag);
const char  *dossier_notes_view_get_tag         (DossierNotesView *self);
guint        dossier_notes_view_get_n_visible   (DossierNotesView *self);
gboolean     dossier_notes_view_is_filtering    (DossierNotesView *self);
/* The note in the reading pane, or NULL. */
DossierNote *dossier_notes_view_get_shown_note  (DossierNotesView *self);

G_END_DECLS
