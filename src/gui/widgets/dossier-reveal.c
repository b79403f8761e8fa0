/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dossier-reveal.h"

#include "dossier-text-block.h"

#define FLASH_KEY "dossier-flash-source"
/* Space left above a revealed item, so that it does not stick to the
 * top edge. */
#define REVEAL_MARGIN 12.0
/* Marks stay long enough to read, then go, so that list rows the view
 * recycles do not keep them. */
#define MARK_TERMS_MSEC 6000
#define MARK_WAIT_FRAMES 120

static gboolean
unflash_cb (gpointer user_data)
{
  GtkWidget *widget = user_data;

  gtk_widget_remove_css_class (widget, "highlighted");
  g_object_set_data (G_OBJECT (widget), FLASH_KEY, NULL);

  return G_SOURCE_REMOVE;
}

void
dossier_widget_flash (GtkWidget *widget)
{
  guint source_id;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  source_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), FLASH_KEY));
  if (source_id != 0)
    g_source_remove (source_id);

  gtk_widget_add_css_class (widget, "highlighted");
  source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, DOSSIER_HIGHLIGHT_MSEC, unflash_cb,
                                  g_object_ref (widget), g_object_unref);
  g_object_set_data (G_OBJECT (widget), FLASH_KEY, GUINT_TO_POINTER (source_id));
}

/* The scrolled window's child (a viewport, or a scrollable list) has the
 * size of the part in sight; what it holds moves under it. So @widget's
 * bounds in that child are where it stands in sight. */
static gboolean
compute_bounds_in_sight (GtkWidget         *widget,
                         GtkAdjustment    **adjustment,
                         graphene_rect_t   *bounds)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;

  if (scrolled == NULL || !gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) <= 0)
    return FALSE;

  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, bounds))
    return FALSE;

  *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  return gtk_adjustment_get_page_size (*adjustment) > 0;
}

gboolean
dossier_widget_is_in_sight (GtkWidget *widget)
{
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!compute_bounds_in_sight (widget, &adjustment, &bounds))
    return FALSE;

  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < -0.5 || bounds.origin.y >= page)
    return FALSE;

  return bounds.size.height > page || bounds.origin.y + bounds.size.height <= page + 0.5;
}

void
dossier_widget_focus_quietly (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_grab_focus (widget))
    return;

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);
}

typedef struct
{
  guint      frames;
  guint      steady;
  GtkWidget *highlight;
} RevealData;

static void
reveal_data_free (gpointer data)
{
  RevealData *reveal = data;

  g_clear_object (&reveal->highlight);
  g_free (reveal);
}

/* A revealed widget may sit in a tab that is not shown yet, or in a view
 * still being laid out: wait (at most a second of frames) until it has a
 * size, then scroll until it stands near the top and stays there. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RevealData *reveal = user_data;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  /* Nothing to scroll: the widget is in sight as soon as it is shown. */
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) == NULL &&
      gtk_widget_get_mapped (widget))
    reveal->frames = DOSSIER_REVEAL_MAX_FRAMES;

  if (++reveal->frames < DOSSIER_REVEAL_MAX_FRAMES)
    {
      double value;
      double target;

      if (!compute_bounds_in_sight (widget, &adjustment, &bounds))
        return G_SOURCE_CONTINUE;

      value = gtk_adjustment_get_value (adjustment);
      target = MIN (value + bounds.origin.y - REVEAL_MARGIN,
                    gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
      target = MAX (target, 0.0);
      if (ABS (target - value) > 0.5)
        {
          gtk_adjustment_set_value (adjustment, target);
          reveal->steady = 0;
          return G_SOURCE_CONTINUE;
        }

      /* A view laid out for the first time may still be growing: stay
       * until the place holds for a frame. */
      if (++reveal->steady < 2)
        return G_SOURCE_CONTINUE;
    }

  if (gtk_widget_get_mapped (widget))
    dossier_widget_focus_quietly (widget);
  dossier_widget_flash (reveal->highlight);

  return G_SOURCE_REMOVE;
}

void
dossier_widget_reveal (GtkWidget *widget,
                       GtkWidget *highlight)
{
  RevealData *reveal;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (highlight == NULL || GTK_IS_WIDGET (highlight));

  reveal = g_new0 (RevealData, 1);
  reveal->highlight = g_object_ref (highlight != NULL ? highlight : widget);
  gtk_widget_add_tick_callback (widget, reveal_tick_cb, reveal, reveal_data_free);
}

typedef struct
{
  GStrv      terms;
  guint      frames;
  GPtrArray *labels;  /* marked GtkLabels, referenced */
} MarkTerms;

static void
mark_terms_free (gpointer data)
{
  MarkTerms *mark = data;

  g_strfreev (mark->terms);
  g_clear_pointer (&mark->labels, g_ptr_array_unref);
  g_free (mark);
}

static gboolean
unmark_terms_cb (gpointer user_data)
{
  MarkTerms *mark = user_data;

  for (guint i = 0; i < mark->labels->len; i++)
    gtk_label_set_attributes (g_ptr_array_index (mark->labels, i), NULL);

  return G_SOURCE_REMOVE;
}

static void
mark_label_terms (GtkLabel  *label,
                  MarkTerms *mark)
{
  const char *text = gtk_label_get_text (label);
  PangoAttrList *attrs = NULL;

  for (guint i = 0; mark->terms[i] != NULL; i++)
    {
      const char *term = mark->terms[i];
      gsize length = strlen (term);

      if (length == 0)
        continue;

      for (const char *hit = strstr (text, term); hit != NULL; hit = strstr (hit + length, term))
        {
          if (attrs == NULL)
            attrs = pango_attr_list_new ();
          dossier_attr_list_add_mark (attrs, hit - text, hit - text + length);
        }
    }

  if (attrs == NULL)
    return;

  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
  g_ptr_array_add (mark->labels, g_object_ref (label));
}

static void
mark_labels_below (GtkWidget *widget,
                   MarkTerms *mark)
{
  if (GTK_IS_LABEL (widget))
    mark_label_terms (GTK_LABEL (widget), mark);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mark_labels_below (child, mark);
}

static GtkWidget *
find_highlighted (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "highlighted"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_highlighted (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
mark_terms_tick_cb (GtkWidget     *view,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  MarkTerms *mark = user_data;
  GtkWidget *item = find_highlighted (view);

  if (item == NULL)
    return ++mark->frames < MARK_WAIT_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;

  mark->labels = g_ptr_array_new_with_free_func (g_object_unref);
  mark_labels_below (item, mark);
  if (mark->labels->len > 0)
    {
      /* The timeout now owns the marks; the tick's copy goes empty. */
      MarkTerms *owned = g_new0 (MarkTerms, 1);

      owned->labels = g_steal_pointer (&mark->labels);
      g_timeout_add_full (G_PRIORITY_DEFAULT, MARK_TERMS_MSEC, unmark_terms_cb,
                          owned, mark_terms_free);
    }

  return G_SOURCE_REMOVE;
}

void
dossier_widget_mark_terms_when_revealed (GtkWidget          *view,
                                         const char * const *terms)
{
  MarkTerms *mark;

  g_return_if_fail (GTK_IS_WIDGET (view));

  if (terms == NULL || terms[0] == NULL)
    return;

  mark = g_new0 (MarkTerms, 1);
  mark->terms = g_strdupv ((char **) terms);
  gtk_widget_add_tick_callback (view, mark_terms_tick_cb, mark, mark_terms_free);
}
