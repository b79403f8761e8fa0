/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-sources-view.h"

#include "dossier-source-panel.h"
#include "dossier-list-reveal.h"
#include "dossier-text-block.h"
#include "dossier-view-rows.h"

struct _DossierSourcesView
{
  GtkWidget          parent_instance;

  DossierCase       *dcase;
  DossierListReveal *list_reveal;

  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scrolled;
  GtkListView       *list_view;
};

static void dossier_sources_view_iface_init (DossierViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierSourcesView, dossier_sources_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DOSSIER_TYPE_VIEW, dossier_sources_view_iface_init))

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

  dossier_box_remove_all (box);

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
  child = dossier_text_label_new (meta_text);
  gtk_widget_add_css_class (child, "dim-label");
  gtk_box_append (box, child);

  if (dossier_source_get_published (source) != NULL)
    {
      g_autofree char *date = dossier_date_format (dossier_source_get_published (source));
      gtk_box_append (box, dossier_fact_new (_("Published"), date));
    }
  if (dossier_source_get_accessed (source) != NULL)
    {
      g_autofree char *date = dossier_date_format (dossier_source_get_accessed (source));
      gtk_box_append (box, dossier_fact_new (_("Accessed"), date));
    }
  if (reliability != 0 && dossier_reliability_get_label (reliability) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%c — %s", reliability, dossier_reliability_get_label (reliability));
      gtk_box_append (box, dossier_fact_new (_("Reliability"), text));
    }
  if (credibility != 0 && dossier_credibility_get_label (credibility) != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%u — %s", credibility, dossier_credibility_get_label (credibility));
      gtk_box_append (box, dossier_fact_new (_("Credibility"), text));
    }

  if (url != NULL)
    {
      GtkWidget *line = dossier_fact_new (_("Link"), url);

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
  GtkWidget *box = gtk_list_item_get_child (item);

  fill_row (self, GTK_BOX (box), source);
  dossier_list_reveal_bind (self->list_reveal, box, source);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  DossierSourcesView *self = user_data;

  dossier_list_reveal_unbind (self->list_reveal, gtk_list_item_get_child (item));
}

static void
dossier_sources_view_template_built (DossierView *view)
{
  DossierSourcesView *self = DOSSIER_SOURCES_VIEW (view);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  self->list_reveal = dossier_list_reveal_new (self->list_view);
}

static void
dossier_sources_view_set_case (DossierView *view,
                               DossierCase *dcase)
{
  DossierSourcesView *self = DOSSIER_SOURCES_VIEW (view);
  GListModel *sources;

  dossier_view_ensure_built (view);
  dossier_list_reveal_stop (self->list_reveal);
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

static gboolean
dossier_sources_view_reveal (DossierView        *view,
                             const DossierPlace *place)
{
  DossierSourcesView *self = DOSSIER_SOURCES_VIEW (view);
  GListModel *sources;
  guint n;
  int position = -1;

  if (self->dcase == NULL)
    return FALSE;
  dossier_view_ensure_built (view);

  sources = dossier_case_get_sources (self->dcase);
  n = g_list_model_get_n_items (sources);

  if (place->item_id != NULL)
    {
      for (guint i = 0; i < n && position < 0; i++)
        {
          g_autoptr(DossierSource) source = g_list_model_get_item (sources, i);

          if (g_strcmp0 (dossier_source_get_id (source), place->item_id) == 0)
            position = (int) i;
        }
    }
  else if (place->item_index >= 0 && (guint) place->item_index < n)
    position = place->item_index;

  if (position < 0)
    return FALSE;

  dossier_list_reveal_start (self->list_reveal, (guint) position);
  return TRUE;
}

static void
dossier_sources_view_dispose (GObject *object)
{
  DossierSourcesView *self = DOSSIER_SOURCES_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->list_reveal, dossier_list_reveal_free);
  dossier_view_dispose_template (DOSSIER_VIEW (self), DOSSIER_TYPE_SOURCES_VIEW);
  g_clear_object (&self->dcase);

  G_OBJECT_CLASS (dossier_sources_view_parent_class)->dispose (object);
}

static void
dossier_sources_view_iface_init (DossierViewInterface *iface)
{
  iface->name = "sources";
  iface->title = N_("Sources");
  iface->icon_name = "emblem-documents-symbolic";
  iface->empty_icon_name = "emblem-documents-symbolic";
  iface->template_built = dossier_sources_view_template_built;
  iface->set_case = dossier_sources_view_set_case;
  iface->reveal = dossier_sources_view_reveal;
}

static void
dossier_sources_view_class_init (DossierSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_sources_view_dispose;

  dossier_view_class_set_lazy_template (widget_class, "/io/github/dossier/Dossier/dossier-sources-view.ui");
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

gboolean
dossier_sources_view_is_empty (DossierSourcesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCES_VIEW (self), TRUE);

  /* Not built: never given a case. */
  if (!dossier_view_is_built (DOSSIER_VIEW (self)))
    return TRUE;

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
