/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export.h"

#include <glib/gi18n-lib.h>

#include "dossier-export-private.h"

/* The way in: builds the document of a case (dossier-export-collect.c)
 * and hands it to the renderer of the format asked for. */

#define FILENAME_MAX_CHARS 64

struct _DossierExportPages
{
  DossierCase          *dcase;
  DossierExportOptions  options;
  char                 *notes_arg;
  DossierExportDoc     *doc;
  double                width;
  double                height;
  guint                 n_pages;
};

gboolean
dossier_export_to_stream (DossierCase                *dcase,
                          const DossierExportOptions *options,
                          GOutputStream              *stream,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(DossierExportDoc) doc = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = dossier_export_doc_build (dcase, options, cancellable, error);
  if (doc == NULL)
    return FALSE;

  switch (options->format)
    {
    case DOSSIER_EXPORT_MARKDOWN:
      return dossier_export_render_markdown (doc, stream, error);
    case DOSSIER_EXPORT_HTML:
      return dossier_export_render_html (doc, stream, error);
    case DOSSIER_EXPORT_TEXT:
      return dossier_export_render_text (doc, stream, error);
    case DOSSIER_EXPORT_PDF:
      return dossier_export_render_pdf (doc, stream, error);
    default:
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_INVALID_OPTION,
                   _("Unknown export format %d"), (int) options->format);
      return FALSE;
    }
}

DossierExportPages *
dossier_export_pages_new (DossierCase                *dcase,
                          const DossierExportOptions *options,
                          double                      page_width,
                          double                      page_height,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(DossierExportPages) pages = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pages = g_new0 (DossierExportPages, 1);
  pages->dcase = g_object_ref (dcase);
  /* The document points at its options: they live here. */
  pages->options = *options;
  pages->notes_arg = g_strdup (options->notes_arg);
  pages->options.notes_arg = pages->notes_arg;
  /* Printed pages are the PDF's, the chart of the timeline included. */
  pages->options.format = DOSSIER_EXPORT_PDF;
  pages->width = page_width;
  pages->height = page_height;

  pages->doc = dossier_export_doc_build (dcase, &pages->options, cancellable, error);
  if (pages->doc == NULL)
    return NULL;
  if (!dossier_export_render_pages (pages->doc, page_width, page_height, 0, NULL, &pages->n_pages, error))
    return NULL;

  /* Drawing a page later is not cancellable, nor reports progress. */
  pages->doc->cancellable = NULL;
  pages->options.progress = NULL;

  return g_steal_pointer (&pages);
}

guint
dossier_export_pages_get_n_pages (DossierExportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);

  return pages->n_pages;
}

void
dossier_export_pages_draw (DossierExportPages *pages,
                           guint               page,
                           cairo_t            *cr)
{
  g_return_if_fail (pages != NULL);
  g_return_if_fail (page < pages->n_pages);
  g_return_if_fail (cr != NULL);

  dossier_export_render_pages (pages->doc, pages->width, pages->height, page, cr, NULL, NULL);
}

void
dossier_export_pages_free (DossierExportPages *pages)
{
  if (pages == NULL)
    return;

  g_clear_pointer (&pages->doc, dossier_export_doc_free);
  g_clear_object (&pages->dcase);
  g_free (pages->notes_arg);
  g_free (pages);
}

GBytes *
dossier_export_to_bytes (DossierCase                *dcase,
                         const DossierExportOptions *options,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  stream = g_memory_output_stream_new_resizable ();
  if (!dossier_export_to_stream (dcase, options, stream, cancellable, error))
    return NULL;
  if (!g_output_stream_close (stream, cancellable, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

char *
dossier_export_suggest_filename (DossierCase         *dcase,
                                 DossierExportFormat  format)
{
  g_autofree char *clean = NULL;
  GString *name;
  const char *title;
  guint chars = 0;
  gboolean dash = FALSE;

  g_return_val_if_fail (DOSSIER_IS_CASE (dcase), NULL);
  g_return_val_if_fail (format <= DOSSIER_EXPORT_PDF, NULL);

  title = dossier_case_get_display_title (dcase);
  if (title == NULL || *title == '\0')
    title = dossier_case_get_id (dcase);
  clean = dossier_export_clean_text (title != NULL ? title : "");

  /* Letters, digits and marks stay; every run of anything else (slashes,
   * dots, spaces, quotes, controls that slipped through) is one dash. */
  name = g_string_new (NULL);
  for (const char *p = clean; *p != '\0' && chars < FILENAME_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_isalnum (c) || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        {
          if (dash && name->len > 0)
            {
              g_string_append_c (name, '-');
              chars++;
            }
          dash = FALSE;
          g_string_append_unichar (name, c);
          chars++;
        }
      else
        dash = TRUE;
    }

  /* Marks need a base letter before them. */
  while (name->len > 0 && !g_unichar_isalnum (g_utf8_get_char (name->str)))
    g_string_erase (name, 0, g_utf8_next_char (name->str) - name->str);

  if (name->len == 0)
    g_string_append (name, "case");

  g_string_append_c (name, '.');
  g_string_append (name, dossier_export_format_get_extension (format));

  return g_string_free (name, FALSE);
}

