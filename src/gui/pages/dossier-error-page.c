/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-error-page.h"

#include "dossier-core.h"

struct _DossierErrorPage
{
  DossierLazyWidget  parent_instance;

  GtkLabel          *title_label;
  GtkLabel          *description_label;
  GtkLabel          *count_label;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (DossierErrorPage, dossier_error_page, DOSSIER_TYPE_LAZY_WIDGET)

static void
on_copy_clicked_cb (DossierErrorPage *self)
{
  g_autofree char *text = dossier_error_page_get_text (self);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GtkWidget *overlay;

  gdk_clipboard_set_text (clipboard, text);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Problems copied")));
}

static const char *
describe_error (const GError *error)
{
  if (error->domain != DOSSIER_CASE_ERROR)
    return _("The file could not be read.");

  switch (error->code)
    {
    case DOSSIER_CASE_ERROR_IO:
      return _("The file could not be read.");
    case DOSSIER_CASE_ERROR_NOT_WELL_FORMED:
      return _("The file is not well-formed XML, so it cannot be a case file.");
    case DOSSIER_CASE_ERROR_NOT_A_CASE:
      return _("The file is not a Dossier case file.");
    case DOSSIER_CASE_ERROR_UNSUPPORTED_FORMAT:
      return _("The file was written for a newer version of Dossier.");
    case DOSSIER_CASE_ERROR_INVALID:
      return _("The file is a case file but breaks the case file format. Fix the problems below and it opens.");
    case DOSSIER_CASE_ERROR_INVALID_BUNDLE:
      return _("The file is not a STIX 2.1 bundle that Dossier can read.");
    default:
      return _("The file could not be opened.");
    }
}

static void
dossier_error_page_class_init (DossierErrorPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierErrorPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierErrorPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, DossierErrorPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierErrorPage, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
}

static void
dossier_error_page_init (DossierErrorPage *self)
{
}

GtkWidget *
dossier_error_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_ERROR_PAGE, NULL);
}

void
dossier_error_page_set_error (DossierErrorPage *self,
                              GFile            *file,
                              const GError     *error)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines = 0;
  g_autofree char *count = NULL;

  g_return_if_fail (DOSSIER_IS_ERROR_PAGE (self));
  g_return_if_fail (error != NULL);

  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (self));
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      name = dossier_sanitize_display_text (basename);
    }

  if (name != NULL)
    description = g_strdup_printf (_("“%s” cannot be opened. %s"), name, describe_error (error));
  else
    description = g_strdup (describe_error (error));
  gtk_label_set_text (self->description_label, description);

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      n_lines++;

  count = g_strdup_printf (ngettext ("%u problem", "%u problems", n_lines), n_lines);
  gtk_label_set_text (self->count_label, count);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), error->message, -1);
}

char *
dossier_error_page_get_text (DossierErrorPage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_ERROR_PAGE (self), NULL);

  dossier_lazy_widget_ensure_built (DOSSIER_LAZY_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
