/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-sources-view.h"

#include "dossier-source-panel.h"
#include "dossier-text-block.h"

#define SOURCE_ID_KEY "dossier-source-id"

struct _DossierSourcesView
{
  GtkWidget          parent_instance;

  DossierCase       *dcase;
  char              *pending_reveal;
  gboolean           built;

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (DossierSourcesView, dossier_sources_view, GTK_TYPE_WIDGET)

static GtkWidget *
caption_new (const char *text)
{
  g_autofree char *safe = dossier_sanitize_display_text (text);
  GtkWidget *label = gtk_label_new (safe);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);

  return label;
}

static GtkWidget *
fact_new (const char *key,
          const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = caption_new (value);

  gtk_widget_add_css_class (key_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (key_label), 0.0);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_box_append (GTK_BOX (box), key_label);
  gtk_box_append (GTK_BOX (box), value_label);

  return box;
}

static void
fill_row (DossierSourcesView *self,
          GtkBox             *box,
          DossierSource      *source)
{
  GtkWidget *child;
  GtkWidget *title_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title;
  GtkWidget *panel_button;
  GString *meta = g_string_new (dossier_source_kind_get_label (dossier_source_get_kind (source)));
  const char * const *authors = dossier_source_get_authors (source);
  GPtrArray *citations = dossier_source_get_citations (source);
  const char *url = dossier_source_get_url (source);
  char reliability = dossier_source_get_reliability (source);
  guint credibility = dossier_source_get_credibility (source);
  g_autofree char *meta_text = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  g_object_set_data_full (G_OBJECT (box), SOURCE_ID_KEY,
                          g_strdup (dossier_source_get_id (source)), g_free);

  title = dossier_inline_label_new (dossier_source_get_title (source));
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (title_line), title);

  panel_button = gtk_button_new_from_icon_name ("sidebar-show-right-symbolic");
  gtk_widget_add_css_class (panel_button, "flat");
  gtk_widget_set_valign (panel_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (panel_button, _("Show in the side panel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (panel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in the side panel"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (panel_button), "win.show-source");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (panel_button),
                                          g_variant_new_string (dossier_source_get_id (source)));
  gtk_box_append (GTK_BOX (title_line), panel_button);
  gtk_box_append (box, title_line);

  if (dossier_source_get_publisher (source) != NULL)
    g_string_append_printf (meta, " · %s", dossier_source_get_publisher (source));
  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) authors);
      g_string_append_printf (meta, " · %s", joined);
    }
  meta_text = g_string_free (meta, FALSE);
  child = caption_new (meta_text);
  gtk_widget_add_css_class (child, "dim-label");
  gtk_box_append (box, child);

  if (dossier_source_get_published (source) != NULL)
    {
      g_autofree char *date = dossier_date_format (dossier_source_get_published (source));
      gtk_box_append (box, fact_new (_("Published"), date));
    }
  if (dossier_source_get_accessed (source) != NULL)
    {
      g_autofree char *date = dossier_date_format (dossier_source_get_accessed (source));
      gtk_box_append (box, fact_new (_("Accessed"), date));
    }
  if (reliability != 0 && dossier_reliability_get_label (reliability) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%c — %s", reliability, dossier_reliability_get_label (reliability));
      gtk_box_append (box, fact_new (_("Reliability"), text));
    }
  if (credibility != 0 && dossier_credibility_get_label (credibility) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u — %s", credibility, dossier_credibility_get_label (credibility));
      gtk_box_append (box, fact_new (_("Credibility"), text));
    }

  if (url != NULL)
    {
      GtkWidget *line = fact_new (_("Link"), url);

      gtk_widget_add_css_class (gtk_widget_get_last_child (line), "inert-link");
      if (dossier_link_is_safe (url))
        {
          GtkWidget *open = gtk_button_new_from_icon_name ("send-to-symbolic");

          gtk_widget_add_css_class (open, "flat");
          gtk_widget_set_valign (open, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (open, _("Open Link…"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Link…"),
                                          -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-link");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (open), g_variant_new_string (url));
          gtk_box_append (GTK_BOX (line), open);
        }
      else
        {
          GtkWidget *note = gtk_label_new (_("(not a web link, not opened)"));

          gtk_widget_add_css_class (note, "dim-label");
          gtk_box_append (GTK_BOX (line), note);
        }
      gtk_box_append (box, line);
    }

  if (citations->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Never cited."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (none), 0.0);
      gtk_box_append (box, none);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Cited once", "Cited %u times", citations->len), citations->len);
      GtkWidget *expander = gtk_expander_new (text);
      GtkWidget *places = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      /* Every citing place is one click away; long lists start folded. */
      for (guint i = 0; i < citations->len; i++)
        gtk_box_append (GTK_BOX (places), dossier_place_button_new (self->dcase, g_ptr_array_index (citations, i)));
      gtk_expander_set_child (GTK_EXPANDER (expander), places);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), citations->len <= 4);
      gtk_widget_set_margin_top (expander, 6);
      gtk_box_append (box, expander);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (box, "source-row");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  DossierSourcesView *self = user_data;
  DossierSource *source = gtk_list_item_get_item (item);

  fill_row (self, GTK_BOX (gtk_list_item_get_child (item)), source);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *source_id)
{
  const char *id = g_object_get_data (G_OBJECT (widget), SOURCE_ID_KEY);

  if (id != NULL && g_str_equal (id, source_id))
    return widget;

  /* Rows sit two levels down (list view > row > box): stay shallow. */
  if (gtk_widget_get_parent (widget) != NULL &&
      gtk_widget_get_parent (gtk_widget_get_parent (widget)) != NULL &&
      GTK_IS_LIST_VIEW (gtk_widget_get_parent (gtk_widget_get_parent (widget))))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, source_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
flash_revealed_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  DossierSourcesView *self = DOSSIER_SOURCES_VIEW (widget);
  GtkWidget *row;

  if (self->pending_reveal == NULL)
    return G_SOURCE_REMOVE;

  row = find_row (GTK_WIDGET (self->list_view), self->pending_reveal);
  if (row == NULL)
    return G_SOURCE_CONTINUE;

  dossier_widget_flash (row);
  g_clear_pointer (&self->pending_reveal, g_free);

  return G_SOURCE_REMOVE;
}

static void
on_empty_page_map_cb (GtkWidget *page)
{
  /* GTK loads the icon of every image in a window, shown or not: the
   * empty page gets its icon once it is shown. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "emblem-documents-symbolic");
}

/* A window holds all eight views and shows one: the template is built
 * when the view is first shown or used, not when it is created. */
static void
ensure_built (DossierSourcesView *self)
{
  GtkListItemFactory *factory;

  if (self->built)
    return;

  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->empty_page, "map", G_CALLBACK (on_empty_page_map_cb), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

static void
dossier_sources_view_map (GtkWidget *widget)
{
  ensure_built (DOSSIER_SOURCES_VIEW (widget));

  GTK_WIDGET_CLASS (dossier_sources_view_parent_class)->map (widget);
}

static void
dossier_sources_view_dispose (GObject *object)
{
  DossierSourcesView *self = DOSSIER_SOURCES_VIEW (object);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SOURCES_VIEW);
  {
    GtkWidget *child;

    /* Unnamed template children are not disposed with the template. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->dcase);
  g_clear_pointer (&self->pending_reveal, g_free);

  G_OBJECT_CLASS (dossier_sources_view_parent_class)->dispose (object);
}

static void
dossier_sources_view_class_init (DossierSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_sources_view_dispose;
  widget_class->map = dossier_sources_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-sources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesView, list_view);
}

static void
dossier_sources_view_init (DossierSourcesView *self)
{
}

GtkWidget *
dossier_sources_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_SOURCES_VIEW, NULL);
}

void
dossier_sources_view_set_case (DossierSourcesView *self,
                               DossierCase        *dcase)
{
  GListModel *sources;

  g_return_if_fail (DOSSIER_IS_SOURCES_VIEW (self));

  ensure_built (self);
  g_set_object (&self->dcase, dcase);

  sources = dcase != NULL ? dossier_case_get_sources (dcase) : NULL;
  if (sources == NULL || g_list_model_get_n_items (sources) == 0)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (sources));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  gtk_stack_set_visible_child_name (self->stack, "content");
}

DossierCase *
dossier_sources_view_get_case (DossierSourcesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCES_VIEW (self), NULL);

  return self->dcase;
}

gboolean
dossier_sources_view_reveal (DossierSourcesView *self,
                             const char         *item_id,
                             int                 item_index)
{
  GListModel *sources;
  guint n;
  int position = -1;

  g_return_val_if_fail (DOSSIER_IS_SOURCES_VIEW (self), FALSE);

  if (self->dcase == NULL)
    return FALSE;
  ensure_built (self);

  sources = dossier_case_get_sources (self->dcase);
  n = g_list_model_get_n_items (sources);

  if (item_id != NULL)
    {
      for (guint i = 0; i < n && position < 0; i++)
        {
          g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

          if (g_strcmp0 (dossier_source_get_id (source), item_id) == 0)
            position = (int) i;
        }
    }
  else if (item_index >= 0 && (guint) item_index < n)
    position = item_index;

  if (position < 0)
    return FALSE;

  /* GTK 4.8 has no gtk_list_view_scroll_to(); the list's own action does
   * the same. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);

  {
    g_autoptr(DossierSource) source = g_list_model_get_item (sources, position);

    g_free (self->pending_reveal);
    self->pending_reveal = g_strdup (dossier_source_get_id (source));
    gtk_widget_add_tick_callback (GTK_WIDGET (self), flash_revealed_cb, NULL, NULL);
  }

  return TRUE;
}

gboolean
dossier_sources_view_is_empty (DossierSourcesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCES_VIEW (self), TRUE);

  /* Not built: never given a case. */
  if (!self->built)
    return TRUE;

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
