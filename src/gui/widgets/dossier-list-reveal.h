/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * DossierListReveal: going to an item of a GtkListView. The list view
 * recycles its rows, binding them to other items as it scrolls, so the
 * highlight belongs to the item: a row carries it while it is bound to
 * the highlighted item, and only then.
 *
 * The view's list item factory reports its rows with
 * dossier_list_reveal_bind() and dossier_list_reveal_unbind(); the row is
 * the widget that takes the "highlighted" style class.
 */
typedef struct _DossierListReveal DossierListReveal;

DossierListReveal *dossier_list_reveal_new    (GtkListView       *list_view);
void               dossier_list_reveal_free   (DossierListReveal *self);

void               dossier_list_reveal_bind   (DossierListReveal *self,
                                               GtkWidget         *row,
                                               gpointer           item);
/* Also for a row torn down: forgetting a row twice is fine. */
void               dossier_list_reveal_unbind (DossierListReveal *self,
                                               GtkWidget         *row);

/* Once the list is shown and laid out, scrolls until the item at
 * @position of the list's model is in sight, then highlights it for a
 * moment and gives its row the focus. */
void               dossier_list_reveal_start  (DossierListReveal *self,
                                               guint              position);
/* Stops a reveal under way and takes the highlight away. */
void               dossier_list_reveal_stop   (DossierListReveal *self);

/* Called with the item when its highlight starts and with NULL when it
 * ends, so a view can show the same moment elsewhere (the timeline's
 * chart). */
typedef void (*DossierListRevealHighlightFunc) (gpointer item,
                                                gpointer user_data);
void               dossier_list_reveal_set_highlight_func (DossierListReveal              *self,
                                                           DossierListRevealHighlightFunc  func,
                                                           gpointer                        user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierListReveal, dossier_list_reveal_free)

G_END_DECLS
