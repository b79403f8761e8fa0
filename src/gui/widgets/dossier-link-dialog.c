/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-link-dialog.h"

#include "dossier-core.h"

#define URI_KEY "dossier-uri"

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), URI_KEY);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "open") == 0 && uri != NULL && dossier_link_is_safe (uri))
    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

gboolean
dossier_link_dialog_present (GtkWindow  *parent,
                             const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autofree char *host = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_uri_get_host (parsed) == NULL)
    return FALSE;

  host = dossier_sanitize_display_text (g_uri_get_host (parsed));

  dialog = adw_message_dialog_new (parent, _("Open Link?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("This opens a page on %s in your web browser:\n\n%s"),
                                  host, uri);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Link"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), URI_KEY, g_strdup (uri), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
