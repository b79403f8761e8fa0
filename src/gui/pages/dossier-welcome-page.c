/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-welcome-page.h"

#include "dossier-core.h"

#define MAX_RECENT 8

struct _DossierWelcomePage
{
  DossierLazyWidget  parent_instance;

  /* The page follows the recent list from its first refresh on. */
  gboolean           watching_recent;

  GtkWidget         *status_page;
  GtkWidget         *recent_group;
  GtkListBox        *recent_list;
};

G_DEFINE_FINAL_TYPE (DossierWelcomePage, dossier_welcome_page, DOSSIER_TYPE_LAZY_WIDGET)

static int
compare_recent_infos (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  /* Newest first. */
  return g_date_time_compare (time_b, time_a);
}

static void
on_recent_row_activated_cb (DossierWelcomePage *self,
                            GtkListBoxRow      *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "dossier-uri");

  if (uri != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-file", "s", uri);
}

static void
on_recent_changed_cb (DossierWelcomePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dossier_welcome_page_refresh (self);
}

static void
dossier_welcome_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_welcome_page_parent_class)->map (widget);

  /* Read the recent list only when the page is seen: a window opened on
   * a file never pays for it. */
  dossier_welcome_page_refresh (DOSSIER_WELCOME_PAGE (widget));
}

static void
dossier_welcome_page_dispose (GObject *object)
{
  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (),
                                        on_recent_changed_cb, object);

  G_OBJECT_CLASS (dossier_welcome_page_parent_class)->dispose (object);
}

static void
dossier_welcome_page_class_init (DossierWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_welcome_page_dispose;
  widget_class->map = dossier_welcome_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, DossierWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
}

static void
dossier_welcome_page_init (DossierWelcomePage *self)
{
}

GtkWidget *
dossier_welcome_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_WELCOME_PAGE, NULL);
}

void
dossier_welcome_page_refresh (DossierWelcomePage *self)
{
  GtkRecentManager *manager;
  g_autoptr(GPtrArray) infos = NULL;
  GList *items;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (DOSSIER_IS_WELCOME_PAGE (self));

  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (self));
  manager = gtk_recent_manager_get_default ();
  if (!self->watching_recent)
    {
      self->watching_recent = TRUE;
      g_signal_connect_swapped (manager, "changed", G_CALLBACK (on_recent_changed_cb), self);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = gtk_recent_manager_get_items (manager);
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (g_str_has_suffix (uri, ".case.xml") && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent_infos);

  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = dossier_sanitize_display_text (basename);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parent_name = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
      g_autofree char *folder = dossier_sanitize_display_text (parent_name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "dossier-uri",
                              g_strdup (gtk_recent_info_get_uri (info)), g_free);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (self->recent_group, shown > 0);
}
