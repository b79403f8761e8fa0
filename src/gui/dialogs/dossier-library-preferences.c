/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-library-preferences.h"

#include "dossier-core.h"
#include "dossier-library-open.h"
#include "dossier-library-setting.h"
#include "dossier-library-sqlite.h"

struct _DossierLibraryPreferences
{
  AdwPreferencesWindow  parent_instance;

  DossierLibraryClient *client;
  /* Set while the window sets its own widgets: no choice is applied. */
  gboolean              showing;

  GtkWidget            *local_row;
  GtkWidget            *local_check;
  GtkWidget            *server_row;
  GtkWidget            *server_check;
  GtkWidget            *server_group;
  GtkWidget            *connection_row;
  GtkWidget            *error_label;
};

G_DEFINE_FINAL_TYPE (DossierLibraryPreferences, dossier_library_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (DossierLibraryPreferences *self,
            const char                *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->connection_row, "error");
  else
    gtk_widget_remove_css_class (self->connection_row, "error");
}

/* What the rows say: the file's path, and the server in use. */
static void
show_location (DossierLibraryPreferences *self)
{
  const char *location = dossier_library_client_get_location (self->client);
  gboolean remote = dossier_library_client_is_remote (self->client);
  g_autofree char *path = remote ? dossier_library_sqlite_default_path () : g_strdup (location);
  g_autofree char *shown_path = dossier_sanitize_display_text (path);
  g_autofree char *described = NULL;
  g_autofree char *server = NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->local_row), shown_path);
  if (remote)
    {
      described = dossier_library_location_describe (location);
      server = dossier_sanitize_display_text (described);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->server_row),
                               server != NULL ? server : _("A team library on PostgreSQL"));
}

/* Saves @location (NULL: this computer) and moves the library there. */
static void
apply_location (DossierLibraryPreferences *self,
                const char                *location)
{
  dossier_library_setting_set (location);
  dossier_library_client_set_location (self->client, location);
  /* A file library reads its folders again; a team library's writer
   * indexes this computer's folders into it. */
  dossier_library_client_update (self->client);
  show_location (self);
}

/* The connection string typed, checked; NULL with a message when it
 * cannot be used. */
static char *
checked_connection (DossierLibraryPreferences *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->connection_row));
  g_autofree char *location = g_strstrip (g_strdup (text));

  if (*location == '\0')
    show_error (self, _("Enter how to reach the server, such as postgresql://db.example.org/cases or service=team."));
  else if (!dossier_library_location_is_server (location))
    show_error (self, _("This is not a PostgreSQL connection string: start it with postgresql:// or give key=value settings such as service=team."));
  else if (dossier_library_location_has_password (location))
    show_error (self, _("This connection string holds a password, and Dossier never stores one. Remove it and put it in ~/.pgpass or the service file instead."));
  else
    {
      show_error (self, NULL);
      return g_steal_pointer (&location);
    }
  return NULL;
}

static void
on_connection_apply_cb (DossierLibraryPreferences *self)
{
  g_autofree char *location = checked_connection (self);

  if (location == NULL)
    return;
  if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (self->server_check)))
    {
      self->showing = TRUE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->server_check), TRUE);
      self->showing = FALSE;
    }
  apply_location (self, location);
}

static void
on_connection_changed_cb (DossierLibraryPreferences *self)
{
  show_error (self, NULL);
}

static void
on_local_toggled_cb (DossierLibraryPreferences *self)
{
  if (self->showing || !gtk_check_button_get_active (GTK_CHECK_BUTTON (self->local_check)))
    return;
  show_error (self, NULL);
  apply_location (self, NULL);
}

/* "On a Server": the string typed is applied when there is one that
 * can be; else the row waits for one. */
static void
on_server_toggled_cb (DossierLibraryPreferences *self)
{
  gboolean active = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->server_check));
  const char *text;

  gtk_widget_set_sensitive (self->server_group, active);
  if (self->showing || !active)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->connection_row));
  if (*text != '\0')
    on_connection_apply_cb (self);
  else
    gtk_widget_grab_focus (self->connection_row);
}

static void
dossier_library_preferences_dispose (GObject *object)
{
  DossierLibraryPreferences *self = DOSSIER_LIBRARY_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_LIBRARY_PREFERENCES);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (dossier_library_preferences_parent_class)->dispose (object);
}

static void
dossier_library_preferences_class_init (DossierLibraryPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_library_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-library-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, local_row);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, local_check);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, server_row);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, server_check);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, server_group);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, connection_row);
  gtk_widget_class_bind_template_child (widget_class, DossierLibraryPreferences, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_local_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_server_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_connection_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_connection_changed_cb);
}

static void
dossier_library_preferences_init (DossierLibraryPreferences *self)
{
  self->showing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

DossierLibraryPreferences *
dossier_library_preferences_new (GtkWindow            *parent,
                                 DossierLibraryClient *client)
{
  DossierLibraryPreferences *self;
  gboolean remote;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_CLIENT (client), NULL);

  self = g_object_new (DOSSIER_TYPE_LIBRARY_PREFERENCES, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  remote = dossier_library_client_is_remote (client);
  /* The client's location holds no password: Dossier never takes one. */
  if (remote)
    gtk_editable_set_text (GTK_EDITABLE (self->connection_row), dossier_library_client_get_location (client));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (remote ? self->server_check : self->local_check), TRUE);
  gtk_widget_set_sensitive (self->server_group, remote);
  show_location (self);
  self->showing = FALSE;

  return self;
}

const char *
dossier_library_preferences_get_error (DossierLibraryPreferences *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY_PREFERENCES (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}
