/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-reload-error-window.h"

#include "dossier-error-page.h"

void
dossier_reload_error_window_present (GtkWindow    *parent,
                                     GFile        *file,
                                     const GError *error)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *page;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (error != NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Why the Changed File Was Not Shown"));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  page = dossier_error_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  dossier_error_page_set_error (DOSSIER_ERROR_PAGE (page), file, error);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}
