/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-export-toast.h"

void
dossier_export_open_file (GtkWindow *parent,
                          GFile     *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

typedef struct
{
  GtkWindow *parent;
  GFile     *file;
} ShowItemsData;

static void
show_items_data_free (ShowItemsData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_free (data);
}

static void
show_folder (ShowItemsData *data)
{
  g_autoptr(GFile) folder = g_file_get_parent (data->file);

  if (folder != NULL)
    dossier_export_open_file (data->parent, folder);
}

static void
on_show_items_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ShowItemsData *data = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_debug ("FileManager1.ShowItems failed, opening the folder: %s", error->message);
      show_folder (data);
    }

  show_items_data_free (data);
}

static void
on_session_bus_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ShowItemsData *data = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder uris;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_debug ("No session bus, opening the folder: %s", error->message);
      show_folder (data);
      show_items_data_free (data);
      return;
    }

  uri = g_file_get_uri (data->file);
  g_variant_builder_init (&uris, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&uris, "s", uri);
  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(ass)", &uris, ""),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          -1, NULL,
                          on_show_items_done_cb, data);
}

void
dossier_export_show_in_files (GtkWindow *parent,
                              GFile     *file)
{
  ShowItemsData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ShowItemsData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->file = g_object_ref (file);
  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_session_bus_cb, data);
}

static void
on_toast_open_cb (AdwToast *toast,
                  gpointer  user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "dossier-parent");
  GFile *file = g_object_get_data (G_OBJECT (toast), "dossier-file");

  dossier_export_open_file (parent, file);
}

static void
on_toast_show_in_files_cb (GtkButton *button,
                           AdwToast  *toast)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "dossier-parent");
  GFile *file = g_object_get_data (G_OBJECT (toast), "dossier-file");

  dossier_export_show_in_files (parent, file);
  adw_toast_dismiss (toast);
}

AdwToast *
dossier_export_toast_new (GtkWindow *parent,
                          GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *button;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  display = g_filename_display_name (name);
  title = g_strdup_printf (_("Exported “%s”"), display);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 10);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (toast), "dossier-parent", g_object_ref (parent), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "dossier-file", g_object_ref (file), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open_cb), NULL);

  /* AdwToast has one button; the second lives in the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  /* An icon leaves the name room in a narrow window. */
  button = gtk_button_new_from_icon_name ("folder-open-symbolic");
  gtk_widget_set_tooltip_text (button, _("Show in Files"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in Files"),
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_toast_show_in_files_cb), toast, 0);
  gtk_box_append (GTK_BOX (box), button);
  adw_toast_set_custom_title (toast, box);

  return toast;
}
