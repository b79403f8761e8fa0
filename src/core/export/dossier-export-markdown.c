/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* CommonMark with footnotes (GitHub, GitLab, Pandoc, Obsidian). Every
 * piece of case text goes through md_escape(): ASCII punctuation that can
 * open markup is backslash-escaped, so `<b>` stays the four characters it
 * is and `[x](javascript:...)` never becomes a link. There is no raw HTML
 * in the output: renderers that filter it (cmark's safe mode) would drop
 * it, and links with it. A citation is a footnote reference `[^N]`, N the
 * number of its source, and each cited source is one footnote definition
 * `[^N]: ...` in the list of sources; the renderer links both ways. */

typedef struct
{
  DossierExportDoc *doc;
  GString          *out;
  gboolean          line_start; /* nothing written yet on this block's line */
  gboolean          after_ref;  /* a footnote reference was written last */
  guint             in_link;
  GPtrArray        *deferred;   /* of DossierInline: cites met inside a link */
} MdWriter;

/* Escapes @text into the writer. @strict also escapes ':' '.' '/' '@' so
 * a printed address cannot be turned into a link by autolinking
 * extensions (GFM). */
static void
md_escape (MdWriter   *w,
           const char *text,
           gboolean    strict)
{
  GString *out = w->out;
  const char *p = text;

  if (text == NULL)
    return;

  if (w->line_start && *p != '\0')
    {
      /* What opens a block at the start of a line: lists, headings,
       * setext underlines, thematic breaks, ordered lists ("1." "1)"). */
      if (strchr ("-+=", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          p++;
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *q);
              p = q + 1;
            }
        }
      w->line_start = FALSE;
    }

  /* "[^1](x)" would be a link and "[^1]:" at the start of a line a
   * definition: what follows a reference stays text. */
  if (w->after_ref && (*p == '(' || *p == ':'))
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
      p++;
    }
  if (*p != '\0')
    w->after_ref = FALSE;

  for (; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>&!|~#", *p) != NULL ||
          (strict && strchr (":./@", *p) != NULL))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
md_raw (MdWriter   *w,
        const char *markup)
{
  g_string_append (w->out, markup);
  w->line_start = FALSE;
  w->after_ref = FALSE;
}

static void
md_link_open (MdWriter *w)
{
  md_raw (w, "[");
  w->in_link++;
}

/* A footnote reference, then the place in the source, if any, in
 * parentheses: "network[^1] (para. 1)". */
static void
md_cite (MdWriter            *w,
         const DossierInline *node)
{
  const DossierExportCite *cite = dossier_export_doc_lookup_cite (w->doc, node);

  if (cite == NULL)
    return;

  /* A reference inside a link's text would be part of the link: it
   * follows the link instead. */
  if (w->in_link > 0)
    {
      g_ptr_array_add (w->deferred, (gpointer) node);
      return;
    }

  g_string_append_printf (w->out, "[^%u]", cite->number);
  w->line_start = FALSE;
  w->after_ref = TRUE;
  if (node->at != NULL && *node->at != '\0')
    {
      g_autofree char *at = dossier_export_clean_text (node->at);

      md_escape (w, " (", FALSE);
      md_escape (w, at, FALSE);
      md_escape (w, ")", FALSE);
    }
}

static void
md_link_close (MdWriter   *w,
               const char *destination)
{
  w->in_link--;
  g_string_append (w->out, "](");
  g_string_append (w->out, destination);
  g_string_append_c (w->out, ')');

  if (w->in_link == 0)
    {
      for (guint i = 0; i < w->deferred->len; i++)
        md_cite (w, g_ptr_array_index (w->deferred, i));
      g_ptr_array_set_size (w->deferred, 0);
    }
}

static void md_inline (MdWriter *w, const DossierInline *node);

static void
md_children (MdWriter            *w,
             const DossierInline *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    md_inline (w, g_ptr_array_index (node->children, i));
}

