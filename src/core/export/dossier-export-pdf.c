/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <pango/pangocairo.h>

#include "dossier-chart-image.h"

/* PDF through cairo and Pango: real text (fonts embedded by cairo), page
 * numbers, the headings as the document outline, citations that jump to
 * their source and sources that jump back. Case text reaches Pango only
 * through pango_layout_set_text() and attribute lists, never as markup;
 * link attributes are escaped for cairo's tag syntax. The document's
 * dates are the case's own, so the same case gives the same bytes.
 *
 * Two threads share the work, because both halves are heavy: this file,
 * in the calling thread, lays the text out with Pango and draws each page
 * into a cairo recording surface, with the links, destinations and
 * outline entries of the page; the emitter (dossier-export-pdf-emitter.c)
 * turns the pages into PDF in a thread of its own. Pango stays in the
 * calling thread. */

#define PT_PER_MM (72.0 / 25.4)

#define MARGIN_SIDE   (20.0 * PT_PER_MM)
#define MARGIN_TOP    (20.0 * PT_PER_MM)
#define MARGIN_BOTTOM (22.0 * PT_PER_MM)

#define ITEM_INDENT   14.0
#define QUOTE_INDENT  18.0
#define SOURCE_INDENT 26.0

#define BODY_FONT     "DejaVu Sans 9.5"
#define MONO_FAMILY   "DejaVu Sans Mono"

typedef struct
{
  DossierExportPdfTarget  kind;
  guint                   start;
  guint                   end;
  char                   *target;
} LinkRange;

typedef struct
{
  PangoLayout *layout;
  GArray      *links;  /* of LinkRange */
  double       x;      /* left edge of the layout on the page */
} Para;

typedef struct
{
  DossierExportDoc        *doc;
  DossierExportPdfEmitter *emitter;
  cairo_t                 *cr;       /* on the current page's recording, or
                                      * printing, the target or the sink */
  DossierExportPdfPage    *current;
  PangoContext            *context;
  double                   page_width;
  double                   page_height;
  double                   y;
  int                      page;
  GHashTable              *fonts;    /* name -> PangoFontDescription */
  PangoLayout             *bullets[2];
  PangoLayout             *number;   /* page numbers */
  cairo_t                 *sink;     /* printing: where the other pages go */
  cairo_t                 *target;   /* printing: where page @target_page goes */
  int                      target_page;
} PdfWriter;

/* Parsed once: a large case lays out hundreds of thousands of blocks. */
static const PangoFontDescription *
get_font (PdfWriter  *w,
          const char *name)
{
  PangoFontDescription *description = g_hash_table_lookup (w->fonts, name);

  if (description == NULL)
    {
      description = pango_font_description_from_string (name);
      g_hash_table_insert (w->fonts, (gpointer) name, description);
    }

  return description;
}

/* Building layouts */

static void
link_range_clear (gpointer data)
{
  LinkRange *range = data;

  g_free (range->target);
}

static void
para_clear (Para *para)
{
  g_clear_object (&para->layout);
  g_clear_pointer (&para->links, g_array_unref);
}

typedef struct
{
  PdfWriter      *w;
  GString        *text;
  PangoAttrList  *attrs;
  GArray         *links;
  guint           in_link;
} ParaBuilder;

static void
add_attr (ParaBuilder    *b,
          PangoAttribute *attr,
          guint           start)
{
  attr->start_index = start;
  attr->end_index = b->text->len;
  pango_attr_list_insert (b->attrs, attr);
}

static void
add_link (ParaBuilder            *b,
          DossierExportPdfTarget  kind,
          guint                   start,
          char                   *target)
{
  LinkRange range = { kind, start, b->text->len, target };

  g_array_append_val (b->links, range);
}

static void
style_link (ParaBuilder *b,
            guint        start)
{
  add_attr (b, pango_attr_foreground_new (0x1c1c, 0x5f5f, 0xb8b8), start);
  add_attr (b, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start);
}

static void
append_clean (ParaBuilder *b,
              const char  *text)
{
  g_autofree char *clean = dossier_export_clean_text (text);

  if (clean != NULL)
    g_string_append (b->text, clean);
}

static void build_inline (ParaBuilder *b, const DossierInline *node);

static void
build_children (ParaBuilder         *b,
                const DossierInline *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    build_inline (b, g_ptr_array_index (node->children, i));
}

