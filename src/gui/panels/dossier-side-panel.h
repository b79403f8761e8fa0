/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIDE_PANEL (dossier_side_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSidePanel, dossier_side_panel, DOSSIER, SIDE_PANEL, GtkWidget)

/*
 * DossierSidePanel: what the source panel and the entity panel share: a
 * header with the panel's title and a button that closes it
 * (win.close-panel), and under it a scrolled column of facts the panel
 * fills, ending with the places that cite or mention what it shows.
 */

GtkWidget  *dossier_side_panel_new            (void);
void        dossier_side_panel_set_title      (DossierSidePanel *self,
                                               const char       *title);
const char *dossier_side_panel_get_title      (DossierSidePanel *self);

/* Empties the column. */
void        dossier_side_panel_clear          (DossierSidePanel *self);
void        dossier_side_panel_append         (DossierSidePanel *self,
                                               GtkWidget        *child);
/* A small dimmed heading, above the name: "Organization", "Article". */
void        dossier_side_panel_append_kind    (DossierSidePanel *self,
                                               const char       *kind);
/* A heading over what follows: "Excerpt". */
void        dossier_side_panel_append_heading (DossierSidePanel *self,
                                               const char       *heading);
/* @key over @value (selectable, wrapped); returns the box holding them,
 * for more below the value. */
GtkWidget  *dossier_side_panel_append_fact    (DossierSidePanel *self,
                                               const char       *key,
                                               const char       *value);
/* @heading, then one button per DossierPlace of @places (they go there),
 * in a box with the style class @css_class. */
void        dossier_side_panel_append_places  (DossierSidePanel *self,
                                               DossierCase      *dcase,
                                               const char       *heading,
                                               GPtrArray        *places,
                                               const char       *css_class);
/* Back to the top of the column, for what was just shown. */
void        dossier_side_panel_scroll_to_top  (DossierSidePanel *self);

G_END_DECLS
