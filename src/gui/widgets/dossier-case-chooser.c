/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-case-chooser.h"

GtkFileChooserNative *
dossier_case_chooser_new (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) cases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  chooser = gtk_file_chooser_native_new (_("Open a Case File"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (cases, _("Case Files"));
  gtk_file_filter_add_pattern (cases, "*.case.xml");
  gtk_file_filter_add_mime_type (cases, "application/x-dossier-case+xml");
  /* STIX bundles open too; they are mostly named *.json. */
  gtk_file_filter_add_pattern (cases, "*.json");
  gtk_file_filter_add_mime_type (cases, "application/stix+json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), cases);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), cases);

  return chooser;
}
