/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* The PDF half of the PDF export: the cairo PDF surface, on a thread of
 * its own. dossier-export-pdf.c lays the text out and draws each page
 * into a recording; the emitter thread paints those pages onto the PDF
 * surface and turns them into PDF (cairo does that work when a page is
 * shown). Links, destinations and outline entries travel with their page
 * and are issued here in the order they were made. Only cairo objects
 * cross threads (recordings, and the scaled fonts they hold, which cairo
 * locks). The PDF is written by one thread, in page order, so the bytes
 * do not depend on timing. */

#define PAGES_IN_FLIGHT 6
#define WRITE_BUFFER_SIZE (256 * 1024)

/* What a page asks of the PDF surface besides its drawing. */
typedef enum
{
  PAGE_OP_LINK,
  PAGE_OP_OUTLINE,
} PageOpKind;

/* A link or anchor is formatted for cairo by the emitter. */
typedef struct
{
  PageOpKind              kind;
  DossierExportPdfTarget  target_kind;  /* link */
  guint                   level;        /* outline */
  char                   *text;         /* link target, outline title */
  char                   *attrs;        /* outline */
  double                  x, y, width, height;
} PageOp;

/* No recording marks the end. */
struct _DossierExportPdfPage
{
  cairo_surface_t *recording;
  GArray          *ops;  /* of PageOp */
};

struct _DossierExportPdfEmitter
{
  DossierExportDoc     *doc;
  GOutputStream        *stream;
  GError               *write_error;
  gint                  failed;   /* atomic: write_error is set */
  guint8               *buffer;
  gsize                 buffered;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  int                   outline_h2;
  GAsyncQueue          *pages;    /* of DossierExportPdfPage, in order */
  GAsyncQueue          *slots;    /* bounds the pages in flight */
  GThread              *thread;
  DossierExportPdfPage *last_page;
};

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Always a dot: cairo parses the attributes in the C locale. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* A quoted string in cairo's attribute syntax: single quotes, with
 * backslash and single quote escaped by a backslash. */
static void
append_attr_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* Pages */

static void
page_op_clear (gpointer data)
{
  PageOp *op = data;

  g_free (op->text);
  g_free (op->attrs);
}

DossierExportPdfPage *
dossier_export_pdf_page_new (double width,
                             double height)
{
  DossierExportPdfPage *page = g_new0 (DossierExportPdfPage, 1);
  cairo_rectangle_t extents = { 0, 0, width, height };

  page->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  page->ops = g_array_new (FALSE, FALSE, sizeof (PageOp));
  g_array_set_clear_func (page->ops, page_op_clear);

  return page;
}

cairo_surface_t *
dossier_export_pdf_page_get_recording (DossierExportPdfPage *page)
{
  return page->recording;
}

void
dossier_export_pdf_page_add_link (DossierExportPdfPage   *page,
                                  DossierExportPdfTarget  kind,
                                  const char             *target,
                                  double                  x,
                                  double                  y,
                                  double                  width,
                                  double                  height)
{
  PageOp op = { PAGE_OP_LINK, kind, 0, g_strdup (target), NULL, x, y, width, height };

  g_array_append_val (page->ops, op);
}

void
dossier_export_pdf_page_add_outline (DossierExportPdfPage *page,
                                     guint                 level,
                                     const char           *title,
                                     int                   page_number,
                                     double                x,
                                     double                y)
{
  g_autofree char *sy = format_number (y);
  g_autofree char *sx = format_number (x);
  char *attrs = g_strdup_printf ("page=%d pos=[%s %s]", page_number, sx, sy);
  PageOp op = { PAGE_OP_OUTLINE, DOSSIER_EXPORT_PDF_TARGET_DEST, level, g_strdup (title), attrs, 0, 0, 0, 0 };

  g_array_append_val (page->ops, op);
}

void
dossier_export_pdf_page_free (DossierExportPdfPage *page)
{
  g_clear_pointer (&page->recording, cairo_surface_destroy);
  g_clear_pointer (&page->ops, g_array_unref);
  g_free (page);
}