/* Recursion is bounded: the loader caps inline nesting at 32. */
static void
build_inline (ParaBuilder         *b,
              const DossierInline *node)
{
  guint start = b->text->len;

  switch (node->kind)
    {
    case DOSSIER_INLINE_ROOT:
    case DOSSIER_INLINE_MENTION:
      build_children (b, node);
      break;

    case DOSSIER_INLINE_TEXT:
      append_clean (b, node->text);
      break;

    case DOSSIER_INLINE_EM:
      build_children (b, node);
      add_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
      break;

    case DOSSIER_INLINE_STRONG:
      build_children (b, node);
      add_attr (b, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
      break;

    case DOSSIER_INLINE_QUOTE:
      g_string_append (b->text, "“");
      build_children (b, node);
      g_string_append (b->text, "”");
      break;

    case DOSSIER_INLINE_LINK:
      if (b->in_link == 0 && dossier_link_is_safe (node->ref))
        {
          b->in_link++;
          build_children (b, node);
          b->in_link--;
          style_link (b, start);
          add_link (b, DOSSIER_EXPORT_PDF_TARGET_URI, start, g_strdup (node->ref));
        }
      else
        build_children (b, node);
      break;

    case DOSSIER_INLINE_CITE:
      {
        const DossierExportCite *cite = dossier_export_doc_lookup_cite (b->w->doc, node);
        g_autofree char *label = NULL;

        if (cite == NULL)
          break;
        label = dossier_export_cite_label (cite, node);
        add_link (b, DOSSIER_EXPORT_PDF_TARGET_ANCHOR, start, g_strdup_printf ("cite-%u", cite->occurrence));
        g_string_append_printf (b->text, "[%s]", label);
        add_attr (b, pango_attr_foreground_new (0x1c1c, 0x5f5f, 0xb8b8), start);
        if (b->in_link == 0)
          add_link (b, DOSSIER_EXPORT_PDF_TARGET_DEST, start, dossier_export_source_anchor (cite->source));
      }
      break;

    default:
      break;
    }
}

static void
build_run (ParaBuilder *b,
           GPtrArray   *run)
{
  for (guint i = 0; i < run->len; i++)
    {
      DossierExportPiece *piece = g_ptr_array_index (run, i);
      guint start = b->text->len;

      switch (piece->kind)
        {
        case DOSSIER_EXPORT_PIECE_TEXT:
          g_string_append (b->text, piece->text);
          break;

        case DOSSIER_EXPORT_PIECE_LABEL:
          g_string_append (b->text, piece->text);
          add_attr (b, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
          break;

        case DOSSIER_EXPORT_PIECE_CERTAINTY:
          g_string_append (b->text, piece->text);
          add_attr (b, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
          add_attr (b, pango_attr_foreground_new (0x5e5e, 0x5c5c, 0x6464), start);
          break;

        case DOSSIER_EXPORT_PIECE_CODE:
          g_string_append (b->text, piece->text);
          add_attr (b, pango_attr_family_new (MONO_FAMILY), start);
          break;

        case DOSSIER_EXPORT_PIECE_URL:
          g_string_append (b->text, piece->text);
          if (b->in_link == 0 && dossier_link_is_safe (piece->text))
            {
              style_link (b, start);
              add_link (b, DOSSIER_EXPORT_PDF_TARGET_URI, start, g_strdup (piece->text));
            }
          else
            add_attr (b, pango_attr_family_new (MONO_FAMILY), start);
          break;

        case DOSSIER_EXPORT_PIECE_INLINE:
          build_inline (b, piece->node);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* A layout of @run (and @prefix before it) @width points wide. */
static void
para_init (Para       *para,
           PdfWriter  *w,
           GPtrArray  *run,
           const char *prefix,
           const char *font,
           double      width,
           double      x)
{
  g_autoptr(GString) text = g_string_new (prefix);
  PangoAttrList *attrs = pango_attr_list_new ();
  ParaBuilder b = { w, text, attrs, NULL, 0 };

  para->links = g_array_new (FALSE, TRUE, sizeof (LinkRange));
  g_array_set_clear_func (para->links, link_range_clear);
  b.links = para->links;
  if (run != NULL)
    build_run (&b, run);

  para->layout = pango_layout_new (w->context);
  pango_layout_set_font_description (para->layout, get_font (w, font));
  pango_layout_set_width (para->layout, pango_units_from_double (width));
  pango_layout_set_wrap (para->layout, PANGO_WRAP_WORD_CHAR);
  /* Never markup: the text is set as text. */
  pango_layout_set_text (para->layout, text->str, text->len);
  pango_layout_set_attributes (para->layout, attrs);
  pango_attr_list_unref (attrs);
  para->x = x;
}

/* Pages */

static void
add_link_op (PdfWriter              *w,
             DossierExportPdfTarget  kind,
             const char             *target,
             double                  x,
             double                  y,
             double                  width,
             double                  height)
{
  /* Paper has no links, and a printed page may lack the anchor a link
   * on another page points to. */
  if (w->sink != NULL)
    return;

  dossier_export_pdf_page_add_link (w->current, kind, target, x, y, width, height);
}

/* Hands the page drawn so far to the emitter. */
static void
flush_page (PdfWriter *w)
{
  if (w->current == NULL)
    return;

  g_clear_pointer (&w->cr, cairo_destroy);
  dossier_export_pdf_emitter_push (w->emitter, g_steal_pointer (&w->current));
}

static void
begin_page (PdfWriter *w)
{
  if (w->sink != NULL)
    {
      /* Printing: every page is laid out, only the one asked for is
       * drawn, straight on the caller's cairo_t. (Handing out recordings
       * instead would tie their lifetime to the print surface's.) */
      if (w->cr == w->target)
        cairo_restore (w->target);
      w->cr = w->page + 1 == w->target_page ? w->target : w->sink;
      if (w->cr == w->target)
        cairo_save (w->target);
      return;
    }

  flush_page (w);
  w->current = dossier_export_pdf_page_new (w->page_width, w->page_height);
  w->cr = cairo_create (dossier_export_pdf_page_get_recording (w->current));
}

static void
emit_link (PdfWriter       *w,
           const LinkRange *range,
           double           x,
           double           y,
           double           width,
           double           height)
{
  add_link_op (w, range->kind, range->target, x, y, width, height);
}

static void
draw_page_number (PdfWriter *w)
{
  PangoLayout *layout = w->number;
  char number[16];
  int width, height;

  g_snprintf (number, sizeof number, "%d", w->page);
  pango_layout_set_text (layout, number, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_set_source_rgb (w->cr, 0.37, 0.36, 0.39);
  cairo_move_to (w->cr, (w->page_width - pango_units_to_double (width)) / 2,
                 w->page_height - MARGIN_BOTTOM / 2 - pango_units_to_double (height) / 2);
  pango_cairo_show_layout (w->cr, layout);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
new_page (PdfWriter *w)
{
  begin_page (w);
  w->page++;
  w->y = MARGIN_TOP;
  draw_page_number (w);
}

static double
bottom (PdfWriter *w)
{
  return w->page_height - MARGIN_BOTTOM;
}

/* What pango_layout_line_index_to_x() gives for a character boundary,
 * without its count of characters from the start of the paragraph on
 * every call: a source cited thousands of times is one paragraph with
 * thousands of links. */
static int
line_index_to_x (PangoLayoutLine *line,
                 const char      *text,
                 int              index)
{
  int width = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;
      PangoItem *item = run->item;

      if (index >= item->offset && index < item->offset + item->length)
        {
          int x;

          pango_glyph_string_index_to_x (run->glyphs, (char *) text + item->offset, item->length,
                                         &item->analysis, index - item->offset, FALSE, &x);
          return width + x;
        }
      width += pango_glyph_string_get_width (run->glyphs);
    }

  return width;
}

/* Draws one line whose top is at @top, and its links and anchors. */
static void
draw_line (PdfWriter       *w,
           Para            *para,
           PangoLayoutIter *iter,
           double           top)
{
  PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
  PangoRectangle logical;
  double baseline;
  double height;
  int line_start = line->start_index;
  int line_end = line->start_index + line->length;
  const char *text = pango_layout_get_text (para->layout);
  int line_width = -1;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
  height = pango_units_to_double (logical.height);

  cairo_move_to (w->cr, para->x + pango_units_to_double (logical.x), top + baseline);
  pango_cairo_show_layout_line (w->cr, line);

  for (guint i = 0; i < para->links->len; i++)
    {
      LinkRange *range = &g_array_index (para->links, LinkRange, i);
      int start = MAX ((int) range->start, line_start);
      int end = MIN ((int) range->end, line_end);
      int x0, x1;

      if (range->kind == DOSSIER_EXPORT_PDF_TARGET_ANCHOR)
        {
          if ((int) range->start < line_start || (int) range->start >= line_end)
            continue;
          x0 = line_index_to_x (line, text, range->start);
          emit_link (w, range, para->x + pango_units_to_double (x0), top, 0, 0);
          continue;
        }

      if (start >= end)
        continue;
      x0 = line_index_to_x (line, text, start);
      if (end == line_end)
        {
          if (line_width < 0)
            {
              PangoRectangle line_logical;

              pango_layout_line_get_extents (line, NULL, &line_logical);
              line_width = line_logical.x + line_logical.width;
            }
          x1 = line_width;
        }
      else
        x1 = line_index_to_x (line, text, end);
      emit_link (w, range, para->x + pango_units_to_double (MIN (x0, x1)), top,
                 pango_units_to_double (ABS (x1 - x0)), height);
    }
}

/* Places @para at the current position, line by line, turning the page
 * where it does not fit. Returns the page and top of its first line. */
static void
place_para (PdfWriter *w,
            Para      *para,
            int       *first_page,
            double    *first_top)
{
  PangoLayoutIter *iter = pango_layout_get_iter (para->layout);
  gboolean first = TRUE;

  do
    {
      PangoRectangle logical;
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = pango_units_to_double (logical.height);
      if (w->y + height > bottom (w) && w->y > MARGIN_TOP)
        new_page (w);
      if (first)
        {
          if (first_page != NULL)
            *first_page = w->page;
          if (first_top != NULL)
            *first_top = w->y;
          first = FALSE;
        }
      draw_line (w, para, iter, w->y);
      w->y += height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Draws @para whole with its top at @top, without turning pages (table
 * cells). */
static void
draw_para_at (PdfWriter *w,
              Para      *para,
              double     top)
{
  PangoLayoutIter *iter = pango_layout_get_iter (para->layout);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      draw_line (w, para, iter, top + pango_units_to_double (logical.y));
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static double
para_height (Para *para)
{
  int width, height;

  pango_layout_get_size (para->layout, &width, &height);
  return pango_units_to_double (height);
}

static void
ensure_space (PdfWriter *w,
              double     needed)
{
  if (w->y + needed > bottom (w) && w->y > MARGIN_TOP)
    new_page (w);
}

static double
content_width (PdfWriter *w)
{
  return w->page_width - 2 * MARGIN_SIDE;
}

static void
add_outline (PdfWriter  *w,
             Para       *para,
             guint       level,
             int         page,
             double      top)
{
  /* Paper has no outline. */
  if (w->sink != NULL)
    return;

  dossier_export_pdf_page_add_outline (w->current, level, pango_layout_get_text (para->layout),
                                       page, MARGIN_SIDE, top);
}

static void
place_heading (PdfWriter          *w,
               DossierExportBlock *block,
               const char         *font,
               double              space_before)
{
  Para para = { 0 };
  int page;
  double top;

  para_init (&para, w, block->run, "", font, content_width (w), MARGIN_SIDE);
  if (w->y > MARGIN_TOP)
    w->y += space_before;
  /* Keep a heading with the first lines under it. */
  ensure_space (w, para_height (&para) + 40);
  place_para (w, &para, &page, &top);
  add_outline (w, &para, block->kind == DOSSIER_EXPORT_BLOCK_TITLE ? 1 : block->level, page, top);
  w->y += 4;
  para_clear (&para);
}

static void
place_simple (PdfWriter          *w,
              DossierExportBlock *block,
              const char         *font,
              double              indent,
              double              space_after)
{
  Para para = { 0 };

  para_init (&para, w, block->run, "", font, content_width (w) - indent, MARGIN_SIDE + indent);
  place_para (w, &para, NULL, NULL);
  w->y += space_after;
  para_clear (&para);
}

/* The timeline chart across the text's width, by the same cairo code
 * as the window's; kept on one page. */
static void
place_chart (PdfWriter          *w,
             DossierExportBlock *block)
{
  double width = content_width (w);
  double height = dossier_chart_image_get_height (block->chart, width);

  ensure_space (w, height);
  cairo_save (w->cr);
  cairo_translate (w->cr, MARGIN_SIDE, w->y);
  dossier_chart_image_draw (block->chart, width, FALSE, w->cr);
  cairo_restore (w->cr);
  w->y += height + 8;
}

static void
place_item (PdfWriter          *w,
            DossierExportBlock *block)
{
  double indent = block->level <= 1 ? ITEM_INDENT : 2 * ITEM_INDENT;
  Para para = { 0 };
  int page;
  double top;

  para_init (&para, w, block->run, "", BODY_FONT, content_width (w) - indent, MARGIN_SIDE + indent);
  place_para (w, &para, &page, &top);
  if (page == w->page)
    {
      cairo_save (w->cr);
      cairo_move_to (w->cr, MARGIN_SIDE + indent - 9, top);
      pango_cairo_show_layout (w->cr, w->bullets[block->level <= 1 ? 0 : 1]);
      cairo_restore (w->cr);
    }
  w->y += 2;
  para_clear (&para);
}

static void
place_quote (PdfWriter          *w,
             DossierExportBlock *block)
{
  Para para = { 0 };
  int page;
  double top;

  para_init (&para, w, block->run, "", "DejaVu Serif Italic 10", content_width (w) - QUOTE_INDENT,
             MARGIN_SIDE + QUOTE_INDENT);
  place_para (w, &para, &page, &top);
  if (page == w->page)
    {
      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (w->cr, 2.5);
      cairo_move_to (w->cr, MARGIN_SIDE + 6, top);
      cairo_line_to (w->cr, MARGIN_SIDE + 6, w->y);
      cairo_stroke (w->cr);
      cairo_restore (w->cr);
    }
  w->y += 6;
  para_clear (&para);
}

static void
place_table (PdfWriter          *w,
             DossierExportBlock *block)
{
  static const double fractions[] = { 0.17, 0.17, 0.14, 0.14, 0.38 };
  double widths[G_N_ELEMENTS (fractions)];
  guint columns = MIN (block->header->len, G_N_ELEMENTS (fractions));
  double total = 0;
  const double pad = 3;

  for (guint i = 0; i < columns; i++)
    total += fractions[i];
  for (guint i = 0; i < columns; i++)
    widths[i] = content_width (w) * fractions[i] / total;

  for (guint r = 0; r <= block->rows->len; r++)
    {
      GPtrArray *row = r == 0 ? block->header : g_ptr_array_index (block->rows, r - 1);
      Para cells[G_N_ELEMENTS (fractions)] = { { 0 } };
      double row_height = 0;
      double x = MARGIN_SIDE;

      for (guint i = 0; i < columns && i < row->len; i++)
        {
          para_init (&cells[i], w, g_ptr_array_index (row, i), "",
                     r == 0 ? "DejaVu Sans Bold 8.5" : "DejaVu Sans 8.5",
                     widths[i] - 2 * pad, x + pad);
          row_height = MAX (row_height, para_height (&cells[i]) + 2 * pad);
          x += widths[i];
        }

      ensure_space (w, row_height);
      for (guint i = 0; i < columns && i < row->len; i++)
        draw_para_at (w, &cells[i], w->y + pad);

      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, 0.7, 0.7, 0.7);
      cairo_set_line_width (w->cr, 0.5);
      x = MARGIN_SIDE;
      for (guint i = 0; i < columns; i++)
        {
          cairo_rectangle (w->cr, x, w->y, widths[i], row_height);
          x += widths[i];
        }
      cairo_stroke (w->cr);
      cairo_restore (w->cr);

      w->y += row_height;
      for (guint i = 0; i < columns; i++)
        para_clear (&cells[i]);
    }
  w->y += 6;
}

static void
place_sources (PdfWriter *w)
{
  for (guint i = 0; i < w->doc->sources->len; i++)
    {
      DossierExportSource *source = g_ptr_array_index (w->doc->sources, i);
      g_autofree char *anchor = dossier_export_source_anchor (source);
      g_autofree char *number = g_strdup_printf ("[%u]", source->number);
      Para para = { 0 };
      int page;
      double top;
      guint len;

      para_init (&para, w, source->run, "", BODY_FONT, content_width (w) - SOURCE_INDENT,
                 MARGIN_SIDE + SOURCE_INDENT);
      /* The ways back to each place that cites it. */
      if (source->occurrences->len > 0)
        {
          g_autoptr(GString) text = g_string_new (pango_layout_get_text (para.layout));
          PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (para.layout));

          for (guint j = 0; j < source->occurrences->len; j++)
            {
              LinkRange range = { DOSSIER_EXPORT_PDF_TARGET_DEST, 0, 0, NULL };
              PangoAttribute *attr;

              g_string_append (text, " ");
              range.start = text->len;
              g_string_append (text, "↩");
              range.end = text->len;
              range.target = g_strdup_printf ("cite-%u", g_array_index (source->occurrences, guint, j));
              g_array_append_val (para.links, range);
              attr = pango_attr_foreground_new (0x1c1c, 0x5f5f, 0xb8b8);
              attr->start_index = range.start;
              attr->end_index = range.end;
              pango_attr_list_insert (attrs, attr);
            }
          len = text->len;
          pango_layout_set_text (para.layout, text->str, len);
          pango_layout_set_attributes (para.layout, attrs);
          pango_attr_list_unref (attrs);
        }

      ensure_space (w, 24);
      place_para (w, &para, &page, &top);
      {
        /* The number, and the destination citations jump to. */
        g_autoptr(PangoLayout) label = pango_layout_new (w->context);

        add_link_op (w, DOSSIER_EXPORT_PDF_TARGET_ANCHOR, anchor, MARGIN_SIDE, top, 0, 0);
        if (page != w->page)
          {
            /* The entry began on the page before: put the number there
             * would need going back; put it beside the lines here. */
            top = MARGIN_TOP;
          }
        pango_layout_set_font_description (label, get_font (w, BODY_FONT));
        pango_layout_set_text (label, number, -1);
        cairo_move_to (w->cr, MARGIN_SIDE, top);
        pango_cairo_show_layout (w->cr, label);
      }
      w->y += 4;
      para_clear (&para);
    }
}

static void
place_footer (PdfWriter          *w,
              DossierExportBlock *block)
{
  Para para = { 0 };

  para_init (&para, w, block->run, "", "DejaVu Sans 7.5", content_width (w), MARGIN_SIDE);
  w->y += 18;
  ensure_space (w, para_height (&para) + 8);
  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN_SIDE, w->y);
  cairo_line_to (w->cr, w->page_width - MARGIN_SIDE, w->y);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  w->y += 6;
  place_para (w, &para, NULL, NULL);
  para_clear (&para);
}

/* Pango for the writer. @cr only lends the font options of its
 * surface; hinting is then turned off, so text measures the same for the
 * PDF and for printing. */
static void
writer_init_text (PdfWriter *w,
                  cairo_t   *cr)
{
  cairo_font_options_t *font_options;

  w->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (w->context, 72);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (w->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (w->context, FALSE);
  w->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) pango_font_description_free);
  for (guint i = 0; i < G_N_ELEMENTS (w->bullets); i++)
    {
      w->bullets[i] = pango_layout_new (w->context);
      pango_layout_set_font_description (w->bullets[i], get_font (w, BODY_FONT));
      pango_layout_set_text (w->bullets[i], i == 0 ? "•" : "◦", -1);
    }
  w->number = pango_layout_new (w->context);
  pango_layout_set_font_description (w->number, get_font (w, "DejaVu Sans 8"));
}

static void
writer_clear_text (PdfWriter *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (w->bullets); i++)
    g_object_unref (w->bullets[i]);
  g_object_unref (w->number);
  g_hash_table_unref (w->fonts);
  g_object_unref (w->context);
}

/* Lays out every block from the first page on. FALSE when cancelled
 * (with @error) or when the emitter failed to write (without). */
static gboolean
place_blocks (PdfWriter  *w,
              GError    **error)
{
  DossierExportDoc *doc = w->doc;
  gboolean ok = TRUE;

  new_page (w);

  for (guint i = 0; i < doc->blocks->len && ok; i++)
    {
      DossierExportBlock *block = g_ptr_array_index (doc->blocks, i);

      /* Printing one page: the rest of the document is not needed. */
      if (w->target_page > 0 && w->page > w->target_page)
        break;

      switch (block->kind)
        {
        case DOSSIER_EXPORT_BLOCK_TITLE:
          place_heading (w, block, "DejaVu Sans Bold 19", 0);
          break;

        case DOSSIER_EXPORT_BLOCK_SUBTITLE:
          place_simple (w, block, "DejaVu Sans 12.5", 0, 4);
          break;

        case DOSSIER_EXPORT_BLOCK_META:
          place_simple (w, block, "DejaVu Sans 8.5", 0, block->level <= 1 ? 10 : 4);
          break;

        case DOSSIER_EXPORT_BLOCK_HEADING:
          if (block->level <= 2)
            place_heading (w, block, "DejaVu Sans Bold 14", 14);
          else
            place_heading (w, block, "DejaVu Sans Bold 11", 8);
          break;

        case DOSSIER_EXPORT_BLOCK_PARAGRAPH:
          place_simple (w, block, BODY_FONT, 0, 6);
          break;

        case DOSSIER_EXPORT_BLOCK_ITEM:
          place_item (w, block);
          /* Room between a list and what follows it. */
          if (i + 1 < doc->blocks->len &&
              ((DossierExportBlock *) g_ptr_array_index (doc->blocks, i + 1))->kind != DOSSIER_EXPORT_BLOCK_ITEM)
            w->y += 5;
          break;

        case DOSSIER_EXPORT_BLOCK_QUOTE:
          place_quote (w, block);
          break;

        case DOSSIER_EXPORT_BLOCK_TABLE:
          place_table (w, block);
          break;

        case DOSSIER_EXPORT_BLOCK_SOURCES:
          place_sources (w);
          break;

        case DOSSIER_EXPORT_BLOCK_FOOTER:
          place_footer (w, block);
          break;

        case DOSSIER_EXPORT_BLOCK_CHART:
          place_chart (w, block);
          break;

        default:
          g_assert_not_reached ();
        }

      if ((i & 255) == 0 && !dossier_export_doc_progress (doc, i, doc->blocks->len, error))
        ok = FALSE;
      if (w->emitter != NULL && dossier_export_pdf_emitter_failed (w->emitter))
        ok = FALSE;
    }

  return ok;
}

gboolean
dossier_export_render_pdf (DossierExportDoc *doc,
                           GOutputStream    *stream,
                           GError          **error)
{
  PdfWriter w = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) emitter_error = NULL;
  gboolean written;

  w.doc = doc;
  if (doc->options->paper == DOSSIER_PAPER_LETTER)
    {
      w.page_width = 612;
      w.page_height = 792;
    }
  else
    {
      w.page_width = 210 * PT_PER_MM;
      w.page_height = 297 * PT_PER_MM;
    }

  w.emitter = dossier_export_pdf_emitter_new (doc, stream, w.page_width, w.page_height);
  /* Made before the emitter starts: it reads the PDF surface's font
   * options. */
  writer_init_text (&w, dossier_export_pdf_emitter_get_cr (w.emitter));
  dossier_export_pdf_emitter_start (w.emitter);

  /* A failure shows in @local_error or in the emitter's. */
  place_blocks (&w, &local_error);

  /* The end: the last page, then the emitter finishes the PDF. */
  flush_page (&w);
  dossier_export_pdf_emitter_join (w.emitter);
  writer_clear_text (&w);
  written = dossier_export_pdf_emitter_close (g_steal_pointer (&w.emitter), &emitter_error);

  /* A failed progress (cancelled) comes first; then the stream's error. */
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!written)
    {
      g_propagate_error (error, g_steal_pointer (&emitter_error));
      return FALSE;
    }

  return dossier_export_doc_progress (doc, 1, 1, error);
}

gboolean
dossier_export_render_pages (DossierExportDoc *doc,
                             double            page_width,
                             double            page_height,
                             guint             page,
                             cairo_t          *target,
                             guint            *n_pages,
                             GError          **error)
{
  PdfWriter w = { 0 };
  cairo_surface_t *sink;
  gboolean ok;

  w.doc = doc;
  w.page_width = page_width;
  w.page_height = page_height;
  w.target = target;
  w.target_page = target != NULL ? (int) page + 1 : 0;

  /* Whatever is drawn outside the page asked for is clipped away at
   * once. */
  sink = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  w.sink = cairo_create (sink);
  cairo_surface_destroy (sink);
  cairo_rectangle (w.sink, 0, 0, 0, 0);
  cairo_clip (w.sink);
  w.cr = w.sink;

  writer_init_text (&w, w.sink);
  ok = place_blocks (&w, error);
  writer_clear_text (&w);
  if (w.cr == w.target)
    cairo_restore (w.target);
  cairo_destroy (w.sink);

  if (ok && n_pages != NULL)
    *n_pages = (guint) w.page;

  return ok;
}
