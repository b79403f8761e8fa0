/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Plain UTF-8 text wrapped at 72 columns of display width (wide CJK
 * characters count two, combining marks none), citations as [n]. */

#define TEXT_WIDTH 72

typedef struct
{
  DossierExportDoc *doc;
  GString          *out;
} TextWriter;

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;
  return 1;
}

static guint
display_width (const char *text,
               gssize      len)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;
  guint width = 0;

  for (const char *p = text; p < end;)
    {
      /* Most case text is ASCII: one column a byte. */
      if ((guchar) *p < 0x80)
        {
          width++;
          p++;
          continue;
        }
      width += char_width (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  return width;
}

/* Greedy wrapping of @text (single spaces between words, as the loader
 * collapses them) with @first before the first line and @indent before
 * the others. A word wider than a line is cut between characters. */
static void
text_wrap (GString    *out,
           const char *text,
           const char *first,
           const char *indent)
{
  guint indent_width = display_width (indent, -1);
  guint column;
  gboolean line_empty = TRUE;
  const char *p = text;

  g_string_append (out, first);
  column = display_width (first, -1);

  while (*p != '\0')
    {
      const char *end;
      guint width;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      end = strchr (p, ' ');
      if (end == NULL)
        end = p + strlen (p);
      width = display_width (p, end - p);

      if (!line_empty && column + 1 + width > TEXT_WIDTH)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
          column = indent_width;
          line_empty = TRUE;
        }
      else if (!line_empty)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      /* Too long for any line: fill this one, go on on the next. */
      while (column + width > TEXT_WIDTH && width > 0)
        {
          const char *q = p;
          guint used = 0;

          while (q < end)
            {
              guint cw = char_width (g_utf8_get_char (q));

              if (column + used + cw > TEXT_WIDTH && (used > 0 || !line_empty))
                break;
              used += cw;
              q = g_utf8_next_char (q);
            }
          g_string_append_len (out, p, q - p);
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
          column = indent_width;
          line_empty = TRUE;
          width -= used;
          p = q;
        }

      g_string_append_len (out, p, end - p);
      column += width;
      line_empty = FALSE;
      p = end;
    }

  g_string_append_c (out, '\n');
}

static void text_inline (TextWriter *w, GString *line, const DossierInline *node);

static void
text_children (TextWriter          *w,
               GString             *line,
               const DossierInline *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    text_inline (w, line, g_ptr_array_index (node->children, i));
}

/* Recursion is bounded: the loader caps inline nesting at 32. */
static void
text_inline (TextWriter          *w,
             GString             *line,
             const DossierInline *node)
{
  switch (node->kind)
    {
    case DOSSIER_INLINE_ROOT:
    case DOSSIER_INLINE_EM:
    case DOSSIER_INLINE_STRONG:
    case DOSSIER_INLINE_MENTION:
      text_children (w, line, node);
      break;

    case DOSSIER_INLINE_TEXT:
      {
        g_autofree char *text = dossier_export_clean_text (node->text);

        g_string_append (line, text);
      }
      break;

    case DOSSIER_INLINE_QUOTE:
      g_string_append (line, "“");
      text_children (w, line, node);
      g_string_append (line, "”");
      break;

    case DOSSIER_INLINE_LINK:
      {
        gsize start = line->len;

        text_children (w, line, node);
        /* The address beside the words, when it may be followed and is
         * not the words themselves. */
        if (dossier_link_is_safe (node->ref) && strcmp (line->str + start, node->ref) != 0)
          g_string_append_printf (line, " <%s>", node->ref);
      }
      break;

    case DOSSIER_INLINE_CITE:
      {
        const DossierExportCite *cite = dossier_export_doc_lookup_cite (w->doc, node);
        g_autofree char *label = NULL;

        if (cite == NULL)
          break;
        label = dossier_export_cite_label (cite, node);
        g_string_append_printf (line, "[%s]", label);
      }
      break;

    default:
      break;
    }
}

static char *
text_run (TextWriter *w,
          GPtrArray  *run)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < run->len; i++)
    {
      DossierExportPiece *piece = g_ptr_array_index (run, i);

      if (piece->kind == DOSSIER_EXPORT_PIECE_INLINE)
        text_inline (w, line, piece->node);
      else
        g_string_append (line, piece->text);
    }

  return g_string_free (line, FALSE);
}

