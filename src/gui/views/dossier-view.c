/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-view.h"

#include "dossier-reveal.h"

/* A second of frames, for a view still growing its lists. */
#define RESTORE_MAX_FRAMES 60

G_DEFINE_INTERFACE (DossierView, dossier_view, GTK_TYPE_WIDGET)

static GQuark built_quark;

static void
dossier_view_real_mark_terms (DossierView        *self,
                              const char * const *terms)
{
  dossier_widget_mark_terms_when_revealed (GTK_WIDGET (self), terms);
}

static void
dossier_view_default_init (DossierViewInterface *iface)
{
  built_quark = g_quark_from_static_string ("dossier-view-built");
  iface->mark_terms = dossier_view_real_mark_terms;
}

static void
on_empty_page_map_cb (GtkWidget  *page,
                      const char *icon_name)
{
  /* GTK loads the icon of every image in a window, shown or not: the
   * empty page gets its icon once it is shown. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
}

/* A view's map: its template first. Every view is a final type right
 * below GtkWidget, whose map comes next. */
static void
dossier_view_lazy_map (GtkWidget *widget)
{
  GtkWidgetClass *parent_class = g_type_class_peek_parent (GTK_WIDGET_GET_CLASS (widget));

  dossier_view_ensure_built (DOSSIER_VIEW (widget));
  parent_class->map (widget);
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_child_visible (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      found = find_scrolled_window (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  double value;
  guint  frames;
} ScrollRestore;

static gboolean
restore_scroll_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  ScrollRestore *restore = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  double reachable = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* Lists and lazily built views grow over a few frames; wait until the
   * old position exists again (or give up after a second). */
  if (reachable + 0.5 < restore->value && ++restore->frames < RESTORE_MAX_FRAMES)
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (adjustment, MIN (restore->value, MAX (reachable, 0.0)));

  return G_SOURCE_REMOVE;
}

const char *
dossier_view_get_name (DossierView *self)
{
  g_return_val_if_fail (DOSSIER_IS_VIEW (self), NULL);

  return DOSSIER_VIEW_GET_IFACE (self)->name;
}

const char *
dossier_view_get_title (DossierView *self)
{
  g_return_val_if_fail (DOSSIER_IS_VIEW (self), NULL);

  return _(DOSSIER_VIEW_GET_IFACE (self)->title);
}

const char *
dossier_view_get_icon_name (DossierView *self)
{
  g_return_val_if_fail (DOSSIER_IS_VIEW (self), NULL);

  return DOSSIER_VIEW_GET_IFACE (self)->icon_name;
}

const char *
dossier_view_type_get_name (GType view_type)
{
  GTypeClass *klass;
  DossierViewInterface *iface;

  g_return_val_if_fail (g_type_is_a (view_type, DOSSIER_TYPE_VIEW), NULL);

  /* Kept: the views' classes live as long as the program. */
  klass = g_type_class_ref (view_type);
  iface = g_type_interface_peek (klass, DOSSIER_TYPE_VIEW);

  return iface->name;
}

void
dossier_view_set_case (DossierView *self,
                       DossierCase *dcase)
{
  g_return_if_fail (DOSSIER_IS_VIEW (self));
  g_return_if_fail (dcase == NULL || DOSSIER_IS_CASE (dcase));

  DOSSIER_VIEW_GET_IFACE (self)->set_case (self, dcase);
}

gboolean
dossier_view_reveal (DossierView        *self,
                     const DossierPlace *place)
{
  g_return_val_if_fail (DOSSIER_IS_VIEW (self), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  return DOSSIER_VIEW_GET_IFACE (self)->reveal (self, place);
}

void
dossier_view_mark_terms (DossierView        *self,
                         const char * const *terms)
{
  g_return_if_fail (DOSSIER_IS_VIEW (self));

  if (terms == NULL || terms[0] == NULL)
    return;

  DOSSIER_VIEW_GET_IFACE (self)->mark_terms (self, terms);
}

double
dossier_view_get_scroll (DossierView *self)
{
  GtkScrolledWindow *scrolled;

  g_return_val_if_fail (DOSSIER_IS_VIEW (self), 0.0);

  scrolled = find_scrolled_window (GTK_WIDGET (self));
  if (scrolled == NULL)
    return 0.0;

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled));
}

void
dossier_view_restore_scroll (DossierView *self,
                             double       value)
{
  GtkScrolledWindow *scrolled;
  ScrollRestore *restore;

  g_return_if_fail (DOSSIER_IS_VIEW (self));

  scrolled = find_scrolled_window (GTK_WIDGET (self));
  if (scrolled == NULL)
    return;

  restore = g_new0 (ScrollRestore, 1);
  restore->value = value;
  gtk_widget_add_tick_callback (GTK_WIDGET (scrolled), restore_scroll_tick_cb, restore, g_free);
}

/**
 * dossier_view_class_set_lazy_template:
 * @widget_class: the class of a view
 * @resource_name: its template
 *
 * Sets the template of a view, which the view builds when it is first
 * mapped or when dossier_view_ensure_built() is called.
 */
void
dossier_view_class_set_lazy_template (GtkWidgetClass *widget_class,
                                      const char     *resource_name)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_set_template_from_resource (widget_class, resource_name);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->map = dossier_view_lazy_map;
}

void
dossier_view_ensure_built (DossierView *self)
{
  DossierViewInterface *iface;
  GObject *empty_page;

  g_return_if_fail (DOSSIER_IS_VIEW (self));

  if (dossier_view_is_built (self))
    return;

  g_object_set_qdata (G_OBJECT (self), built_quark, GINT_TO_POINTER (TRUE));
  gtk_widget_init_template (GTK_WIDGET (self));

  iface = DOSSIER_VIEW_GET_IFACE (self);
  empty_page = gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), "empty_page");
  if (ADW_IS_STATUS_PAGE (empty_page) && iface->empty_icon_name != NULL)
    g_signal_connect (empty_page, "map", G_CALLBACK (on_empty_page_map_cb),
                      (gpointer) iface->empty_icon_name);

  if (iface->template_built != NULL)
    iface->template_built (self);
}

gboolean
dossier_view_is_built (DossierView *self)
{
  g_return_val_if_fail (DOSSIER_IS_VIEW (self), FALSE);

  return g_object_get_qdata (G_OBJECT (self), built_quark) != NULL;
}

void
dossier_view_dispose_template (DossierView *self,
                               GType        view_type)
{
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_VIEW (self));

  if (dossier_view_is_built (self))
    gtk_widget_dispose_template (GTK_WIDGET (self), view_type);

  /* Unnamed template children are not disposed with the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