/* The emitter thread */

static void
issue_link (DossierExportPdfEmitter *e,
            const PageOp            *op)
{
  g_autoptr(GString) attrs = g_string_new (NULL);
  g_autofree char *sx = format_number (op->x);
  g_autofree char *sy = format_number (op->y);

  if (op->target_kind == DOSSIER_EXPORT_PDF_TARGET_ANCHOR)
    {
      g_string_append (attrs, "name=");
      append_attr_string (attrs, op->text);
      g_string_append_printf (attrs, " x=%s y=%s", sx, sy);
      cairo_tag_begin (e->cr, CAIRO_TAG_DEST, attrs->str);
      cairo_tag_end (e->cr, CAIRO_TAG_DEST);
      return;
    }

  {
    g_autofree char *sw = format_number (op->width);
    g_autofree char *sh = format_number (op->height);

    g_string_append_printf (attrs, "rect=[%s %s %s %s] ", sx, sy, sw, sh);
  }
  if (op->target_kind == DOSSIER_EXPORT_PDF_TARGET_URI)
    {
      g_autofree char *encoded = dossier_export_encode_href (op->text);

      g_string_append (attrs, "uri=");
      append_attr_string (attrs, encoded);
    }
  else
    {
      g_string_append (attrs, "dest=");
      append_attr_string (attrs, op->text);
    }
  cairo_tag_begin (e->cr, CAIRO_TAG_LINK, attrs->str);
  cairo_tag_end (e->cr, CAIRO_TAG_LINK);
}