static void
text_rule (GString *out,
           char     c,
           guint    width)
{
  for (guint i = 0; i < MAX (width, 1); i++)
    g_string_append_c (out, c);
  g_string_append_c (out, '\n');
}

/* The heading, wrapped, underlined as wide as its longest line. */
static void
text_heading (TextWriter *w,
              GPtrArray  *run,
              char        underline)
{
  g_autofree char *text = text_run (w, run);
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint longest = 0;

  text_wrap (wrapped, text, "", "");
  g_string_append (w->out, wrapped->str);

  lines = g_strsplit (wrapped->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    longest = MAX (longest, display_width (lines[i], -1));
  text_rule (w->out, underline, longest);
}

static void
text_table (TextWriter         *w,
            DossierExportBlock *block)
{
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);
      g_autoptr(GString) record = g_string_new (NULL);

      for (guint i = 0; i < row->len && i < block->header->len; i++)
        {
          g_autofree char *name = text_run (w, g_ptr_array_index (block->header, i));
          g_autofree char *value = text_run (w, g_ptr_array_index (row, i));

          /* A table shows "—" for nothing; a record leaves it out. */
          if (*value == '\0' || strcmp (value, "—") == 0)
            continue;
          if (record->len > 0)
            g_string_append (record, "; ");
          g_string_append_printf (record, "%s: %s", name, value);
        }
      text_wrap (w->out, record->str, "- ", "  ");
    }
}

static void
text_sources (TextWriter *w)
{
  for (guint i = 0; i < w->doc->sources->len; i++)
    {
      DossierExportSource *source = g_ptr_array_index (w->doc->sources, i);
      g_autofree char *entry = text_run (w, source->run);
      g_autofree char *first = g_strdup_printf ("[%u] ", source->number);
      g_autofree char *indent = g_strnfill (strlen (first), ' ');

      text_wrap (w->out, entry, first, indent);
    }
}

gboolean
dossier_export_render_text (DossierExportDoc *doc,
                            GOutputStream    *stream,
                            GError          **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024 + 4096);
  TextWriter w = { doc, out };
  DossierExportBlockKind previous = DOSSIER_EXPORT_BLOCK_TITLE;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierExportBlock *block = g_ptr_array_index (doc->blocks, i);
      g_autofree char *text = NULL;

      /* Text has no pictures: the timeline's list says what the chart
       * shows. */
      if (block->kind == DOSSIER_EXPORT_BLOCK_CHART)
        continue;

      if (i > 0 && !(block->kind == DOSSIER_EXPORT_BLOCK_ITEM && previous == DOSSIER_EXPORT_BLOCK_ITEM))
        g_string_append_c (out, '\n');
      previous = block->kind;

      switch (block->kind)
        {
        case DOSSIER_EXPORT_BLOCK_TITLE:
          text_heading (&w, block->run, '=');
          break;

        case DOSSIER_EXPORT_BLOCK_HEADING:
          text_heading (&w, block->run, block->level <= 2 ? '-' : '.');
          break;

        case DOSSIER_EXPORT_BLOCK_SUBTITLE:
        case DOSSIER_EXPORT_BLOCK_META:
        case DOSSIER_EXPORT_BLOCK_PARAGRAPH:
          text = text_run (&w, block->run);
          text_wrap (out, text, "", "");
          break;

        case DOSSIER_EXPORT_BLOCK_ITEM:
          text = text_run (&w, block->run);
          if (block->level <= 1)
            text_wrap (out, text, "- ", "  ");
          else
            text_wrap (out, text, "    - ", "      ");
          break;

        case DOSSIER_EXPORT_BLOCK_QUOTE:
          text = text_run (&w, block->run);
          text_wrap (out, text, "    ", "    ");
          break;

        case DOSSIER_EXPORT_BLOCK_TABLE:
          text_table (&w, block);
          break;

        case DOSSIER_EXPORT_BLOCK_SOURCES:
          text_sources (&w);
          break;

        case DOSSIER_EXPORT_BLOCK_FOOTER:
          text_rule (out, '-', TEXT_WIDTH);
          text = text_run (&w, block->run);
          text_wrap (out, text, "", "");
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
