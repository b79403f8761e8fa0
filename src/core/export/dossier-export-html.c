/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-chart-image.h"

/* One self-contained HTML file: inline CSS, no script, a
 * Content-Security-Policy that forbids everything but that CSS and data:
 * images. Every piece of case text is escaped (& < > " '); only hrefs
 * that pass dossier_link_is_safe() become links, and they carry
 * rel="noopener noreferrer". */

static const char stylesheet[] =
  ":root { color-scheme: light dark; --fg: #1e1e1e; --bg: #ffffff; --muted: #5e5c64;"
  " --accent: #1c5fb8; --rule: #d0d0d0; --quote: #f3f3f3; }\n"
  "@media (prefers-color-scheme: dark) { :root { --fg: #eeeeee; --bg: #1e1e1e;"
  " --muted: #b0b0b8; --accent: #78aeed; --rule: #444444; --quote: #2a2a2a; } }\n"
  "body { font-family: Cantarell, 'DejaVu Sans', sans-serif; line-height: 1.5;"
  " color: var(--fg); background: var(--bg); margin: 0; }\n"
  "main { max-width: 46em; margin: 0 auto; padding: 2em 1.5em; }\n"
  "h1 { font-size: 1.9em; margin-bottom: 0.2em; }\n"
  "h2 { font-size: 1.4em; margin-top: 1.8em; border-bottom: 1px solid var(--rule); }\n"
  "h3 { font-size: 1.1em; margin-top: 1.4em; }\n"
  ".subtitle { font-size: 1.2em; color: var(--muted); margin-top: 0; }\n"
  ".meta, footer { color: var(--muted); font-size: 0.9em; }\n"
  ".certainty { color: var(--muted); }\n"
  "a { color: var(--accent); }\n"
  "sup.cite { line-height: 0; }\n"
  "sup.cite a { text-decoration: none; }\n"
  "blockquote { margin: 1em 0; padding: 0.5em 1em; background: var(--quote);"
  " border-left: 4px solid var(--rule); }\n"
  "table { border-collapse: collapse; width: 100%; font-size: 0.95em; }\n"
  "th, td { border: 1px solid var(--rule); padding: 0.3em 0.5em; text-align: left;"
  " vertical-align: top; }\n"
  "code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em;"
  " overflow-wrap: anywhere; }\n"
  "ol.sources li { margin-bottom: 0.4em; }\n"
  ".backref { text-decoration: none; }\n"
  ".chart { margin: 1em 0; padding: 0.3em; background: #ffffff; border: 1px solid var(--rule);"
  " border-radius: 6px; }\n"
  ".chart svg { display: block; width: 100%; height: auto; }\n"
  "footer { margin-top: 3em; border-top: 1px solid var(--rule); padding-top: 0.5em; }\n"
  "@media print {\n"
  "  :root { --fg: #000000; --bg: #ffffff; --muted: #333333; --accent: #000000;"
  " --rule: #999999; --quote: #ffffff; }\n"
  "  main { max-width: none; padding: 0; }\n"
  "  body { font-size: 11pt; }\n"
  "  h2, h3 { break-after: avoid; }\n"
  "  blockquote, tr, li, .chart { break-inside: avoid; }\n"
  "  .backref { display: none; }\n"
  "  a[href^=\"http\"]::after { content: \" <\" attr(href) \">\"; font-size: 0.85em; }\n"
  "}\n";

typedef struct
{
  DossierExportDoc *doc;
  GString          *out;
  guint             in_link;
} HtmlWriter;

