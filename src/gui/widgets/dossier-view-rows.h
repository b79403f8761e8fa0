/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

/*
 * The small pieces the views build their pages from: headings, rows,
 * labels for case text, pills. Case text given here is plain text: it is
 * sanitized for display and never read as markup.
 */

/* A section's title ("Summary"), wrapping. */
GtkWidget  *dossier_heading_new        (const char       *text);
/* A heading inside a section ("Evidence For"), wrapping. */
GtkWidget  *dossier_subheading_new     (const char       *text);
/* An AdwActionRow with @title (the program's words) and case text as
 * subtitle (nullable). */
GtkWidget  *dossier_action_row_new     (const char       *title,
                                        const char       *subtitle);
/* A wrapping, selectable label for case text. */
GtkWidget  *dossier_text_label_new     (const char       *text);
/* "Published   19 December 2014": a dim key and case text beside it. */
GtkWidget  *dossier_fact_new           (const char       *key,
                                        const char       *value);
/* A small rounded word ("Threatens"), colored by @style_class (nullable),
 * read out as @accessible_label (nullable). */
GtkWidget  *dossier_pill_new           (const char       *text,
                                        const char       *style_class,
                                        const char       *accessible_label);
/* The color class of a certainty's pill: "success" for confirmed ... */
const char *dossier_certainty_style    (DossierCertainty  certainty);
/* @node as plain text to show ("" for NULL). */
char       *dossier_inline_to_display  (const DossierInline *node);
/* Drop-down items as ellipsized labels of the strings of a
 * GtkStringList; @max_width_chars -1 for no limit. */
GtkListItemFactory *dossier_ellipsized_factory_new (int max_width_chars);

void        dossier_box_remove_all      (GtkBox          *box);
void        dossier_list_box_remove_all (GtkListBox      *list_box);

G_END_DECLS
