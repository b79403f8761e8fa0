/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A modal "Open a Case File" chooser over @parent that shows case files
 * (*.case.xml) unless the reader asks for all files. Not shown yet. */
GtkFileChooserNative *dossier_case_chooser_new (GtkWindow *parent);

G_END_DECLS