/* Recursion is bounded: the loader caps inline nesting at 32. */
static void
md_inline (MdWriter            *w,
           const DossierInline *node)
{
  switch (node->kind)
    {
    case DOSSIER_INLINE_ROOT:
    case DOSSIER_INLINE_MENTION:
      md_children (w, node);
      break;

    case DOSSIER_INLINE_TEXT:
      {
        g_autofree char *text = dossier_export_clean_text (node->text);

        md_escape (w, text, FALSE);
      }
      break;

    case DOSSIER_INLINE_EM:
      md_raw (w, "*");
      md_children (w, node);
      md_raw (w, "*");
      break;

    case DOSSIER_INLINE_STRONG:
      md_raw (w, "**");
      md_children (w, node);
      md_raw (w, "**");
      break;

    case DOSSIER_INLINE_QUOTE:
      md_raw (w, "“");
      md_children (w, node);
      md_raw (w, "”");
      break;

    case DOSSIER_INLINE_LINK:
      if (w->in_link == 0 && dossier_link_is_safe (node->ref))
        {
          g_autofree char *href = dossier_export_encode_href (node->ref);

          md_link_open (w);
          md_children (w, node);
          md_link_close (w, href);
        }
      else
        md_children (w, node);
      break;

    case DOSSIER_INLINE_CITE:
      md_cite (w, node);
      break;

    default:
      break;
    }
}

