/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Going to an item in a view (a search hit, the place of a citation):
 * scroll it into sight, give it the focus, flash it, and mark the words
 * searched for in it.
 */

/* How long a revealed item stays highlighted. */
#define DOSSIER_HIGHLIGHT_MSEC 1500
/* Frames (a second) to wait for a view still being built and laid out. */
#define DOSSIER_REVEAL_MAX_FRAMES 60

/* Adds the "highlighted" style class to @widget for
 * DOSSIER_HIGHLIGHT_MSEC. */
void       dossier_widget_flash        (GtkWidget *widget);

/* TRUE when @widget is mapped and stands in the part of its scrolled
 * window in sight: its top, and its bottom too unless it is taller than
 * that part. */
gboolean   dossier_widget_is_in_sight  (GtkWidget *widget);

/* Gives @widget (or its first focusable child) the keyboard focus, and
 * selects nothing on the way: a selectable label selects all its text
 * when it takes the focus, which a reveal must not do. */
void       dossier_widget_focus_quietly (GtkWidget *widget);

/* Once @widget is laid out (its tab may not be shown or built yet),
 * scrolls it near the top of its scrolled window, gives it the focus
 * and flashes @highlight (nullable: @widget itself). */
void       dossier_widget_reveal       (GtkWidget *widget,
                                        GtkWidget *highlight);

/* When an item of @view is next highlighted (a reveal after a search),
 * marks every occurrence of @terms (the matched words, as the text
 * writes them) in the labels of that item, for a few seconds. Gives up
 * after about two seconds of frames if nothing is highlighted. */
void       dossier_widget_mark_terms_when_revealed (GtkWidget          *view,
                                                    const char * const *terms);

G_END_DECLS
