/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-list-reveal.h"

#include "dossier-reveal.h"

struct _DossierListReveal
{
  GtkListView *list_view;      /* borrowed: the view owns both */
  GHashTable  *bound_rows;     /* row widget -> its item, for the rows bound now */
  GObject     *highlight_item;
  guint        highlight_id;
  DossierListRevealHighlightFunc highlight_func;
  gpointer     highlight_data;

  guint        position;
  guint        tick_id;
  guint        frames;
};

static void
apply_highlight (DossierListReveal *self,
                 GtkWidget         *row,
                 gpointer           item)
{
  if (item != NULL && item == (gpointer) self->highlight_item)
    gtk_widget_add_css_class (row, "highlighted");
  else
    gtk_widget_remove_css_class (row, "highlighted");
}

static void
clear_highlight (DossierListReveal *self)
{
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->highlight_id, g_source_remove);
  if (self->highlight_item != NULL && self->highlight_func != NULL)
    self->highlight_func (NULL, self->highlight_data);
  g_clear_object (&self->highlight_item);

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    gtk_widget_remove_css_class (row, "highlighted");
}

static gboolean
highlight_timeout_cb (gpointer user_data)
{
  DossierListReveal *self = user_data;

  self->highlight_id = 0;
  clear_highlight (self);

  return G_SOURCE_REMOVE;
}

static void
start_highlight (DossierListReveal *self,
                 GObject           *item)
{
  GHashTableIter iter;
  gpointer row, row_item;

  clear_highlight (self);
  self->highlight_item = g_object_ref (item);

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, &row_item))
    apply_highlight (self, row, row_item);
  if (self->highlight_func != NULL)
    self->highlight_func (item, self->highlight_data);

  self->highlight_id = g_timeout_add (DOSSIER_HIGHLIGHT_MSEC, highlight_timeout_cb, self);
}

static GtkWidget *
find_bound_row (DossierListReveal *self,
                gpointer           item)
{
  GHashTableIter iter;
  gpointer row, row_item;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, &row_item))
    if (row_item == item)
      return row;

  return NULL;
}

/* The list's own child that holds @row: the one that takes the focus. */
static GtkWidget *
list_item_widget (DossierListReveal *self,
                  GtkWidget         *row)
{
  GtkWidget *widget = row;

  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (self->list_view))
    widget = gtk_widget_get_parent (widget);

  return widget != NULL ? widget : row;
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DossierListReveal *self = user_data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));
  g_autoptr(GObject) item = NULL;
  GtkWidget *row;
  gboolean in_sight;

  if (model == NULL || self->position >= g_list_model_get_n_items (model))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  item = g_list_model_get_item (model, self->position);
  row = find_bound_row (self, item);
  in_sight = row != NULL && dossier_widget_is_in_sight (row);

  /* GTK 4.8 has no gtk_list_view_scroll_to(); the list's own action does
   * the same, once the list knows where its rows stand: ask again every
   * frame until the row is bound and in sight. */
  if (!in_sight && ++self->frames < DOSSIER_REVEAL_MAX_FRAMES)
    {
      if (gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0)
        gtk_widget_activate_action (widget, "list.scroll-to-item", "u", self->position);
      return G_SOURCE_CONTINUE;
    }

  self->tick_id = 0;
  start_highlight (self, item);
  if (in_sight)
    dossier_widget_focus_quietly (list_item_widget (self, row));

  return G_SOURCE_REMOVE;
}

DossierListReveal *
dossier_list_reveal_new (GtkListView *list_view)
{
  DossierListReveal *self;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), NULL);

  self = g_new0 (DossierListReveal, 1);
  self->list_view = list_view;
  self->bound_rows = g_hash_table_new (NULL, NULL);

  return self;
}

void
dossier_list_reveal_free (DossierListReveal *self)
{
  if (self == NULL)
    return;

  dossier_list_reveal_stop (self);
  g_hash_table_unref (self->bound_rows);
  g_free (self);
}

void
dossier_list_reveal_bind (DossierListReveal *self,
                          GtkWidget         *row,
                          gpointer           item)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (row));

  g_hash_table_insert (self->bound_rows, row, item);
  apply_highlight (self, row, item);
}

void
dossier_list_reveal_unbind (DossierListReveal *self,
                            GtkWidget         *row)
{
  g_return_if_fail (self != NULL);

  if (row == NULL)
    return;

  g_hash_table_remove (self->bound_rows, row);
  gtk_widget_remove_css_class (row, "highlighted");
}

void
dossier_list_reveal_start (DossierListReveal *self,
                           guint              position)
{
  g_return_if_fail (self != NULL);

  dossier_list_reveal_stop (self);
  self->position = position;
  self->frames = 0;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), reveal_tick_cb,
                                                self, NULL);
}

void
dossier_list_reveal_stop (DossierListReveal *self)
{
  g_return_if_fail (self != NULL);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->tick_id);
      self->tick_id = 0;
    }
  clear_highlight (self);
}

void
dossier_list_reveal_set_highlight_func (DossierListReveal              *self,
                                        DossierListRevealHighlightFunc  func,
                                        gpointer                        user_data)
{
  g_return_if_fail (self != NULL);

  self->highlight_func = func;
  self->highlight_data = user_data;
}
