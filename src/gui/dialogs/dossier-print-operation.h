/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"
#include "dossier-export.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PRINT_OPERATION (dossier_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (DossierPrintOperation, dossier_print_operation, DOSSIER, PRINT_OPERATION, GtkPrintOperation)

/**
 * DossierPrintOperation:
 *
 * Prints the summary of a case with the PDF export's layout: the pages
 * are laid out again for the paper chosen in the print dialog, so they
 * break as a PDF of that size does. The print dialog offers Preview.
 */
DossierPrintOperation *dossier_print_operation_new         (DossierCase                *dcase,
                                                            const DossierExportOptions *options);
DossierCase           *dossier_print_operation_get_case    (DossierPrintOperation      *self);
/* The pages of the last layout; 0 before printing begins. */
guint                  dossier_print_operation_get_n_pages (DossierPrintOperation      *self);

/**
 * dossier_print_case:
 * @parent: (nullable): the case window
 * @dcase: the case
 * @error: why printing could not start
 *
 * What win.print does: the whole summary (every section, no notes, UTC),
 * through the print dialog, without blocking. A failure after the dialog
 * is shown in a message dialog on @parent.
 */
gboolean               dossier_print_case                  (GtkWindow                  *parent,
                                                            DossierCase                *dcase,
                                                            GError                    **error);

G_END_DECLS
