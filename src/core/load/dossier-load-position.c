/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <string.h>

/* Where a thing stands in the text: line and column (in characters) of
 * an offset, and of the start tag libxml2 is reporting. */

/* How far back to look for the start of a line when placing a tag that
 * spans lines. */
#define MAX_LINE_SCAN  (64 * 1024)

static guint
count_chars (const char *start,
             const char *end)
{
  const char *p = start;
  guint n = 0;

  /* Eight ASCII bytes at a time: the usual case for markup. */
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        break;
      n += 8;
      p += 8;
    }

  for (; p < end; p++)
    if (((guchar)*p & 0xc0) != 0x80)
      n++;

  return n;
}

/* Line and column (1-based, in characters) of @offset in UTF-8 @data. */
void
dossier_load_offset_to_position (const char *data,
                                 gsize       offset,
                                 guint      *line,
                                 guint      *column)
{
  const char *p = data;
  const char *end = data + offset;
  const char *line_start = data;
  const char *nl;

  *line = 1;
  while (p < end && (nl = memchr (p, '\n', end - p)) != NULL)
    {
      (*line)++;
      line_start = nl + 1;
      p = nl + 1;
    }

  *column = 1 + count_chars (line_start, end);
}

/* The last '<' in [@base, @cur], or NULL: eight bytes at a time, as a
 * start tag with its attributes is often long. @plain says whether the
 * bytes from it to @cur are all ASCII and hold no newline, so that
 * characters are bytes. */
static const char *
find_tag_start (const char *base,
                const char *cur,
                gboolean   *plain)
{
  const char *p = cur + 1;
  guint64 seen = 0;
  gboolean newline = FALSE;

  while (p - base >= 8)
    {
      guint64 word;

      memcpy (&word, p - 8, 8);
      if (has_zero_byte (word ^ (ONES * '<')))
        break;
      newline |= has_zero_byte (word ^ (ONES * '\n'));
      seen |= word;
      p -= 8;
    }

  while (p > base)
    {
      p--;
      if (*p == '<')
        {
          *plain = !newline && (seen & HIGHS) == 0;
          return p;
        }
      newline |= *p == '\n';
      seen |= (guchar)*p;
    }

  return NULL;
}

/* Where the start tag being reported begins. libxml2 calls startElementNs
 * with its input at the end of the tag; the tag's '<' is still in the
 * buffer, and no '<' can stand inside a tag. */
void
dossier_load_element_position (LoadState *state,
                               guint     *line,
                               guint     *column)
{
  xmlParserInputPtr input = state->ctxt->input;
  const char *base = (const char *)input->base;
  const char *cur = (const char *)input->cur;
  const char *lt;
  const char *nl;
  guint newlines = 0;
  gboolean plain = FALSE;

  *line = input->line > 0 ? (guint)input->line : 0;
  *column = input->col > 0 ? (guint)input->col : 0;

  if (base == NULL || cur == NULL || cur < base)
    return;

  lt = find_tag_start (base, cur, &plain);
  if (lt == NULL)
    return;

  /* The usual tag: on one line, in ASCII. */
  if (plain)
    {
      gsize back = cur - lt;

      *column = *column > back ? *column - back : 0;
      return;
    }

  for (const char *p = lt; (nl = memchr (p, '\n', cur - p)) != NULL; p = nl + 1)
    newlines++;

  if (newlines == 0)
    {
      guint back = count_chars (lt, cur);

      *column = *column > back ? *column - back : 0;
      return;
    }

  /* A tag over several lines: its column is counted from the line's
   * start, if that is still in the buffer. */
  *line = *line > newlines ? *line - newlines : 0;
  *column = 0;
  for (const char *p = lt - 1; p >= base && lt - p < MAX_LINE_SCAN; p--)
    {
      if (*p == '\n')
        {
          *column = 1 + count_chars (p + 1, lt);
          return;
        }
    }

  if (lt - base < MAX_LINE_SCAN && input->consumed == 0)
    *column = 1 + count_chars (base, lt);
}