static void
md_run (MdWriter  *w,
        GPtrArray *run)
{
  for (guint i = 0; i < run->len; i++)
    {
      DossierExportPiece *piece = g_ptr_array_index (run, i);

      switch (piece->kind)
        {
        case DOSSIER_EXPORT_PIECE_TEXT:
          md_escape (w, piece->text, FALSE);
          break;

        case DOSSIER_EXPORT_PIECE_LABEL:
          md_raw (w, "**");
          md_escape (w, piece->text, FALSE);
          md_raw (w, "**");
          break;

        case DOSSIER_EXPORT_PIECE_CERTAINTY:
          md_raw (w, "*");
          md_escape (w, piece->text, FALSE);
          md_raw (w, "*");
          break;

        case DOSSIER_EXPORT_PIECE_CODE:
          md_escape (w, piece->text, TRUE);
          break;

        case DOSSIER_EXPORT_PIECE_URL:
          if (w->in_link == 0 && dossier_link_is_safe (piece->text))
            {
              g_autofree char *href = dossier_export_encode_href (piece->text);

              md_link_open (w);
              md_escape (w, piece->text, FALSE);
              md_link_close (w, href);
            }
          else
            md_escape (w, piece->text, TRUE);
          break;

        case DOSSIER_EXPORT_PIECE_INLINE:
          md_inline (w, piece->node);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
md_line_run (MdWriter   *w,
             const char *prefix,
             GPtrArray  *run)
{
  g_string_append (w->out, prefix);
  w->line_start = TRUE;
  w->after_ref = FALSE;
  md_run (w, run);
  g_string_append_c (w->out, '\n');
}

static void
md_table (MdWriter           *w,
          DossierExportBlock *block)
{
  g_string_append (w->out, "|");
  for (guint i = 0; i < block->header->len; i++)
    {
      g_string_append_c (w->out, ' ');
      w->line_start = FALSE;
      md_run (w, g_ptr_array_index (block->header, i));
      g_string_append (w->out, " |");
    }
  g_string_append (w->out, "\n|");
  for (guint i = 0; i < block->header->len; i++)
    g_string_append (w->out, " --- |");
  g_string_append_c (w->out, '\n');

  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append (w->out, "|");
      for (guint i = 0; i < row->len; i++)
        {
          g_string_append_c (w->out, ' ');
          w->line_start = FALSE;
          md_run (w, g_ptr_array_index (row, i));
          g_string_append (w->out, " |");
        }
      g_string_append_c (w->out, '\n');
    }
}

/* A footnote definition for each cited source, numbered as its
 * references; a numbered list of the sources nobody cites after them (a
 * definition without a reference is not shown). A blank line between
 * definitions, which not every renderer needs but some do. */
static void
md_sources (MdWriter *w)
{
  gboolean listing = FALSE;

  for (guint i = 0; i < w->doc->sources->len; i++)
    {
      DossierExportSource *source = g_ptr_array_index (w->doc->sources, i);
      gboolean cited = source->occurrences->len > 0;

      /* Cited sources come first (they are numbered in order of first
       * citation), so the list only ever follows definitions. */
      if (i > 0 && !listing)
        g_string_append_c (w->out, '\n');
      if (cited)
        g_string_append_printf (w->out, "[^%u]: ", source->number);
      else
        {
          g_string_append_printf (w->out, "%u. ", source->number);
          listing = TRUE;
        }
      w->line_start = TRUE;
      w->after_ref = FALSE;
      md_run (w, source->run);
      g_string_append_c (w->out, '\n');
    }
}

gboolean
dossier_export_render_markdown (DossierExportDoc *doc,
                                GOutputStream    *stream,
                                GError          **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024 + 4096);
  g_autoptr(GPtrArray) deferred = g_ptr_array_new ();
  MdWriter w = { doc, out, TRUE, FALSE, 0, deferred };
  DossierExportBlockKind previous = DOSSIER_EXPORT_BLOCK_TITLE;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierExportBlock *block = g_ptr_array_index (doc->blocks, i);

      /* Text has no pictures: the timeline's list says what the chart
       * shows. */
      if (block->kind == DOSSIER_EXPORT_BLOCK_CHART)
        continue;

      /* Blocks are separated by a blank line, except items of one list
       * and paragraphs of one quotation. */
      if (i > 0)
        {
          if (block->kind == DOSSIER_EXPORT_BLOCK_ITEM && previous == DOSSIER_EXPORT_BLOCK_ITEM)
            ;
          else if (block->kind == DOSSIER_EXPORT_BLOCK_QUOTE && previous == DOSSIER_EXPORT_BLOCK_QUOTE)
            g_string_append (out, ">\n");
          else
            g_string_append_c (out, '\n');
        }
      previous = block->kind;

      switch (block->kind)
        {
        case DOSSIER_EXPORT_BLOCK_TITLE:
          md_line_run (&w, "# ", block->run);
          break;

        case DOSSIER_EXPORT_BLOCK_HEADING:
          md_line_run (&w, block->level <= 2 ? "## " : "### ", block->run);
          break;

        case DOSSIER_EXPORT_BLOCK_SUBTITLE:
        case DOSSIER_EXPORT_BLOCK_META:
        case DOSSIER_EXPORT_BLOCK_PARAGRAPH:
          md_line_run (&w, "", block->run);
          break;

        case DOSSIER_EXPORT_BLOCK_ITEM:
          md_line_run (&w, block->level <= 1 ? "- " : "  - ", block->run);
          break;

        case DOSSIER_EXPORT_BLOCK_QUOTE:
          md_line_run (&w, "> ", block->run);
          break;

        case DOSSIER_EXPORT_BLOCK_TABLE:
          md_table (&w, block);
          break;

        case DOSSIER_EXPORT_BLOCK_SOURCES:
          md_sources (&w);
          break;

        case DOSSIER_EXPORT_BLOCK_FOOTER:
          g_string_append (out, "---\n\n");
          md_line_run (&w, "", block->run);
          break;

        default:
          g_assert_not_reached ();
        }

      if ((i & 1023) == 0 && !dossier_export_doc_progress (doc, i, doc->blocks->len, error))
        return FALSE;
      if (!dossier_export_flush (out, stream, FALSE, doc->cancellable, error))
        return FALSE;
    }

  if (!dossier_export_flush (out, stream, TRUE, doc->cancellable, error))
    return FALSE;

  return dossier_export_doc_progress (doc, 1, 1, error);
}