static void
emit_page_ops (DossierExportPdfEmitter *e,
               DossierExportPdfPage    *page)
{
  for (guint i = 0; i < page->ops->len; i++)
    {
      PageOp *op = &g_array_index (page->ops, PageOp, i);

      switch (op->kind)
        {
        case PAGE_OP_LINK:
          issue_link (e, op);
          break;

        case PAGE_OP_OUTLINE:
          {
            int parent = CAIRO_PDF_OUTLINE_ROOT;
            int id;

            if (op->level >= 3 && e->outline_h2 > 0)
              parent = e->outline_h2;
            id = cairo_pdf_surface_add_outline (e->surface, parent, op->text, op->attrs,
                                                op->level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
            if (op->level == 2)
              e->outline_h2 = id;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* A page's recording stays alive until the page after it is shown:
 * cairo keeps using it until then. */
static gpointer
emitter_thread (gpointer data)
{
  DossierExportPdfEmitter *e = data;
  DossierExportPdfPage *shown = NULL;

  for (;;)
    {
      DossierExportPdfPage *page = g_async_queue_pop (e->pages);

      if (page->recording == NULL)
        {
          dossier_export_pdf_page_free (page);
          break;
        }

      if (!g_atomic_int_get (&e->failed))
        {
          if (shown != NULL)
            cairo_show_page (e->cr);
          g_clear_pointer (&shown, dossier_export_pdf_page_free);
          cairo_set_source_surface (e->cr, page->recording, 0, 0);
          cairo_paint (e->cr);
          cairo_set_source_rgb (e->cr, 0, 0, 0);
          emit_page_ops (e, page);
          shown = page;
        }
      else
        dossier_export_pdf_page_free (page);

      g_async_queue_push (e->slots, GINT_TO_POINTER (1));
    }

  /* The last page is shown when the surface is finished. */
  return shown;
}

/* Writing */

static void
write_out (DossierExportPdfEmitter *e,
           const guint8            *data,
           gsize                    length)
{
  if (e->write_error != NULL || length == 0)
    return;

  if (!g_output_stream_write_all (e->stream, data, length, NULL, e->doc->cancellable, &e->write_error))
    g_atomic_int_set (&e->failed, TRUE);
}

static void
flush_output (DossierExportPdfEmitter *e)
{
  write_out (e, e->buffer, e->buffered);
  e->buffered = 0;
}

/* cairo writes in small pieces; they go out in large ones. A failed
 * write is kept here and cairo is told all is well: cairo 1.16 can crash
 * finishing a surface whose stream failed, and the export stops at the
 * next block anyway. */
static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  DossierExportPdfEmitter *e = closure;

  if (e->write_error != NULL)
    return CAIRO_STATUS_SUCCESS;

  if (e->buffered + length > WRITE_BUFFER_SIZE)
    flush_output (e);
  if (length >= WRITE_BUFFER_SIZE)
    write_out (e, data, length);
  else
    {
      memcpy (e->buffer + e->buffered, data, length);
      e->buffered += length;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* "2014-12-19T00:00:00Z": the case's own date, so the file does not
 * change with the clock. */
static char *
metadata_date (DossierExportDoc *doc)
{
  const DossierDate *updated = dossier_case_get_updated (doc->dcase);
  g_autoptr(GDateTime) time = NULL;

  if (updated != NULL)
    time = dossier_date_to_date_time (updated);
  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* The emitter */

DossierExportPdfEmitter *
dossier_export_pdf_emitter_new (DossierExportDoc *doc,
                                GOutputStream    *stream,
                                double            page_width,
                                double            page_height)
{
  DossierExportPdfEmitter *e = g_new0 (DossierExportPdfEmitter, 1);
  g_autofree char *date = metadata_date (doc);

  e->doc = doc;
  e->stream = stream;
  e->buffer = g_malloc (WRITE_BUFFER_SIZE);
  e->surface = cairo_pdf_surface_create_for_stream (write_cb, e, page_width, page_height);
  cairo_pdf_surface_set_metadata (e->surface, CAIRO_PDF_METADATA_TITLE, doc->title_plain);
  cairo_pdf_surface_set_metadata (e->surface, CAIRO_PDF_METADATA_CREATOR, "Dossier");
  cairo_pdf_surface_set_metadata (e->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (e->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  e->cr = cairo_create (e->surface);

  return e;
}

cairo_t *
dossier_export_pdf_emitter_get_cr (DossierExportPdfEmitter *e)
{
  return e->cr;
}

void
dossier_export_pdf_emitter_start (DossierExportPdfEmitter *e)
{
  e->pages = g_async_queue_new ();
  e->slots = g_async_queue_new ();
  for (guint i = 0; i < PAGES_IN_FLIGHT; i++)
    g_async_queue_push (e->slots, GINT_TO_POINTER (1));
  e->thread = g_thread_new ("dossier-pdf", emitter_thread, e);
}

void
dossier_export_pdf_emitter_push (DossierExportPdfEmitter *e,
                                 DossierExportPdfPage    *page)
{
  g_async_queue_pop (e->slots);
  g_async_queue_push (e->pages, page);
}

gboolean
dossier_export_pdf_emitter_failed (DossierExportPdfEmitter *e)
{
  return g_atomic_int_get (&e->failed);
}

void
dossier_export_pdf_emitter_join (DossierExportPdfEmitter *e)
{
  /* A page without a recording ends the thread. */
  g_async_queue_push (e->pages, g_new0 (DossierExportPdfPage, 1));
  e->last_page = g_thread_join (e->thread);
  e->thread = NULL;
  g_clear_pointer (&e->pages, g_async_queue_unref);
  g_clear_pointer (&e->slots, g_async_queue_unref);
}

gboolean
dossier_export_pdf_emitter_close (DossierExportPdfEmitter  *e,
                                  GError                  **error)
{
  cairo_status_t status;
  gboolean ok = TRUE;

  cairo_destroy (e->cr);
  cairo_surface_finish (e->surface);
  status = cairo_surface_status (e->surface);
  cairo_surface_destroy (e->surface);
  g_clear_pointer (&e->last_page, dossier_export_pdf_page_free);
  flush_output (e);
  g_free (e->buffer);

  if (e->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&e->write_error));
      ok = FALSE;
    }
  else if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      ok = FALSE;
    }

  g_free (e);
  return ok;
}
