/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-print-operation.h"

struct _DossierPrintOperation
{
  GtkPrintOperation     parent_instance;

  DossierCase          *dcase;
  DossierExportOptions  options;
  char                 *notes_arg;
  DossierExportPages   *pages;
  guint                 n_pages;
  GError               *layout_error;
  GtkWindow            *parent;        /* weak */
  gboolean              report_errors;
};

G_DEFINE_FINAL_TYPE (DossierPrintOperation, dossier_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
show_error (DossierPrintOperation *self,
            const GError          *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (self->parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

/* The pages are laid out for the paper the print dialog settled on. */
static void
dossier_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->pages, dossier_export_pages_free);
  g_clear_error (&self->layout_error);

  self->pages = dossier_export_pages_new (self->dcase, &self->options,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context),
                                          NULL, &error);
  if (self->pages == NULL)
    {
      self->n_pages = 0;
      self->layout_error = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
      return;
    }

  self->n_pages = dossier_export_pages_get_n_pages (self->pages);
  gtk_print_operation_set_n_pages (operation, (int) self->n_pages);
}

static void
dossier_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (operation);

  if (self->pages == NULL || page_nr < 0 || (guint) page_nr >= self->n_pages)
    return;

  dossier_export_pages_draw (self->pages, (guint) page_nr, gtk_print_context_get_cairo_context (context));
}

static void
dossier_print_operation_done (GtkPrintOperation       *operation,
                              GtkPrintOperationResult  result)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  /* Only dossier_print_case() runs asynchronously and reports here; a
   * synchronous caller gets the error from gtk_print_operation_run(). */
  if (self->report_errors)
    {
      if (self->layout_error != NULL)
        show_error (self, self->layout_error);
      else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
        {
          gtk_print_operation_get_error (operation, &error);
          if (error != NULL)
            show_error (self, error);
        }
    }

  if (GTK_PRINT_OPERATION_CLASS (dossier_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (dossier_print_operation_parent_class)->done (operation, result);
}

static void
dossier_print_operation_finalize (GObject *object)
{
  DossierPrintOperation *self = DOSSIER_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->dcase);
  g_clear_pointer (&self->pages, dossier_export_pages_free);
  g_clear_error (&self->layout_error);
  g_free (self->notes_arg);

  G_OBJECT_CLASS (dossier_print_operation_parent_class)->finalize (object);
}

static void
dossier_print_operation_class_init (DossierPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = dossier_print_operation_finalize;

  print_class->begin_print = dossier_print_operation_begin_print;
  print_class->draw_page = dossier_print_operation_draw_page;
  /* No end-print: the print surface may still refer to the pages'
   * recordings until it is finished, so they live as long as the
   * operation. */
  print_class->done = dossier_print_operation_done;
}

static void
dossier_print_operation_init (DossierPrintOperation *self)
{
  /* The layout has its own margins and measures in points. */
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/* Public API */

DossierPrintOperation *
dossier_print_operation_new (DossierCase                *dcase,
                             const DossierExportOptions *options)
{
  DossierPrintOperation *self;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPaperSize *paper;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_PRINT_OPERATION, NULL);
  self->dcase = g_object_ref (dcase);
  self->options = *options;
  self->options.format = DOSSIER_EXPORT_PDF;
  self->options.progress = NULL;
  self->options.progress_data = NULL;
  self->notes_arg = g_strdup (options->notes_arg);
  self->options.notes_arg = self->notes_arg;

  page_setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (options->paper == DOSSIER_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_paper_size_free (paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), dossier_case_get_display_title (dcase));

  return self;
}

DossierCase *
dossier_print_operation_get_case (DossierPrintOperation *self)
{
  g_return_val_if_fail (DOSSIER_IS_PRINT_OPERATION (self), NULL);

  return self->dcase;
}

guint
dossier_print_operation_get_n_pages (DossierPrintOperation *self)
{
  g_return_val_if_fail (DOSSIER_IS_PRINT_OPERATION (self), 0);

  return self->n_pages;
}

gboolean
dossier_print_case (GtkWindow    *parent,
                    DossierCase  *dcase,
                    GError      **error)
{
  g_autoptr(DossierPrintOperation) self = NULL;
  DossierExportOptions options;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dossier_export_options_init (&options);
  self = dossier_print_operation_new (dcase, &options);
  g_set_weak_pointer (&self->parent, parent);
  self->report_errors = TRUE;
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);

  /* The operation holds itself while the dialog and the job run. */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
