/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The text of the element being read: white space collapsed on the way
 * in, inline trees built with exactly sized children arrays, the 1 MiB
 * limit. */

/* Collapses white space as the format says: runs become one space,
 * trimmed at both ends. The result is in the arena. */
char *
dossier_load_collapse_plain (DossierArena *arena,
                             const char   *text,
                             gsize         length)
{
  char *out = dossier_arena_alloc (arena, length + 1);
  gboolean pending = FALSE;
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (is_xml_space (text[i]))
        {
          pending = n > 0;
          continue;
        }
      if (pending)
        out[n++] = ' ';
      pending = FALSE;
      out[n++] = text[i];
    }

  out[n] = '\0';
  return out;
}

/* Before an inline element in @node: a space read before it belongs
 * before it, unless nothing but markup follows to the end of the text. */
void
dossier_load_text_before_child (LoadState     *state,
                                DossierInline *node)
{
  gboolean space = state->pending_space && !state->at_start;
  DossierInline *text;

  if (space)
    {
      text_reserve (state, 1);
      state->text[state->text_len++] = ' ';
      state->pending_space = FALSE;
    }

  text = dossier_load_text_flush (state);
  if (space && text != NULL)
    {
      state->space_node = text;
      state->space_parent = node;
    }
}

void
dossier_load_text_end (LoadState *state,
                       Frame     *frame)
{
  dossier_load_text_flush (state);
  state->pending_space = FALSE;
  dossier_load_kids_close (state, frame->node, frame->kids_start);

  /* Every inline element inside has ended: the node holding the space
   * has its children array. */
  if (state->space_node != NULL)
    {
      gsize length = strlen (state->space_node->text);

      if (length > 0 && state->space_node->text[length - 1] == ' ')
        state->space_node->text[length - 1] = '\0';
      if (state->space_node->text[0] == '\0')
        g_ptr_array_remove (state->space_parent->children, state->space_node);
      state->space_node = NULL;
      state->space_parent = NULL;
    }
}

gboolean
dossier_load_text_accept_bytes (LoadState *state,
                                gsize      length)
{
  Frame *root;

  if (state->text_too_long)
    return FALSE;

  state->text_bytes += length;
  if (state->text_bytes <= DOSSIER_LOADER_MAX_TEXT)
    return TRUE;

  root = &state->frames[state->text_frame];
  state->text_too_long = TRUE;
  dossier_load_add_problem (state, DOSSIER_CASE_ERROR_INVALID, root->line, root->column,
                            _("the text of <%s> on line %u is longer than the 1 MiB limit"),
                            element_name (root->element), root->line);
  return FALSE;
}

/* TRUE when @chars holds no white space but single spaces (no control
 * character, no two spaces in a row): text that is collapsed already,
 * but for its ends. Eight bytes at a time. */
static gboolean
is_collapsed (const char *chars,
              gsize       length)
{
  const char *p = chars;
  const char *end = chars + length;
  guint64 last_space = 0;

  while (end - p >= 8)
    {
      guint64 word;
      guint64 x;
      guint64 spaces;

      memcpy (&word, p, 8);
      word = GUINT64_FROM_LE (word);
      /* A byte below 0x20: tab, newline, carriage return. */
      if (((word - ONES * 0x20) & ~word & HIGHS) != 0)
        return FALSE;
      /* 0x80 in each byte that is a space, exactly. */
      x = word ^ (ONES * ' ');
      spaces = ~(((x & ~HIGHS) + ~HIGHS) | x | ~HIGHS);
      if ((spaces & ((spaces << 8) | last_space)) != 0)
        return FALSE;
      last_space = spaces >> 56;
      p += 8;
    }

  for (; p < end; p++)
    {
      if ((guchar)*p < 0x20)
        return FALSE;
      if (*p == ' ' && last_space != 0)
        return FALSE;
      last_space = *p == ' ' ? 0x80 : 0;
    }

  return TRUE;
}

/* Collapses white space on the way in: a run becomes one pending space,
 * written only before the next word. */
void
dossier_load_text_append_inline (LoadState  *state,
                                 const char *chars,
                                 gsize       length)
{
  const char *p = chars;
  const char *end = chars + length;
  gboolean pending;
  gboolean words = FALSE;
  char *out;

  if (!dossier_load_text_accept_bytes (state, length))
    return;

  /* Most text is written with single spaces: it is copied whole, with
   * only its ends to look at. */
  if (is_collapsed (chars, length))
    {
      gboolean trailing;

      if (*p == ' ')
        {
          if (!state->at_start)
            state->pending_space = TRUE;
          p++;
        }
      trailing = p < end && end[-1] == ' ';
      if (trailing)
        end--;
      if (p == end)
        return;

      text_reserve (state, (end - p) + 1);
      if (state->pending_space)
        state->text[state->text_len++] = ' ';
      memcpy (state->text + state->text_len, p, end - p);
      state->text_len += end - p;
      state->at_start = FALSE;
      state->pending_space = trailing;
      state->space_node = NULL;
      return;
    }

  /* At most every byte and one pending space. */
  text_reserve (state, length + 1);
  out = state->text + state->text_len;
  pending = state->pending_space;

  while (p < end)
    {
      if (is_xml_space (*p))
        {
          if (!state->at_start)
            pending = TRUE;
          p++;
          continue;
        }

      if (pending)
        {
          *out++ = ' ';
          pending = FALSE;
        }
      do
        *out++ = *p++;
      while (p < end && !is_xml_space (*p));
      state->at_start = FALSE;
      words = TRUE;
    }

  state->text_len = out - state->text;
  state->pending_space = pending;
  if (words)
    state->space_node = NULL;
}
