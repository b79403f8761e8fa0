/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_VIEW (dossier_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, DOSSIER, TIMELINE_VIEW, GtkWidget)

/* A tab of the window; implements DossierView. */

GtkWidget   *dossier_timeline_view_new      (void);

/* Off by default: the notes' creation dates among the other dates. */
void         dossier_timeline_view_set_include_notes (DossierTimelineView *self,
                                                      gboolean             include_notes);
gboolean     dossier_timeline_view_get_include_notes (DossierTimelineView *self);

/* The rows as shown, oldest first, with a heading row (kind NULL, date
 * NULL, title the year) before each year: for tests and for callers that
 * need the merged order. Strings belong to the view. */
guint        dossier_timeline_view_get_n_rows        (DossierTimelineView *self);
gboolean     dossier_timeline_view_get_row           (DossierTimelineView  *self,
                                                      guint                 position,
                                                      const DossierDate   **date,
                                                      const char          **date_text,
                                                      const char          **kind,
                                                      const char          **title);
/* What activating row @position hands to "win.show-place": a "(ssi)"
 * of the section name, the item id ("" when none) and the item index (-1
 * when none); NULL for a heading. */
GVariant    *dossier_timeline_view_get_row_target    (DossierTimelineView *self,
                                                      guint                position);

G_END_DECLS