static void
html_escape (GString    *out,
             const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

static void
html_link_open (HtmlWriter *w,
                const char *href)
{
  g_autofree char *encoded = dossier_export_encode_href (href);

  g_string_append (w->out, "<a href=\"");
  html_escape (w->out, encoded);
  g_string_append (w->out, "\" rel=\"noopener noreferrer\">");
  w->in_link++;
}

static void
html_link_close (HtmlWriter *w)
{
  g_string_append (w->out, "</a>");
  w->in_link--;
}

static void
html_cite (HtmlWriter          *w,
           const DossierInline *node)
{
  const DossierExportCite *cite = dossier_export_doc_lookup_cite (w->doc, node);
  g_autofree char *label = NULL;

  if (cite == NULL)
    return;

  label = dossier_export_cite_label (cite, node);
  g_string_append_printf (w->out, "<sup class=\"cite\" id=\"cite-%u\">", cite->occurrence);
  if (w->in_link == 0)
    {
      g_autofree char *anchor = dossier_export_source_anchor (cite->source);

      g_string_append_printf (w->out, "<a href=\"#%s\">", anchor);
    }
  g_string_append_c (w->out, '[');
  html_escape (w->out, label);
  g_string_append_c (w->out, ']');
  if (w->in_link == 0)
    g_string_append (w->out, "</a>");
  g_string_append (w->out, "</sup>");
}

static void html_inline (HtmlWriter *w, const DossierInline *node);

static void
html_children (HtmlWriter          *w,
               const DossierInline *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    html_inline (w, g_ptr_array_index (node->children, i));
}

/* Recursion is bounded: the loader caps inline nesting at 32. */
static void
html_inline (HtmlWriter          *w,
             const DossierInline *node)
{
  switch (node->kind)
    {
    case DOSSIER_INLINE_ROOT:
      html_children (w, node);
      break;

    case DOSSIER_INLINE_TEXT:
      {
        g_autofree char *text = dossier_export_clean_text (node->text);

        html_escape (w->out, text);
      }
      break;

    case DOSSIER_INLINE_EM:
      g_string_append (w->out, "<em>");
      html_children (w, node);
      g_string_append (w->out, "</em>");
      break;

    case DOSSIER_INLINE_STRONG:
      g_string_append (w->out, "<strong>");
      html_children (w, node);
      g_string_append (w->out, "</strong>");
      break;

    case DOSSIER_INLINE_QUOTE:
      g_string_append (w->out, "<q>");
      html_children (w, node);
      g_string_append (w->out, "</q>");
      break;

    case DOSSIER_INLINE_MENTION:
      g_string_append (w->out, "<span class=\"mention\">");
      html_children (w, node);
      g_string_append (w->out, "</span>");
      break;

    case DOSSIER_INLINE_LINK:
      if (w->in_link == 0 && dossier_link_is_safe (node->ref))
        {
          html_link_open (w, node->ref);
          html_children (w, node);
          html_link_close (w);
        }
      else
        html_children (w, node);
      break;

    case DOSSIER_INLINE_CITE:
      html_cite (w, node);
      break;

    default:
      break;
    }
}

static void
html_run (HtmlWriter *w,
          GPtrArray  *run)
{
  for (guint i = 0; i < run->len; i++)
    {
      DossierExportPiece *piece = g_ptr_array_index (run, i);

      switch (piece->kind)
        {
        case DOSSIER_EXPORT_PIECE_TEXT:
          html_escape (w->out, piece->text);
          break;

        case DOSSIER_EXPORT_PIECE_LABEL:
          g_string_append (w->out, "<strong>");
          html_escape (w->out, piece->text);
          g_string_append (w->out, "</strong>");
          break;

        case DOSSIER_EXPORT_PIECE_CERTAINTY:
          g_string_append (w->out, "<em class=\"certainty\">");
          html_escape (w->out, piece->text);
          g_string_append (w->out, "</em>");
          break;

        case DOSSIER_EXPORT_PIECE_CODE:
          g_string_append (w->out, "<code>");
          html_escape (w->out, piece->text);
          g_string_append (w->out, "</code>");
          break;

        case DOSSIER_EXPORT_PIECE_URL:
          if (w->in_link == 0 && dossier_link_is_safe (piece->text))
            {
              html_link_open (w, piece->text);
              html_escape (w->out, piece->text);
              html_link_close (w);
            }
          else
            {
              g_string_append (w->out, "<code>");
              html_escape (w->out, piece->text);
              g_string_append (w->out, "</code>");
            }
          break;

        case DOSSIER_EXPORT_PIECE_INLINE:
          html_inline (w, piece->node);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
html_tag_run (HtmlWriter *w,
              const char *open,
              GPtrArray  *run,
              const char *close)
{
  g_string_append (w->out, open);
  html_run (w, run);
  g_string_append (w->out, close);
}

static void
html_table (HtmlWriter         *w,
            DossierExportBlock *block)
{
  g_string_append (w->out, "<table>\n<thead><tr>");
  for (guint i = 0; i < block->header->len; i++)
    html_tag_run (w, "<th scope=\"col\">", g_ptr_array_index (block->header, i), "</th>");
  g_string_append (w->out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append (w->out, "<tr>");
      for (guint i = 0; i < row->len; i++)
        html_tag_run (w, "<td>", g_ptr_array_index (row, i), "</td>");
      g_string_append (w->out, "</tr>\n");
    }
  g_string_append (w->out, "</tbody>\n</table>\n");
}

static void
html_sources (HtmlWriter *w)
{
  g_string_append (w->out, "<ol class=\"sources\">\n");
  for (guint i = 0; i < w->doc->sources->len; i++)
    {
      DossierExportSource *source = g_ptr_array_index (w->doc->sources, i);
      g_autofree char *anchor = dossier_export_source_anchor (source);

      g_string_append_printf (w->out, "<li id=\"%s\" value=\"%u\">", anchor, source->number);
      html_run (w, source->run);
      for (guint j = 0; j < source->occurrences->len; j++)
        {
          guint k = g_array_index (source->occurrences, guint, j);
          g_autofree char *label = g_strdup_printf (_("Back to citation %u"), k);

          g_string_append_printf (w->out, " <a class=\"backref\" href=\"#cite-%u\" title=\"", k);
          html_escape (w->out, label);
          g_string_append (w->out, "\">↩</a>");
        }
      g_string_append (w->out, "</li>\n");
    }
  g_string_append (w->out, "</ol>\n");
}

static void
html_head (HtmlWriter *w)
{
  const char *language = dossier_case_get_language (w->doc->dcase);
  GString *out = w->out;

  g_string_append (out, "<!DOCTYPE html>\n<html");
  if (language != NULL && *language != '\0' &&
      strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == strlen (language))
    g_string_append_printf (out, " lang=\"%s\"", language);
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                        "<meta name=\"referrer\" content=\"no-referrer\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"color-scheme\" content=\"light dark\">\n"
                        "<meta name=\"generator\" content=\"Dossier\">\n"
                        "<title>");
  html_escape (out, w->doc->title_plain);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, stylesheet);
  g_string_append (out, "</style>\n</head>\n<body>\n<main>\n");
}

/* The chart's width in SVG units: about the column's width in CSS
 * pixels, so its words read at their size. */
#define HTML_CHART_WIDTH 760.0

/* The chart inline, as drawing only (dossier-export-svg.c); nothing when
 * cairo cannot draw it. */
static void
html_chart (HtmlWriter         *w,
            DossierExportBlock *block)
{
  g_autoptr(GBytes) svg = NULL;
  gsize start = w->out->len;

  svg = dossier_chart_image_to_bytes (block->chart, DOSSIER_CHART_EXPORT_SVG, HTML_CHART_WIDTH, NULL);
  if (svg == NULL)
    return;

  g_string_append (w->out, "<figure class=\"chart\">\n");
  if (!dossier_export_svg_write_inline (svg, "chart-", _("Timeline chart"), w->out))
    {
      g_string_truncate (w->out, start);
      return;
    }
  g_string_append (w->out, "</figure>\n");
}

typedef struct
{
  guint    depth;    /* 0: no list open, 1: a list, 2: a nested list */
  gboolean li_open;  /* a first-level <li> waits for its nested list */
  gboolean quote;
} HtmlState;

static void
html_close_containers (HtmlWriter         *w,
                       HtmlState          *state,
                       DossierExportBlock *next)
{
  gboolean next_item = next != NULL && next->kind == DOSSIER_EXPORT_BLOCK_ITEM;

  if (state->quote && (next == NULL || next->kind != DOSSIER_EXPORT_BLOCK_QUOTE))
    {
      g_string_append (w->out, "</blockquote>\n");
      state->quote = FALSE;
    }

  if (state->depth == 2 && (!next_item || next->level <= 1))
    {
      g_string_append (w->out, "</ul>\n");
      state->depth = 1;
    }
  if (state->depth == 1 && state->li_open && (!next_item || next->level <= 1))
    {
      g_string_append (w->out, "</li>\n");
      state->li_open = FALSE;
    }
  if (state->depth == 1 && !next_item)
    {
      g_string_append (w->out, "</ul>\n");
      state->depth = 0;
    }
}

static void
html_item (HtmlWriter         *w,
           HtmlState          *state,
           DossierExportBlock *block)
{
  if (state->depth == 0)
    {
      g_string_append (w->out, "<ul>\n");
      state->depth = 1;
    }

  if (block->level <= 1)
    {
      html_tag_run (w, "<li>", block->run, "");
      state->li_open = TRUE;
      return;
    }

  if (state->depth == 1)
    {
      if (!state->li_open)
        {
          g_string_append (w->out, "<li>");
          state->li_open = TRUE;
        }
      g_string_append (w->out, "\n<ul>\n");
      state->depth = 2;
    }
  html_tag_run (w, "<li>", block->run, "</li>\n");
}

gboolean
dossier_export_render_html (DossierExportDoc *doc,
                            GOutputStream    *stream,
                            GError          **error)
{
  g_autoptr(GString) out = g_string_sized_new (64 * 1024 + 4096);
  HtmlWriter w = { doc, out, 0 };
  HtmlState state = { 0, FALSE, FALSE };

  html_head (&w);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierExportBlock *block = g_ptr_array_index (doc->blocks, i);
      DossierExportBlock *next = i + 1 < doc->blocks->len ? g_ptr_array_index (doc->blocks, i + 1) : NULL;

      switch (block->kind)
        {
        case DOSSIER_EXPORT_BLOCK_TITLE:
          html_tag_run (&w, "<header>\n<h1 id=\"title\">", block->run, "</h1>\n");
          if (next == NULL || (next->kind != DOSSIER_EXPORT_BLOCK_SUBTITLE &&
                               next->kind != DOSSIER_EXPORT_BLOCK_META))
            g_string_append (out, "</header>\n");
          break;

        case DOSSIER_EXPORT_BLOCK_SUBTITLE:
          html_tag_run (&w, "<p class=\"subtitle\">", block->run, "</p>\n");
          if (next == NULL || next->kind != DOSSIER_EXPORT_BLOCK_META)
            g_string_append (out, "</header>\n");
          break;

        case DOSSIER_EXPORT_BLOCK_META:
          html_tag_run (&w, "<p class=\"meta\">", block->run, "</p>\n");
          if (block->level <= 1)
            g_string_append (out, "</header>\n");
          break;

        case DOSSIER_EXPORT_BLOCK_HEADING:
          g_string_append_printf (out, "<h%u", block->level <= 2 ? 2 : 3);
          if (block->id != NULL)
            {
              g_string_append (out, " id=\"");
              html_escape (out, block->id);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          html_run (&w, block->run);
          g_string_append_printf (out, "</h%u>\n", block->level <= 2 ? 2 : 3);
          break;

        case DOSSIER_EXPORT_BLOCK_PARAGRAPH:
          html_tag_run (&w, "<p>", block->run, "</p>\n");
          break;

        case DOSSIER_EXPORT_BLOCK_ITEM:
          html_item (&w, &state, block);
          break;

        case DOSSIER_EXPORT_BLOCK_QUOTE:
          if (!state.quote)
            g_string_append (out, "<blockquote>\n");
          state.quote = TRUE;
          html_tag_run (&w, "<p>", block->run, "</p>\n");
          break;

        case DOSSIER_EXPORT_BLOCK_TABLE:
          html_table (&w, block);
          break;

        case DOSSIER_EXPORT_BLOCK_SOURCES:
          html_sources (&w);
          break;

        case DOSSIER_EXPORT_BLOCK_FOOTER:
          html_tag_run (&w, "</main>\n<footer>\n<p>", block->run, "</p>\n</footer>\n");
          break;

        case DOSSIER_EXPORT_BLOCK_CHART:
          html_chart (&w, block);
          break;

        default:
          g_assert_not_reached ();
        }

      html_close_containers (&w, &state, next);

      if ((i & 1023) == 0 && !dossier_export_doc_progress (doc, i, doc->blocks->len, error))
        return FALSE;
      if (!dossier_export_flush (out, stream, FALSE, doc->cancellable, error))
        return FALSE;
    }

  g_string_append (out, "</body>\n</html>\n");
  if (!dossier_export_flush (out, stream, TRUE, doc->cancellable, error))
    return FALSE;

  return dossier_export_doc_progress (doc, 1, 1, error);
}
