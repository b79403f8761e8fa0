/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-core.h"
#include "dossier-export.h"
/* The toast that follows "exported", for the window that shows it. */
#include "dossier-export-toast.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_DIALOG (dossier_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, DOSSIER, EXPORT_DIALOG, AdwWindow)

/**
 * DossierExportDialog:
 *
 * The Export… dialog of a case window: format and options, then the file
 * chooser, then the export in a worker thread with progress and Cancel.
 * On success it emits "exported" with the file written and closes; on
 * failure it stays open and says why in words.
 *
 * Signals:
 * - "exported" (GFile *file): the summary was written to @file.
 */
DossierExportDialog *dossier_export_dialog_new          (GtkWindow           *parent,
                                                         DossierCase         *dcase);

DossierCase         *dossier_export_dialog_get_case     (DossierExportDialog *self);

DossierExportFormat  dossier_export_dialog_get_format   (DossierExportDialog *self);
void                 dossier_export_dialog_set_format   (DossierExportDialog *self,
                                                         DossierExportFormat  format);

/* The options the widgets show; @options->notes_arg is borrowed from the
 * dialog and valid until the widgets change. */
void                 dossier_export_dialog_get_options  (DossierExportDialog  *self,
                                                         DossierExportOptions *options);

/**
 * dossier_export_dialog_export_to_file:
 * @file: the target, a local file
 * @replace: the user agreed to replace an existing file (the file chooser
 *   asked)
 *
 * What the Export… button does once the chooser returned: writes the
 * summary to @file through the safe writer in a worker thread. The case
 * file itself and symbolic links are always refused. Does nothing while
 * an export runs.
 */
void                 dossier_export_dialog_export_to_file (DossierExportDialog *self,
                                                           GFile               *file,
                                                           gboolean             replace);
gboolean             dossier_export_dialog_is_exporting (DossierExportDialog *self);
/* Cancels a running export; the dialog stays open. */
void                 dossier_export_dialog_cancel       (DossierExportDialog *self);
/* What the dialog shows after a failed or cancelled export, or NULL. */
const char          *dossier_export_dialog_get_message  (DossierExportDialog *self);

G_END_DECLS
